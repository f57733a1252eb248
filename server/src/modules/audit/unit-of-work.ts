import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../../common/clock';
import { auditScope, AuditScope } from './audit-scope';
import { canonicalJson, GENESIS_HASH, hashEvent, type AuditEventContent, type JsonValue } from './domain';
import { AuditChainHead } from './entities/audit-chain-head.entity';
import { AuditEvent } from './entities/audit-event.entity';

/** Who is acting, for which village, on which request. */
export interface AuditActor {
  villageId: string;
  actorId: string | null;
  actorRole: string | null;
  correlationId: string | null;
}

export interface AuditChange {
  /** dotted, past tense: `household.representative.changed` */
  action: string;
  entityType: string;
  entityId: string;
  /** Snapshots with personal data already masked. */
  before?: JsonValue | null;
  after?: JsonValue | null;
}

export interface Work {
  manager: EntityManager;
  actor: AuditActor;
  record(change: AuditChange): Promise<void>;
}

/** What a committed unit of work appended: seq firstSeq..lastSeq of one village. */
export interface CommittedAppend {
  villageId: string;
  firstSeq: number;
  lastSeq: number;
}

export type CommitListener = (append: CommittedAppend) => void;

export class MissingAuditEventError extends Error {
  constructor() {
    super('a unit of work changed data without recording an audit event');
    this.name = 'MissingAuditEventError';
  }
}

/**
 * The one write path: the state change and its audit events commit together or not at all.
 * Each run locks the village's chain head first, so appends are serialised per village and the
 * sequence stays gap-free under concurrent writers. SQLite has a single connection that TypeORM does
 * not serialise transactions on, so runs there also queue behind each other in-process.
 */
export class UnitOfWork {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private readonly listeners: CommitListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  run<T>(actor: AuditActor, work: (w: Work) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') return this.withRetry(actor, work);
    return this.exclusive(() => this.transaction(actor, work));
  }

  /**
   * Called after each unit of work that appended events has committed (never for a rolled-back
   * one). Listeners run synchronously on the committing path and must not throw or block: start
   * background work and return.
   */
  onCommitted(listener: CommitListener): void {
    this.listeners.push(listener);
  }

  /**
   * Runs `task` while no unit of work is in flight. On SQLite every query shares one connection, so
   * a reader outside a transaction would otherwise see another unit's uncommitted rows (and could,
   * say, sign a checkpoint over events that are then rolled back). On MySQL each query has its own
   * connection and sees only committed rows, so `task` just runs.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') return task();
    const next = this.sqliteQueue.then(task, task);
    this.sqliteQueue = next.catch(() => undefined);
    return next;
  }

  private async withRetry<T>(actor: AuditActor, work: (w: Work) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.transaction(actor, work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      }
    }
  }

  private async transaction<T>(actor: AuditActor, work: (w: Work) => Promise<T>): Promise<T> {
    let appended = null as CommittedAppend | null;
    const result = await this.dataSource.transaction(async (manager) => {
      const scope: AuditScope = { queryRunner: manager.queryRunner, writes: 0, events: 0 };
      return auditScope.run(scope, async () => {
        const head = await this.lockHead(manager, actor.villageId);
        const startSeq = head.lastSeq;
        const record = async (change: AuditChange): Promise<void> => {
          const content: AuditEventContent = {
            villageId: actor.villageId,
            seq: head.lastSeq + 1,
            occurredAt: this.clock.now().toISOString(),
            actorId: actor.actorId,
            actorRole: actor.actorRole,
            action: change.action,
            entityType: change.entityType,
            entityId: change.entityId,
            before: change.before ?? null,
            after: change.after ?? null,
            correlationId: actor.correlationId,
          };
          const hash = hashEvent(head.lastHash, content);
          await manager.insert(AuditEvent, {
            id: randomUUID(),
            ...content,
            beforeJson: content.before === null ? null : canonicalJson(content.before),
            afterJson: content.after === null ? null : canonicalJson(content.after),
            prevHash: head.lastHash,
            hash,
          });
          head.lastSeq = content.seq;
          head.lastHash = hash;
          scope.events += 1;
        };

        const result = await work({ manager, actor, record });
        if (scope.writes > 0 && scope.events === 0) throw new MissingAuditEventError();
        if (head.lastSeq !== startSeq) {
          await manager.update(AuditChainHead, { villageId: actor.villageId }, { lastSeq: head.lastSeq, lastHash: head.lastHash });
          appended = { villageId: actor.villageId, firstSeq: startSeq + 1, lastSeq: head.lastSeq };
        }
        return result;
      });
    });
    if (appended) this.notify(appended);
    return result;
  }

  private notify(append: CommittedAppend): void {
    for (const listener of this.listeners) {
      try {
        listener(append);
      } catch (error) {
        // The change is committed; a listener's failure must not turn it into an error for the caller.
        new Logger(UnitOfWork.name).error({ err: error, villageId: append.villageId }, 'commit listener failed');
      }
    }
  }

  private async lockHead(manager: EntityManager, villageId: string): Promise<AuditChainHead> {
    const select = (): Promise<AuditChainHead | null> => {
      const query = manager
        .getRepository(AuditChainHead)
        .createQueryBuilder('head')
        .where('head.village_id = :villageId', { villageId });
      // SQLite's single writer already serialises; MySQL needs the row lock.
      if (this.dataSource.options.type === 'mysql') query.setLock('pessimistic_write');
      return query.getOne();
    };
    const head = await select();
    if (head) return head;
    // A village's first event creates its head. Two first writers racing here deadlock or collide on
    // MySQL; run() retries the loser, which then finds the row.
    try {
      await manager.insert(AuditChainHead, { villageId, lastSeq: 0, lastHash: GENESIS_HASH });
    } catch (error) {
      if (driverCode(error) === 'ER_DUP_ENTRY') throw new ChainHeadRace();
      throw error;
    }
    return { villageId, lastSeq: 0, lastHash: GENESIS_HASH };
  }
}

class ChainHeadRace extends Error {}

const RETRYABLE_MYSQL_ERRORS = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const MAX_ATTEMPTS = 3;

function driverCode(error: unknown): unknown {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  return e?.driverError?.code ?? e?.code;
}

function isRetryable(error: unknown): boolean {
  const code = driverCode(error);
  return error instanceof ChainHeadRace || (typeof code === 'string' && RETRYABLE_MYSQL_ERRORS.has(code));
}
