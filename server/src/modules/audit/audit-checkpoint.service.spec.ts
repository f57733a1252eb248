import { Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { AuditCheckpointService } from './audit-checkpoint.service';
import type { AuditRepository } from './audit.repository';
import { AuditSigningKey } from './audit-signing-key';
import type { AuditVerificationService, VerificationOutcome } from './audit-verification.service';
import { verifyCheckpoint, loadPublicKey } from './domain';
import type { AuditCheckpoint } from './entities/audit-checkpoint.entity';
import type { UnitOfWork } from './unit-of-work';

const VILLAGE = 'v-1';
const HASH = 'ab'.repeat(32);

function setup(options: { every?: number; ok?: boolean } = {}) {
  const stored: AuditCheckpoint[] = [];
  const runs: (number | 'head' | undefined)[] = [];
  const repo = {
    checkpointAt: jest.fn(async (_: string, size: number) => stored.find((c) => c.treeSize === size) ?? null),
    insertCheckpoint: jest.fn(async (c: AuditCheckpoint) => {
      if (stored.some((s) => s.treeSize === c.treeSize)) return 'duplicate' as const;
      stored.push(c);
      return 'inserted' as const;
    }),
  } as unknown as AuditRepository;
  const verification = {
    run: jest.fn(async (_: string, o: { captureRootAt?: number | 'head' }): Promise<VerificationOutcome> => {
      runs.push(o.captureRootAt);
      const size = o.captureRootAt === 'head' ? 7 : (o.captureRootAt as number);
      if (options.ok === false) {
        return {
          report: { ok: false, problem: { kind: 'edited', seq: 3, position: 3, message: '第 3 条记录被修改过' } } as VerificationOutcome['report'],
          captured: null,
        };
      }
      return { report: { ok: true, problem: null } as VerificationOutcome['report'], captured: { treeSize: size, lastSeq: size, headHash: HASH, rootHash: HASH } };
    }),
  } as unknown as AuditVerificationService;
  let listener: ((a: { villageId: string; firstSeq: number; lastSeq: number }) => void) | undefined;
  const uow = {
    onCommitted: (l: typeof listener) => (listener = l),
    exclusive: <T>(task: () => Promise<T>) => task(),
  } as unknown as UnitOfWork;
  const config = Object.assign(new AppConfig(), { AUDIT_CHECKPOINT_EVERY: options.every ?? 5 });
  const key = AuditSigningKey.generate();
  const service = new AuditCheckpointService(repo, verification, key, uow, new Clock(), config);
  service.onModuleInit();
  const commit = (firstSeq: number, lastSeq: number): void => listener?.({ villageId: VILLAGE, firstSeq, lastSeq });
  return { service, stored, runs, commit, key };
}

describe('AuditCheckpointService', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  it('signs the tree at exactly the multiple of N a commit crossed, once', async () => {
    const { service, stored, runs, commit, key } = setup({ every: 5 });
    commit(1, 4);
    commit(5, 5);
    commit(6, 9);
    commit(10, 12);
    await service.settled();
    expect(runs).toEqual([5, 10]);
    expect(stored.map((c) => [c.treeSize, c.trigger])).toEqual([
      [5, 'every_n'],
      [10, 'every_n'],
    ]);
    const [first] = stored;
    expect(verifyCheckpoint(first, first.signature, loadPublicKey(key.publicKeyPem))).toBe(true);
  });

  it('signs only the largest multiple when one commit crosses several', async () => {
    const { service, runs, commit } = setup({ every: 5 });
    commit(1, 17);
    await service.settled();
    expect(runs).toEqual([15]);
  });

  it('skips a size that already has a checkpoint without scanning again', async () => {
    const { service, runs, commit } = setup({ every: 5 });
    commit(5, 5);
    await service.settled();
    commit(5, 5);
    await service.settled();
    expect(runs).toEqual([5]);
  });

  it('never signs a trail that does not verify; a background failure is logged, not thrown', async () => {
    const { service, stored, commit } = setup({ every: 5, ok: false });
    commit(5, 5);
    await service.settled();
    expect(stored).toEqual([]);
    await expect(service.createNow(VILLAGE, 'r-1')).rejects.toMatchObject({ code: 'AUDIT_CHAIN_BROKEN' });
  });

  it('creates on demand at the head and returns the existing one next time', async () => {
    const { service } = setup();
    const first = await service.createNow(VILLAGE, 'r-1');
    expect(first).toMatchObject({ created: true, checkpoint: { treeSize: 7, trigger: 'manual', requestedBy: 'r-1' } });
    const second = await service.createNow(VILLAGE, 'r-2');
    expect(second).toMatchObject({ created: false, checkpoint: { id: first.checkpoint.id } });
  });

  it('tells listeners about each checkpoint it signs, in the background, once; a failing listener is only logged', async () => {
    const { service, commit } = setup({ every: 5 });
    const seen: number[] = [];
    service.onCheckpointCreated(async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(c.treeSize);
    });
    service.onCheckpointCreated(async () => {
      throw new Error('listener broke');
    });
    commit(5, 5);
    commit(5, 5);
    await service.settled();
    expect(seen).toEqual([5]);
    const manual = await service.createNow(VILLAGE, 'r-1');
    expect(manual.created).toBe(true);
    await service.settled();
    expect(seen).toEqual([5, 7]);
    await service.createNow(VILLAGE, 'r-1');
    await service.settled();
    expect(seen).toEqual([5, 7]);
  });
});
