import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  AssemblyAuthorizationView,
  AuthorizingMeetingView,
  ConveningObligationView,
  MatterTypeView,
  RepresentativeCadenceView,
  TownshipConveningObligationView,
  TownshipRepresentativeCadenceView,
  WorkflowPolicy,
} from '@village/shared';
import { Roles } from '../../common/auth/access.decorator';
import { CurrentActor, CurrentVillageActor, type Actor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { AssemblyAuthorizationDto, ConveningPetitionDto, MatterTypeConfigDto, ObligationQueryDto, RevokeAuthorizationDto, WorkflowPolicyDto } from './dto/matter-config.dto';
import { MatterConfigService } from './matter-config.service';
import { MattersService } from './matters.service';

/** 书记 and 村委会: the village's settings of the workflow. */
const VILLAGE_COMMITTEE = ['secretary', 'village_committee'] as const;
/** The 两委 and the 监委会: whether the village meets as the law requires. */
const OVERSIGHT = ['secretary', 'branch_committee', 'village_committee', 'supervisor'] as const;

@ApiTags('matters 议事（四议两公开）')
@ApiBearerAuth()
@Controller()
export class MatterConfigController {
  constructor(
    private readonly config: MatterConfigService,
    private readonly matters: MattersService,
  ) {}

  @Put('matter-types')
  @Roles(...VILLAGE_COMMITTEE)
  @ApiOperation({ summary: '设置本村的事项类型', description: '本村自设类型和停用的非法定默认类型；法定类型不能停用。记入审计。' })
  @ApiOkResponse({ description: 'MatterTypeView[]' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'MATTER_TYPES_INVALID，details.problems 逐条说明' })
  async configureTypes(@CurrentVillageActor() actor: VillageActor, @Body() body: MatterTypeConfigDto): Promise<MatterTypeView[]> {
    await this.config.configureTypes(actor, body);
    return this.matters.types(actor);
  }

  @Get('matter-policy')
  @Roles('villager')
  @ApiOperation({ summary: '本村的议事流程设置', description: '公示期、各类会议提前通知的天数、党员大会通过的计算基数（未设置时为默认值）。' })
  @ApiOkResponse({ type: WorkflowPolicyDto })
  policy(@CurrentVillageActor() actor: VillageActor): Promise<WorkflowPolicy> {
    return this.config.policy(actor);
  }

  @Put('matter-policy')
  @Roles(...VILLAGE_COMMITTEE)
  @ApiOperation({ summary: '设置本村的议事流程', description: '公示期 7–90 天；村民会议至少提前 10 天通知（第二十一条）。只影响之后的公示和会议。记入审计。' })
  @ApiOkResponse({ type: WorkflowPolicyDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'MATTER_POLICY_INVALID，details.problems 逐条说明' })
  async configurePolicy(@CurrentVillageActor() actor: VillageActor, @Body() body: WorkflowPolicyDto): Promise<WorkflowPolicy> {
    await this.config.configurePolicy(actor, body);
    return this.config.policy(actor);
  }

  @Get('assembly-authorizations')
  @Roles('villager')
  @ApiOperation({ summary: '村民会议授权村民代表会议决定的事项', description: '本村村民都可以看；含已到期和已撤销的。' })
  @ApiOkResponse({ description: 'AssemblyAuthorizationView[]' })
  authorizations(@CurrentVillageActor() actor: VillageActor): Promise<AssemblyAuthorizationView[]> {
    return this.config.authorizations(actor);
  }

  @Get('assembly-authorizations/meetings')
  @Roles(...VILLAGE_COMMITTEE)
  @ApiOperation({ summary: '可以作出（或撤销）授权的村民会议', description: '本村已计入流程、表决通过的村民会议，新的在前；登记授权和撤销授权时从中选择。' })
  @ApiOkResponse({ description: 'AuthorizingMeetingView[]（shared/src/types/matter.ts）' })
  authorizingMeetings(@CurrentVillageActor() actor: VillageActor): Promise<AuthorizingMeetingView[]> {
    return this.config.authorizingMeetings(actor);
  }

  @Post('assembly-authorizations')
  @Roles(...VILLAGE_COMMITTEE)
  @ApiOperation({ summary: '登记村民会议的授权', description: '须是本村已计入流程、表决通过的村民会议；村规民约和本来就可由村民代表会议决定的类型不能授权。' })
  @ApiCreatedResponse({ description: 'AssemblyAuthorizationView[]' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'MATTER_AUTHORIZATION_INVALID' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这次会议' })
  async grant(@CurrentVillageActor() actor: VillageActor, @Body() body: AssemblyAuthorizationDto): Promise<AssemblyAuthorizationView[]> {
    await this.config.grant(actor, body);
    return this.config.authorizations(actor);
  }

  @Post('assembly-authorizations/:authorizationId/revoke')
  @Roles(...VILLAGE_COMMITTEE)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '登记村民会议撤销授权' })
  @ApiOkResponse({ description: 'AssemblyAuthorizationView[]' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这项授权' })
  async revoke(
    @CurrentVillageActor() actor: VillageActor,
    @Param('authorizationId', IdParam) authorizationId: string,
    @Body() body: RevokeAuthorizationDto,
  ): Promise<AssemblyAuthorizationView[]> {
    await this.config.revoke(actor, authorizationId, body);
    return this.config.authorizations(actor);
  }

  @Post('convening-petitions')
  @Roles(...VILLAGE_COMMITTEE)
  @ApiOperation({
    summary: '登记提议召开村民（代表）会议',
    description: '十分之一以上村民或三分之一以上村民代表提议召开村民会议（第二十一条）、五分之一以上村民代表提议召开村民代表会议（第二十六条）时，形成召集义务和期限。',
  })
  @ApiCreatedResponse({ description: 'ConveningObligationView[]' })
  async petition(@CurrentVillageActor() actor: VillageActor, @Body() body: ConveningPetitionDto): Promise<ConveningObligationView[]> {
    await this.config.petition(actor, body);
    return this.config.obligations(actor, {});
  }

  @Get('convening-obligations')
  @Roles(...OVERSIGHT)
  @ApiOperation({ summary: '召集义务', description: '应当召开而尚未召开（或已逾期、已召开）的村民会议和村民代表会议。' })
  @ApiOkResponse({ description: 'ConveningObligationView[]' })
  obligations(@CurrentVillageActor() actor: VillageActor, @Query() query: ObligationQueryDto): Promise<ConveningObligationView[]> {
    return this.config.obligations(actor, query);
  }

  @Get('representative-cadence')
  @Roles(...OVERSIGHT)
  @ApiOperation({
    summary: '村民代表会议每季度召开情况',
    description: '村民代表会议每季度召开一次（《村民委员会组织法》第二十六条）：本季度开了没有、最迟哪天；近四个已结束的季度（本村开始使用以来）哪些没有开。任何事项的村民代表会议都算。',
  })
  @ApiOkResponse({ description: 'RepresentativeCadenceView（shared/src/types/matter.ts）' })
  representativeCadence(@CurrentVillageActor() actor: VillageActor): Promise<RepresentativeCadenceView> {
    return this.config.representativeCadence(actor);
  }
}

/** 乡镇干部 see every village's convening obligations and quarterly cadence (read-only). */
@ApiTags('township 乡镇')
@ApiBearerAuth()
@Controller('township')
export class TownshipConveningController {
  constructor(private readonly config: MatterConfigService) {}

  @Get('convening-obligations')
  @Roles('township_admin')
  @ApiOperation({ summary: '本乡镇各村的召集义务', description: '各村应当召开而尚未召开（或已逾期、已召开）的村民会议和村民代表会议，每条带村名。' })
  @ApiOkResponse({ description: 'TownshipConveningObligationView[]（shared/src/types/matter.ts）' })
  obligations(@CurrentActor() actor: Actor, @Query() query: ObligationQueryDto): Promise<TownshipConveningObligationView[]> {
    return this.config.townshipObligations(actor.townshipId as string, query);
  }

  @Get('representative-cadence')
  @Roles('township_admin')
  @ApiOperation({ summary: '本乡镇各村村民代表会议每季度召开情况', description: '每村一条，带村名，按村名排序；内容同 GET /api/representative-cadence。' })
  @ApiOkResponse({ description: 'TownshipRepresentativeCadenceView[]（shared/src/types/matter.ts）' })
  representativeCadence(@CurrentActor() actor: Actor): Promise<TownshipRepresentativeCadenceView[]> {
    return this.config.townshipCadences(actor.townshipId as string);
  }
}
