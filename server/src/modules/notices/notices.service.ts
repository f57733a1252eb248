import { Injectable } from '@nestjs/common';
import {
  addDays,
  checkNoticeWindow,
  chinaDay,
  NOTICE_CATEGORIES,
  NOTICE_PAGE_SIZE_DEFAULT,
  noticeWindowDays,
  type NoticeCategory,
  type NoticeDetail,
  type NoticeKind,
  type NoticePage,
  type NoticePolicy,
  type NoticeStatus,
  type NoticeWindow,
  mayAuthorNotice as mayAuthor,
  NOTICE_SIGNOFF_ROLES,
  type Role,
} from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork, type AuditChange } from '../audit/unit-of-work';
import { minWindowDays, policyOf } from './domain/notice-policy';
import {
  assertArchivable,
  assertAudience,
  assertCorrectable,
  assertEditable,
  assertMayAuthor,
  assertMayManage,
  assertPublishable,
  assertSignable,
  maySee,
  publishTarget,
  type NoticeViewer,
} from './domain/notice-rules';
import { noticeSnapshot } from './domain/notice-snapshot';
import type { CreateNoticeDto, NoticeCorrectionDto, NoticeListQueryDto, NoticeSignoffDto, UpdateNoticeDto } from './dto/notice.dto';
import { Notice } from './entities';
import { NoticeViews } from './notice-views';
import { NoticeStore } from './notice.store';
import { NoticeErrorCode, NoticeException } from './notices.exception';
import { NoticesRepository } from './notices.repository';

export function viewerOf(actor: VillageActor): NoticeViewer {
  return { residentId: actor.residentId, roles: actor.roles };
}

type RecordChange = (change: AuditChange) => Promise<void>;

/**
 * A notice's life: draft → published → archived, with finance notices waiting in pending_signoff for
 * the 监委会, and corrections that supersede a published notice. Each action checks who may do it,
 * loads the notice (404 when the caller may not see it), applies the rule, and writes the change with
 * its audit event in one unit of work.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly uow: UnitOfWork,
    private readonly views: NoticeViews,
    private readonly clock: Clock,
  ) {}

  async list(actor: VillageActor, q: NoticeListQueryDto): Promise<NoticePage> {
    const viewer = viewerOf(actor);
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? NOTICE_PAGE_SIZE_DEFAULT };
    const status: NoticeStatus = q.status ?? 'published';
    const store = this.repo.store();
    const { items, total } = await store.noticePage(
      {
        villageId: actor.villageId,
        statuses: [status],
        kinds: listedKinds(status, q.kind, actor.roles),
        publicOnly: !actor.roles.includes('party_member'),
        today: chinaDay(this.clock.now()),
      },
      page,
    );
    return { items: await this.views.listItems(items, viewer, store), total, ...page };
  }

  async detail(actor: VillageActor, id: string): Promise<NoticeDetail> {
    const store = this.repo.store();
    const notice = await loadVisible(store, actor, id);
    return this.views.detail(notice, viewerOf(actor), store);
  }

  async create(actor: VillageActor, dto: CreateNoticeDto): Promise<NoticeDetail> {
    assertMayAuthor(dto.kind, actor.roles);
    const audience = dto.audience ?? 'all';
    assertAudience(dto.kind, audience);
    const id = await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      this.assertWindow(dto.window, dto.kind, policyOf(await store.policy(actor.villageId)));
      const notice = draftNotice(store.newId(), actor, {
        kind: dto.kind,
        title: dto.title,
        body: dto.body,
        window: dto.window,
        pinned: dto.pinned ?? false,
        audience,
        supersedesId: null,
      });
      await store.insert(Notice, notice);
      await record({ action: 'notice.drafted', entityType: 'notice', entityId: notice.id, after: noticeSnapshot(notice) });
      return notice.id;
    });
    return this.detail(actor, id);
  }

  async update(actor: VillageActor, id: string, dto: UpdateNoticeDto): Promise<NoticeDetail> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const notice = await loadVisible(store, actor, id);
      assertMayAuthor(notice.kind, actor.roles);
      assertEditable(notice);
      const kind = dto.kind ?? (notice.kind as NoticeCategory);
      if (kind !== notice.kind) assertMayAuthor(kind, actor.roles);
      const audience = dto.audience ?? notice.audience;
      assertAudience(kind, audience);
      const window = dto.window ?? { startsOn: notice.startsOn, endsOn: notice.endsOn };
      if (dto.window || kind !== notice.kind) this.assertWindow(window, kind, policyOf(await store.policy(actor.villageId)));

      const before = noticeSnapshot(notice);
      const changes: Partial<Notice> = {
        kind,
        title: dto.title ?? notice.title,
        body: dto.body ?? notice.body,
        startsOn: window.startsOn,
        endsOn: window.endsOn,
        pinned: dto.pinned ?? Boolean(notice.pinned),
        audience,
      };
      await store.update(Notice, { id, villageId: actor.villageId }, changes);
      await record({ action: 'notice.edited', entityType: 'notice', entityId: id, before, after: noticeSnapshot({ ...notice, ...changes }) });
    });
    return this.detail(actor, id);
  }

  /** Publishes at once, or for finance hands it to the 监委会 (pending_signoff). */
  async publish(actor: VillageActor, id: string): Promise<NoticeDetail> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const notice = await loadVisible(store, actor, id);
      assertMayAuthor(notice.kind, actor.roles);
      assertPublishable(notice);
      this.assertWindowStillGood(notice, policyOf(await store.policy(actor.villageId)));
      if (publishTarget(notice.kind) === 'pending_signoff') {
        await store.update(Notice, { id, villageId: actor.villageId }, { status: 'pending_signoff', submittedByResidentId: actor.residentId });
        await record({
          action: 'notice.submitted',
          entityType: 'notice',
          entityId: id,
          before: { status: notice.status },
          after: { ...(noticeSnapshot({ ...notice, status: 'pending_signoff' }) as object), submittedBy: actor.residentId },
        });
        return;
      }
      await store.update(Notice, { id, villageId: actor.villageId }, { submittedByResidentId: actor.residentId });
      await putLive(store, record, notice, this.clock.now());
    });
    return this.detail(actor, id);
  }

  /** 监委会审核签字: approval publishes; a refusal sends it back to draft with the reason. */
  async signoff(actor: VillageActor, id: string, dto: NoticeSignoffDto): Promise<NoticeDetail> {
    await this.uow.run(auditActor(actor, 'supervisor'), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const notice = await loadVisible(store, actor, id);
      assertSignable(notice, actor.residentId);
      const now = this.clock.now();
      const reason = dto.reason ?? null;
      if (dto.decision === 'refused') {
        if (!reason) throw new NoticeException(NoticeErrorCode.ReasonRequired, '退回时请写明理由，村委会照着修改后再提交');
        await store.update(
          Notice,
          { id, villageId: actor.villageId },
          { status: 'draft', signoffDecision: 'refused', signoffByResidentId: actor.residentId, signoffAt: now, signoffReason: reason },
        );
        await record({
          action: 'notice.signoff.refused',
          entityType: 'notice',
          entityId: id,
          before: { status: notice.status },
          after: { status: 'draft', decision: 'refused', reason },
        });
        return;
      }
      this.assertWindowStillGood(notice, policyOf(await store.policy(actor.villageId)), '请选择“退回”，写明请村委会修改公开日期');
      await store.update(
        Notice,
        { id, villageId: actor.villageId },
        { signoffDecision: 'approved', signoffByResidentId: actor.residentId, signoffAt: now, signoffReason: reason },
      );
      await record({
        action: 'notice.signoff.approved',
        entityType: 'notice',
        entityId: id,
        before: { status: notice.status },
        after: { decision: 'approved', reason, bodySha256: (noticeSnapshot(notice) as { bodySha256: string }).bodySha256 },
      });
      await putLive(store, record, notice, now);
    });
    return this.detail(actor, id);
  }

  async archive(actor: VillageActor, id: string): Promise<NoticeDetail> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const notice = await loadVisible(store, actor, id);
      assertMayManage(notice.kind, actor.roles);
      assertArchivable(notice);
      await store.update(
        Notice,
        { id, villageId: actor.villageId },
        { status: 'archived', archivedAt: this.clock.now(), archivedByResidentId: actor.residentId },
      );
      await record({ action: 'notice.archived', entityType: 'notice', entityId: id, before: { status: notice.status }, after: { status: 'archived' } });
    });
    return this.detail(actor, id);
  }

  /** A correction: a new draft that, once published, supersedes this one (both stay visible). */
  async correct(actor: VillageActor, id: string, dto: NoticeCorrectionDto): Promise<NoticeDetail> {
    const correctionId = await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const original = await loadVisible(store, actor, id);
      assertMayAuthor(original.kind, actor.roles);
      assertCorrectable(original);
      const policy = policyOf(await store.policy(actor.villageId));
      const today = chinaDay(this.clock.now());
      const days = Math.max(noticeWindowDays({ startsOn: original.startsOn, endsOn: original.endsOn }), minWindowDays(policy, original.kind));
      const window = dto.window ?? { startsOn: today, endsOn: addDays(today, days - 1) };
      this.assertWindow(window, original.kind, policy);
      const notice = draftNotice(store.newId(), actor, {
        kind: original.kind as NoticeCategory,
        title: dto.title ?? original.title,
        body: dto.body ?? original.body,
        window,
        pinned: Boolean(original.pinned),
        audience: original.audience,
        supersedesId: original.id,
      });
      await store.insert(Notice, notice);
      await record({ action: 'notice.drafted', entityType: 'notice', entityId: notice.id, after: noticeSnapshot(notice) });
      return notice.id;
    });
    return this.detail(actor, correctionId);
  }

  /** 400: the window as typed cannot be used. */
  private assertWindow(window: NoticeWindow, kind: NoticeKind, policy: NoticePolicy): void {
    const problem = checkNoticeWindow(window, chinaDay(this.clock.now()), minWindowDays(policy, kind));
    if (problem) throw NoticeException.windowInvalid(problem);
  }

  /** 409: a draft's window that was fine when written has since passed (or the policy changed). */
  private assertWindowStillGood(notice: Notice, policy: NoticePolicy, hint?: string): void {
    const problem = checkNoticeWindow({ startsOn: notice.startsOn, endsOn: notice.endsOn }, chinaDay(this.clock.now()), minWindowDays(policy, notice.kind));
    if (!problem) return;
    if (hint) throw new NoticeException(NoticeErrorCode.WindowStale, `${problem}。${hint}`);
    throw NoticeException.windowStale(problem);
  }
}

/** Loads a notice of the caller's village that the caller may see; anything else is 404. */
export async function loadVisible(store: NoticeStore, actor: VillageActor, id: string): Promise<Notice> {
  const notice = await store.notice(actor.villageId, id);
  if (!notice || !maySee(notice, viewerOf(actor))) throw NoticeException.noticeNotFound();
  return notice;
}

/** Which kinds a list by status shows the caller (drafts: the kinds they write). */
function listedKinds(status: NoticeStatus, kind: NoticeKind | undefined, roles: readonly Role[]): NoticeKind[] | undefined {
  if (status === 'published' || status === 'archived') return kind ? [kind] : undefined;
  const writable = NOTICE_CATEGORIES.filter((c) => mayAuthor(c, roles));
  const visible: NoticeKind[] =
    status === 'pending_signoff' && roles.some((r) => (NOTICE_SIGNOFF_ROLES as readonly Role[]).includes(r))
      ? [...new Set<NoticeKind>([...writable, 'finance'])]
      : writable;
  if (visible.length === 0) {
    throw new NoticeException(
      NoticeErrorCode.StatusNotAllowed,
      status === 'draft' ? '只有负责编写公开的两委成员可以查看草稿' : '只有两委成员和监委会可以查看待审核的财务公开',
    );
  }
  return kind ? visible.filter((k) => k === kind) : visible;
}

function draftNotice(
  id: string,
  actor: VillageActor,
  fields: Pick<Notice, 'title' | 'body' | 'pinned' | 'audience' | 'supersedesId'> & { kind: NoticeCategory; window: NoticeWindow },
): Notice {
  return {
    id,
    villageId: actor.villageId,
    kind: fields.kind,
    title: fields.title,
    body: fields.body,
    status: 'draft',
    audience: fields.audience,
    pinned: fields.pinned,
    startsOn: fields.window.startsOn,
    endsOn: fields.window.endsOn,
    authorResidentId: actor.residentId,
    submittedByResidentId: null,
    publishedAt: null,
    archivedAt: null,
    archivedByResidentId: null,
    supersedesId: fields.supersedesId,
    supersededById: null,
    signoffDecision: null,
    signoffByResidentId: null,
    signoffAt: null,
    signoffReason: null,
    sourceEntityType: null,
    sourceEntityId: null,
  } as Notice;
}

/**
 * Makes a notice public now. A correction marks the notice it replaces as superseded, in the same
 * unit of work; if someone else's correction got there first, this one is refused.
 */
export async function putLive(store: NoticeStore, record: RecordChange, notice: Notice, now: Date): Promise<void> {
  if (notice.supersedesId) {
    const original = await store.notice(notice.villageId, notice.supersedesId);
    if (original && original.supersededById && original.supersededById !== notice.id) {
      throw new NoticeException(NoticeErrorCode.AlreadySuperseded, '原公告已经被另一份更正替代了，请在最新的那一份上发布更正');
    }
    if (original) {
      await store.update(Notice, { id: original.id, villageId: notice.villageId }, { supersededById: notice.id });
      await record({
        action: 'notice.superseded',
        entityType: 'notice',
        entityId: original.id,
        before: { supersededById: null },
        after: { supersededById: notice.id },
      });
    }
  }
  await store.update(Notice, { id: notice.id, villageId: notice.villageId }, { status: 'published', publishedAt: now });
  await record({
    action: 'notice.published',
    entityType: 'notice',
    entityId: notice.id,
    before: { status: notice.status },
    after: noticeSnapshot({ ...notice, status: 'published' }),
  });
}
