import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { MATTER_PAGE_SIZE_DEFAULT, type MatterDetail, type MatterFile, type MatterPage, type MatterTypeView, type NamedRef, type Page } from '@village/shared';
import { PageQueryDto } from '../roster/dto/common.dto';
import type { Response } from 'express';
import { Public, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { contentDisposition } from '../notices/content-disposition';
import {
  AdvanceMatterDto,
  AmendMatterDto,
  AnswerDto,
  CancelMeetingDto,
  ConfirmCountDto,
  CreateMatterDto,
  LiftOpinionDto,
  ListMattersQueryDto,
  ObjectionDto,
  ObjectionReviewDto,
  OpinionDto,
  PatchMeetingDto,
  ProgressReportDto,
  RecordMeetingDto,
  ScheduleMeetingDto,
  SendBackDto,
} from './dto/matter.dto';
import { MatterCommandsService } from './matter-commands.service';
import { MatterFilesService, type UploadedMatterFile } from './matter-files.service';
import { MattersService } from './matters.service';

/** 书记, 村党组织委员, 村委会委员: propose, amend, record meetings, answer. */
const COMMITTEE = ['secretary', 'branch_committee', 'village_committee'] as const;
const REFUSED = '四议两公开的条件不满足（MATTER_TRANSITION_REFUSED，message 列出每一条原因，details.unmet 逐条给出代码和数字），或别人先改过（MATTER_VERSION_CONFLICT）；什么都没有写入';

@ApiTags('matters 议事（四议两公开）')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这个事项（或会议、异议、意见）' })
@ApiConflictResponse({ type: ApiErrorDto, description: REFUSED })
@Controller('matters')
export class MattersController {
  constructor(
    private readonly matters: MattersService,
    private readonly commands: MatterCommandsService,
  ) {}

  @Get()
  @Roles('villager')
  @ApiOperation({ summary: '议事事项列表', description: '最近有进展的在前。open=true 只列未办结的；awaitingMe=true 只列我现在可以办理的。' })
  @ApiOkResponse({ description: 'MatterPage' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ListMattersQueryDto): Promise<MatterPage> {
    return this.matters.list(actor, query);
  }

  @Post()
  @Roles(...COMMITTEE)
  @ApiOperation({ summary: '提出事项', description: '村“两委”。形成第 1 稿，处于“党组织提议”阶段；记入审计。' })
  @ApiCreatedResponse({ description: 'MatterDetail' })
  async create(@CurrentVillageActor() actor: VillageActor, @Body() body: CreateMatterDto): Promise<MatterDetail> {
    return this.matters.detail(actor, await this.commands.create(actor, body));
  }

  @Get(':matterId')
  @Roles('villager')
  @ApiOperation({ summary: '事项详情', description: '八个阶段的进度、每阶段的会议记录、历次稿本及修改对照、公示、异议、监督意见、实施进度、我能做的操作和不能做的原因。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string): Promise<MatterDetail> {
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/revisions')
  @Roles(...COMMITTEE)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '修改方案文本（形成新稿）', description: '党组织提议和两委商议阶段；basedOn 须是现行稿。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async amend(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string, @Body() body: AmendMatterDto): Promise<MatterDetail> {
    await this.commands.amend(actor, matterId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/meetings')
  @Roles(...COMMITTEE)
  @ApiOperation({ summary: '安排会议', description: '登记会议时间、地点和通知日期；村民会议不足 10 天通知时 noticeWarning 当即说明。还不是流程事件。' })
  @ApiCreatedResponse({ description: 'MatterDetail' })
  async schedule(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string, @Body() body: ScheduleMeetingDto): Promise<MatterDetail> {
    await this.commands.schedule(actor, matterId, body);
    return this.matters.detail(actor, matterId);
  }

  @Patch(':matterId/meetings/:meetingId')
  @Roles(...COMMITTEE)
  @ApiOperation({ summary: '修改会议通知', description: '只有还没召开的会议可以改时间、地点、通知日期和所用的表决。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async patchMeeting(
    @CurrentVillageActor() actor: VillageActor,
    @Param('matterId', IdParam) matterId: string,
    @Param('meetingId', IdParam) meetingId: string,
    @Body() body: PatchMeetingDto,
  ): Promise<MatterDetail> {
    await this.commands.patchMeeting(actor, matterId, meetingId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/meetings/:meetingId/cancel')
  @Roles(...COMMITTEE)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '取消会议', description: '只有还没召开的会议可以取消，须说明原因；记录保留。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async cancelMeeting(
    @CurrentVillageActor() actor: VillageActor,
    @Param('matterId', IdParam) matterId: string,
    @Param('meetingId', IdParam) meetingId: string,
    @Body() body: CancelMeetingDto,
  ): Promise<MatterDetail> {
    await this.commands.cancelMeeting(actor, matterId, meetingId, body);
    return this.matters.detail(actor, matterId);
  }

  @Get(':matterId/meetings/:meetingId/attendees')
  @Roles('villager')
  @ApiOperation({ summary: '会议到会人员', description: '按姓名排序分页；村“两委”和监委会看到全名，其他村民看到的名字打码（本人除外）。' })
  @ApiOkResponse({ description: 'Page<NamedRef>' })
  attendees(
    @CurrentVillageActor() actor: VillageActor,
    @Param('matterId', IdParam) matterId: string,
    @Param('meetingId', IdParam) meetingId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<NamedRef>> {
    return this.matters.attendees(actor, matterId, meetingId, query.page ?? 1, query.pageSize ?? MATTER_PAGE_SIZE_DEFAULT);
  }

  @Post(':matterId/meetings/:meetingId/record')
  @Roles(...COMMITTEE)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '登记会议召开情况', description: '会议日期、表决稿本、到会人员、纪要、签到表照片、签字人，以及票数：本事项的表决（结束后从表决结果读取，不可手填），或现场纸质计票（计票人、监票人）。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async record(
    @CurrentVillageActor() actor: VillageActor,
    @Param('matterId', IdParam) matterId: string,
    @Param('meetingId', IdParam) meetingId: string,
    @Body() body: RecordMeetingDto,
  ): Promise<MatterDetail> {
    await this.commands.record(actor, matterId, meetingId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/meetings/:meetingId/confirm-count')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '监票人确认现场计票', description: '只有这次会议的监票人可以确认；数字不同则改为监票人的数字，等待重新确认。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async confirmCount(
    @CurrentVillageActor() actor: VillageActor,
    @Param('matterId', IdParam) matterId: string,
    @Param('meetingId', IdParam) meetingId: string,
    @Body() body: ConfirmCountDto,
  ): Promise<MatterDetail> {
    await this.commands.confirmCount(actor, matterId, meetingId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/events')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '推进流程',
    description: '登记各阶段会议、开始实施、提交/审核/公开实施结果、归档、撤回、修改后重新提议。谁可以做什么由共享的流程规则判断，不满足时 409 并列出原因。',
  })
  @ApiOkResponse({ description: 'MatterDetail' })
  async advance(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string, @Body() body: AdvanceMatterDto): Promise<MatterDetail> {
    await this.commands.advance(actor, matterId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/progress')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '报告实施进度', description: '村委会或实施负责人；支出以分为单位。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async progress(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string, @Body() body: ProgressReportDto): Promise<MatterDetail> {
    await this.commands.progress(actor, matterId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/objections')
  @Roles('villager')
  @ApiOperation({ summary: '提出异议', description: '决议公示或实施结果公示期间，本村村民都可以提；答复前不能进入下一阶段。' })
  @ApiCreatedResponse({ description: 'MatterDetail' })
  async object(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string, @Body() body: ObjectionDto): Promise<MatterDetail> {
    await this.commands.fileObjection(actor, matterId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/opinions')
  @Roles('supervisor')
  @ApiOperation({ summary: '提出监督意见', description: '村务监督委员会；blocking=true 要求纠正，答复并解除前事项暂停。' })
  @ApiCreatedResponse({ description: 'MatterDetail' })
  async opinion(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string, @Body() body: OpinionDto): Promise<MatterDetail> {
    await this.commands.addOpinion(actor, matterId, body);
    return this.matters.detail(actor, matterId);
  }

  @Post(':matterId/send-back')
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '退回重新办理', description: '村务监督委员会把事项退回到某个会议阶段或公开阶段；之后的会议不再算数，已发的公示标为作废但保留。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async sendBack(@CurrentVillageActor() actor: VillageActor, @Param('matterId', IdParam) matterId: string, @Body() body: SendBackDto): Promise<MatterDetail> {
    await this.commands.sendBack(actor, matterId, body);
    return this.matters.detail(actor, matterId);
  }
}

@ApiTags('matters 议事（四议两公开）')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这条异议或监督意见' })
@ApiConflictResponse({ type: ApiErrorDto, description: REFUSED })
@Controller()
export class MatterItemsController {
  constructor(
    private readonly matters: MattersService,
    private readonly commands: MatterCommandsService,
  ) {}

  @Post('matter-objections/:objectionId/answer')
  @Roles(...COMMITTEE)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '答复异议', description: '村“两委”；答复公开可见。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async answerObjection(@CurrentVillageActor() actor: VillageActor, @Param('objectionId', IdParam) objectionId: string, @Body() body: AnswerDto): Promise<MatterDetail> {
    return this.matters.detail(actor, await this.commands.answerObjection(actor, objectionId, body));
  }

  @Post('matter-objections/:objectionId/review')
  @Roles(...COMMITTEE)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '审核待审的异议',
    description: '微信内容检查要求人工审核（或未能检查）的异议：release 公开给全村；reject 不公开，须写理由（提异议的村民、两委和监委会能看到）。无论哪种，异议都算数，仍须答复。记入审计。',
  })
  @ApiOkResponse({ description: 'MatterDetail' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '审核结果不对，或不公开时没有写理由（2–200 个字）' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'MATTER_OBJECTION_NOT_PENDING_REVIEW：这条异议不在待审核状态（已审核过，或内容检查已通过或未通过）' })
  async reviewObjection(@CurrentVillageActor() actor: VillageActor, @Param('objectionId', IdParam) objectionId: string, @Body() body: ObjectionReviewDto): Promise<MatterDetail> {
    return this.matters.detail(actor, await this.commands.reviewObjection(actor, objectionId, body));
  }

  @Post('matter-opinions/:opinionId/answer')
  @Roles(...COMMITTEE)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '答复监督意见', description: '村“两委”。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async answerOpinion(@CurrentVillageActor() actor: VillageActor, @Param('opinionId', IdParam) opinionId: string, @Body() body: AnswerDto): Promise<MatterDetail> {
    return this.matters.detail(actor, await this.commands.answerOpinion(actor, opinionId, body));
  }

  @Post('matter-opinions/:opinionId/lift')
  @Roles('supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '解除纠正要求', description: '村务监督委员会；要求纠正的意见须先经答复。' })
  @ApiOkResponse({ description: 'MatterDetail' })
  async liftOpinion(@CurrentVillageActor() actor: VillageActor, @Param('opinionId', IdParam) opinionId: string, @Body() body: LiftOpinionDto): Promise<MatterDetail> {
    return this.matters.detail(actor, await this.commands.liftOpinion(actor, opinionId, body));
  }

  @Get('matter-types')
  @Roles('villager')
  @ApiOperation({ summary: '本村的事项类型', description: '法定类型（《村民委员会组织法》第二十四条等）在前，各自由谁决定、按什么规则表决。' })
  @ApiOkResponse({ description: 'MatterTypeView[]' })
  types(@CurrentVillageActor() actor: VillageActor): Promise<MatterTypeView[]> {
    return this.matters.types(actor);
  }
}

@ApiTags('matters 议事（四议两公开）')
@ApiBearerAuth()
@Controller('matter-files')
export class MatterFilesController {
  constructor(private readonly files: MatterFilesService) {}

  @Post()
  @Roles('villager')
  @UseInterceptors(FileInterceptor('file', { limits: { files: 1, fields: 4 } }))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传照片或文件', description: '签到表、实施进度和结果的照片：JPG、PNG 或 PDF（按内容判断）。返回的 id 用于会议记录和进度报告。' })
  @ApiCreatedResponse({ description: 'MatterFile' })
  upload(@CurrentVillageActor() actor: VillageActor, @UploadedFile() file: UploadedMatterFile | undefined): Promise<MatterFile> {
    return this.files.upload(actor, file);
  }

  @Get(':fileId')
  @Public()
  @ApiOperation({ summary: '打开照片或文件（签名链接）', description: '用事项详情里的 url 打开，不需要登录头；链接约 30 分钟内有效。签名不对或过期返回 403。' })
  @ApiQuery({ name: 'exp', description: '过期时间（Unix 秒）' })
  @ApiQuery({ name: 'sig', description: '签名' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '链接签名不对或已过期' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '没有这个文件' })
  async open(
    @Param('fileId', IdParam) fileId: string,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { content, row, maxAgeSeconds } = await this.files.open(fileId, exp, sig);
    res.setHeader('Cache-Control', `private, max-age=${maxAgeSeconds}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(content, { type: row.contentType, length: content.length, disposition: contentDisposition('inline', row.fileName) });
  }
}
