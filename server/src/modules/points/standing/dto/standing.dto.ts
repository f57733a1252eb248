import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { POINTS_NOTE_MAX, QUARTER_PATTERN, type BoardFollowUpInput, type PublishBoardInput } from '@village/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Trim } from '../../../roster/dto/validators';

const QUARTER_MESSAGE = '季度的格式是“2026-Q3”，请重新选择季度';

export class RankingQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '年份，默认今年' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '年份 year 必须是整数，例如 2026' })
  @Min(2000, { message: '年份 year 不对，请重新选择' })
  @Max(2100, { message: '年份 year 不对，请重新选择' })
  year?: number;

  @ApiPropertyOptional({ enum: ['village', 'grid'], default: 'village', description: 'village：全村；grid：一个网格（默认我所在的网格）' })
  @IsOptional()
  @IsIn(['village', 'grid'], { message: '范围 scope 只能是 village（全村）或 grid（网格）' })
  scope?: 'village' | 'grid';

  @ApiPropertyOptional({ description: 'scope=grid 时看哪个网格，默认我所在的网格' })
  @IsOptional()
  @IsUUID(undefined, { message: '网格编号不对，请从列表里重新选择' })
  gridId?: string;
}

export class BoardsQueryDto {
  @ApiPropertyOptional({ example: '2026-Q3', description: '只看这个季度的红黑榜' })
  @IsOptional()
  @IsString({ message: QUARTER_MESSAGE })
  @Matches(QUARTER_PATTERN, { message: QUARTER_MESSAGE })
  quarter?: string;
}

export class PublishBoardDto implements PublishBoardInput {
  @ApiProperty({ example: '2026-Q3', description: '已经公示过积分的季度' })
  @IsString({ message: '请选择要发布红黑榜的季度' })
  @Matches(QUARTER_PATTERN, { message: QUARTER_MESSAGE })
  quarter: string;
}

export class BoardFollowUpDto implements BoardFollowUpInput {
  @ApiProperty({ example: '村主任已上门谈心，约定下月一起清理房前屋后。', maxLength: POINTS_NOTE_MAX, description: '帮扶记录：只有村“两委”、监委会和这户自己能看到' })
  @Trim()
  @IsString({ message: '请写下帮扶情况' })
  @Length(2, POINTS_NOTE_MAX, { message: `帮扶情况应为 2–${POINTS_NOTE_MAX} 个字` })
  note: string;
}
