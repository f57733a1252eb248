import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { HouseholdDetail, HouseholdListItem, Page, RosterResident } from '@village/shared';
import { COMMITTEE_ROLES, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import {
  ChangeRepresentativeDto,
  CreateHouseholdDto,
  DissolveHouseholdDto,
  HouseholdDetailDto,
  HouseholdListQueryDto,
  HouseholdPageDto,
  MoveHouseholdDto,
  UpdateHouseholdDto,
} from './dto/household.dto';
import { ResidentInputDto, RosterResidentDto } from './dto/resident.dto';
import { HouseholdsService } from './households.service';
import { ResidentsService } from './residents.service';
import { ROSTER_READ_ROLES } from './roster-scope';

@ApiTags('roster 户籍')
@ApiBearerAuth()
@ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这一户（网格员只能看自己网格的户）' })
@Controller('roster/households')
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    private readonly residents: ResidentsService,
  ) {}

  @Get()
  @Roles(...ROSTER_READ_ROLES)
  @ApiOperation({
    summary: '户列表：查找、筛选、分页',
    description: 'q 匹配户号开头、住址或任一成员姓名。村委会、监委会看全村；网格员只看自己网格的户。',
  })
  @ApiOkResponse({ type: HouseholdPageDto })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: HouseholdListQueryDto): Promise<Page<HouseholdListItem>> {
    return this.households.list(actor, query);
  }

  @Get(':householdId')
  @Roles(...ROSTER_READ_ROLES)
  @ApiOperation({ summary: '户详情和成员', description: '成员的手机号、身份证号已打码。' })
  @ApiOkResponse({ type: HouseholdDetailDto })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('householdId', IdParam) householdId: string): Promise<HouseholdDetail> {
    return this.households.detail(actor, householdId);
  }

  @Post()
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '新立户', description: '同时登记第一位成员，他（她）是户代表，须年满 18 周岁。记入审计。' })
  @ApiCreatedResponse({ type: HouseholdDetailDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '户号或身份证号已登记' })
  create(@CurrentVillageActor() actor: VillageActor, @Body() body: CreateHouseholdDto): Promise<HouseholdDetail> {
    return this.households.create(actor, body);
  }

  @Patch(':householdId')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '修改户号或住址', description: '须带上读取时的 version；别人先改过时返回 409。' })
  @ApiOkResponse({ type: HouseholdDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  update(
    @CurrentVillageActor() actor: VillageActor,
    @Param('householdId', IdParam) householdId: string,
    @Body() body: UpdateHouseholdDto,
  ): Promise<HouseholdDetail> {
    return this.households.update(actor, householdId, body);
  }

  @Post(':householdId/move')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '把户调到另一个网格（和村民小组）', description: '记入审计。' })
  @ApiOkResponse({ type: HouseholdDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  move(
    @CurrentVillageActor() actor: VillageActor,
    @Param('householdId', IdParam) householdId: string,
    @Body() body: MoveHouseholdDto,
  ): Promise<HouseholdDetail> {
    return this.households.move(actor, householdId, body);
  }

  @Post(':householdId/representative')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '更换户代表（一户一人）',
    description: '新户代表须是本户在册的成年成员；每户同时只有一位户代表。审计记录前后两人的姓名。',
  })
  @ApiOkResponse({ type: HouseholdDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  changeRepresentative(
    @CurrentVillageActor() actor: VillageActor,
    @Param('householdId', IdParam) householdId: string,
    @Body() body: ChangeRepresentativeDto,
  ): Promise<HouseholdDetail> {
    return this.households.changeRepresentative(actor, householdId, body);
  }

  @Post(':householdId/dissolve')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '注销户', description: '只有没有在册成员的户才能注销；记录保留，不删除。' })
  @ApiOkResponse({ type: HouseholdDetailDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '还有在册成员' })
  dissolve(
    @CurrentVillageActor() actor: VillageActor,
    @Param('householdId', IdParam) householdId: string,
    @Body() body: DissolveHouseholdDto,
  ): Promise<HouseholdDetail> {
    return this.households.dissolve(actor, householdId, body);
  }

  @Post(':householdId/residents')
  @Roles(...COMMITTEE_ROLES)
  @ApiOperation({ summary: '给户添加成员', description: '手机号、身份证号加密保存，返回时打码。' })
  @ApiCreatedResponse({ type: RosterResidentDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: '身份证号已登记，或户已注销' })
  addResident(
    @CurrentVillageActor() actor: VillageActor,
    @Param('householdId', IdParam) householdId: string,
    @Body() body: ResidentInputDto,
  ): Promise<RosterResident> {
    return this.residents.add(actor, householdId, body);
  }
}
