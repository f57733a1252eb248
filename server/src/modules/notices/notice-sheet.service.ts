import { Injectable } from '@nestjs/common';
import { NOTICE_KIND_LABELS, parseNoticeBody } from '@village/shared';
import type { VillageActor } from '../../common/auth/actor';
import { NoticeViews } from './notice-views';
import { loadVisible } from './notices.service';
import { NoticesRepository } from './notices.repository';
import { renderNoticeSheet } from './print/notice-sheet';

export interface NoticeSheetFile {
  pdf: Buffer;
  fileName: string;
}

/** GET /api/notices/:id/sheet.pdf — the printable 公开栏 sheet, drawn by print/notice-sheet.ts. */
@Injectable()
export class NoticeSheetService {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly views: NoticeViews,
  ) {}

  async sheet(actor: VillageActor, id: string): Promise<NoticeSheetFile> {
    const store = this.repo.store();
    const notice = await loadVisible(store, actor, id);
    const [village, original, signers] = await Promise.all([
      store.village(notice.villageId),
      notice.supersedesId ? store.notice(notice.villageId, notice.supersedesId) : Promise.resolve(null),
      notice.signoffDecision === 'approved' && notice.signoffByResidentId
        ? store.residentsByIds(notice.villageId, [notice.signoffByResidentId])
        : Promise.resolve([]),
    ]);
    const pdf = await renderNoticeSheet({
      villageName: village?.name ?? '',
      kindLabel: NOTICE_KIND_LABELS[notice.kind],
      title: notice.title,
      blocks: parseNoticeBody(notice.body),
      window: { startsOn: notice.startsOn, endsOn: notice.endsOn },
      publishedAt: notice.publishedAt ? new Date(notice.publishedAt).toISOString() : null,
      shareUrl: this.views.shareUrl(notice.id),
      supersedes: original?.title ?? null,
      signoff:
        notice.signoffDecision === 'approved' && notice.signoffAt && signers[0]
          ? { by: signers[0].name, at: new Date(notice.signoffAt).toISOString() }
          : null,
    });
    return { pdf, fileName: `${notice.title}.pdf` };
  }
}
