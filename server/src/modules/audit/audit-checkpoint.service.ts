import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { AuditException } from './audit.exception';
import { AuditRepository } from './audit.repository';
import { AuditSigningKey } from './audit-signing-key';
import { AuditVerificationService } from './audit-verification.service';
import type { AuditCheckpoint, CheckpointTrigger } from './entities/audit-checkpoint.entity';
import { UnitOfWork, type CommittedAppend } from './unit-of-work';

export interface CheckpointResult {
  checkpoint: AuditCheckpoint;
  /** False when a checkpoint at that size already existed (it is returned instead). */
  created: boolean;
}

interface CreateRequest {
  trigger: CheckpointTrigger;
  /** Exact size to sign; default the chain head. */
  treeSize?: number;
  requestedBy?: string | null;
}

const HOUR = 3_600_000;

/**
 * Told about each checkpoint this server signs, after it is stored (not about one that already
 * existed). Runs in the background like the checkpoint itself; a failure is logged, never thrown back.
 * The notices module publishes each checkpoint as a 记录存证 notice this way, without the audit module
 * depending on it.
 */
export type CheckpointCreatedListener = (checkpoint: AuditCheckpoint) => Promise<void>;

/**
 * Signed checkpoints, made three ways:
 *
 * - every AUDIT_CHECKPOINT_EVERY events: a commit listener on the UnitOfWork notices a unit that
 *   crossed a multiple of N and, after the commit, signs the tree at exactly that size in the
 *   background. The request that crossed it does not wait, and a failure cannot undo its change;
 *   checkpoints at exact multiples make the series predictable for anyone checking it.
 * - daily: `createDue()` from the timer in AuditCheckpointScheduler, for villages with few events.
 * - on demand: POST /api/audit/checkpoints (a supervisor before a meeting, say).
 *
 * Every way verifies the whole trail first (including every earlier checkpoint) and refuses to sign
 * over a chain that does not verify: a signature would otherwise vouch for the tampering. Creation is
 * idempotent per (village, treeSize): the unique key settles two servers or a retried timer.
 */
@Injectable()
export class AuditCheckpointService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditCheckpointService.name);
  /** One creation at a time per village in this process (later ones usually find theirs done). */
  private readonly perVillage = new Map<string, Promise<unknown>>();
  private readonly background = new Set<Promise<unknown>>();
  private readonly createdListeners: CheckpointCreatedListener[] = [];

  constructor(
    private readonly repo: AuditRepository,
    private readonly verification: AuditVerificationService,
    private readonly key: AuditSigningKey,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.uow.onCommitted((append) => this.afterCommit(append));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  onCheckpointCreated(listener: CheckpointCreatedListener): void {
    this.createdListeners.push(listener);
  }

  /** Resolves once every background checkpoint (and its listeners) started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** A unit of work committed seq firstSeq..lastSeq: sign the largest multiple of N it reached. */
  afterCommit(append: CommittedAppend): void {
    const every = this.config.AUDIT_CHECKPOINT_EVERY;
    const treeSize = Math.floor(append.lastSeq / every) * every;
    if (treeSize < append.firstSeq || treeSize === 0) return;
    this.inBackground(append.villageId, { trigger: 'every_n', treeSize });
  }

  /** POST /api/audit/checkpoints: a checkpoint of the chain as it is now. */
  createNow(villageId: string, requestedBy: string): Promise<CheckpointResult> {
    return this.create(villageId, { trigger: 'manual', requestedBy });
  }

  /**
   * The daily pass: a checkpoint for each village with events newer than its newest checkpoint once
   * that checkpoint is AUDIT_CHECKPOINT_MAX_AGE_HOURS old. Safe to run at any time and on several
   * servers. Returns how many were made.
   */
  async createDue(now: Date = this.clock.now()): Promise<number> {
    const maxAgeMs = this.config.AUDIT_CHECKPOINT_MAX_AGE_HOURS * HOUR;
    if (maxAgeMs === 0) return 0;
    let made = 0;
    for (const village of await this.repo.checkpointCandidates()) {
      const newer = village.lastSeq > (village.latestTreeSize ?? 0);
      const old = village.latestCreatedAt === null || Date.parse(village.latestCreatedAt) + maxAgeMs <= now.getTime();
      if (!newer || !old) continue;
      try {
        if ((await this.create(village.villageId, { trigger: 'daily' })).created) made++;
      } catch (error) {
        this.logger.error({ err: error, villageId: village.villageId }, 'daily audit checkpoint failed');
      }
    }
    return made;
  }

  private inBackground(villageId: string, request: CreateRequest): void {
    const task = this.create(villageId, request).catch((error: unknown) => {
      this.logger.error({ err: error, villageId, treeSize: request.treeSize }, 'audit checkpoint failed');
    });
    this.track(task);
  }

  private track(task: Promise<unknown>): void {
    this.background.add(task);
    void task.finally(() => this.background.delete(task));
  }

  private announce(checkpoint: AuditCheckpoint): void {
    for (const listener of this.createdListeners) {
      this.track(
        listener(checkpoint).catch((error: unknown) => {
          this.logger.error({ err: error, villageId: checkpoint.villageId, treeSize: checkpoint.treeSize }, 'checkpoint listener failed');
        }),
      );
    }
  }

  private create(villageId: string, request: CreateRequest): Promise<CheckpointResult> {
    const previous = this.perVillage.get(villageId) ?? Promise.resolve();
    const next = previous.then(
      () => this.createNowOrFind(villageId, request),
      () => this.createNowOrFind(villageId, request),
    );
    const tail = next.catch(() => undefined);
    this.perVillage.set(villageId, tail);
    void tail.then(() => {
      if (this.perVillage.get(villageId) === tail) this.perVillage.delete(villageId);
    });
    return next;
  }

  private async createNowOrFind(villageId: string, request: CreateRequest): Promise<CheckpointResult> {
    if (request.treeSize !== undefined) {
      const existing = await this.repo.checkpointAt(villageId, request.treeSize);
      if (existing) return { checkpoint: existing, created: false };
    }
    const { report, captured } = await this.verification.run(villageId, { captureRootAt: request.treeSize ?? 'head' });
    if (report.problem) throw AuditException.chainBroken(report.problem);
    if (!captured) throw AuditException.nothingToCheckpoint();

    const existing = await this.repo.checkpointAt(villageId, captured.treeSize);
    if (existing) return { checkpoint: existing, created: false };

    const statement = { villageId, ...captured, createdAt: this.clock.now().toISOString() };
    const checkpoint: AuditCheckpoint = {
      id: randomUUID(),
      ...statement,
      keyId: this.key.keyId,
      signature: this.key.sign(statement),
      trigger: request.trigger,
      requestedBy: request.requestedBy ?? null,
    };
    // On SQLite the insert must not land inside another unit's open transaction.
    const outcome = await this.uow.exclusive(() => this.repo.insertCheckpoint(checkpoint));
    if (outcome === 'duplicate') {
      const winner = await this.repo.checkpointAt(villageId, captured.treeSize);
      if (winner) return { checkpoint: winner, created: false };
    }
    this.logger.log({ villageId, treeSize: checkpoint.treeSize, trigger: checkpoint.trigger }, 'audit checkpoint signed');
    this.announce(checkpoint);
    return { checkpoint, created: true };
  }
}

/**
 * The daily timer: checks hourly (or more often for a shorter max age) whether a village's newest
 * checkpoint has grown old, so the rhythm survives restarts. Unref'd: it never keeps the process up.
 */
@Injectable()
export class AuditCheckpointScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditCheckpointScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly checkpoints: AuditCheckpointService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const maxAgeHours = this.config.AUDIT_CHECKPOINT_MAX_AGE_HOURS;
    if (maxAgeHours === 0) return;
    const every = Math.min(HOUR, maxAgeHours * HOUR);
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  tick(): void {
    if (this.running) return; // the previous pass is still going
    this.running = this.checkpoints
      .createDue()
      .then((made) => {
        if (made > 0) this.logger.log(`${made} daily audit checkpoint(s) signed`);
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'daily audit checkpoint pass failed'))
      .finally(() => {
        this.running = null;
      });
  }
}
