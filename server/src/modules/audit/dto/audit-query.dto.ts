import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Filters shared by the event list and the CSV export. The village is always the caller's own. */
export class AuditEventFilterQueryDto {
  @ApiPropertyOptional({ description: '操作人（村民编号）' })
  @IsOptional()
  @IsUUID('all', { message: '操作人编号的格式不对' })
  actor?: string;

  @ApiPropertyOptional({
    example: 'resident.wechat',
    description: '操作类型：完全相同，或以它加“.”开头（resident.wechat 同时找到 resident.wechat.bound 和 resident.wechat.unbound）',
  })
  @IsOptional()
  @Matches(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { message: '操作类型只能是小写字母、数字、下划线和点，例如 resident.wechat.bound' })
  @MaxLength(64, { message: '操作类型太长了' })
  action?: string;

  @ApiPropertyOptional({ example: 'resident', description: '对象类型' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,32}$/, { message: '对象类型只能是小写字母、数字和下划线，例如 resident' })
  entityType?: string;

  @ApiPropertyOptional({ description: '对象编号' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,36}$/, { message: '对象编号的格式不对' })
  entityId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: '从这一天起（北京时间，含当天）' })
  @IsOptional()
  @Matches(DATE, { message: '开始日期要写成 2026-11-01 这样' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: '到这一天止（北京时间，含当天）' })
  @IsOptional()
  @Matches(DATE, { message: '结束日期要写成 2026-11-30 这样' })
  to?: string;
}

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: '页码从 1 开始' })
  @IsInt({ message: '页码必须是整数' })
  @Max(100_000, { message: '页码太大了' })
  page = 1;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: '每页至少 1 条' })
  @IsInt({ message: '每页条数必须是整数' })
  @Max(100, { message: '每页最多 100 条' })
  pageSize = 20;
}

/** Filters plus paging, newest first. */
export class AuditEventListQueryDto extends IntersectionType(AuditEventFilterQueryDto, PageQueryDto) {}

export class InclusionProofQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: '在多少条记录的树里证明；不填则用覆盖这条记录的最新检查点（还没有检查点时用当前全部记录）',
  })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: 'treeSize 至少是 1' })
  @IsInt({ message: 'treeSize 必须是整数' })
  treeSize?: number;
}

export class ConsistencyProofQueryDto {
  @ApiProperty({ minimum: 1, description: '较早的树大小（通常是较早检查点的 treeSize）' })
  @Type(() => Number)
  @Min(1, { message: 'from 至少是 1' })
  @IsInt({ message: 'from 必须是整数' })
  from: number;

  @ApiProperty({ minimum: 1, description: '较晚的树大小（通常是较新检查点的 treeSize）' })
  @Type(() => Number)
  @Min(1, { message: 'to 至少是 1' })
  @IsInt({ message: 'to 必须是整数' })
  to: number;
}
