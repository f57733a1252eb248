import { AuditChainHead } from '../modules/audit/entities/audit-chain-head.entity';
import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import {
  AccountBinding,
  AuthSession,
  BindingAttempt,
  BindingCode,
  WechatAccount,
} from '../modules/identity/entities';
import {
  CouncilChannel,
  Grid,
  Household,
  Resident,
  RoleAssignment,
  Township,
  Village,
  VillageGroup,
} from '../modules/villages/entities';

/** Every entity, registered explicitly so the app, CLI and tests see the same schema. */
export const ALL_ENTITIES = [
  Township,
  Village,
  CouncilChannel,
  VillageGroup,
  Grid,
  Household,
  Resident,
  RoleAssignment,
  AuditEvent,
  AuditChainHead,
  WechatAccount,
  AccountBinding,
  AuthSession,
  BindingCode,
  BindingAttempt,
];
