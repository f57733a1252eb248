import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NoticePolicy, VillageCadence } from '@village/shared';
import { Roles } from '../../common/auth/access.decorator';
import { CurrentActor, CurrentVillageActor, type Actor, type VillageActor } from '../../common/auth/actor';
import { NOTICE_OVERSIGHT_ROLES, NOTICE_POLICY_ROLES } from '@village/shared';
import { NoticePolicyDto, VillageCadenceDto } from './dto/policy.dto';
import { NoticePolicyService } from './notice-policy.service';

/** Registered before NoticesController: `policy` and `cadence` are not notice ids. */
@ApiTags('notices 村务公开')
@ApiBearerAuth()
@Controller('notices')
export class NoticePolicyController {
  constructor(private readonly policies: NoticePolicyService) {}

  @Get('policy')
  @Roles(...NOTICE_OVERSIGHT_ROLES)
  @ApiOperation({ summary: '本村公开设置', description: '财务公开频次（每月/每季度）和各类别最短公开天数（默认 7 天）。' })
  @ApiOkResponse({ type: NoticePolicyDto })
  get(@CurrentVillageActor() actor: VillageActor): Promise<NoticePolicy> {
    return this.policies.get(actor.villageId);
  }

  @Put('policy')
  @Roles(...NOTICE_POLICY_ROLES)
  @ApiOperation({ summary: '修改本村公开设置（书记、村委会委员）', description: '最短公开天数只能比 7 天长。记入审计。' })
  @ApiOkResponse({ type: NoticePolicyDto })
  put(@CurrentVillageActor() actor: VillageActor, @Body() body: NoticePolicyDto): Promise<NoticePolicy> {
    return this.policies.put(actor, body);
  }

  @Get('cadence')
  @Roles(...NOTICE_OVERSIGHT_ROLES)
  @ApiOperation({
    summary: '公开是否按时（村民委员会组织法第三十条）',
    description: '党务、村务至少每季度一次；财务按本村设置每月或每季度一次。只算手工发布的三类公开。',
  })
  @ApiOkResponse({ type: VillageCadenceDto })
  cadence(@CurrentVillageActor() actor: VillageActor): Promise<VillageCadence> {
    return this.policies.villageCadence(actor.villageId);
  }
}

@ApiTags('township 乡镇')
@ApiBearerAuth()
@Controller('township')
export class TownshipNoticeCadenceController {
  constructor(private readonly policies: NoticePolicyService) {}

  @Get('notice-cadence')
  @Roles('township_admin')
  @ApiOperation({ summary: '本乡镇各村公开是否按时', description: '逾期类别多的村排在前面。只读。' })
  @ApiOkResponse({ type: [VillageCadenceDto] })
  cadence(@CurrentActor() actor: Actor): Promise<VillageCadence[]> {
    return this.policies.townshipCadence(actor.townshipId as string);
  }
}
