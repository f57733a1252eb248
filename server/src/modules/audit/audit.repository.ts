import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Resident, Village } from '../villages/entities';
import type { AuditChainRow, JsonValue } from './domain';
import { AuditChainHead } from './entities/audit-chain-head.entity';
import { AuditCheckpoint } from './entities/audit-checkpoint.entity';
import { AuditEvent } from './entities/audit-event.entity';

/** What the browser and the CSV export may filter on; the village always comes from the session. */
export interface AuditEventFilter {
  villageId: string;
  actorId?: string;
  /** `resident.wechat` matches `resident.wechat` itself and every `resident.wechat.*`. */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive lower bound on occurredAt, ISO UTC with milliseconds. */
  occurredFrom?: string;
  /** Exclusive upper bound on occurredAt. */
  occurredBefore?: string;
}

/** An event as the browser shows it: the stored row plus the actor's name. */
export interface AuditEventRecord {
  seq: number;
  villageId: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  correlationId: string | null;
  prevHash: string;
  hash: string;
}

export interface LeafRow {
  seq: number;
  hash: string;
}

export interface CheckpointCandidate {
  villageId: string;
  lastSeq: number;
  latestTreeSize: number | null;
  latestCreatedAt: string | null;
}

/** Which rows a verification or proof reads, by seq. */
export interface SeqWindow {
  /** Rows with seq greater than this (keyset pagination). */
  afterSeq: number;
  /** …and at most this. */
  upToSeq: number;
  limit: number;
}

/**
 * The only code that touches the audit tables. Long reads are keyset-paginated by (village_id, seq),
 * which the unique index serves, so a page costs the same at seq 10 as at seq 1,000,000.
 */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async head(villageId: string): Promise<{ lastSeq: number; lastHash: string } | null> {
    const head = await this.dataSource.getRepository(AuditChainHead).findOneBy({ villageId });
    return head ? { lastSeq: Number(head.lastSeq), lastHash: head.lastHash } : null;
  }

  /** Rows in seq order with exactly the hashed fields, before/after parsed back from their canonical JSON. */
  async chainPage(villageId: string, window: SeqWindow): Promise<AuditChainRow[]> {
    const rows = await this.events('e')
      .select([
        'e.villageId AS villageId',
        'e.seq AS seq',
        'e.occurredAt AS occurredAt',
        'e.actorId AS actorId',
        'e.actorRole AS actorRole',
        'e.action AS action',
        'e.entityType AS entityType',
        'e.entityId AS entityId',
        'e.beforeJson AS beforeJson',
        'e.afterJson AS afterJson',
        'e.correlationId AS correlationId',
        'e.prevHash AS prevHash',
        'e.hash AS hash',
      ])
      .where('e.villageId = :villageId AND e.seq > :after AND e.seq <= :upTo', {
        villageId,
        after: window.afterSeq,
        upTo: window.upToSeq,
      })
      .orderBy('e.seq', 'ASC')
      .limit(window.limit)
      .getRawMany<RawChainRow>();
    return rows.map(toChainRow);
  }

  /** The one row at `seq`, as hashed; null when there is none. */
  async chainRowAt(villageId: string, seq: number): Promise<AuditChainRow | null> {
    const [row] = await this.chainPage(villageId, { afterSeq: seq - 1, upToSeq: seq, limit: 1 });
    return row ?? null;
  }

  /** Only seq and hash: the Merkle leaves, 32 bytes each. */
  async leafPage(villageId: string, window: SeqWindow): Promise<LeafRow[]> {
    const rows = await this.events('e')
      .select(['e.seq AS seq', 'e.hash AS hash'])
      .where('e.villageId = :villageId AND e.seq > :after AND e.seq <= :upTo', {
        villageId,
        after: window.afterSeq,
        upTo: window.upToSeq,
      })
      .orderBy('e.seq', 'ASC')
      .limit(window.limit)
      .getRawMany<{ seq: number | string; hash: string }>();
    return rows.map((r) => ({ seq: Number(r.seq), hash: r.hash }));
  }

  /**
   * Seqs of the rows that link to `hash` from either side: the one whose hash it is, and the one
   * whose prevHash it is. Only used once a verification has failed, to tell a moved row from an
   * edited one; a full scan of the village is acceptable there.
   */
  async seqsLinkedTo(villageId: string, prevHash: string, hash: string): Promise<{ previous: number[]; next: number[] }> {
    const seqsWhere = (condition: string, h: string): Promise<{ seq: number }[]> =>
      this.events('e').select('e.seq', 'seq').where(`e.villageId = :villageId AND ${condition}`, { villageId, h }).limit(4).getRawMany();
    const [previous, next] = await Promise.all([seqsWhere('e.hash = :h', prevHash), seqsWhere('e.prevHash = :h', hash)]);
    return { previous: previous.map((r) => Number(r.seq)), next: next.map((r) => Number(r.seq)) };
  }

  // ---- checkpoints ----

  /** Oldest first, keyset by treeSize. */
  checkpointPage(villageId: string, afterTreeSize: number, limit: number): Promise<AuditCheckpoint[]> {
    return this.checkpoints('c')
      .where('c.villageId = :villageId AND c.treeSize > :after', { villageId, after: afterTreeSize })
      .orderBy('c.treeSize', 'ASC')
      .limit(limit)
      .getMany()
      .then(normaliseCheckpoints);
  }

  /** Newest first, keyset by treeSize: for finding the newest checkpoint that verifies. */
  checkpointPageDescending(villageId: string, beforeTreeSize: number, limit: number): Promise<AuditCheckpoint[]> {
    return this.checkpoints('c')
      .where('c.villageId = :villageId AND c.treeSize < :before', { villageId, before: beforeTreeSize })
      .orderBy('c.treeSize', 'DESC')
      .limit(limit)
      .getMany()
      .then(normaliseCheckpoints);
  }

  async checkpointAt(villageId: string, treeSize: number): Promise<AuditCheckpoint | null> {
    const found = await this.dataSource.getRepository(AuditCheckpoint).findOneBy({ villageId, treeSize });
    return found ? normaliseCheckpoint(found) : null;
  }

  /** The newest checkpoint covering `seq`, if any. */
  async latestCheckpointCovering(villageId: string, seq: number): Promise<AuditCheckpoint | null> {
    const found = await this.checkpoints('c')
      .where('c.villageId = :villageId AND c.treeSize >= :seq', { villageId, seq })
      .orderBy('c.treeSize', 'DESC')
      .getOne();
    return found ? normaliseCheckpoint(found) : null;
  }

  async listCheckpoints(villageId: string, offset: number, limit: number): Promise<[AuditCheckpoint[], number]> {
    const [rows, total] = await this.checkpoints('c')
      .where('c.villageId = :villageId', { villageId })
      .orderBy('c.treeSize', 'DESC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
    return [normaliseCheckpoints(rows), total];
  }

  /** Inserts unless one exists at the same (village, treeSize); says which happened. */
  async insertCheckpoint(checkpoint: AuditCheckpoint): Promise<'inserted' | 'duplicate'> {
    try {
      await this.dataSource.getRepository(AuditCheckpoint).insert(checkpoint);
      return 'inserted';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /** Every village with events, its head, and its newest checkpoint: what the daily timer looks at. */
  async checkpointCandidates(): Promise<CheckpointCandidate[]> {
    const rows = await this.dataSource
      .getRepository(AuditChainHead)
      .createQueryBuilder('h')
      .leftJoin(AuditCheckpoint, 'c', 'c.villageId = h.villageId')
      .select(['h.villageId AS villageId', 'h.lastSeq AS lastSeq', 'MAX(c.treeSize) AS latestTreeSize', 'MAX(c.createdAt) AS latestCreatedAt'])
      .where('h.lastSeq > 0')
      .groupBy('h.villageId')
      .addGroupBy('h.lastSeq')
      .getRawMany<{ villageId: string; lastSeq: number | string; latestTreeSize: number | string | null; latestCreatedAt: string | null }>();
    return rows.map((r) => ({
      villageId: r.villageId,
      lastSeq: Number(r.lastSeq),
      latestTreeSize: r.latestTreeSize === null ? null : Number(r.latestTreeSize),
      latestCreatedAt: r.latestCreatedAt,
    }));
  }

  // ---- browsing ----

  async browse(filter: AuditEventFilter, offset: number, limit: number): Promise<[AuditEventRecord[], number]> {
    const rows = await this.withActorName(this.filtered(filter))
      .orderBy('e.seq', 'DESC')
      .offset(offset)
      .limit(limit)
      .getRawMany<RawEventRecord>();
    const total = await this.filtered(filter).getCount();
    return [rows.map(toEventRecord), total];
  }

  /** Oldest first after `afterSeq` and up to `upToSeq`: the CSV export's pages. */
  async exportPage(filter: AuditEventFilter, window: SeqWindow): Promise<AuditEventRecord[]> {
    const rows = await this.withActorName(this.filtered(filter))
      .andWhere('e.seq > :after AND e.seq <= :upTo', { after: window.afterSeq, upTo: window.upToSeq })
      .orderBy('e.seq', 'ASC')
      .limit(window.limit)
      .getRawMany<RawEventRecord>();
    return rows.map(toEventRecord);
  }

  async eventAt(villageId: string, seq: number): Promise<AuditEventRecord | null> {
    const query = this.events('e').where('e.villageId = :villageId AND e.seq = :seq', { villageId, seq });
    const row = await this.withActorName(query).getRawOne<RawEventRecord>();
    return row ? toEventRecord(row) : null;
  }

  // ---- villages ----

  findVillage(idOrCode: string): Promise<Village | null> {
    const repo = this.dataSource.getRepository(Village);
    return /^\d{12}$/.test(idOrCode) ? repo.findOneBy({ code: idOrCode }) : repo.findOneBy({ id: idOrCode });
  }

  private events(alias: string): SelectQueryBuilder<AuditEvent> {
    return this.dataSource.getRepository(AuditEvent).createQueryBuilder(alias);
  }

  private checkpoints(alias: string): SelectQueryBuilder<AuditCheckpoint> {
    return this.dataSource.getRepository(AuditCheckpoint).createQueryBuilder(alias);
  }

  private filtered(filter: AuditEventFilter): SelectQueryBuilder<AuditEvent> {
    const query = this.events('e').where('e.villageId = :villageId', { villageId: filter.villageId });
    if (filter.actorId) query.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.action) {
      // `!` escapes LIKE wildcards the same way on SQLite and MySQL (backslash does not).
      const prefix = `${filter.action.replace(/[!%_]/g, (c) => `!${c}`)}.%`;
      query.andWhere("(e.action = :action OR e.action LIKE :actionPrefix ESCAPE '!')", { action: filter.action, actionPrefix: prefix });
    }
    if (filter.entityType) query.andWhere('e.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('e.entityId = :entityId', { entityId: filter.entityId });
    // occurredAt is a fixed-width ISO UTC string, so text order is time order on both databases.
    if (filter.occurredFrom) query.andWhere('e.occurredAt >= :from', { from: filter.occurredFrom });
    if (filter.occurredBefore) query.andWhere('e.occurredAt < :before', { before: filter.occurredBefore });
    return query;
  }

  private withActorName(query: SelectQueryBuilder<AuditEvent>): SelectQueryBuilder<AuditEvent> {
    return query
      .leftJoin(Resident, 'r', 'r.id = e.actorId AND r.villageId = e.villageId')
      .select([
        'e.seq AS seq',
        'e.villageId AS villageId',
        'e.occurredAt AS occurredAt',
        'e.actorId AS actorId',
        'r.name AS actorName',
        'e.actorRole AS actorRole',
        'e.action AS action',
        'e.entityType AS entityType',
        'e.entityId AS entityId',
        'e.beforeJson AS beforeJson',
        'e.afterJson AS afterJson',
        'e.correlationId AS correlationId',
        'e.prevHash AS prevHash',
        'e.hash AS hash',
      ]);
  }
}

/** A chain row as the driver returns it: MySQL may hand back `seq` as a string. */
type RawChainRow = Omit<AuditEventRecord, 'actorName' | 'seq'> & { seq: number | string };

type RawEventRecord = Omit<AuditEventRecord, 'seq'> & { seq: number | string };

function toChainRow(r: RawChainRow): AuditChainRow {
  return {
    villageId: r.villageId,
    // A seq that is not a plain integer (edited to text outside the app) stays as read and is reported as malformed.
    seq: typeof r.seq === 'string' && /^\d+$/.test(r.seq) ? Number(r.seq) : (r.seq as number),
    occurredAt: r.occurredAt,
    actorId: r.actorId,
    actorRole: r.actorRole,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: parseStoredJson(r.beforeJson),
    after: parseStoredJson(r.afterJson),
    correlationId: r.correlationId,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/**
 * Stored snapshots are canonical JSON text. Text that no longer parses was changed outside the app:
 * it is passed on as `undefined`, which the hash refuses, so verification reports the row as malformed.
 */
function parseStoredJson(text: string | null): JsonValue | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined as unknown as JsonValue;
  }
}

function toEventRecord(r: RawEventRecord): AuditEventRecord {
  return { ...r, seq: Number(r.seq), actorName: r.actorName ?? null };
}

function normaliseCheckpoint(c: AuditCheckpoint): AuditCheckpoint {
  c.treeSize = Number(c.treeSize);
  c.lastSeq = Number(c.lastSeq);
  return c;
}

function normaliseCheckpoints(rows: AuditCheckpoint[]): AuditCheckpoint[] {
  return rows.map(normaliseCheckpoint);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
