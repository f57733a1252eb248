import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const POINTS_PAGE_SIZE_DEFAULT = 20;
export const POINTS_PAGE_SIZE_MAX = 50;

/** `page` and `pageSize` of every points list (records, appeals, orders). */
export class PointsPageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码 page 必须是整数' })
  @Min(1, { message: '页码 page 从 1 开始' })
  page?: number;

  @ApiPropertyOptional({ default: POINTS_PAGE_SIZE_DEFAULT, minimum: 1, maximum: POINTS_PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数 pageSize 必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(POINTS_PAGE_SIZE_MAX, { message: `每页最多 ${POINTS_PAGE_SIZE_MAX} 条` })
  pageSize?: number;
}
