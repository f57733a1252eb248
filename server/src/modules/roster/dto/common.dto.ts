import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROSTER_PAGE_SIZE_DEFAULT, ROSTER_PAGE_SIZE_MAX, type NamedRef } from '@village/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码 page 必须是整数' })
  @Min(1, { message: '页码 page 从 1 开始' })
  page?: number;

  @ApiPropertyOptional({ default: ROSTER_PAGE_SIZE_DEFAULT, minimum: 1, maximum: ROSTER_PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数 pageSize 必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(ROSTER_PAGE_SIZE_MAX, { message: `每页最多 ${ROSTER_PAGE_SIZE_MAX} 条` })
  pageSize?: number;
}

export class NamedRefDto implements NamedRef {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '第一网格' })
  name: string;
}

export class VersionDto {
  @ApiProperty({ example: 3, description: '读取时的版本号；别人先改过时返回 409，请刷新后再改' })
  @IsInt({ message: '缺少版本号 version（整数），请刷新后再改' })
  @Min(1, { message: '版本号 version 不对，请刷新后再改' })
  version: number;
}
