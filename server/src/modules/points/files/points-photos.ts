import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PointsPhoto as PointsPhotoView } from '@village/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { VillageActor } from '../../../common/auth/actor';
import { AppConfig } from '../../../config/app-config';
import { UnitOfWork, type Work } from '../../audit/unit-of-work';
import { CheckedPhotoIntake } from '../../notices/checked-photo-intake';
import { checkUploadedPhoto, type UploadedPhotoFile, type UploadedPhotoProblem } from '../../notices/domain/uploaded-photo';
import { NoticeFileStorage, storageKey } from '../../notices/storage/notice-file-storage';
import { MediaCheckService } from '../../wechat/media-check.service';
import type { PhotoCheck } from '../../notices/entities/checked-photo-columns';
import { PointsPhoto } from '../entities';
import { PointsErrorCode, PointsException } from '../points.exception';
import { PointsFileLinks } from './points-file-links';

/** The purpose under which points photos are sent to WeChat's media check. */
export const POINTS_PHOTO_CHECK = 'points_photo';

const PHOTO_PROBLEM_CODES: Record<UploadedPhotoProblem, PointsErrorCode> = {
  missing: PointsErrorCode.FileMissing,
  too_large: PointsErrorCode.FileTooLarge,
  type: PointsErrorCode.FileType,
};

export interface AttachOptions {
  /** Photos uploaded by anyone of the village (a product photo another 积分超市 keeper took). */
  anyUploader?: boolean;
}

/**
 * Photos of points records (evidence) and of 积分超市 products: JPEG or PNG by content, kept in the
 * notices' file storage, sent to WeChat's mediaCheckAsync. A photo is uploaded first and attached to
 * its owner when the record or product is saved; a `risky` verdict hides it everywhere.
 */
@Injectable()
export class PointsPhotos implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly storage: NoticeFileStorage,
    private readonly config: AppConfig,
    private readonly links: PointsFileLinks,
    private readonly mediaChecks: MediaCheckService,
    private readonly intake: CheckedPhotoIntake,
  ) {}

  onModuleInit(): void {
    this.mediaChecks.onResult(POINTS_PHOTO_CHECK, (photoId, verdict, _manager, work) => this.applyMediaCheck(work, photoId, verdict.status));
  }

  async upload(actor: VillageActor, file: UploadedPhotoFile | undefined): Promise<PointsPhotoView> {
    const checked = checkUploadedPhoto(file, this.config.NOTICE_ATTACHMENT_MAX_BYTES);
    if (!checked.ok) throw new PointsException(PHOTO_PROBLEM_CODES[checked.problem], checked.message);
    const row = await this.intake.take(actor, checked, {
      entity: PointsPhoto,
      entityType: 'points_photo',
      auditPrefix: 'points.file',
      purpose: POINTS_PHOTO_CHECK,
      own: { ownerId: null, position: 0 },
      url: (id) => this.links.url(id),
    });
    return { id: row.id, url: this.links.url(row.id) };
  }

  /** WeChat's verdict, inside MediaCheckService's unit of work. */
  private async applyMediaCheck(work: Work, photoId: string, check: PhotoCheck): Promise<void> {
    const before = await work.manager.getRepository(PointsPhoto).findOneBy({ id: photoId, villageId: work.actor.villageId });
    if (!before) return;
    await work.manager.update(PointsPhoto, { id: photoId }, { check });
    await work.record({ action: 'points.file.checked', entityType: 'points_photo', entityId: photoId, before: { check: before.check }, after: { check, ownerId: before.ownerId } });
  }

  /** Opens a photo by its signed link (no session: a mini-program `<image>` and WeChat's checker send none). */
  async open(fileId: string, exp: unknown, sig: unknown): Promise<{ content: Buffer; row: PointsPhoto; maxAgeSeconds: number }> {
    const check = this.links.check(fileId, exp, sig);
    if (check === 'expired') throw new PointsException(PointsErrorCode.FileLinkInvalid, '照片链接已过期，请返回积分页面重新打开');
    if (check === 'invalid') throw new PointsException(PointsErrorCode.FileLinkInvalid, '照片链接不完整或已失效，请返回积分页面重新打开');
    const row = await this.uow.exclusive(() => this.dataSource.getRepository(PointsPhoto).findOneBy({ id: fileId }));
    const content = row ? await this.storage.get(storageKey(row.villageId, row.id)) : null;
    if (!row || !content) throw PointsException.notFound('照片');
    return { content, row, maxAgeSeconds: this.links.maxAgeSeconds };
  }

  /**
   * Attaches uploaded photos to their owner (a record or a product), in the owner's unit of work, in
   * the given order. Photos of another village are 404; someone else's upload (unless `anyUploader`),
   * a photo already attached elsewhere or one WeChat found risky is refused.
   */
  async attach(work: Work, actor: VillageActor, ownerId: string, photoIds: string[], options: AttachOptions = {}): Promise<PointsPhotoView[]> {
    const ids = [...new Set(photoIds)];
    if (ids.length === 0) return [];
    const rows = await work.manager.getRepository(PointsPhoto).findBy({ id: In(ids), villageId: actor.villageId });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) throw PointsException.notFound('照片');
      if (!options.anyUploader && row.uploadedByResidentId !== actor.residentId) throw PointsException.forbidden('只能用自己上传的照片，请重新上传');
      if (row.ownerId && row.ownerId !== ownerId) throw PointsException.refused('这张照片已经用在别处了，请重新上传一张');
      if (row.check === 'risky') throw PointsException.refused('有照片没有通过微信内容检查，请换一张照片');
    }
    for (const [position, id] of ids.entries()) await work.manager.update(PointsPhoto, { id }, { ownerId, position });
    await work.record({ action: 'points.file.attached', entityType: 'points_photo_set', entityId: ownerId, after: { photoIds: ids } });
    return ids.map((id) => ({ id, url: this.links.url(id) }));
  }

  /** The photos of each owner in order, with signed links, leaving out those WeChat found risky. */
  async views(manager: EntityManager, ownerIds: string[]): Promise<Map<string, PointsPhotoView[]>> {
    const wanted = [...new Set(ownerIds)];
    const result = new Map<string, PointsPhotoView[]>(wanted.map((id) => [id, []]));
    if (wanted.length === 0) return result;
    const rows = await manager.getRepository(PointsPhoto).find({ where: { ownerId: In(wanted) }, order: { position: 'ASC' } });
    for (const row of rows) {
      if (row.check === 'risky' || !row.ownerId) continue;
      result.get(row.ownerId)?.push({ id: row.id, url: this.links.url(row.id) });
    }
    return result;
  }
}
