import { Injectable } from '@nestjs/common';
import {
  addDays,
  chinaDay,
  NOTICE_BODY_MAX,
  NOTICE_MIN_WINDOW_DAYS_DEFAULT,
  NOTICE_TITLE_MAX,
  SYSTEM_NOTICE_KINDS,
  type SystemNoticeKind,
} from '@village/shared';
import { Clock } from '../../common/clock';
import type { Work } from '../audit/unit-of-work';
import { noticeSnapshot } from './domain/notice-snapshot';
import { Notice } from './entities';
import { NoticeStore } from './notice.store';

export interface SystemNoticeRequest {
  villageId: string;
  kind: SystemNoticeKind;
  /** At most NOTICE_TITLE_MAX (60) characters. */
  title: string;
  /** The notice-body Markdown subset (parseNoticeBody), at most NOTICE_BODY_MAX characters. */
  body: string;
  /** Disclosure window from today (Beijing), default 7 days. */
  windowDays?: number;
  /** What is being published; one notice per source (a second call returns the first notice). */
  source: { entityType: string; entityId: string };
}

/**
 * How other modules publish (ballot results, resolutions, points publications, 红黑榜, audit
 * checkpoints): an already-published notice, written inside the caller's unit of work so it commits
 * (or not) with the change it announces, with its own audit event. Never corrected by hand.
 *
 *   await uow.run(actor, async (work) => {
 *     …
 *     await systemNotices.publish(work, { villageId, kind: 'result', title, body, source: { entityType: 'ballot', entityId } });
 *   });
 */
@Injectable()
export class SystemNoticePublisher {
  constructor(private readonly clock: Clock) {}

  async publish(work: Work, request: SystemNoticeRequest): Promise<{ id: string }> {
    if (request.villageId !== work.actor.villageId) throw new Error('a system notice must be published in its own village’s unit of work');
    if (!(SYSTEM_NOTICE_KINDS as readonly string[]).includes(request.kind)) throw new Error(`not a system notice kind: ${request.kind}`);
    const title = request.title.trim();
    if (title.length === 0 || [...title].length > NOTICE_TITLE_MAX) throw new Error(`system notice title must be 1–${NOTICE_TITLE_MAX} characters`);
    if (request.body.length === 0 || request.body.length > NOTICE_BODY_MAX) throw new Error(`system notice body must be 1–${NOTICE_BODY_MAX} characters`);
    const days = request.windowDays ?? NOTICE_MIN_WINDOW_DAYS_DEFAULT;
    if (!Number.isInteger(days) || days < 1 || days > 366) throw new Error('system notice windowDays must be 1–366');
    const source = { type: request.source.entityType.slice(0, 32), id: request.source.entityId.slice(0, 64) };

    const store = new NoticeStore(work.manager);
    const existing = await store.noticeBySource(request.villageId, source.type, source.id);
    if (existing) return { id: existing.id };

    const now = this.clock.now();
    const today = chinaDay(now);
    const notice = {
      id: store.newId(),
      villageId: request.villageId,
      kind: request.kind,
      title,
      body: request.body,
      status: 'published',
      audience: 'all',
      pinned: false,
      startsOn: today,
      endsOn: addDays(today, days - 1),
      authorResidentId: null,
      submittedByResidentId: null,
      publishedAt: now,
      archivedAt: null,
      archivedByResidentId: null,
      supersedesId: null,
      supersededById: null,
      signoffDecision: null,
      signoffByResidentId: null,
      signoffAt: null,
      signoffReason: null,
      sourceEntityType: source.type,
      sourceEntityId: source.id,
    } as Notice;
    await store.insert(Notice, notice);
    await work.record({ action: 'notice.published', entityType: 'notice', entityId: notice.id, after: noticeSnapshot(notice) });
    return { id: notice.id };
  }

  /**
   * Takes a system notice down before its window ends (a matter sent back to be disclosed again):
   * archived, never deleted, with its audit event. `replacedBy` links the notice published in its place.
   */
  async withdraw(work: Work, request: { villageId: string; noticeId: string; reason: string; replacedBy?: string | null }): Promise<void> {
    if (request.villageId !== work.actor.villageId) throw new Error('a system notice must be withdrawn in its own village’s unit of work');
    const store = new NoticeStore(work.manager);
    const notice = await store.notice(request.villageId, request.noticeId);
    if (!notice) return;
    const changes: Partial<Notice> = {};
    if (notice.status === 'published') Object.assign(changes, { status: 'archived', archivedAt: this.clock.now(), archivedByResidentId: work.actor.actorId });
    if (request.replacedBy && notice.supersededById === null) changes.supersededById = request.replacedBy;
    if (Object.keys(changes).length === 0) return;
    await store.update(Notice, { id: notice.id, villageId: request.villageId }, changes);
    await work.record({
      action: changes.supersededById ? 'notice.superseded' : 'notice.archived',
      entityType: 'notice',
      entityId: notice.id,
      before: { status: notice.status, supersededById: notice.supersededById },
      after: { status: changes.status ?? notice.status, supersededById: changes.supersededById ?? notice.supersededById, reason: request.reason.slice(0, 200) },
    });
  }

  /** Archives published system notices whose business is done (a matter archived). */
  async archive(work: Work, request: { villageId: string; noticeIds: readonly string[] }): Promise<void> {
    if (request.villageId !== work.actor.villageId) throw new Error('a system notice must be archived in its own village’s unit of work');
    const store = new NoticeStore(work.manager);
    for (const id of request.noticeIds) {
      const notice = await store.notice(request.villageId, id);
      if (!notice || notice.status !== 'published') continue;
      await store.update(Notice, { id, villageId: request.villageId }, { status: 'archived', archivedAt: this.clock.now(), archivedByResidentId: work.actor.actorId });
      await work.record({ action: 'notice.archived', entityType: 'notice', entityId: id, before: { status: 'published' }, after: { status: 'archived' } });
    }
  }
}
