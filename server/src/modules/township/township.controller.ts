import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/access.decorator';
import { CurrentActor, type Actor } from '../../common/auth/actor';
import { ApiErrorDto } from '../../common/errors/api-error.dto';
import { IdParam } from '../../common/http/id-param.pipe';
import { VillageSummaryDto } from '../villages/dto/village-summary.dto';
import { VillagesService } from '../villages/villages.service';
import { TownshipVillageRowDto } from './dto/township-village-row.dto';
import { OversightQueryDto, VillageOversightRowDto } from './dto/village-oversight.dto';
import { TownshipOversightService } from './township-oversight.service';
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
    private readonly oversight: TownshipOversightService,
  ) {}

  @Get('oversight')
  @ApiOperation({
    summary: '本乡镇各村监督一览',
    description:
      '每村一行：逾期未公开的类别数、超期未答复的提议、未解除的“要求纠正”监督意见、应召开的会议（未到期/已逾期）、近 90 天公开的平均知晓率。可按任一列排序。',
  })
  @ApiOkResponse({ type: [VillageOversightRowDto] })
  oversightRows(@CurrentActor() actor: Actor, @Query() query: OversightQueryDto): Promise<VillageOversightRowDto[]> {
    return this.oversight.rows(actor.townshipId as string, query.sort, query.order);
  }

  @Get('oversight.csv')
  @ApiOperation({ summary: '导出本乡镇各村监督一览（CSV）', description: 'UTF-8（带 BOM，Excel 可直接打开），中文表头，知晓率为百分数。排序同上。' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV 文件', schema: { type: 'string', format: 'binary' } })
  async oversightCsv(@CurrentActor() actor: Actor, @Query() query: OversightQueryDto): Promise<StreamableFile> {
    const file = await this.oversight.csv(actor.townshipId as string, query.sort, query.order);
    return new StreamableFile(Buffer.from(file.content, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

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
