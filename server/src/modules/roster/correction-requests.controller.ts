import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CorrectionRequestView, Page } from '@village/shared';
import { COMMITTEE_ROLES, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { CorrectionRequestsService } from './correction-requests.service';
import {
  AnswerCorrectionRequestDto,
  CorrectionRequestDto,
  CorrectionRequestPageDto,
  CorrectionRequestQueryDto,
  CreateCorrectionRequestDto,
} from './dto/correction.dto';
import { ROSTER_OVERSIGHT_ROLES } from './roster-scope';

@ApiTags('me 我的')
@ApiBearerAuth()
@Controller('me/correction-requests')
@Roles('villager')
export class MyCorrectionRequestsController {
  constructor(private readonly requests: CorrectionRequestsService) {}

  @Post()
  @ApiOperation({
    summary: '申请更正我的个人信息',
    description: '个人信息保护法第四十六条。只能申请更正本人的信息；说明里的长数字（手机号、身份证号）会被打码。最多 5 条同时待答复。',
  })
  @ApiCreatedResponse({ type: CorrectionRequestDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '待答复的申请太多' })
  create(@CurrentVillageActor() actor: VillageActor, @Body() body: CreateCorrectionRequestDto): Promise<CorrectionRequestView> {
    return this.requests.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '我的更正申请和答复' })
  @ApiOkResponse({ type: CorrectionRequestPageDto })
  mine(@CurrentVillageActor() actor: VillageActor, @Query() query: CorrectionRequestQueryDto): Promise<Page<CorrectionRequestView>> {
    return this.requests.mine(actor, query);
  }
}

@ApiTags('roster 户籍')
@ApiBearerAuth()
@Controller('roster/correction-requests')
export class CorrectionRequestsController {
  constructor(private readonly requests: CorrectionRequestsService) {}

  @Get()
  @Roles(...ROSTER_OVERSIGHT_ROLES)
  @ApiOperation({ summary: '村民的个人信息更正申请', description: '最新的在前；status=open 只看待答复的。' })
  @ApiOkResponse({ type: CorrectionRequestPageDto })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: CorrectionRequestQueryDto): Promise<Page<CorrectionRequestView>> {
    return this.requests.list(actor, query);
  }

  @Post(':id/answer')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '答复更正申请',
    description: '已更正（请同时在户籍里改好）或不予更正（须说明理由，个人信息保护法第五十条）。须带上 version。记入审计。',
  })
  @ApiOkResponse({ type: CorrectionRequestDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  answer(
    @CurrentVillageActor() actor: VillageActor,
    @Param('id', IdParam) id: string,
    @Body() body: AnswerCorrectionRequestDto,
  ): Promise<CorrectionRequestView> {
    return this.requests.answer(actor, id, body);
  }
}
