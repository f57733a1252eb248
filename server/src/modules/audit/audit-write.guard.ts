import {
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  ObjectLiteral,
  RemoveEvent,
  SoftRemoveEvent,
  UpdateEvent,
} from 'typeorm';
import { auditScope } from './audit-scope';

export class UnauditedWriteError extends Error {
  constructor(operation: string, entity: string) {
    super(`${operation} ${entity} outside a unit of work: every change to village data must go through UnitOfWork.run()`);
    this.name = 'UnauditedWriteError';
  }
}

/**
 * Refuses any entity write that is not inside UnitOfWork.run() on that unit's own transaction, so no
 * code path can change village data without an audit event. (Raw SQL bypasses entity listeners; only
 * migrations and tests that tamper on purpose use it.)
 */
/**
 * Accounts and sessions belong to WeChat users, not to a village; the trail's own tables are written by
 * UnitOfWork. Signed checkpoints are derived from the trail and vouch for themselves (a row that is
 * not signed by the server's key fails verification), so they are written outside a unit of work.
 */
const OUTSIDE_VILLAGE_DATA = new Set(['wechat_account', 'auth_session', 'binding_attempt', 'idempotency_record', 'audit_checkpoint', 'township_staff']);
const AUDIT_TABLES = new Set(['audit_event', 'audit_chain_head']);

@EventSubscriber()
export class AuditWriteGuard implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    this.check('insert', event.metadata.tableName, event.queryRunner);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    this.check('update', event.metadata.tableName, event.queryRunner);
  }

  beforeRemove(event: RemoveEvent<ObjectLiteral>): void {
    this.check('delete', event.metadata.tableName, event.queryRunner);
  }

  beforeSoftRemove(event: SoftRemoveEvent<ObjectLiteral>): void {
    this.check('soft-delete', event.metadata.tableName, event.queryRunner);
  }

  private check(operation: string, table: string, queryRunner: unknown): void {
    if (OUTSIDE_VILLAGE_DATA.has(table)) return;
    const scope = auditScope.getStore();
    if (!scope || scope.queryRunner !== queryRunner) throw new UnauditedWriteError(operation, table);
    if (!AUDIT_TABLES.has(table)) scope.writes += 1;
  }
}
