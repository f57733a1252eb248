import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  BallotDetail,
  BallotListItem,
  BallotReceiptList,
  BallotResultView,
  CastVoteResult,
  ElectoratePage,
  OpenVotePage,
  Page,
  PaperCountView,
  ReceiptCheckResult,
  RecordAttendanceResult,
} from '@village/shared';
import { Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { SealedReplay } from '../../common/idempotency/sealed-replay.decorator';
import { BALLOT_ADMIN_ROLES, BALLOT_OVERSIGHT_ROLES } from './ballot-access';
import { BallotAdminService } from './ballot-admin.service';
import { BallotClosingService } from './ballot-closing.service';
import { BallotsService } from './ballots.service';
import { CastingService } from './casting.service';
import { CancelBallotDto, CreateBallotDto, OpenBallotDto, PatchBallotDto } from './dto/ballot.dto';
import { ElectorateQueryDto, ListBallotsQueryDto, PageQueryDto } from './dto/ballot-query.dto';
import {
  BallotDetailDto,
  BallotPageDto,
  BallotReceiptListDto,
  BallotResultViewDto,
  ElectoratePageDto,
  OpenVotePageDto,
  PaperCountViewDto,
  ReceiptCheckResultDto,
  RecordAttendanceResultDto,
} from './dto/ballot-view.dto';
import { CastVoteDto, CastVoteResultDto, PaperCountDto, ReceiptCheckDto, RecordAttendanceDto } from './dto/vote.dto';
import { InPersonService } from './in-person.service';

@ApiTags('voting 表决')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这次表决（草稿只有村“两委”看得到）' })
@Controller('ballots')
export class BallotsController {
  constructor(
    private readonly ballots: BallotsService,
    private readonly admin: BallotAdminService,
    private readonly casting: CastingService,
    private readonly inPerson: InPersonService,
    private readonly closing: BallotClosingService,
  ) {}

  @Get()
  @Roles('villager')
  @ApiOperation({
    summary: '表决列表',
    description: '新的在前。村民看到进行中和已结束的；村“两委”还看到草稿和已取消的。awaitingMe=true 只列出我可以投而还没投的（待我办）。',
  })
  @ApiOkResponse({ type: BallotPageDto })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ListBallotsQueryDto): Promise<Page<BallotListItem>> {
    return this.ballots.list(actor, query);
  }

  @Post()
  @Roles(...BALLOT_ADMIN_ROLES)
  @ApiOperation({ summary: '新建表决（草稿）', description: '村“两委”。发布前可以修改；记入审计。' })
  @ApiCreatedResponse({ type: BallotDetailDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '填写有误，details 按字段列出' })
  async create(@CurrentVillageActor() actor: VillageActor, @Body() body: CreateBallotDto): Promise<BallotDetail> {
    return this.ballots.detail(actor, await this.admin.create(actor, body));
  }

  @Get(':ballotId')
  @Roles('villager')
  @ApiOperation({
    summary: '表决详情',
    description:
      '含倒计时用的服务器时间 serverNow、目前的参与情况和法定人数说明、我能做什么（can）和不能做的原因（reasons）；结束后含结果。',
  })
  @ApiOkResponse({ type: BallotDetailDto })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('ballotId', IdParam) ballotId: string): Promise<BallotDetail> {
    return this.ballots.detail(actor, ballotId);
  }

  @Patch(':ballotId')
  @Roles(...BALLOT_ADMIN_ROLES)
  @ApiOperation({ summary: '修改草稿', description: '只有草稿能改；须带上读取时的 version。' })
  @ApiOkResponse({ type: BallotDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '已发布，或别人先改过' })
  async patch(
    @CurrentVillageActor() actor: VillageActor,
    @Param('ballotId', IdParam) ballotId: string,
    @Body() body: PatchBallotDto,
  ): Promise<BallotDetail> {
    await this.admin.patch(actor, ballotId, body);
    return this.ballots.detail(actor, ballotId);
  }

  @Post(':ballotId/open')
  @Roles(...BALLOT_ADMIN_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '发布表决',
    description: '按名册确定表决名单并冻结：之后新立的户、新入党的党员都不在这次表决的名单上。到开始时间起接受投票。',
  })
  @ApiOkResponse({ type: BallotDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '已发布、截止时间已过或名单为空' })
  async open(@CurrentVillageActor() actor: VillageActor, @Param('ballotId', IdParam) ballotId: string, @Body() body: OpenBallotDto): Promise<BallotDetail> {
    await this.admin.open(actor, ballotId, body);
    return this.ballots.detail(actor, ballotId);
  }

  @Post(':ballotId/cancel')
  @Roles(...BALLOT_ADMIN_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '取消草稿', description: '只有草稿能取消；已发布的表决不能取消或删除。' })
  @ApiOkResponse({ type: BallotDetailDto })
  async cancel(
    @CurrentVillageActor() actor: VillageActor,
    @Param('ballotId', IdParam) ballotId: string,
    @Body() body: CancelBallotDto,
  ): Promise<BallotDetail> {
    await this.admin.cancel(actor, ballotId, body);
    return this.ballots.detail(actor, ballotId);
  }

  @Post(':ballotId/close')
  @Roles(...BALLOT_ADMIN_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '结束表决并计票',
    description: '村“两委”提前或按时结束（到截止时间服务器也会自动结束）。计算结果、保存（之后不再改变）并作为村务公开发布。现场纸质票未经计票人和监票人共同确认时不能结束。',
  })
  @ApiOkResponse({ type: BallotDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '未发布、已结束，或纸质票计票未确认' })
  async close(@CurrentVillageActor() actor: VillageActor, @Param('ballotId', IdParam) ballotId: string): Promise<BallotDetail> {
    await this.closing.closeNow(actor, ballotId);
    return this.ballots.detail(actor, ballotId);
  }

  @Post(':ballotId/votes')
  @Roles('villager')
  @SealedReplay()
  @ApiOperation({
    summary: '投票',
    description:
      '在表决名单上的人（户表决由现任户代表）在投票时间内投一次，投后不能改。请带 Idempotency-Key 并在重试时沿用：重试会得到第一次的答复（含回执码）。' +
      '无记名投票返回只显示这一次的回执码。',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–128 位字母、数字、-、_；重试时沿用' })
  @ApiCreatedResponse({ type: CastVoteResultDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '选项不对' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'BALLOT_NOT_ELIGIBLE：不在名单上、不是户代表等，message 说明原因' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'BALLOT_ALREADY_VOTED 本户已投票、BALLOT_VOTED_IN_PERSON 已现场参加、BALLOT_NOT_OPEN_YET、BALLOT_CLOSED' })
  cast(@CurrentVillageActor() actor: VillageActor, @Param('ballotId', IdParam) ballotId: string, @Body() body: CastVoteDto): Promise<CastVoteResult> {
    return this.casting.cast(actor, ballotId, body);
  }

  @Get(':ballotId/votes')
  @Roles(...BALLOT_OVERSIGHT_ROLES)
  @ApiOperation({ summary: '记名投票：谁投了什么', description: '村“两委”和村务监督委员会；无记名投票没有这项记录（409）。' })
  @ApiOkResponse({ type: OpenVotePageDto })
  openVotes(@CurrentVillageActor() actor: VillageActor, @Param('ballotId', IdParam) ballotId: string, @Query() query: PageQueryDto): Promise<OpenVotePage> {
    return this.ballots.openVotes(actor, ballotId, query);
  }

  @Get(':ballotId/electorate')
  @Roles('villager')
  @ApiOperation({
    summary: '表决名单和参与情况',
    description: '发布时确定的名单，每位（每户）是否已参与、怎样参与。给村“两委”、村务监督委员会和这次表决的计票人、监票人；其他人得到 404。',
  })
  @ApiOkResponse({ type: ElectoratePageDto })
  electorate(
    @CurrentVillageActor() actor: VillageActor,
    @Param('ballotId', IdParam) ballotId: string,
    @Query() query: ElectorateQueryDto,
  ): Promise<ElectoratePage> {
    return this.ballots.electorate(actor, ballotId, query);
  }

  @Post(':ballotId/attendance')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '登记现场到会（计票人、监票人）',
    description: '一次登记多位；有人已在线投票或不在名单上时全部不登记，409 的 details.conflicts 列出是谁。现场到会的不能再在线投票。',
  })
  @ApiOkResponse({ type: RecordAttendanceResultDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '不是这次表决的计票人或监票人' })
  @ApiConflictResponse({ type: ApiErrorDto })
  recordAttendance(
    @CurrentVillageActor() actor: VillageActor,
    @Param('ballotId', IdParam) ballotId: string,
    @Body() body: RecordAttendanceDto,
  ): Promise<RecordAttendanceResult> {
    return this.inPerson.recordAttendance(actor, ballotId, body);
  }

  @Post(':ballotId/paper-count')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '录入或确认纸质票计票结果（计票人、监票人）',
    description: '一位录入，另一位填写相同的数字即为确认；数字不同则替换为新的录入，等对方确认。确认后不能再改。',
  })
  @ApiOkResponse({ type: PaperCountViewDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: '不是这次表决的计票人或监票人' })
  recordPaperCount(
    @CurrentVillageActor() actor: VillageActor,
    @Param('ballotId', IdParam) ballotId: string,
    @Body() body: PaperCountDto,
  ): Promise<PaperCountView> {
    return this.inPerson.recordPaperCount(actor, ballotId, body);
  }

  @Get(':ballotId/result')
  @Roles('villager')
  @ApiOperation({ summary: '表决结果', description: '本村村民都能看。含每一步的中文说明。表决未结束时 409。' })
  @ApiOkResponse({ type: BallotResultViewDto })
  result(@CurrentVillageActor() actor: VillageActor, @Param('ballotId', IdParam) ballotId: string): Promise<BallotResultView> {
    return this.ballots.result(actor, ballotId);
  }

  @Get(':ballotId/receipts')
  @Roles('villager')
  @ApiOperation({
    summary: '无记名投票的全部回执',
    description: '表决结束后公开：每个回执码和它所投的选项，以及合计。一次返回全部，由小程序在手机上查找，回执码不会出现在网址里。',
  })
  @ApiOkResponse({ type: BallotReceiptListDto })
  receipts(@CurrentVillageActor() actor: VillageActor, @Param('ballotId', IdParam) ballotId: string): Promise<BallotReceiptList> {
    return this.ballots.receipts(actor, ballotId);
  }

  @Post(':ballotId/receipts/check')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '核对一张回执',
    description: '只读；用 POST 是为了回执码不进网址和访问日志。表决结束前只说明已记录，结束后显示所投选项。',
  })
  @ApiOkResponse({ type: ReceiptCheckResultDto })
  checkReceipt(
    @CurrentVillageActor() actor: VillageActor,
    @Param('ballotId', IdParam) ballotId: string,
    @Body() body: ReceiptCheckDto,
  ): Promise<ReceiptCheckResult> {
    return this.ballots.checkReceipt(actor, ballotId, body.receiptCode);
  }
}
