import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, ResidentListItem, RosterResident } from '@village/shared';
import { COMMITTEE_ROLES, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import {
  ResidentDepartureDto,
  ResidentListItemDto,
  ResidentListQueryDto,
  ResidentPageDto,
  RosterResidentDto,
  UpdateResidentDto,
} from './dto/resident.dto';
import { ResidentsService } from './residents.service';
import { ROSTER_READ_ROLES } from './roster-scope';

@ApiTags('roster 户籍')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这位村民（网格员只能看自己网格的）' })
@Controller('roster/residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Get()
  @Roles(...ROSTER_READ_ROLES)
  @ApiOperation({
    summary: '村民列表：查找、筛选、分页',
    description: '按姓名、户、网格、村民小组、性别、党员、村民代表、户代表、状态、年龄段筛选。默认只列在册村民。',
  })
  @ApiOkResponse({ type: ResidentPageDto })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ResidentListQueryDto): Promise<Page<ResidentListItem>> {
    return this.residents.list(actor, query);
  }

  @Get(':residentId')
  @Roles(...ROSTER_READ_ROLES)
  @ApiOperation({ summary: '村民详情', description: '手机号、身份证号已打码。' })
  @ApiOkResponse({ type: ResidentListItemDto })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('residentId', IdParam) residentId: string): Promise<ResidentListItem> {
    return this.residents.detail(actor, residentId);
  }

  @Patch(':residentId')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({
    summary: '修改村民信息',
    description: '只改提交了的字段；phone、idNumber 传 null 表示清除。须带上读取时的 version。记入审计（号码打码）。',
  })
  @ApiOkResponse({ type: RosterResidentDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  update(
    @CurrentVillageActor() actor: VillageActor,
    @Param('residentId', IdParam) residentId: string,
    @Body() body: UpdateResidentDto,
  ): Promise<RosterResident> {
    return this.residents.update(actor, residentId, body);
  }

  @Post(':residentId/departure')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '登记已故或迁出',
    description:
      '村民不会被删除。是户代表且户里还有成年成员时，须同时指定新户代表，否则返回 409。此人担任的职务随之结束，所管网格的网格员空缺。',
  })
  @ApiOkResponse({ type: RosterResidentDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  depart(
    @CurrentVillageActor() actor: VillageActor,
    @Param('residentId', IdParam) residentId: string,
    @Body() body: ResidentDepartureDto,
  ): Promise<RosterResident> {
    return this.residents.depart(actor, residentId, body);
  }
}
