import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { WechatAccount } from '../identity/entities';
import { MediaCheckService } from '../wechat/media-check.service';
import { WechatException } from '../wechat/wechat.exception';
import { attachmentFileName } from './domain/attachment-file';
import type { CheckedPhotoColumns } from './entities/checked-photo-columns';
import type { UploadedPhotoCheck } from './domain/uploaded-photo';
import { NoticeFileStorage, storageKey } from './storage/notice-file-storage';

export interface PhotoIntakeRequest<T extends CheckedPhotoColumns & ObjectLiteral> {
  entity: EntityTarget<T>;
  /** The audit trail's entity type ('proposal_photo'); its actions are `${auditPrefix}.uploaded` and `.check_requested`. */
  entityType: string;
  auditPrefix: string;
  /** MediaCheckService's purpose: the verdict goes back to the module that registered it. */
  purpose: string;
  /** The row's own columns besides the checked-photo ones (owner, position). */
  own: Omit<T, keyof CheckedPhotoColumns>;
  /** The signed link WeChat downloads the photo by. */
  url(id: string): string;
}

/**
 * How a villager's photo comes in, wherever it is for (proposals, points): bytes in the notices' file
 * storage, the row and its audit event committed together (the bytes removed if that fails), then
 * WeChat's mediaCheckAsync started with the committed photo's signed link and its trace id recorded.
 * Each module validates the upload itself (its own error codes) and applies the verdict itself.
 */
@Injectable()
export class CheckedPhotoIntake {
  private readonly logger = new Logger(CheckedPhotoIntake.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly storage: NoticeFileStorage,
    private readonly clock: Clock,
    private readonly mediaChecks: MediaCheckService,
  ) {}

  async take<T extends CheckedPhotoColumns & ObjectLiteral>(actor: VillageActor, photo: Extract<UploadedPhotoCheck, { ok: true }>, request: PhotoIntakeRequest<T>): Promise<T> {
    const openid = await this.uow.exclusive(async () => (await this.dataSource.getRepository(WechatAccount).findOneBy({ id: actor.accountId }))?.openid ?? null);
    const row = {
      ...request.own,
      id: randomUUID(),
      villageId: actor.villageId,
      fileName: attachmentFileName(photo.name, photo.type),
      contentType: photo.type,
      sizeBytes: photo.buffer.length,
      sha256: createHash('sha256').update(photo.buffer).digest('hex'),
      check: 'pending',
      checkTraceId: null,
      uploadedByResidentId: actor.residentId,
      createdAt: this.clock.now(),
    } as unknown as T;
    const key = storageKey(actor.villageId, row.id);
    await this.storage.put(key, photo.buffer);
    try {
      await this.uow.run(auditActor(actor, 'villager'), async (work) => {
        await work.manager.insert(request.entity, row);
        await work.record({ action: `${request.auditPrefix}.uploaded`, entityType: request.entityType, entityId: row.id, after: { contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256 } });
      });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
    const traceId = openid ? await this.startMediaCheck(actor, request.url(row.id), openid) : null;
    if (traceId) {
      await this.uow.run(auditActor(actor, 'villager'), async (work) => {
        await this.mediaChecks.record(work, { purpose: request.purpose, subjectId: row.id, traceId });
        await work.manager.update(request.entity, { id: row.id } as never, { checkTraceId: traceId } as never);
        await work.record({ action: `${request.auditPrefix}.check_requested`, entityType: request.entityType, entityId: row.id, after: { traceId } });
      });
      row.checkTraceId = traceId;
    }
    return row;
  }

  /** mediaCheckAsync's trace id; null when WeChat could not take it (the photo stays `pending`). */
  private async startMediaCheck(actor: VillageActor, mediaUrl: string, openid: string): Promise<string | null> {
    try {
      return await this.mediaChecks.request({ mediaUrl, openid });
    } catch (error) {
      if (!(error instanceof WechatException)) throw error;
      this.logger.warn({ code: error.code, correlationId: actor.correlationId }, 'media check unavailable; the photo stays pending');
      return null;
    }
  }
}
