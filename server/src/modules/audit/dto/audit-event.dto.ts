import { ApiProperty } from '@nestjs/swagger';

export class AuditEventSummaryDto {
  @ApiProperty({ example: 42, description: '本村的第几条记录，从 1 起连续' }) seq: number;
  @ApiProperty({ example: '2026-11-25T08:30:00.000Z', description: '发生时间（UTC，按记录原样）' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true, description: '操作人（村民编号）；系统操作为空' }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '李书记' }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'secretary', description: '操作时的身份' }) actorRole: string | null;
  @ApiProperty({ example: 'resident.wechat.bound' }) action: string;
  @ApiProperty({ example: 'resident' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: String, nullable: true, description: '请求编号，可对照服务器日志' }) correlationId: string | null;
  @ApiProperty({ description: '前一条记录的哈希（十六进制）' }) prevHash: string;
  @ApiProperty({ description: 'SHA-256(prevHash ‖ 记录内容的规范 JSON)，十六进制' }) hash: string;
}

export class AuditEventDetailDto extends AuditEventSummaryDto {
  @ApiProperty() villageId: string;

  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: '变更前（个人信息已脱敏）；新建时为空' })
  before: unknown;

  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: '变更后（个人信息已脱敏）；删除时为空' })
  after: unknown;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventSummaryDto], description: '最新的在前' }) items: AuditEventSummaryDto[];
  @ApiProperty({ example: 128, description: '符合条件的总条数' }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) pageSize: number;
}
