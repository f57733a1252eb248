import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { CheckedPhotoIntake } from './checked-photo-intake';
import { CheckpointNotices } from './checkpoint-notices';
import { NoticeAttachmentsController, NoticeFilesController } from './notice-attachments.controller';
import { NoticeAttachmentsService } from './notice-attachments.service';
import { NoticeAwarenessController } from './notice-awareness.controller';
import { NoticeAwarenessService } from './notice-awareness.service';
import { NoticeFileLinks } from './notice-file-links';
import { NoticePolicyController, TownshipNoticeCadenceController } from './notice-policy.controller';
import { NoticePolicyService } from './notice-policy.service';
import { NoticeQueriesController, NoticeQueryAdminController } from './notice-queries.controller';
import { NoticeQueriesService } from './notice-queries.service';
import { NoticeSheetService } from './notice-sheet.service';
import { NoticeUploadErrors } from './notice-upload.interceptor';
import { NoticeViews } from './notice-views';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';
import { LocalNoticeFileStorage } from './storage/local-notice-file-storage';
import { NoticeFileStorage } from './storage/notice-file-storage';
import { SystemNoticePublisher } from './system-notice-publisher';

/**
 * 村务公开 (issue 5): notices and their lifecycle, attachments, read receipts and 知晓率, queries,
 * cadence. Exports SystemNoticePublisher, through which other modules publish results and records.
 */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.NOTICE_ATTACHMENT_MAX_BYTES, files: 1, fields: 4 },
        // Browsers send file names in UTF-8; multer would read them as Latin-1.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [
    // First: its static paths (/notices/policy, /notices/cadence) must win over /notices/:id.
    NoticePolicyController,
    NoticesController,
    NoticeAwarenessController,
    NoticeAttachmentsController,
    NoticeQueriesController,
    NoticeQueryAdminController,
    NoticeFilesController,
    TownshipNoticeCadenceController,
  ],
  providers: [
    CheckedPhotoIntake,
    NoticesRepository,
    NoticesService,
    NoticeViews,
    NoticeFileLinks,
    NoticePolicyService,
    NoticeAwarenessService,
    NoticeAttachmentsService,
    NoticeUploadErrors,
    NoticeQueriesService,
    NoticeSheetService,
    SystemNoticePublisher,
    CheckpointNotices,
    {
      provide: NoticeFileStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig): NoticeFileStorage => new LocalNoticeFileStorage(config.NOTICE_FILES_DIR),
    },
  ],
  // NoticePolicyService: the township's oversight page counts overdue disclosures with it.
  exports: [SystemNoticePublisher, NoticeFileStorage, NoticePolicyService, CheckedPhotoIntake],
})
export class NoticesModule {}
