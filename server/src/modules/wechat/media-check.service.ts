import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork, type AuditActor, type Work } from '../audit/unit-of-work';
import { MediaCheck } from './entities/media-check.entity';
import { WechatClient, type MediaCheckScene } from './wechat.client';

/** WeChat's verdict on one image, as pushed (event wxa_media_check, result.suggest / result.label). */
export interface MediaCheckVerdict {
  status: 'pass' | 'review' | 'risky';
  /** 100 normal; otherwise the reason (20001 时政, 20002 色情, 20006 违法犯罪, 21000 其他 …); null if WeChat sent none. */
  label: number | null;
  traceId: string;
}

/**
 * Applies a verdict to the module's own rows. Runs inside the unit of work that marks the
 * media_check row resolved: whatever it writes through `manager` commits with that row and with the
 * `media_check.resolved` audit event, or not at all (a throw rolls everything back and WeChat's push
 * is answered 500). `work.record` adds the module's own audit events to the same transaction.
 * Called once per check, however often WeChat pushes the verdict.
 *
 * Use only `manager` / `work` inside it: never start another unit of work (uow.run, uow.exclusive, or
 * a service method that does) — on SQLite that waits for this one to finish, forever.
 */
export type MediaCheckHandler = (subjectId: string, verdict: MediaCheckVerdict, manager: EntityManager, work: Work) => Promise<void>;

export interface StartMediaCheck {
  /** Who asked, and the handler to call: 'proposal_photo'. At most 32 characters. */
  purpose: string;
  /** The caller's row the verdict is about (the photo's file id). */
  subjectId: string;
  /**
   * Where WeChat downloads the image: an absolute http(s) URL, or a path on this server
   * (`/api/…?exp=&sig=`), which is prefixed with PUBLIC_BASE_URL. Use a signed, short-lived link
   * (see notices' FileLinkSigner) valid for at least 30 minutes: WeChat fetches within that time.
   */
  mediaUrl: string;
  /** The uploader's openid; WeChat wants a user who used the mini-program in the last two hours. */
  openid: string;
  /** Default 3 (论坛). */
  scene?: MediaCheckScene;
}

export type PushOutcome = 'applied' | 'duplicate' | 'unknown';

/** How long a push for a trace id we do not know yet waits for the starting transaction to commit. */
const UNKNOWN_TRACE_WAIT_MS = 2000;
const UNKNOWN_TRACE_POLL_MS = 200;

/**
 * WeChat's asynchronous image check (security.mediaCheckAsync v2) for any module.
 *
 * Using it (the proposals module does this for 'proposal_photo'):
 *
 * ```ts
 * // 1. Once, when your module starts: who applies verdicts for your purpose. The handler gets the
 * //    subject id you started the check with, the verdict, and the transaction's EntityManager (and
 * //    the Work, to record your own audit events in the same transaction).
 * @Injectable()
 * export class ProposalPhotoChecks implements OnModuleInit {
 *   constructor(private readonly mediaChecks: MediaCheckService, private readonly proposals: ProposalsService) {}
 *   onModuleInit(): void {
 *     this.mediaChecks.onResult('proposal_photo', (photoId, verdict, manager, work) =>
 *       this.proposals.applyMediaCheck(work, photoId, verdict.status)); // verdict.status: pass | review | risky
 *   }
 * }
 *
 * // 2. In the unit of work that stores the photo: ask WeChat, store the pending check with it.
 * await this.uow.run(auditActor(actor), async (work) => {
 *   await work.manager.insert(ProposalPhoto, photo);
 *   await work.record({ action: 'proposal.photo.uploaded', … });
 *   const check = await this.mediaChecks.start(work, {
 *     purpose: 'proposal_photo',
 *     subjectId: photo.id,
 *     mediaUrl: this.links.absoluteUrl(photo.id), // or a signed /api/… path: PUBLIC_BASE_URL is put in front
 *     openid,
 *   });
 *   // check.traceId; check.status === 'pending'
 * });
 * ```
 *
 * `start` calls WeChat while your transaction is open (one short request, 5 s timeout; a failure
 * throws WechatException and rolls your unit of work back). To keep WeChat out of the transaction, call
 * `request()` before it and `record()` inside it — that also lets you catch WechatException and keep
 * the subject without a check (e.g. for the committee to review by hand). The verdict arrives later at POST /api/wechat/push;
 * the handler registered for the purpose runs then, once per trace id.
 */
@Injectable()
export class MediaCheckService {
  private readonly logger = new Logger(MediaCheckService.name);
  private readonly handlers = new Map<string, MediaCheckHandler>();

  constructor(
    private readonly wechat: WechatClient,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Registers the one handler of a purpose (call it from your module's onModuleInit). */
  onResult(purpose: string, handler: MediaCheckHandler): void {
    if (this.handlers.has(purpose)) throw new Error(`a media check handler for ${purpose} is already registered`);
    this.handlers.set(purpose, handler);
  }

  /** The URL WeChat is given for `mediaUrl`: absolute as is, a path prefixed with PUBLIC_BASE_URL. */
  absoluteUrl(mediaUrl: string): string {
    if (/^https?:\/\//.test(mediaUrl)) return mediaUrl;
    if (!mediaUrl.startsWith('/')) throw new Error('mediaUrl must be an absolute http(s) URL or a path starting with /');
    return `${this.config.PUBLIC_BASE_URL}${mediaUrl}`;
  }

  /** Asks WeChat to check an image; returns its trace id. Outside any transaction. */
  request(input: Pick<StartMediaCheck, 'mediaUrl' | 'openid' | 'scene'>): Promise<string> {
    return this.wechat.mediaCheckAsync({ mediaUrl: this.absoluteUrl(input.mediaUrl), openid: input.openid, scene: input.scene });
  }

  /** Stores a started check as pending, with its audit event, in the caller's unit of work. */
  async record(work: Work, input: { purpose: string; subjectId: string; traceId: string }): Promise<MediaCheck> {
    if (input.purpose.length === 0 || input.purpose.length > 32) throw new Error('media check purpose must be 1–32 characters');
    const row: MediaCheck = {
      id: randomUUID(),
      villageId: work.actor.villageId,
      traceId: input.traceId,
      purpose: input.purpose,
      subjectId: input.subjectId,
      status: 'pending',
      label: null,
      createdAt: this.clock.now(),
      resolvedAt: null,
    };
    await work.manager.insert(MediaCheck, row);
    await work.record({
      action: 'media_check.started',
      entityType: 'media_check',
      entityId: row.id,
      after: { purpose: row.purpose, subjectId: row.subjectId, traceId: row.traceId },
    });
    return row;
  }

  /** request() then record(), inside the caller's unit of work. */
  async start(work: Work, input: StartMediaCheck): Promise<MediaCheck> {
    const traceId = await this.request(input);
    return this.record(work, { purpose: input.purpose, subjectId: input.subjectId, traceId });
  }

  /** The latest check of a subject (for showing "审核中"), or null. */
  latest(purpose: string, subjectId: string): Promise<MediaCheck | null> {
    return this.uow.exclusive(() => this.dataSource.getRepository(MediaCheck).findOne({ where: { purpose, subjectId }, order: { createdAt: 'DESC' } }));
  }

  /**
   * Applies a verdict WeChat pushed: marks the check resolved and runs the purpose's handler in the
   * same unit of work. A second push of the same trace id changes nothing ('duplicate'). A trace id we
   * do not know (yet) waits briefly for the starting transaction to commit, then is 'unknown'.
   */
  async applyVerdict(verdict: MediaCheckVerdict, correlationId: string | null): Promise<PushOutcome> {
    const row = await this.findWaiting(verdict.traceId);
    if (!row) return 'unknown';
    if (row.status !== 'pending') return 'duplicate';
    const actor: AuditActor = { villageId: row.villageId, actorId: null, actorRole: 'wechat', correlationId };
    return this.uow.run(actor, async (work) => {
      // Units of work of one village run one at a time; a locking read sees the latest commit, so a
      // second push of the same verdict finds the row resolved and writes nothing.
      const query = work.manager.getRepository(MediaCheck).createQueryBuilder('c').where('c.trace_id = :traceId', { traceId: verdict.traceId });
      if (this.dataSource.options.type === 'mysql') query.setLock('pessimistic_write');
      const current = await query.getOne();
      if (!current || current.status !== 'pending') return 'duplicate';
      await work.manager.update(MediaCheck, { id: current.id }, { status: verdict.status, label: verdict.label, resolvedAt: this.clock.now() });
      await work.record({
        action: 'media_check.resolved',
        entityType: 'media_check',
        entityId: row.id,
        before: { status: 'pending' },
        after: { status: verdict.status, label: verdict.label, purpose: row.purpose, subjectId: row.subjectId },
      });
      const handler = this.handlers.get(row.purpose);
      if (handler) await handler(row.subjectId, verdict, work.manager, work);
      else this.logger.warn({ purpose: row.purpose, traceId: verdict.traceId }, 'no handler registered for media check purpose');
      return 'applied';
    });
  }

  private async findWaiting(traceId: string): Promise<MediaCheck | null> {
    const repo = this.dataSource.getRepository(MediaCheck);
    const deadline = Date.now() + UNKNOWN_TRACE_WAIT_MS;
    for (;;) {
      const row = await this.uow.exclusive(() => repo.findOne({ where: { traceId } }));
      if (row || Date.now() >= deadline) return row;
      await new Promise((resolve) => setTimeout(resolve, UNKNOWN_TRACE_POLL_MS));
    }
  }
}
