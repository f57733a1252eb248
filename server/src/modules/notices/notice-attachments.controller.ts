import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { NoticeAttachment } from '@village/shared';
import type { Response } from 'express';
import { Public, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { contentDisposition } from './content-disposition';
import { NOTICE_WRITER_ROLES } from '@village/shared';
import { NoticeAttachmentDto } from './dto/notice.dto';
import { NoticeAttachmentsService, type UploadedNoticeFile } from './notice-attachments.service';
import { NoticeUploadErrors } from './notice-upload.interceptor';

@ApiTags('notices 村务公开')
@ApiBearerAuth()
@Controller('notices')
export class NoticeAttachmentsController {
  constructor(private readonly attachments: NoticeAttachmentsService) {}

  @Post(':id/attachments')
  @Roles(...NOTICE_WRITER_ROLES)
  // Size limit and UTF-8 file names come from the module's MulterModule options (NOTICE_ATTACHMENT_MAX_BYTES).
  @UseInterceptors(NoticeUploadErrors, FileInterceptor('file'))
  @ApiOperation({
    summary: '上传附件（草稿）',
    description:
      'JPG、PNG 图片或 PDF，按文件内容判断类型：内容不符（例如名为 .pdf 却不是 PDF）返回 400。' +
      '每个不超过 NOTICE_ATTACHMENT_MAX_BYTES（默认 10 MB），每条最多 9 个。只能给草稿上传。记入审计。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: NoticeAttachmentDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有文件，或类型不对' })
  @ApiPayloadTooLargeResponse({ type: ApiErrorDto })
  upload(
    @CurrentVillageActor() actor: VillageActor,
    @Param('id', IdParam) id: string,
    @UploadedFile() file: UploadedNoticeFile | undefined,
  ): Promise<NoticeAttachment> {
    return this.attachments.upload(actor, id, file);
  }

  @Delete(':id/attachments/:attachmentId')
  @Roles(...NOTICE_WRITER_ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: '删除附件（草稿）', description: '记入审计。' })
  @ApiNoContentResponse()
  async remove(
    @CurrentVillageActor() actor: VillageActor,
    @Param('id', IdParam) id: string,
    @Param('attachmentId', IdParam) attachmentId: string,
  ): Promise<void> {
    await this.attachments.remove(actor, id, attachmentId);
  }
}

@ApiTags('notices 村务公开')
@Controller('notice-files')
export class NoticeFilesController {
  constructor(private readonly attachments: NoticeAttachmentsService) {}

  @Get(':fileId')
  @Public()
  @ApiOperation({
    summary: '打开附件（签名链接）',
    description: '用公开详情里附件的 url 打开，不需要登录头；链接约 30 分钟内有效。签名不对或过期返回 403。',
  })
  @ApiQuery({ name: 'exp', description: '过期时间（Unix 秒）' })
  @ApiQuery({ name: 'sig', description: '签名' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '链接签名不对或已过期' })
  async open(
    @Param('fileId', IdParam) fileId: string,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.open(fileId, exp, sig);
    res.setHeader('Cache-Control', `private, max-age=${file.maxAgeSeconds}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.length,
      disposition: contentDisposition('inline', file.fileName),
    });
  }
}
