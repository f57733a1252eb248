import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_PROBLEM_KINDS, type AuditProblemKind } from '../audit-verification.service';

export class AuditProblemDto {
  @ApiProperty({
    enum: AUDIT_PROBLEM_KINDS,
    description:
      'edited 被修改 · missing 缺失 · reordered 顺序被调换 · broken_link 前后接不上 · wrong_village 混入外村记录 · malformed 格式异常 · ' +
      'truncated 末尾被删除 · head_mismatch 与记录链末端不符 · bad_signature 检查点签名不对 · checkpoint_mismatch 与签名检查点不符',
  })
  kind: AuditProblemKind;

  @ApiProperty({ example: 57, description: '出问题的记录序号（检查点问题为检查点的 treeSize）' }) seq: number;
  @ApiProperty({ example: 57, description: '在校验顺序中的位置（从 1 起）' }) position: number;
  @ApiProperty({ example: '第 57 条记录被修改过' }) message: string;
  @ApiPropertyOptional({ description: '涉及的检查点（treeSize）' }) checkpointTreeSize?: number;
}

export class CheckpointSummaryDto {
  @ApiProperty() treeSize: number;
  @ApiProperty() lastSeq: number;
  @ApiProperty() rootHash: string;
  @ApiProperty() headHash: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() keyId: string;
}

export class AuditVerificationDto {
  @ApiProperty({ description: 'true：全部记录和检查点都对得上（绿色 通过）' }) ok: boolean;
  @ApiProperty() villageId: string;
  @ApiProperty({ example: 1234, description: '读取校验的记录条数' }) eventsChecked: number;
  @ApiProperty({ example: 1234, description: '校验到的记录链末端（链头或更新的签名检查点）' }) lastSeq: number;
  @ApiProperty({ description: '记录链末端的哈希' }) headHash: string;
  @ApiProperty({ example: 12, description: '核对过签名（和默克尔根）的检查点个数' }) checkpointsChecked: number;
  @ApiProperty({ type: CheckpointSummaryDto, nullable: true, description: '核对通过的最新检查点' }) lastCheckpoint: CheckpointSummaryDto | null;
  @ApiProperty({ type: AuditProblemDto, nullable: true, description: '发现的第一个问题（红色 第 N 条被篡改）' }) problem: AuditProblemDto | null;
  @ApiProperty({ format: 'date-time' }) verifiedAt: string;
  @ApiProperty({ example: 85, description: '用时（毫秒）' }) durationMs: number;
}
