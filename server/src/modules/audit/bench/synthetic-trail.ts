import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import type { AuditSigningKey } from '../audit-signing-key';
import { canonicalJson, GENESIS_HASH, MerkleAccumulator, type AuditEventContent, type JsonValue } from '../domain';

export interface SyntheticTrailOptions {
  villageId: string;
  events: number;
  /** Sign a checkpoint every this many events (0: none). Needs `key`. */
  checkpointEvery?: number;
  key?: AuditSigningKey;
  /** Rows per INSERT statement. */
  batch?: number;
  startAt?: Date;
  onProgress?: (written: number) => void;
}

export interface SyntheticTrailStats {
  events: number;
  checkpoints: number;
  headHash: string;
  /** Bytes fed to SHA-256 for the event hashes (prevHash ‖ canonical JSON), summed over all events. */
  hashedBytes: number;
  /** Time spent in SHA-256 alone over exactly those bytes: the floor any verifier could reach. */
  sha256Ms: number;
  writeMs: number;
}

const EVENT_COLUMNS =
  'id, village_id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before_json, after_json, correlation_id, prev_hash, hash';
const CHECKPOINT_COLUMNS = 'id, village_id, tree_size, last_seq, head_hash, root_hash, created_at, key_id, signature, trigger_kind, requested_by';
const ACTIONS = ['household.representative.changed', 'resident.wechat.bound', 'matter.stage.advanced', 'ballot.cast', 'notice.published'];
const ROLES = ['secretary', 'village_committee', 'supervisor', 'household_rep', 'villager'];

/**
 * Writes a valid audit trail of `events` synthetic events (and signed checkpoints) straight into
 * audit_event with batched raw INSERTs, bypassing the UnitOfWork: for benchmarks and size tests only.
 * Memory stays constant: one batch of rows and the Merkle accumulator.
 */
export async function writeSyntheticTrail(dataSource: DataSource, options: SyntheticTrailOptions): Promise<SyntheticTrailStats> {
  const { villageId, events } = options;
  const batch = options.batch ?? 500;
  const every = options.checkpointEvery ?? 0;
  if (every > 0 && !options.key) throw new Error('checkpointEvery needs a signing key');
  const start = (options.startAt ?? new Date(Date.UTC(2026, 0, 1))).getTime();
  const actors = Array.from({ length: 40 }, () => randomUUID());
  const entities = Array.from({ length: 500 }, () => randomUUID());
  const tree = new MerkleAccumulator();
  const started = performance.now();

  let prevHash = GENESIS_HASH;
  let hashedBytes = 0;
  let sha256Ms = 0;
  let checkpoints = 0;
  const runner = dataSource.createQueryRunner();
  try {
    for (let from = 1; from <= events; from += batch) {
      const to = Math.min(events, from + batch - 1);
      const contents: AuditEventContent[] = [];
      const jsons: Buffer[] = [];
      for (let seq = from; seq <= to; seq++) {
        const content = syntheticEvent(villageId, seq, start, actors, entities);
        contents.push(content);
        jsons.push(Buffer.from(canonicalJson(content as unknown as JsonValue), 'utf8'));
      }
      // hash = SHA-256(prevHashBytes ‖ canonical JSON): exactly what hashEvent computes, timed alone.
      const rows: unknown[] = [];
      const signedCheckpoints: unknown[] = [];
      const batchPrev = prevHash;
      const t0 = performance.now();
      const hashes: string[] = [];
      for (const json of jsons) {
        prevHash = createHash('sha256').update(Buffer.from(prevHash, 'hex')).update(json).digest('hex');
        hashes.push(prevHash);
        hashedBytes += 32 + json.length;
      }
      sha256Ms += performance.now() - t0;

      for (let i = 0; i < contents.length; i++) {
        const c = contents[i];
        const hash = hashes[i];
        const prev = i === 0 ? batchPrev : hashes[i - 1];
        rows.push(
          randomUUID(), c.villageId, c.seq, c.occurredAt, c.actorId, c.actorRole, c.action, c.entityType, c.entityId,
          c.before === null ? null : canonicalJson(c.before), c.after === null ? null : canonicalJson(c.after), c.correlationId, prev, hash,
        );
        tree.push(Buffer.from(hash, 'hex'));
        if (every > 0 && c.seq % every === 0 && options.key) {
          const statement = {
            villageId,
            treeSize: c.seq,
            rootHash: tree.root().toString('hex'),
            lastSeq: c.seq,
            headHash: hash,
            createdAt: new Date(start + c.seq * 37_000 + 1000).toISOString(),
          };
          signedCheckpoints.push(
            randomUUID(), villageId, statement.treeSize, statement.lastSeq, statement.headHash, statement.rootHash,
            statement.createdAt, options.key.keyId, options.key.sign(statement), 'every_n', null,
          );
          checkpoints++;
        }
      }

      await runner.startTransaction();
      await runner.query(`INSERT INTO audit_event (${EVENT_COLUMNS}) VALUES ${placeholders(contents.length, 14)}`, rows);
      if (signedCheckpoints.length > 0) {
        await runner.query(`INSERT INTO audit_checkpoint (${CHECKPOINT_COLUMNS}) VALUES ${placeholders(signedCheckpoints.length / 11, 11)}`, signedCheckpoints);
      }
      await runner.commitTransaction();
      options.onProgress?.(to);
    }
    await runner.query('DELETE FROM audit_chain_head WHERE village_id = ?', [villageId]);
    await runner.query('INSERT INTO audit_chain_head (village_id, last_seq, last_hash) VALUES (?, ?, ?)', [villageId, events, prevHash]);
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  return { events, checkpoints, headHash: prevHash, hashedBytes, sha256Ms, writeMs: performance.now() - started };
}

function placeholders(rows: number, columns: number): string {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  return Array.from({ length: rows }, () => row).join(', ');
}

/** A plausible event: village-sized snapshots with Chinese text, deterministic in seq. */
function syntheticEvent(villageId: string, seq: number, start: number, actors: string[], entities: string[]): AuditEventContent {
  const system = seq % 17 === 0;
  return {
    villageId,
    seq,
    occurredAt: new Date(start + seq * 37_000).toISOString(),
    actorId: system ? null : actors[seq % actors.length],
    actorRole: system ? 'system' : ROLES[seq % ROLES.length],
    action: ACTIONS[seq % ACTIONS.length],
    entityType: 'household',
    entityId: entities[seq % entities.length],
    before: seq % 3 === 0 ? null : { representative: `村民${seq % 256}`, status: 'active', version: seq % 9 },
    after: { representative: `村民${(seq + 1) % 256}`, status: 'active', version: (seq % 9) + 1, note: `第${seq}次变更：户代表更换，经户内协商一致` },
    correlationId: system ? null : `req-${seq.toString(36)}`,
  };
}
