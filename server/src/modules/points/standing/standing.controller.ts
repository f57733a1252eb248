import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HouseholdPoints, PointsRanking } from '@village/shared';
import { Roles } from '../../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../../common/auth/actor';
import { ApiErrorDto } from '../../../common/errors/api-error.dto';
import { IdParam } from '../../../common/http/id-param.pipe';
import { RankingQueryDto } from './dto/standing.dto';
import { RANKING_LIMIT, StandingService } from './standing.service';

const HOUSEHOLD_POINTS =
  '余额（积分超市兑换后剩下的）、今年挣的积分、最近四个季度的积分和星级（按本村设置的分数线授星）、今年在全村和网格的排名（兑换不影响排名）、' +
  '最近 50 笔积分变动（最新的在前，写明原因）、还没公示的记录（待评议、待公示、未通过），以及我能不能为这户兑换。';

@ApiTags('points 村民积分')
@ApiBearerAuth()
@Controller('points')
export class StandingController {
  constructor(private readonly standing: StandingService) {}

  @Get('me')
  @Roles('villager')
  @ApiOperation({ summary: '我家的积分', description: HOUSEHOLD_POINTS })
  @ApiOkResponse({ description: 'HouseholdPoints' })
  me(@CurrentVillageActor() actor: VillageActor): Promise<HouseholdPoints> {
    return this.standing.me(actor);
  }

  @Get('households/:householdId')
  @Roles('villager')
  @ApiOperation({
    summary: '一户的积分',
    description: `${HOUSEHOLD_POINTS} 村“两委”、监委会、积分评议小组可看全村各户；网格员只能看自己网格的户；村民只能看自己家。`,
  })
  @ApiOkResponse({ description: 'HouseholdPoints' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这户，或不在我能看的范围内（不会告诉别人这户是否存在）' })
  household(@CurrentVillageActor() actor: VillageActor, @Param('householdId', IdParam) householdId: string): Promise<HouseholdPoints> {
    return this.standing.household(actor, householdId);
  }

  @Get('ranking')
  @Roles('villager')
  @ApiOperation({
    summary: '积分排名',
    description:
      '一年里公示过的积分（含复议调整，兑换不扣）从高到低，同分同名次（1、1、3），同分按户号排；scope=grid 看一个网格（默认我所在的网格）。' +
      `户名按个人信息保护打码（如“0012号 张*华家”）；今年还没有公示积分的户不列出；最多列前 ${RANKING_LIMIT} 名，我家在后面时另列一行（mine=true）。`,
  })
  @ApiOkResponse({ description: 'PointsRanking' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这个网格' })
  ranking(@CurrentVillageActor() actor: VillageActor, @Query() query: RankingQueryDto): Promise<PointsRanking> {
    return this.standing.ranking(actor, query);
  }
}
