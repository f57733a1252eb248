import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProposalFile } from '@village/shared';
import { DataSource } from 'typeorm';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../audit/unit-of-work';
import { attachmentFileName } from '../notices/domain/attachment-file';
import { checkUploadedPhoto, type UploadedPhotoFile, type UploadedPhotoProblem } from '../notices/domain/uploaded-photo';
import { NoticeFileStorage, storageKey } from '../notices/storage/notice-file-storage';
import { MediaCheckService } from '../wechat/media-check.service';
import { WechatException } from '../wechat/wechat.exception';
import { ProposalPhoto } from './entities';
import { ProposalFileLinks } from './proposal-file-links';
import { ProposalStore } from './proposal.store';
import { ProposalErrorCode, ProposalException } from './proposals.exception';

/** The purpose under which proposal photos are sent to WeChat's media check. */
export const PROPOSAL_PHOTO_CHECK = 'proposal_photo';

export type UploadedProposalFile = UploadedPhotoFile;

const PHOTO_PROBLEM_CODES: Record<UploadedPhotoProblem, ProposalErrorCode> = {
  missing: ProposalErrorCode.FileMissing,
  too_large: ProposalErrorCode.FileTooLarge,
  type: ProposalErrorCode.FileType,
};

/**
 * Photos for proposals: JPEG or PNG by content, kept in the notices' file storage, and sent to
 * WeChat's mediaCheckAsync; the verdict arrives later (ProposalsService.applyMediaCheck).
 */
@Injectable()
export class ProposalFilesService {
  private readonly logger = new Logger(ProposalFilesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly storage: NoticeFileStorage,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly links: ProposalFileLinks,
    private readonly mediaChecks: MediaCheckService,
  ) {}

  async upload(actor: VillageActor, file: UploadedPhotoFile | undefined): Promise<ProposalFile> {
    const checked = checkUploadedPhoto(file, this.config.NOTICE_ATTACHMENT_MAX_BYTES);
    if (!checked.ok) throw new ProposalException(PHOTO_PROBLEM_CODES[checked.problem], checked.message);
    const { type, name, buffer } = checked;
    const store = new ProposalStore(this.dataSource.manager);
    const openid = await this.uow.exclusive(() => store.openidOf(actor.accountId));
    const row: ProposalPhoto = {
      id: store.newId(),
      villageId: actor.villageId,
      proposalId: null,
      position: 0,
      fileName: attachmentFileName(name, type),
      contentType: type,
      sizeBytes: buffer.length,
      sha256: createHash('sha256').update(buffer).digest('hex'),
      check: 'pending',
      checkTraceId: null,
      uploadedByResidentId: actor.residentId,
      createdAt: this.clock.now(),
    };
    const key = storageKey(actor.villageId, row.id);
    await this.storage.put(key, buffer);
    try {
      await this.uow.run(auditActor(actor, 'villager'), async (work) => {
        await work.manager.insert(ProposalPhoto, row);
        await work.record({ action: 'proposal.file.uploaded', entityType: 'proposal_photo', entityId: row.id, after: { contentType: type, sizeBytes: row.sizeBytes, sha256: row.sha256 } });
      });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
    // After the row is committed, so WeChat can download the photo by its signed link; its verdict
    // comes back through MediaCheckService to ProposalsService (purpose PROPOSAL_PHOTO_CHECK).
    const traceId = openid ? await this.startMediaCheck(actor, row.id, openid) : null;
    if (traceId) {
      await this.uow.run(auditActor(actor, 'villager'), async (work) => {
        await this.mediaChecks.record(work, { purpose: PROPOSAL_PHOTO_CHECK, subjectId: row.id, traceId });
        await work.manager.update(ProposalPhoto, { id: row.id }, { checkTraceId: traceId });
        await work.record({ action: 'proposal.file.check_requested', entityType: 'proposal_photo', entityId: row.id, after: { traceId } });
      });
    }
    return { id: row.id, fileName: row.fileName, url: this.links.url(row.id) };
  }

  /** mediaCheckAsync's trace id; null when WeChat could not take it (the proposal then waits for the committee). */
  private async startMediaCheck(actor: VillageActor, fileId: string, openid: string): Promise<string | null> {
    try {
      return await this.mediaChecks.request({ mediaUrl: this.links.url(fileId), openid });
    } catch (error) {
      if (!(error instanceof WechatException)) throw error;
      this.logger.warn({ code: error.code, correlationId: actor.correlationId }, 'media check unavailable; the photo waits for the committee');
      return null;
    }
  }

  /** Opens a photo by its signed link (no session: a mini-program `<image>` and WeChat's checker send none). */
  async open(fileId: string, exp: unknown, sig: unknown): Promise<{ content: Buffer; row: ProposalPhoto; maxAgeSeconds: number }> {
    const check = this.links.check(fileId, exp, sig);
    if (check === 'expired') throw new ProposalException(ProposalErrorCode.FileLinkInvalid, '照片链接已过期，请返回提议页面重新打开');
    if (check === 'invalid') throw new ProposalException(ProposalErrorCode.FileLinkInvalid, '照片链接不完整或已失效，请返回提议页面重新打开');
    const row = await this.uow.exclusive(() => new ProposalStore(this.dataSource.manager).photo(fileId));
    const content = row ? await this.storage.get(storageKey(row.villageId, row.id)) : null;
    if (!row || !content) throw ProposalException.fileNotFound();
    return { content, row, maxAgeSeconds: this.links.maxAgeSeconds };
  }
}
