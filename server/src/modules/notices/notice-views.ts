import { Injectable } from '@nestjs/common';
import {
  chinaDay,
  isInWindow,
  parseNoticeBody,
  type NamedRef,
  type NoticeAttachment as NoticeAttachmentView,
  type NoticeDetail,
  type NoticeListItem,
} from '@village/shared';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { noticeActions, type NoticeViewer } from './domain/notice-rules';
import type { Notice, NoticeAttachment } from './entities';
import { NoticeFileLinks } from './notice-file-links';
import type { NoticeStore } from './notice.store';

/** How a system notice names its author. */
export const SYSTEM_AUTHOR: NamedRef = { id: 'system', name: '系统自动发布' };

/** Where the mini-program shows a notice (share cards, the printed sheet's QR code). */
export function noticeShareUrl(publicBaseUrl: string, noticeId: string): string {
  return `${publicBaseUrl}/#/packages/notices/pages/detail/index?id=${noticeId}`;
}

/** Turns notice rows into the API's list items and details for one viewer. */
@Injectable()
export class NoticeViews {
  constructor(
    private readonly links: NoticeFileLinks,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  shareUrl(noticeId: string): string {
    return noticeShareUrl(this.config.PUBLIC_BASE_URL, noticeId);
  }

  attachment(a: NoticeAttachment): NoticeAttachmentView {
    return { id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: Number(a.sizeBytes), url: this.links.url(a.id) };
  }

  async listItems(notices: Notice[], viewer: NoticeViewer, store: NoticeStore): Promise<NoticeListItem[]> {
    if (notices.length === 0) return [];
    const ids = notices.map((n) => n.id);
    const villageId = notices[0].villageId;
    const linked = notices.flatMap((n) => [n.supersedesId, n.supersededById]).filter((id): id is string => id !== null);
    const [read, attachments, openQueries, related] = await Promise.all([
      store.readNoticeIds(ids, viewer.residentId),
      store.attachmentCounts(ids),
      store.openQueryCounts(ids),
      store.noticesByIds(villageId, linked),
    ]);
    const titles = new Map(related.map((n) => [n.id, n.title]));
    const ref = (id: string | null): { id: string; title: string } | null => (id && titles.has(id) ? { id, title: titles.get(id) as string } : null);
    const today = chinaDay(this.clock.now());
    return notices.map((n) => {
      const window = { startsOn: n.startsOn, endsOn: n.endsOn };
      const live = n.status === 'published' || n.status === 'archived';
      return {
        id: n.id,
        kind: n.kind,
        title: n.title,
        status: n.status,
        pinned: Boolean(n.pinned),
        audience: n.audience,
        window,
        inWindow: isInWindow(window, today),
        publishedAt: n.publishedAt ? new Date(n.publishedAt).toISOString() : null,
        read: live ? read.has(n.id) : true,
        attachmentCount: attachments.get(n.id) ?? 0,
        openQueryCount: openQueries.get(n.id) ?? 0,
        supersededBy: ref(n.supersededById),
        supersedes: ref(n.supersedesId),
      };
    });
  }

  async detail(notice: Notice, viewer: NoticeViewer, store: NoticeStore): Promise<NoticeDetail> {
    const [[item], attachments, people] = await Promise.all([
      this.listItems([notice], viewer, store),
      store.attachments(notice.id),
      store.residentsByIds(
        notice.villageId,
        [notice.authorResidentId, notice.signoffByResidentId].filter((id): id is string => id !== null),
      ),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const person = (id: string): NamedRef => ({ id, name: names.get(id) ?? '' });
    return {
      ...item,
      villageId: notice.villageId,
      body: notice.body,
      blocks: parseNoticeBody(notice.body),
      attachments: attachments.map((a) => this.attachment(a)),
      author: notice.authorResidentId ? person(notice.authorResidentId) : SYSTEM_AUTHOR,
      createdAt: new Date(notice.createdAt).toISOString(),
      signoff:
        notice.signoffDecision && notice.signoffByResidentId && notice.signoffAt
          ? {
              decision: notice.signoffDecision,
              by: person(notice.signoffByResidentId),
              at: new Date(notice.signoffAt).toISOString(),
              reason: notice.signoffReason,
            }
          : null,
      can: noticeActions(notice, viewer),
      shareUrl: this.shareUrl(notice.id),
    };
  }
}
