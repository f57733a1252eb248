import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RosterGrid } from '@village/shared';
import { COMMITTEE_ROLES, Roles } from '../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { AppointGridLeaderDto, RosterGridDto } from './dto/grid.dto';
import { GridsService } from './grids.service';
import { ROSTER_READ_ROLES } from './roster-scope';

@ApiTags('roster 户籍')
@ApiBearerAuth()
@Controller('roster/grids')
export class GridsController {
  constructor(private readonly grids: GridsService) {}

  @Get()
  @Roles(...ROSTER_READ_ROLES)
  @ApiOperation({ summary: '网格列表', description: '每个网格的网格员（手机号打码）、在册户数和人数。' })
  @ApiOkResponse({ type: [RosterGridDto] })
  list(@CurrentVillageActor() actor: VillageActor): Promise<RosterGrid[]> {
    return this.grids.list(actor);
  }

  @Post(':gridId/leader')
  @Roles(...COMMITTEE_ROLES)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '任命网格员',
    description: '须带上网格的 version。原网格员不再管任何网格时，其网格员职务随之结束。记入审计。',
  })
  @ApiOkResponse({ type: RosterGridDto })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  @ApiConflictResponse({ type: ApiErrorDto })
  appointLeader(
    @CurrentVillageActor() actor: VillageActor,
    @Param('gridId', IdParam) gridId: string,
    @Body() body: AppointGridLeaderDto,
  ): Promise<RosterGrid> {
    return this.grids.appointLeader(actor, gridId, body);
  }
}
