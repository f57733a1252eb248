import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
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
import {
  COMMITTEE_ROLES,
  type PointsAppealPage,
  type PointsAppealView,
  type PointsPublicationList,
  type PointsPublicationView,
  type PointsRecordPage,
  type PointsRecordView,
  type ReviewPointsResult,
} from '@village/shared';
import { Roles } from '../../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../../common/auth/actor';
import { ApiErrorDto } from '../../../common/errors/api-error.dto';
import { IdParam } from '../../../common/http/id-param.pipe';
import {
  AppealPointsDto,
  DecideAppealDto,
  ListPointsAppealsQueryDto,
  ListPointsRecordsQueryDto,
  PublishPointsDto,
  RecordPointsDto,
  ReviewPointsDto,
} from './dto/records.dto';
import { PointsAppealsService } from './points-appeals.service';
import { PointsPublicationsService } from './points-publications.service';
import { NO_RULE_BOOK_MESSAGE, PointsRecordsService } from './points-records.service';

type AppealWithRecord = PointsAppealView & { record: PointsRecordView };

@ApiTags('points 村民积分')
@ApiBearerAuth()
@Controller('points/records')
export class PointsRecordsController {
  constructor(
    private readonly records: PointsRecordsService,
    private readonly appeals: PointsAppealsService,
  ) {}

  @Post()
  @Roles('villager', 'grid_leader')
  @ApiOperation({
    summary: '记积分（网格员实时记录 / 群众申报）',
    description:
      '网格员为自己负责网格里的人家记录（可记负面清单）；村民为自己家申报加分事项（群众申报，说明先经微信内容安全检查）。为自己家记的一律算群众申报。' +
      '事项取自正在执行的积分细则（编号、类别、内容、分值照抄进记录）；发生日期不晚于今天、在本季度或上季度、该季度还没有公示；需要证明的事项至少 1 张照片（先 POST /api/points/files）。' +
      '记录为“待评议”。请带 Idempotency-Key 并在重试时沿用：弱网重试只记一次。记入审计（不含说明原文）。',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–128 位字母、数字、-、_；重试时沿用' })
  @ApiCreatedResponse({ description: 'PointsRecordView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'POINTS_INVALID：事项不在细则里、日期不对（将来、太早）、缺少证明照片、自己申报负面清单事项、说明没有通过内容安全检查、成员不是这户的' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'POINTS_FORBIDDEN：这户不在您负责的网格里，也不是您自己家；或照片不是自己上传的' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这一户或这张照片' })
  @ApiConflictResponse({ type: ApiErrorDto, description: `POINTS_REFUSED：“${NO_RULE_BOOK_MESSAGE}”，或该季度已经公示，或照片已用在别处` })
  record(@CurrentVillageActor() actor: VillageActor, @Body() body: RecordPointsDto): Promise<PointsRecordView> {
    return this.records.record(actor, body);
  }

  @Get()
  @Roles('villager')
  @ApiOperation({
    summary: '积分记录列表',
    description:
      '评议小组、村“两委”、监委会看全村；网格员看自己网格的和自己家的；其他村民只看自己家的（按条件筛选时也只在这些里筛）。' +
      '按发生日期从新到旧。status、gridId、month（年-月）、quarter、householdId 筛选；pageSize 最多 50。',
  })
  @ApiOkResponse({ description: 'PointsRecordPage' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ListPointsRecordsQueryDto): Promise<PointsRecordPage> {
    return this.records.list(actor, query);
  }

  @Post('review')
  @Roles('points_reviewer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '每月评议（评议小组）',
    description:
      '一次评议多条待评议记录（例如一个网格一个月的）：approve 通过（待公示），reject 不通过（须写理由，这户能看到）。' +
      '不能评议自己家的或自己记的记录。全部成功或一条都不改：有一条找不到 404，有一条不是待评议 409。每条记录一条审计。',
  })
  @ApiOkResponse({ description: 'ReviewPointsResult' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有选记录，或不通过时没有写理由' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'POINTS_FORBIDDEN：有自己家的或自己记的记录' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '有记录找不到' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：有记录已经评议过了' })
  review(@CurrentVillageActor() actor: VillageActor, @Body() body: ReviewPointsDto): Promise<ReviewPointsResult> {
    return this.records.review(actor, body);
  }

  @Post(':recordId/appeals')
  @Roles('villager')
  @ApiOperation({
    summary: '申请复议',
    description: '已公示的记录，在公示期内（到 windowEndsOn 当天），由这户的户代表或成年家庭成员申请，每条记录一次。看不到这条记录的人得到 404。',
  })
  @ApiCreatedResponse({ description: 'PointsAppealView & { record: PointsRecordView }' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有写理由' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'POINTS_FORBIDDEN：不是这户的成年家庭成员' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这条记录，或不是您家的' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：还没有公示、公示期已过，或已经申请过复议' })
  appeal(@CurrentVillageActor() actor: VillageActor, @Param('recordId', IdParam) recordId: string, @Body() body: AppealPointsDto): Promise<AppealWithRecord> {
    return this.appeals.raise(actor, recordId, body);
  }
}

@ApiTags('points 村民积分')
@ApiBearerAuth()
@Controller('points/appeals')
export class PointsAppealsController {
  constructor(private readonly appeals: PointsAppealsService) {}

  @Get()
  @Roles('points_reviewer', ...COMMITTEE_ROLES, 'supervisor')
  @ApiOperation({ summary: '复议列表（评议小组、两委、监委会）', description: 'status=open 为待答复的（最早提出的在前）；其余最新的在前。每条带它的积分记录。' })
  @ApiOkResponse({ description: 'PointsAppealPage' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ListPointsAppealsQueryDto): Promise<PointsAppealPage> {
    return this.appeals.list(actor, query);
  }

  @Post(':appealId/decision')
  @Roles('points_reviewer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '答复复议（评议小组）',
    description:
      'uphold 维持原分，积分不动；adjust 调整：adjustedPointsTenths 为这条记录应得的分，差额（调整后 − 原分）记一笔新的“复议调整”积分，原记录和原账目都不改。' +
      '不能答复自己家的或自己记的记录的复议。记入审计。',
  })
  @ApiOkResponse({ description: 'PointsAppealView & { record: PointsRecordView }' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有写理由、调整时没有填分数，或调整后分数和原来一样' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'POINTS_FORBIDDEN：自己家的或自己记的记录' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这条复议' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：已经答复过了' })
  decide(@CurrentVillageActor() actor: VillageActor, @Param('appealId', IdParam) appealId: string, @Body() body: DecideAppealDto): Promise<AppealWithRecord> {
    return this.appeals.decide(actor, appealId, body);
  }
}

@ApiTags('points 村民积分')
@ApiBearerAuth()
@Controller('points/publications')
export class PointsPublicationsController {
  constructor(private readonly publications: PointsPublicationsService) {}

  @Post()
  @Roles('branch_committee')
  @ApiOperation({
    summary: '季度积分公示（村党组织审定）',
    description:
      '季度末月 28 日起，该季度没有待评议的记录时：评议通过的记录全部转为“已公示”并记入各户积分，发布一则“积分公示”公开（户名打码：户号和户代表姓名的一部分），' +
      '公示期（积分设置 publicationWindowDays 天）内各户可申请复议。全部在一个事务里；每个季度只公示一次。',
  })
  @ApiCreatedResponse({ description: 'PointsPublicationView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '季度格式不对' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：还没到季度末月 28 日、还有待评议的记录、没有评议通过的记录，或已经公示过' })
  publish(@CurrentVillageActor() actor: VillageActor, @Body() body: PublishPointsDto): Promise<PointsPublicationView> {
    return this.publications.publish(actor, body);
  }

  @Get()
  @Roles('villager')
  @ApiOperation({ summary: '积分公示列表', description: '历次季度公示（公示期是否还开着）和各季度等待公示的情况（评议通过的条数、还没评议的条数）。' })
  @ApiOkResponse({ description: 'PointsPublicationList' })
  list(@CurrentVillageActor() actor: VillageActor): Promise<PointsPublicationList> {
    return this.publications.list(actor);
  }
}
