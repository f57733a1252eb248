import { ApiProperty } from '@nestjs/swagger';
import {
  FINANCE_CADENCES,
  NOTICE_CATEGORIES,
  type CategoryCadence,
  type FinanceCadence,
  type NoticeCategory,
  type NoticePolicy,
  type VillageCadence,
} from '@village/shared';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { NamedRefDto } from './common.dto';

/** A village may lengthen the statutory 7 days, never shorten them. */
export const MIN_WINDOW_FLOOR = 7;
export const MIN_WINDOW_CEILING = 90;

const WindowDays = (label: string): PropertyDecorator => {
  const decorators = [
    IsInt({ message: `${label}最短公开天数必须是整数` }),
    Min(MIN_WINDOW_FLOOR, { message: `${label}最短公开天数不能少于 ${MIN_WINDOW_FLOOR} 天` }),
    Max(MIN_WINDOW_CEILING, { message: `${label}最短公开天数不能超过 ${MIN_WINDOW_CEILING} 天` }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

export class MinWindowDaysDto implements Record<NoticeCategory, number> {
  @ApiProperty({ example: 7, minimum: MIN_WINDOW_FLOOR, maximum: MIN_WINDOW_CEILING })
  @WindowDays('党务公开')
  party: number;

  @ApiProperty({ example: 7, minimum: MIN_WINDOW_FLOOR, maximum: MIN_WINDOW_CEILING })
  @WindowDays('村务公开')
  village: number;

  @ApiProperty({ example: 7, minimum: MIN_WINDOW_FLOOR, maximum: MIN_WINDOW_CEILING })
  @WindowDays('财务公开')
  finance: number;
}

export class NoticePolicyDto implements NoticePolicy {
  @ApiProperty({ enum: FINANCE_CADENCES, description: 'monthly 每月（收支频繁的村）；quarterly 每季度' })
  @IsIn(FINANCE_CADENCES, { message: '财务公开频次只能是 monthly（每月）或 quarterly（每季度）' })
  financeCadence: FinanceCadence;

  @ApiProperty({ type: MinWindowDaysDto, description: '各类别最短公开天数（不少于 7 天）' })
  @IsDefined({ message: '请填写各类别的最短公开天数 minWindowDays' })
  @IsObject({ message: 'minWindowDays 应包含 party、village、finance 三项' })
  @ValidateNested()
  @Type(() => MinWindowDaysDto)
  minWindowDays: MinWindowDaysDto;
}

export class CategoryCadenceDto implements CategoryCadence {
  @ApiProperty({ enum: NOTICE_CATEGORIES }) category: NoticeCategory;
  @ApiProperty({ enum: FINANCE_CADENCES }) period: FinanceCadence;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastPublishedAt: string | null;
  @ApiProperty({ example: '2026-12-31' }) dueBy: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ example: '财务公开每月一次，上次 2026-09-30，已逾期 25 天' }) explanation: string;
}

export class VillageCadenceDto implements VillageCadence {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ type: [CategoryCadenceDto] }) categories: CategoryCadenceDto[];
  @ApiProperty() overdueCount: number;
}
