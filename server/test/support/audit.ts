import { DataSource } from 'typeorm';
import { AuditCheckpointService } from '../../src/modules/audit/audit-checkpoint.service';
import { AuditRepository } from '../../src/modules/audit/audit.repository';
import { canonicalJson, hashEvent, type AuditChainRow } from '../../src/modules/audit/domain';
import { UnitOfWork } from '../../src/modules/audit/unit-of-work';
import type { TestApp } from './test-app';

/** The demo village's id, read from the database. */
export async function demoVillageId(t: TestApp): Promise<string> {
  const [row] = await t.dataSource.query("SELECT id FROM village WHERE code = '140431203201'");
  return row.id as string;
}

/** Appends `count` events through the real UnitOfWork, one unit of work each, in order. */
export async function appendEvents(t: TestApp, villageId: string, count: number, action = 'test.touched'): Promise<void> {
  const uow = t.app.get(UnitOfWork);
  for (let i = 0; i < count; i++) {
    await uow.run({ villageId, actorId: null, actorRole: 'system', correlationId: `test-${i}` }, ({ record }) =>
      record({ action, entityType: 'village', entityId: villageId, after: { n: i, note: `第${i}次` } }),
    );
  }
}

/** Waits for the checkpoints that commits started in the background. */
export function checkpointsSettled(t: TestApp): Promise<void> {
  return t.app.get(AuditCheckpointService).settled();
}

export async function headSeq(t: TestApp, villageId: string): Promise<number> {
  const [row] = await t.dataSource.query('SELECT last_seq FROM audit_chain_head WHERE village_id = ?', [villageId]);
  return Number(row?.last_seq ?? 0);
}

/** Every seq of the village in order: a gap-free trail is exactly 1..n. */
export async function seqs(dataSource: DataSource, villageId: string): Promise<number[]> {
  const rows = await dataSource.query('SELECT seq FROM audit_event WHERE village_id = ? ORDER BY seq', [villageId]);
  return rows.map((r: { seq: number | string }) => Number(r.seq));
}

type RawRow = Record<string, unknown>;

/**
 * Tampering as someone with database access would: raw SQL, no entity listeners. Each returns a
 * function that undoes it, so one trail serves every tamper test.
 */
export const tamper = {
  async editField(ds: DataSource, villageId: string, seq: number, column: string, value: unknown): Promise<() => Promise<void>> {
    const [before] = await ds.query(`SELECT ${column} AS v FROM audit_event WHERE village_id = ? AND seq = ?`, [villageId, seq]);
    await ds.query(`UPDATE audit_event SET ${column} = ? WHERE village_id = ? AND seq = ?`, [value, villageId, seq]);
    return async () => {
      await ds.query(`UPDATE audit_event SET ${column} = ? WHERE village_id = ? AND seq = ?`, [before.v, villageId, seq]);
    };
  },

  async deleteRows(ds: DataSource, villageId: string, fromSeq: number, toSeq = fromSeq): Promise<() => Promise<void>> {
    const rows: RawRow[] = await ds.query('SELECT * FROM audit_event WHERE village_id = ? AND seq BETWEEN ? AND ? ORDER BY seq', [villageId, fromSeq, toSeq]);
    await ds.query('DELETE FROM audit_event WHERE village_id = ? AND seq BETWEEN ? AND ?', [villageId, fromSeq, toSeq]);
    return async () => {
      for (const row of rows) {
        const columns = Object.keys(row);
        await ds.query(`INSERT INTO audit_event (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, columns.map((c) => row[c]));
      }
    };
  },

  /** Exchanges the seq values of two rows (through a free value: (village_id, seq) is unique). */
  async swapSeqs(ds: DataSource, villageId: string, a: number, b: number): Promise<() => Promise<void>> {
    const swap = async (): Promise<void> => {
      await ds.query('UPDATE audit_event SET seq = ? WHERE village_id = ? AND seq = ?', [-1, villageId, a]);
      await ds.query('UPDATE audit_event SET seq = ? WHERE village_id = ? AND seq = ?', [a, villageId, b]);
      await ds.query('UPDATE audit_event SET seq = ? WHERE village_id = ? AND seq = ?', [b, villageId, -1]);
    };
    await swap();
    return swap;
  },

  /** Moves the chain head back to `seq`, as someone hiding deleted tail rows would. */
  async rewindHead(ds: DataSource, villageId: string, seq: number): Promise<() => Promise<void>> {
    const [head] = await ds.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE village_id = ?', [villageId]);
    const [row] = await ds.query('SELECT hash FROM audit_event WHERE village_id = ? AND seq = ?', [villageId, seq]);
    await ds.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE village_id = ?', [seq, row.hash, villageId]);
    return async () => {
      await ds.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE village_id = ?', [head.last_seq, head.last_hash, villageId]);
    };
  },

  async editCheckpoint(ds: DataSource, villageId: string, treeSize: number, column: string, value: unknown): Promise<() => Promise<void>> {
    const [before] = await ds.query(`SELECT ${column} AS v FROM audit_checkpoint WHERE village_id = ? AND tree_size = ?`, [villageId, treeSize]);
    await ds.query(`UPDATE audit_checkpoint SET ${column} = ? WHERE village_id = ? AND tree_size = ?`, [value, villageId, treeSize]);
    return async () => {
      await ds.query(`UPDATE audit_checkpoint SET ${column} = ? WHERE village_id = ? AND tree_size = ?`, [before.v, villageId, treeSize]);
    };
  },

  /**
   * The careful forger: edits row `seq`, recomputes its hash and every later row's prevHash and
   * hash, and moves the head, so the chain alone is self-consistent again. Only a signed checkpoint
   * can catch this.
   */
  async rewriteAndRehash(ds: DataSource, villageId: string, seq: number, change: Partial<AuditChainRow>): Promise<() => Promise<void>> {
    const repo = new AuditRepository(ds);
    const original = await repo.chainPage(villageId, { afterSeq: seq - 1, upToSeq: Number.MAX_SAFE_INTEGER, limit: 100_000 });
    const [head] = await ds.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE village_id = ?', [villageId]);
    let prevHash = original[0].prevHash;
    for (const [i, row] of original.entries()) {
      const forged = i === 0 ? { ...row, ...change } : row;
      const hash = hashEvent(prevHash, forged);
      await ds.query('UPDATE audit_event SET after_json = ?, prev_hash = ?, hash = ? WHERE village_id = ? AND seq = ?', [
        forged.after === null ? null : canonicalJson(forged.after),
        prevHash,
        hash,
        villageId,
        row.seq,
      ]);
      prevHash = hash;
    }
    await ds.query('UPDATE audit_chain_head SET last_hash = ? WHERE village_id = ?', [prevHash, villageId]);
    return async () => {
      for (const row of original) {
        await ds.query('UPDATE audit_event SET after_json = ?, prev_hash = ?, hash = ? WHERE village_id = ? AND seq = ?', [
          row.after === null ? null : canonicalJson(row.after),
          row.prevHash,
          row.hash,
          villageId,
          row.seq,
        ]);
      }
      await ds.query('UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE village_id = ?', [head.last_seq, head.last_hash, villageId]);
    };
  },
};
