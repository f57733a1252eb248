import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VillageOversightRow } from '@village/shared';
import { IsIn, IsOptional } from 'class-validator';
import { NamedRefDto } from '../../roster/dto/common.dto';
import { OVERSIGHT_SORT_COLUMNS, type OversightSortColumn, type SortOrder } from '../domain/oversight';

export class VillageOversightRowDto implements VillageOversightRow {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ description: '逾期未公开的类别数（党务、村务、财务，按《村民委员会组织法》第三十条的频次）' }) overdueDisclosures: number;
  @ApiProperty({ description: '超过答复期限仍未答复的村民提议数' }) overdueProposalReplies: number;
  @ApiProperty({ description: '监委会“要求纠正”且尚未解除的监督意见数' }) openBlockingOpinions: number;
  @ApiProperty({ description: '应召开、尚未到期的村民会议/村民代表会议数' }) openConveningObligations: number;
  @ApiProperty({ description: '应召开、已逾期仍未召开的会议数' }) overdueConveningObligations: number;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, description: '近 90 天发布的公开的平均知晓率（0–1）；没有公开时为 null' })
  averageAwareness: number | null;
}

export class OversightQueryDto {
  @ApiPropertyOptional({ enum: OVERSIGHT_SORT_COLUMNS, description: '排序列，默认按村名' })
  @IsOptional()
  @IsIn(OVERSIGHT_SORT_COLUMNS, { message: `sort 只能是 ${OVERSIGHT_SORT_COLUMNS.join('、')}` })
  sort?: OversightSortColumn;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: '默认：数字从多到少，知晓率从低到高，村名按拼音' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order 只能是 asc 或 desc' })
  order?: SortOrder;
}
