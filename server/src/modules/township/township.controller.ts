import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorator';
import { CurrentActor, type Actor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { VillageSummaryDto } from '../villages/dto/village-summary.dto';
import { VillagesService } from '../villages/villages.service';
import { TownshipVillageRowDto } from './dto/township-village-row.dto';
import { TownshipException } from './township.exception';
import { TownshipRepository } from './township.repository';

/** 乡镇干部 oversee their township's villages, read-only; never another township's. */
@ApiTags('township 乡镇')
@ApiBearerAuth()
@Controller('township')
@Roles('township_admin')
export class TownshipController {
  constructor(
    private readonly township: TownshipRepository,
    private readonly villages: VillagesService,
  ) {}

  @Get('villages')
  @ApiOperation({ summary: '本乡镇各村一览', description: '户数、人数、能在线联系到的户数、议事群是否绑定。' })
  @ApiOkResponse({ type: [TownshipVillageRowDto] })
  list(@CurrentActor() actor: Actor): Promise<TownshipVillageRowDto[]> {
    return this.township.villageRows(actor.townshipId as string);
  }

  @Get('villages/:villageId')
  @ApiOperation({ summary: '本乡镇某村概况' })
  @ApiOkResponse({ type: VillageSummaryDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '不是本乡镇的村' })
  async village(@CurrentActor() actor: Actor, @Param('villageId', IdParam) villageId: string): Promise<VillageSummaryDto> {
    const village = actor.townshipId ? await this.township.findVillageInTownship(villageId, actor.townshipId) : null;
    if (!village) throw TownshipException.villageNotInTownship();
    return this.villages.summary(village.code);
  }
}
