import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MatterFile as MatterFileView } from '@village/shared';
import { DataSource } from 'typeorm';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { UnitOfWork } from '../audit/unit-of-work';
import { ATTACHMENT_TYPE_LABELS, attachmentFileName, claimedAttachmentType, decodeUploadedName, detectAttachmentType } from '../notices/domain/attachment-file';
import { NoticeFileStorage, storageKey } from '../notices/storage/notice-file-storage';
import { MatterFile } from './entities';
import { MatterFileLinks } from './matter-file-links';
import { MatterStore } from './matter.store';
import { MatterErrorCode, MatterException } from './matters.exception';

export interface UploadedMatterFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** Photos and PDFs for matters (sign-in sheets, progress, results): checked by content, kept in the notices' file storage. */
@Injectable()
export class MatterFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly storage: NoticeFileStorage,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly links: MatterFileLinks,
  ) {}

  async upload(actor: VillageActor, file: UploadedMatterFile | undefined): Promise<MatterFileView> {
    if (!file) throw new MatterException(MatterErrorCode.FileMissing, '请选择一个文件上传（表单字段名为 file，multipart/form-data）');
    if (file.buffer.length > this.config.NOTICE_ATTACHMENT_MAX_BYTES) {
      throw new MatterException(MatterErrorCode.FileTooLarge, `文件太大，最大 ${Math.floor(this.config.NOTICE_ATTACHMENT_MAX_BYTES / 1024 / 1024)} MB，请压缩后再传`);
    }
    const type = detectAttachmentType(file.buffer);
    const name = decodeUploadedName(file.originalname);
    const claimed = claimedAttachmentType(name);
    if (!type) throw new MatterException(MatterErrorCode.FileType, '这个文件不是 JPG、PNG 图片或 PDF 文件（按文件内容判断），不能上传。请上传照片或扫描件。');
    if (claimed && claimed !== type) {
      throw new MatterException(MatterErrorCode.FileType, `文件名是${ATTACHMENT_TYPE_LABELS[claimed]}，但内容是${ATTACHMENT_TYPE_LABELS[type]}，不能上传。请把文件名改对。`);
    }
    const store = new MatterStore(this.dataSource.manager);
    const row: MatterFile = {
      id: store.newId(),
      villageId: actor.villageId,
      fileName: attachmentFileName(name, type),
      contentType: type,
      sizeBytes: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploadedByResidentId: actor.residentId,
      createdAt: this.clock.now(),
    };
    const key = storageKey(actor.villageId, row.id);
    await this.storage.put(key, file.buffer);
    try {
      await this.uow.run(auditActor(actor), async (work) => {
        await work.manager.insert(MatterFile, row);
        await work.record({ action: 'matter.file.uploaded', entityType: 'matter_file', entityId: row.id, after: { contentType: type, sizeBytes: row.sizeBytes, sha256: row.sha256 } });
      });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
    return { id: row.id, fileName: row.fileName, contentType: row.contentType, url: this.links.url(row.id) };
  }

  /** Opens a file by its signed link (no session: a mini-program `<image>` sends none). */
  async open(fileId: string, exp: unknown, sig: unknown): Promise<{ content: Buffer; row: MatterFile; maxAgeSeconds: number }> {
    const check = this.links.check(fileId, exp, sig);
    if (check === 'expired') throw new MatterException(MatterErrorCode.FileLinkInvalid, '照片链接已过期，请返回事项页面重新打开');
    if (check === 'invalid') throw new MatterException(MatterErrorCode.FileLinkInvalid, '照片链接不完整或已失效，请返回事项页面重新打开');
    const row = await this.uow.exclusive(() => this.dataSource.getRepository(MatterFile).findOne({ where: { id: fileId } }));
    const content = row ? await this.storage.get(storageKey(row.villageId, row.id)) : null;
    if (!row || !content) throw new MatterException(MatterErrorCode.FileNotFound, '照片或文件找不到了');
    return { content, row, maxAgeSeconds: this.links.maxAgeSeconds };
  }
}
