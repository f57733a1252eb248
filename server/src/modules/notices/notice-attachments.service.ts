import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { NOTICE_ATTACHMENTS_MAX, type NoticeAttachment as NoticeAttachmentView, type NoticeAttachmentType } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../audit/unit-of-work';
import {
  ATTACHMENT_TYPE_LABELS,
  attachmentFileName,
  claimedAttachmentType,
  decodeUploadedName,
  detectAttachmentType,
} from './domain/attachment-file';
import { assertEditable, assertMayAuthor } from './domain/notice-rules';
import { NoticeAttachment } from './entities';
import { NoticeFileLinks } from './notice-file-links';
import { NoticeViews } from './notice-views';
import { NoticeStore } from './notice.store';
import { loadVisible } from './notices.service';
import { NoticeErrorCode, NoticeException } from './notices.exception';
import { NoticesRepository } from './notices.repository';
import { NoticeFileStorage, storageKey } from './storage/notice-file-storage';

/** What FileInterceptor hands over (kept in memory: at most NOTICE_ATTACHMENT_MAX_BYTES). */
export interface UploadedNoticeFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface NoticeFileDownload {
  content: Buffer;
  contentType: NoticeAttachmentType;
  fileName: string;
  /** Seconds the link that fetched it stays valid. */
  maxAgeSeconds: number;
}

/**
 * Images and PDFs on draft notices, checked by content; stored through NoticeFileStorage and served
 * by short-lived signed links, so a villager's phone can open them without a session header.
 */
@Injectable()
export class NoticeAttachmentsService {
  private readonly logger = new Logger(NoticeAttachmentsService.name);

  constructor(
    private readonly repo: NoticesRepository,
    private readonly uow: UnitOfWork,
    private readonly storage: NoticeFileStorage,
    private readonly links: NoticeFileLinks,
    private readonly views: NoticeViews,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async upload(actor: VillageActor, noticeId: string, file: UploadedNoticeFile | undefined): Promise<NoticeAttachmentView> {
    if (!file) {
      throw new NoticeException(NoticeErrorCode.AttachmentMissing, '请选择一个文件上传（表单字段名为 file，multipart/form-data）');
    }
    const notice = await loadVisible(this.repo.store(), actor, noticeId);
    assertMayAuthor(notice.kind, actor.roles);
    assertEditable(notice);
    const type = checkedType(file);
    if (file.buffer.length > this.config.NOTICE_ATTACHMENT_MAX_BYTES) throw this.tooLarge();

    const id = this.repo.store().newId();
    const key = storageKey(actor.villageId, id);
    await this.storage.put(key, file.buffer);
    try {
      await this.uow.run(auditActor(actor), async ({ manager, record }) => {
        const store = new NoticeStore(manager);
        const current = await loadVisible(store, actor, noticeId);
        assertEditable(current);
        const existing = await store.attachments(noticeId);
        if (existing.length >= NOTICE_ATTACHMENTS_MAX) {
          throw new NoticeException(NoticeErrorCode.AttachmentLimit, `每条公开最多 ${NOTICE_ATTACHMENTS_MAX} 个附件，请先删掉不需要的`);
        }
        const attachment: NoticeAttachment = {
          id,
          villageId: actor.villageId,
          noticeId,
          fileName: attachmentFileName(decodeUploadedName(file.originalname), type),
          contentType: type,
          sizeBytes: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey: key,
          sortOrder: Math.max(0, ...existing.map((a) => a.sortOrder)) + 1,
          createdAt: this.clock.now(),
        };
        await store.insert(NoticeAttachment, attachment);
        await record({
          action: 'notice.attachment.added',
          entityType: 'notice',
          entityId: noticeId,
          after: { attachmentId: id, fileName: attachment.fileName, contentType: type, sizeBytes: attachment.sizeBytes, sha256: attachment.sha256 },
        });
      });
    } catch (error) {
      await this.storage.delete(key).catch((e: unknown) => this.logger.warn({ err: e, key }, 'could not remove an unused attachment file'));
      throw error;
    }
    const saved = await this.repo.store().attachment(actor.villageId, id);
    return this.views.attachment(saved as NoticeAttachment);
  }

  async remove(actor: VillageActor, noticeId: string, attachmentId: string): Promise<void> {
    const key = await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new NoticeStore(manager);
      const notice = await loadVisible(store, actor, noticeId);
      assertMayAuthor(notice.kind, actor.roles);
      const attachment = await store.attachment(actor.villageId, attachmentId);
      if (!attachment || attachment.noticeId !== noticeId) throw NoticeException.attachmentNotFound();
      assertEditable(notice);
      await store.remove(NoticeAttachment, { id: attachmentId, villageId: actor.villageId });
      await record({
        action: 'notice.attachment.removed',
        entityType: 'notice',
        entityId: noticeId,
        before: { attachmentId, fileName: attachment.fileName, contentType: attachment.contentType, sha256: attachment.sha256 },
      });
      return attachment.storageKey;
    });
    // After the commit: a rolled-back removal keeps its file.
    await this.storage.delete(key).catch((e: unknown) => this.logger.warn({ err: e, key }, 'could not delete a removed attachment file'));
  }

  /** GET /api/notice-files/:id?exp=&sig= — the signature is the permission. */
  async open(attachmentId: string, exp: unknown, sig: unknown): Promise<NoticeFileDownload> {
    const check = this.links.check(attachmentId, exp, sig);
    if (check === 'expired') {
      throw new NoticeException(NoticeErrorCode.FileLinkExpired, '附件链接已过期，请返回公开页面重新打开附件');
    }
    if (check === 'invalid') throw new NoticeException(NoticeErrorCode.FileLinkInvalid, '附件链接不完整或已失效，请返回公开页面重新打开附件');
    const attachment = await this.repo.store().attachmentById(attachmentId);
    const content = attachment ? await this.storage.get(attachment.storageKey) : null;
    if (!attachment || !content) throw NoticeException.attachmentNotFound();
    return { content, contentType: attachment.contentType, fileName: attachment.fileName, maxAgeSeconds: this.links.secondsLeft(String(exp)) };
  }

  tooLarge(): NoticeException {
    const mb = Math.floor((this.config.NOTICE_ATTACHMENT_MAX_BYTES / 1024 / 1024) * 10) / 10;
    return new NoticeException(NoticeErrorCode.AttachmentTooLarge, `文件太大了：每个附件不能超过 ${mb} MB。照片请用手机自带的压缩或截图后再上传。`);
  }
}

/** The real type of an upload; a name that promises another type (a .pdf that is not a PDF) is refused. */
function checkedType(file: UploadedNoticeFile): NoticeAttachmentType {
  const type = detectAttachmentType(file.buffer);
  const name = decodeUploadedName(file.originalname);
  const claimed = claimedAttachmentType(name);
  if (!type) {
    const what = claimed ? `文件名是${ATTACHMENT_TYPE_LABELS[claimed]}，但内容不是` : '这个文件不是';
    throw new NoticeException(NoticeErrorCode.AttachmentType, `${what} JPG、PNG 图片或 PDF 文件（按文件内容判断），不能上传。请上传照片、扫描件或 PDF。`);
  }
  if (claimed && claimed !== type) {
    throw new NoticeException(
      NoticeErrorCode.AttachmentType,
      `文件名是${ATTACHMENT_TYPE_LABELS[claimed]}，但内容是${ATTACHMENT_TYPE_LABELS[type]}，不能上传。请上传真正的${ATTACHMENT_TYPE_LABELS[claimed]}，或把文件名改对。`,
    );
  }
  return type;
}
