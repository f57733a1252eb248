import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  BALLOT_PAGE_SIZE_DEFAULT,
  BALLOT_PAGE_SIZE_MAX,
  BALLOT_STATUSES,
  PARTICIPATION_CHANNELS,
  type BallotListQuery,
  type BallotStatus,
  type ElectorateQuery,
  type ParticipationChannel,
} from '@village/shared';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { QueryBoolean, Trim } from '../../roster/dto/validators';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码 page 必须是整数' })
  @Min(1, { message: '页码 page 从 1 开始' })
  page?: number;

  @ApiPropertyOptional({ default: BALLOT_PAGE_SIZE_DEFAULT, minimum: 1, maximum: BALLOT_PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数 pageSize 必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(BALLOT_PAGE_SIZE_MAX, { message: `每页最多 ${BALLOT_PAGE_SIZE_MAX} 条` })
  pageSize?: number;
}

export class ListBallotsQueryDto extends PageQueryDto implements BallotListQuery {
  @ApiPropertyOptional({ enum: BALLOT_STATUSES, description: '村民只能看到 open 和 closed' })
  @IsOptional()
  @IsIn(BALLOT_STATUSES, { message: '状态只能是 draft、open、closed 或 cancelled' })
  status?: BallotStatus;

  @ApiPropertyOptional({ description: 'true：只列出正在投票、我可以投而还没投的表决（待我办）' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'awaitingMe 只能是 true 或 false' })
  awaitingMe?: boolean;
}

const PARTICIPATION_FILTERS = [...PARTICIPATION_CHANNELS, 'none'] as const;

export class ElectorateQueryDto extends PageQueryDto implements ElectorateQuery {
  @ApiPropertyOptional({ description: '户号（开头）或姓名' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(32, { message: '查找的文字太长了' })
  q?: string;

  @ApiPropertyOptional({ enum: PARTICIPATION_FILTERS, description: 'online 线上投票、in_person 现场参加、none 还没参与' })
  @IsOptional()
  @IsIn(PARTICIPATION_FILTERS, { message: '参与情况只能是 online、in_person 或 none' })
  participation?: ParticipationChannel | 'none';
}
