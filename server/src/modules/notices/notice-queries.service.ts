import { Injectable, Logger } from '@nestjs/common';
import {
  NOTICE_PAGE_SIZE_DEFAULT,
  type NamedRef,
  type NoticeQueryStatus,
  type NoticeQueryView,
  type Page,
  type Role,
} from '@village/shared';
import { COMMITTEE_ROLES } from '../../common/auth/access.decorator';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { maskName } from '../../common/privacy/mask';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../audit/unit-of-work';
import { maskNumbersInText } from '../roster/domain/mask-text';
import { WechatClient, type ContentCheck } from '../wechat/wechat.client';
import { WechatException } from '../wechat/wechat.exception';
import { mayManageNotice as mayManage } from '@village/shared';
import { assertMayManage, assertOpenForQueries, maySee } from './domain/notice-rules';
import { sha256 } from './domain/notice-snapshot';
import type { NoticeAnswerDto, NoticeQueryInputDto, NoticeQueryListQueryDto, NoticeQueryReviewDto } from './dto/notice-query.dto';
import { LISTED_QUERY_STATUSES } from './dto/notice-query.dto';
import { NoticeQuery, type Notice } from './entities';
import { NoticeStore, type PageRequest } from './notice.store';
import { loadVisible, viewerOf } from './notices.service';
import { NoticeErrorCode, NoticeException } from './notices.exception';
import { NoticesRepository } from './notices.repository';
import type { NoticePageQueryDto } from './dto/common.dto';

const DAY_MS = 24 * 3_600_000;

/** What a content check outcome means for a query. */
const OUTCOMES: Record<ContentCheck['suggest'] | 'unavailable', { status: NoticeQueryStatus; reason: string | null }> = {
  pass: { status: 'open', reason: null },
  review: { status: 'pending_review', reason: '内容需要人工审核：村委会审核后公开' },
  risky: { status: 'held', reason: '内容没有通过微信内容安全检查，没有公开。请修改措辞后重新提问，或直接联系村委会。' },
  unavailable: { status: 'pending_review', reason: '暂时无法完成内容检查：村委会审核后公开' },
};

const isCommittee = (roles: readonly Role[]): boolean => roles.some((r) => (COMMITTEE_ROLES as readonly Role[]).includes(r));

/**
 * 询问/质询 (DOMAIN.md §4): a villager asks about a notice; the text passes WeChat's msgSecCheck
 * first (PIPL and WeChat's rules for user text); the committee answers publicly; queries open longer
 * than NOTICE_QUERY_ANSWER_DAYS are flagged to the 监委会.
 */
@Injectable()
export class NoticeQueriesService {
  private readonly logger = new Logger(NoticeQueriesService.name);

  constructor(
    private readonly repo: NoticesRepository,
    private readonly uow: UnitOfWork,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async ask(actor: VillageActor, noticeId: string, dto: NoticeQueryInputDto): Promise<NoticeQueryView> {
    const store = this.repo.store();
    const notice = await loadVisible(store, actor, noticeId);
    assertOpenForQueries(notice);
    const text = maskNumbersInText(dto.text);
    // Outside the unit of work: a network call must not hold the village's write lock.
    const check = await this.contentCheck(store, actor, text);
    const outcome = OUTCOMES[check ? check.suggest : 'unavailable'];
    const id = await this.uow.run(auditActor(actor, 'villager'), async ({ manager, record }) => {
      const tx = new NoticeStore(manager);
      assertOpenForQueries(await loadVisible(tx, actor, noticeId));
      const query: NoticeQuery = {
        id: tx.newId(),
        villageId: actor.villageId,
        noticeId,
        askedByResidentId: actor.residentId,
        text,
        status: outcome.status,
        statusReason: outcome.reason,
        contentCheck: check ? check.suggest : 'unavailable',
        contentCheckTraceId: check?.traceId ?? null,
        askedAt: this.clock.now(),
        reviewedByResidentId: null,
        reviewedAt: null,
        answer: null,
        answeredByResidentId: null,
        answeredAt: null,
      } as NoticeQuery;
      await tx.insert(NoticeQuery, query);
      // The text itself stays out of the append-only trail (it may be what the check refused).
      await record({
        action: 'notice.query.asked',
        entityType: 'notice_query',
        entityId: query.id,
        after: { noticeId, status: query.status, contentCheck: query.contentCheck, textSha256: sha256(text), textLength: [...text].length },
      });
      return query.id;
    });
    return this.view(actor, id);
  }

  /** A notice's queries: the public ones, the caller's own, and for the committee and 监委会 those under review. */
  async forNotice(actor: VillageActor, noticeId: string, q: NoticePageQueryDto): Promise<Page<NoticeQueryView>> {
    const store = this.repo.store();
    const notice = await loadVisible(store, actor, noticeId);
    const oversight = mayManage(notice.kind, actor.roles) || actor.roles.includes('supervisor');
    const statuses: NoticeQueryStatus[] = oversight ? [...LISTED_QUERY_STATUSES] : ['open', 'answered'];
    return this.page(store, actor, { villageId: actor.villageId, noticeId, statuses, orAskedBy: actor.residentId }, q);
  }

  /** The committee's and 监委会's list across notices; `overdue` picks the open ones past the deadline. */
  async list(actor: VillageActor, q: NoticeQueryListQueryDto): Promise<Page<NoticeQueryView>> {
    const store = this.repo.store();
    return this.page(
      store,
      actor,
      {
        villageId: actor.villageId,
        statuses: q.status ? [q.status] : [...LISTED_QUERY_STATUSES],
        overdueBefore: q.overdue ? this.overdueBefore() : undefined,
        publicNoticesOnly: !actor.roles.includes('party_member'),
      },
      q,
    );
  }

  async answer(actor: VillageActor, id: string, dto: NoticeAnswerDto): Promise<NoticeQueryView> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const { query, notice } = await this.loadQuery(store, actor, id);
      assertMayManage(notice.kind, actor.roles);
      if (query.status !== 'open') {
        const message =
          query.status === 'answered' ? '这条询问已经答复过了，请刷新查看' : query.status === 'pending_review' ? '这条询问还在审核中，请先审核公开' : '这条询问没有公开，不能答复';
        throw new NoticeException(NoticeErrorCode.QueryNotOpen, message);
      }
      const answer = maskNumbersInText(dto.text);
      await store.update(
        NoticeQuery,
        { id, villageId: actor.villageId },
        { status: 'answered', answer, answeredByResidentId: actor.residentId, answeredAt: this.clock.now() },
      );
      await record({
        action: 'notice.query.answered',
        entityType: 'notice_query',
        entityId: id,
        before: { status: query.status },
        after: { noticeId: notice.id, status: 'answered', answer },
      });
    });
    return this.view(actor, id);
  }

  /** A query WeChat sent for review: the committee makes it public, or does not (with a reason). */
  async review(actor: VillageActor, id: string, dto: NoticeQueryReviewDto): Promise<NoticeQueryView> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const { query, notice } = await this.loadQuery(store, actor, id);
      assertMayManage(notice.kind, actor.roles);
      if (query.status !== 'pending_review') {
        throw new NoticeException(NoticeErrorCode.QueryNotPendingReview, '这条询问不在待审核状态，请刷新后再看');
      }
      const reason = dto.reason ?? null;
      if (dto.decision === 'reject' && !reason) {
        throw new NoticeException(NoticeErrorCode.ReasonRequired, '不公开时请写明理由，提问的村民能看到');
      }
      const status: NoticeQueryStatus = dto.decision === 'release' ? 'open' : 'rejected';
      await store.update(
        NoticeQuery,
        { id, villageId: actor.villageId },
        { status, statusReason: dto.decision === 'release' ? null : reason, reviewedByResidentId: actor.residentId, reviewedAt: this.clock.now() },
      );
      await record({
        action: dto.decision === 'release' ? 'notice.query.released' : 'notice.query.rejected',
        entityType: 'notice_query',
        entityId: id,
        before: { status: query.status },
        after: { noticeId: notice.id, status, reason },
      });
    });
    return this.view(actor, id);
  }

  private async contentCheck(store: NoticeStore, actor: VillageActor, text: string): Promise<ContentCheck | null> {
    const openid = await store.openidOf(actor.accountId);
    if (!openid) return null;
    try {
      return await this.wechat.msgSecCheck(openid, text);
    } catch (error) {
      if (!(error instanceof WechatException)) throw error;
      // Not blocking the villager: the query waits for the committee's review instead.
      this.logger.warn({ code: error.code, correlationId: actor.correlationId }, 'content check unavailable; query held for review');
      return null;
    }
  }

  private async loadQuery(store: NoticeStore, actor: VillageActor, id: string): Promise<{ query: NoticeQuery; notice: Notice }> {
    const query = await store.query(actor.villageId, id);
    if (!query) throw NoticeException.queryNotFound();
    const notice = await store.notice(actor.villageId, query.noticeId);
    if (!notice || !maySee(notice, viewerOf(actor))) throw NoticeException.queryNotFound();
    // A held query is its author's alone.
    if (query.status === 'held' && query.askedByResidentId !== actor.residentId) throw NoticeException.queryNotFound();
    return { query, notice };
  }

  private overdueBefore(): Date {
    return new Date(this.clock.now().getTime() - this.config.NOTICE_QUERY_ANSWER_DAYS * DAY_MS);
  }

  private async page(
    store: NoticeStore,
    actor: VillageActor,
    filter: Parameters<NoticeStore['queryPage']>[0],
    q: NoticePageQueryDto,
  ): Promise<Page<NoticeQueryView>> {
    const page: PageRequest = { page: q.page ?? 1, pageSize: q.pageSize ?? NOTICE_PAGE_SIZE_DEFAULT };
    const { items, total } = await store.queryPage(filter, page);
    return { items: await this.views(store, actor, items), total, ...page };
  }

  private async view(actor: VillageActor, id: string): Promise<NoticeQueryView> {
    const store = this.repo.store();
    const query = await store.query(actor.villageId, id);
    if (!query) throw NoticeException.queryNotFound();
    const [view] = await this.views(store, actor, [query]);
    return view;
  }

  private async views(store: NoticeStore, actor: VillageActor, queries: NoticeQuery[]): Promise<NoticeQueryView[]> {
    if (queries.length === 0) return [];
    const [notices, people] = await Promise.all([
      store.noticesByIds(actor.villageId, queries.map((q) => q.noticeId)),
      store.residentsByIds(
        actor.villageId,
        queries.flatMap((q) => [q.askedByResidentId, ...(q.answeredByResidentId ? [q.answeredByResidentId] : [])]),
      ),
    ]);
    const titles = new Map(notices.map((n) => [n.id, n.title]));
    const names = new Map(people.map((p) => [p.id, p.name]));
    const committee = isCommittee(actor.roles);
    const overdueBefore = this.overdueBefore().getTime();
    return queries.map((q): NoticeQueryView => {
      const mine = q.askedByResidentId === actor.residentId;
      const name = names.get(q.askedByResidentId) ?? '';
      const askedBy: NamedRef = { id: q.askedByResidentId, name: mine || committee ? name : maskName(name) };
      const askedAt = new Date(q.askedAt);
      return {
        id: q.id,
        noticeId: q.noticeId,
        noticeTitle: titles.get(q.noticeId) ?? '',
        status: q.status,
        text: q.text,
        askedBy,
        askedAt: askedAt.toISOString(),
        statusReason: mine || committee ? q.statusReason : null,
        answer:
          q.answer && q.answeredByResidentId && q.answeredAt
            ? {
                text: q.answer,
                by: { id: q.answeredByResidentId, name: names.get(q.answeredByResidentId) ?? '' },
                at: new Date(q.answeredAt).toISOString(),
              }
            : null,
        overdue: q.status === 'open' && askedAt.getTime() < overdueBefore,
        mine,
      };
    });
  }
}
