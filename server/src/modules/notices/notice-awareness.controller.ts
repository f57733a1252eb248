import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InPersonNoticeRecord, NoticeAwareness, NoticeReadResult, Page, UnreachedHousehold } from '@village/shared';
import { Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { NOTICE_AWARENESS_ROLES, NOTICE_IN_PERSON_ROLES } from '@village/shared';
import { InPersonNoticeDto, InPersonNoticeRecordDto, NoticeAwarenessDto, UnreachedPageDto, UnreachedQueryDto } from './dto/awareness.dto';
import { NoticeReadResultDto } from './dto/notice.dto';
import { NoticeAwarenessService } from './notice-awareness.service';

@ApiTags('notices 村务公开')
@ApiBearerAuth()
@Controller('notices')
export class NoticeAwarenessController {
  constructor(private readonly awareness: NoticeAwarenessService) {}

  @Post(':id/read')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '记为已读',
    description: '打开详情时自动调用。每人每条只记一次（同时多次打开也只记一次），firstRead 表示这一次是否第一次记。草稿等未发布的不记。',
  })
  @ApiOkResponse({ type: NoticeReadResultDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  read(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string): Promise<NoticeReadResult> {
    return this.awareness.read(actor, id);
  }

  @Get(':id/awareness')
  @Roles(...NOTICE_AWARENESS_ROLES)
  @ApiOperation({
    summary: '知晓率',
    description: '至少一人已读或已上门告知的户 ÷ 全村在册户（仅党员可见的党务：按党员人数算），精确分数，分网格。',
  })
  @ApiOkResponse({ type: NoticeAwarenessDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '还没有发布' })
  get(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string): Promise<NoticeAwareness> {
    return this.awareness.awareness(actor, id);
  }

  @Get(':id/unreached')
  @Roles(...NOTICE_AWARENESS_ROLES)
  @ApiOperation({
    summary: '还没知晓的户（或党员）',
    description: '按网格、户号排列，带户代表姓名和打码的手机号，方便上门告知。网格员只看到自己网格的。',
  })
  @ApiOkResponse({ type: UnreachedPageDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '没有这条公开，或不是您负责的网格' })
  unreached(
    @CurrentVillageActor() actor: VillageActor,
    @Param('id', IdParam) id: string,
    @Query() query: UnreachedQueryDto,
  ): Promise<Page<UnreachedHousehold>> {
    return this.awareness.unreached(actor, id, query);
  }

  @Post(':id/in-person')
  @Roles(...NOTICE_IN_PERSON_ROLES)
  @ApiOperation({
    summary: '登记上门告知',
    description: '网格员只能登记自己网格的户，两委成员可登记任何一户；算作已知晓，记下登记人和时间。仅党员可见的党务须指明告知的党员。记入审计。',
  })
  @ApiCreatedResponse({ type: InPersonNoticeRecordDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '这一户已经知晓' })
  inPerson(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string, @Body() body: InPersonNoticeDto): Promise<InPersonNoticeRecord> {
    return this.awareness.recordInPerson(actor, id, body);
  }
}
