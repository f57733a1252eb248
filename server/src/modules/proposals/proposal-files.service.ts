import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProposalFile } from '@village/shared';
import { DataSource } from 'typeorm';
import type { VillageActor } from '../../common/auth/actor';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../audit/unit-of-work';
import { CheckedPhotoIntake } from '../notices/checked-photo-intake';
import { checkUploadedPhoto, type UploadedPhotoFile, type UploadedPhotoProblem } from '../notices/domain/uploaded-photo';
import { NoticeFileStorage, storageKey } from '../notices/storage/notice-file-storage';
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly storage: NoticeFileStorage,
    private readonly config: AppConfig,
    private readonly links: ProposalFileLinks,
    private readonly intake: CheckedPhotoIntake,
  ) {}

  async upload(actor: VillageActor, file: UploadedPhotoFile | undefined): Promise<ProposalFile> {
    const checked = checkUploadedPhoto(file, this.config.NOTICE_ATTACHMENT_MAX_BYTES);
    if (!checked.ok) throw new ProposalException(PHOTO_PROBLEM_CODES[checked.problem], checked.message);
    // WeChat's verdict comes back through MediaCheckService to ProposalsService (PROPOSAL_PHOTO_CHECK);
    // while WeChat cannot take it, the proposal waits for the committee.
    const row = await this.intake.take(actor, checked, {
      entity: ProposalPhoto,
      entityType: 'proposal_photo',
      auditPrefix: 'proposal.file',
      purpose: PROPOSAL_PHOTO_CHECK,
      own: { proposalId: null, position: 0 },
      url: (id) => this.links.url(id),
    });
    return { id: row.id, fileName: row.fileName, url: this.links.url(row.id) };
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
