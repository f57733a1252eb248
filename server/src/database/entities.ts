import { AuditChainHead } from '../modules/audit/entities/audit-chain-head.entity';
import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { AuditCheckpoint } from '../modules/audit/entities/audit-checkpoint.entity';
import { AuditEvent } from '../modules/audit/entities/audit-event.entity';
import {
  AccountBinding,
  AuthSession,
  BindingAttempt,
  BindingCode,
  TownshipStaff,
  WechatAccount,
} from '../modules/identity/entities';
import { CorrectionRequest } from '../modules/roster/entities/correction-request.entity';
import { Ballot, BallotEligibility, BallotOpenVote, BallotPaperCount, BallotParticipation, BallotResult, BallotSecretChoice } from '../modules/voting/entities';
import { AssemblyAuthorizationRow, ConveningPetition, Matter, MatterFile, MatterMeeting, MatterObjection, MatterOpinion, MatterProgress, MatterPolicyRow, MatterRevision, MatterTypeConfig } from '../modules/matters/entities';
import { POINTS_ENTITIES } from '../modules/points/entities';
import { Proposal, ProposalCosign, ProposalEvent, ProposalPhoto, ProposalSettingsRow } from '../modules/proposals/entities';
import { MediaCheck } from '../modules/wechat/entities/media-check.entity';
import { Notice, NoticeAttachment, NoticeInPerson, NoticePolicyRow, NoticeQuery, NoticeRead } from '../modules/notices/entities';
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
  AuditCheckpoint,
  IdempotencyRecord,
  WechatAccount,
  AccountBinding,
  AuthSession,
  BindingCode,
  BindingAttempt,
  TownshipStaff,
  CorrectionRequest,
  Notice,
  NoticeAttachment,
  NoticeRead,
  NoticeInPerson,
  NoticeQuery,
  NoticePolicyRow,
  Ballot, BallotEligibility, BallotParticipation, BallotOpenVote, BallotSecretChoice, BallotPaperCount, BallotResult,
  Matter, MatterRevision, MatterMeeting, MatterObjection, MatterOpinion, MatterProgress, MatterFile,
  MatterTypeConfig, MatterPolicyRow, AssemblyAuthorizationRow, ConveningPetition,
  MediaCheck,
  Proposal, ProposalCosign, ProposalPhoto, ProposalEvent, ProposalSettingsRow,
  ...POINTS_ENTITIES,
];
