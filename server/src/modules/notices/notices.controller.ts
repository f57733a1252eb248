import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { NoticeDetail, NoticePage } from '@village/shared';
import { Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { contentDisposition } from './content-disposition';
import { NOTICE_SIGNOFF_ROLES, NOTICE_WRITER_ROLES } from '@village/shared';
import {
  CreateNoticeDto,
  NoticeCorrectionDto,
  NoticeDetailDto,
  NoticeListQueryDto,
  NoticePageDto,
  NoticeSignoffDto,
  UpdateNoticeDto,
} from './dto/notice.dto';
import { NoticeSheetService } from './notice-sheet.service';
import { NoticesService } from './notices.service';

@ApiTags('notices 村务公开')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly sheets: NoticeSheetService,
  ) {}

  @Get()
  @Roles('villager')
  @ApiOperation({
    summary: '公开列表',
    description:
      '置顶且在公开期内的排在最前，其余按发布时间从新到旧。默认只列已公开的；status=archived 看归档的；' +
      '草稿和待审核的只有能编写该类别的两委成员（待审核的还有监委会）可以看。仅党员可见的党务只列给党员。',
  })
  @ApiOkResponse({ type: NoticePageDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '无权查看草稿或待审核的' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: NoticeListQueryDto): Promise<NoticePage> {
    return this.notices.list(actor, query);
  }

  @Post()
  @Roles(...NOTICE_WRITER_ROLES)
  @ApiOperation({
    summary: '新建公开（草稿）',
    description:
      '党务由书记、村党组织委员编写；村务、财务由书记、村委会委员编写。公开期从今天或以后开始，' +
      '不少于本村为该类别设定的最短天数（默认 7 天）。“仅党员”只用于党务。记入审计。',
  })
  @ApiCreatedResponse({ type: NoticeDetailDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '没有编写该类别的职务' })
  create(@CurrentVillageActor() actor: VillageActor, @Body() body: CreateNoticeDto): Promise<NoticeDetail> {
    return this.notices.create(actor, body);
  }

  @Get(':id')
  @Roles('villager')
  @ApiOperation({ summary: '公开详情', description: '正文已解析为 blocks；附件链接短时有效；can 列出当前用户能做的操作。' })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '没有这条公开，或无权查看（如非党员看仅党员可见的党务）' })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string): Promise<NoticeDetail> {
    return this.notices.detail(actor, id);
  }

  @Patch(':id')
  @Roles(...NOTICE_WRITER_ROLES)
  @ApiOperation({ summary: '修改草稿', description: '只能改草稿。已公开的不能修改（409），请发布更正。记入审计。' })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '已公开、已归档或正在等监委会审核' })
  update(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string, @Body() body: UpdateNoticeDto): Promise<NoticeDetail> {
    return this.notices.update(actor, id, body);
  }

  @Post(':id/publish')
  @Roles(...NOTICE_WRITER_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '发布',
    description: '村务、党务立即公开；财务公开提交监委会审核（pending_signoff），审核同意后才公开。更正公告发布后，原公告标记为已被更正。',
  })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '不是草稿，或公开开始日期已过' })
  publish(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string): Promise<NoticeDetail> {
    return this.notices.publish(actor, id);
  }

  @Post(':id/signoff')
  @Roles(...NOTICE_SIGNOFF_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '监委会审核签字（财务公开）',
    description: 'approved 同意并立即公开；refused 退回草稿，须写明理由。编写或提交这条公开的人不能自己审核。',
  })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '自己编写或提交的' })
  @ApiConflictResponse({ type: ApiErrorDto, description: '不在待审核状态' })
  signoff(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string, @Body() body: NoticeSignoffDto): Promise<NoticeDetail> {
    return this.notices.signoff(actor, id, body);
  }

  @Post(':id/archive')
  @Roles(...NOTICE_WRITER_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '归档', description: '已公开的公开归档后仍可查看（status=archived），不再接受询问。' })
  @ApiOkResponse({ type: NoticeDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  archive(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string): Promise<NoticeDetail> {
    return this.notices.archive(actor, id);
  }

  @Post(':id/corrections')
  @Roles(...NOTICE_WRITER_ROLES)
  @ApiOperation({
    summary: '发布更正（新建更正草稿）',
    description: '新建一份草稿，默认沿用原标题、正文，公开期从今天起；发布（财务须审核）后替代原公告，两份都留存可查。',
  })
  @ApiCreatedResponse({ type: NoticeDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '原公告不在公开中，或已被更正' })
  correct(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string, @Body() body: NoticeCorrectionDto): Promise<NoticeDetail> {
    return this.notices.correct(actor, id, body);
  }

  @Get(':id/sheet.pdf')
  @Roles('villager')
  @ApiOperation({ summary: '打印公开栏张贴稿（PDF）', description: 'A4，中文字体，含公开期和回到这条公开的二维码；草稿带“草稿”水印。' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async sheet(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string): Promise<StreamableFile> {
    const file = await this.sheets.sheet(actor, id);
    return new StreamableFile(file.pdf, { type: 'application/pdf', length: file.pdf.length, disposition: contentDisposition('inline', file.fileName) });
  }
}
