import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NoticeQueryView, Page } from '@village/shared';
import { COMMITTEE_ROLES, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { NOTICE_OVERSIGHT_ROLES } from '@village/shared';
import { NoticePageQueryDto } from './dto/common.dto';
import { NoticeAnswerDto, NoticeQueryInputDto, NoticeQueryListQueryDto, NoticeQueryPageDto, NoticeQueryReviewDto, NoticeQueryViewDto } from './dto/notice-query.dto';
import { NoticeQueriesService } from './notice-queries.service';

@ApiTags('notices 村务公开')
@ApiBearerAuth()
@Controller('notices')
export class NoticeQueriesController {
  constructor(private readonly queries: NoticeQueriesService) {}

  @Post(':id/queries')
  @Roles('villager')
  @ApiOperation({
    summary: '对公开提出询问',
    description:
      '先经微信内容安全检查（msgSecCheck）：通过则公开待答复（open）；需人工审核则待村委会审核（pending_review）；' +
      '有风险则不公开（held，只有本人能看到原因），仍返回 201。手机号、身份证号会被打码。',
  })
  @ApiCreatedResponse({ type: NoticeQueryViewDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '公开已归档或还没发布' })
  ask(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string, @Body() body: NoticeQueryInputDto): Promise<NoticeQueryView> {
    return this.queries.ask(actor, id, body);
  }

  @Get(':id/queries')
  @Roles('villager')
  @ApiOperation({ summary: '这条公开的询问和答复', description: '公开的询问（待答复、已答复）和自己的询问；两委和监委会还能看到待审核、未公开的。别人的姓名已打码。' })
  @ApiOkResponse({ type: NoticeQueryPageDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  forNotice(
    @CurrentVillageActor() actor: VillageActor,
    @Param('id', IdParam) id: string,
    @Query() query: NoticePageQueryDto,
  ): Promise<Page<NoticeQueryView>> {
    return this.queries.forNotice(actor, id, query);
  }
}

@ApiTags('notices 村务公开')
@ApiBearerAuth()
@Controller('notice-queries')
export class NoticeQueryAdminController {
  constructor(private readonly queries: NoticeQueriesService) {}

  @Get()
  @Roles(...NOTICE_OVERSIGHT_ROLES)
  @ApiOperation({
    summary: '全部询问（两委、监委会）',
    description: '最新的在前；overdue=true 只看超过期限（NOTICE_QUERY_ANSWER_DAYS，默认 10 天）还没答复的，供监委会督办。',
  })
  @ApiOkResponse({ type: NoticeQueryPageDto })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: NoticeQueryListQueryDto): Promise<Page<NoticeQueryView>> {
    return this.queries.list(actor, query);
  }

  @Post(':id/answer')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '公开答复询问', description: '答复对全村公开，记入审计。' })
  @ApiOkResponse({ type: NoticeQueryViewDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '已答复、待审核或未公开' })
  answer(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string, @Body() body: NoticeAnswerDto): Promise<NoticeQueryView> {
    return this.queries.answer(actor, id, body);
  }

  @Post(':id/review')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '审核待审的询问', description: 'release 公开（转为待答复）；reject 不公开，须写理由（提问人能看到）。' })
  @ApiOkResponse({ type: NoticeQueryViewDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '不在待审核状态' })
  review(@CurrentVillageActor() actor: VillageActor, @Param('id', IdParam) id: string, @Body() body: NoticeQueryReviewDto): Promise<NoticeQueryView> {
    return this.queries.review(actor, id, body);
  }
}
