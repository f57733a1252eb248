import { ApiProperty } from '@nestjs/swagger';
import { CHECKPOINT_DOMAIN_SEPARATOR, checkpointMessage } from '../domain';
import { statementOf } from '../audit-verification.service';
import { CHECKPOINT_TRIGGERS, type AuditCheckpoint, type CheckpointTrigger } from '../entities/audit-checkpoint.entity';

export class AuditCheckpointDto {
  @ApiProperty() id: string;
  @ApiProperty() villageId: string;
  @ApiProperty({ example: 200, description: '覆盖第 1 至 treeSize 条记录' }) treeSize: number;
  @ApiProperty({ example: 200 }) lastSeq: number;
  @ApiProperty({ description: '第 lastSeq 条记录的哈希' }) headHash: string;
  @ApiProperty({ description: 'RFC 9162 默克尔树根（叶子为各条记录的哈希），十六进制' }) rootHash: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: '3f2a9c0d1b4e5f60', description: '签名公钥的编号，见 GET /api/audit/public-key' }) keyId: string;
  @ApiProperty({ description: 'Ed25519 签名（base64）' }) signature: string;
  @ApiProperty({
    description: `被签名的原文：“${CHECKPOINT_DOMAIN_SEPARATOR.trim()}”一行，接着 {createdAt, headHash, lastSeq, rootHash, treeSize, villageId} 的 RFC 8785 规范 JSON（UTF-8）`,
  })
  signedMessage: string;
  @ApiProperty({ enum: CHECKPOINT_TRIGGERS, description: 'every_n 每 N 条 · daily 每天 · manual 手动' }) trigger: CheckpointTrigger;
  @ApiProperty({ type: String, nullable: true, description: '手动生成时，发起人的村民编号' }) requestedBy: string | null;
}

export function toCheckpointDto(c: AuditCheckpoint): AuditCheckpointDto {
  return {
    id: c.id,
    villageId: c.villageId,
    treeSize: c.treeSize,
    lastSeq: c.lastSeq,
    headHash: c.headHash,
    rootHash: c.rootHash,
    createdAt: c.createdAt,
    keyId: c.keyId,
    signature: c.signature,
    signedMessage: checkpointMessage(statementOf(c)).toString('utf8'),
    trigger: c.trigger,
    requestedBy: c.requestedBy,
  };
}

export class AuditCheckpointPageDto {
  @ApiProperty({ type: [AuditCheckpointDto], description: '最新的在前' }) items: AuditCheckpointDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AuditPublicKeyDto {
  @ApiProperty({ example: 'Ed25519' }) algorithm: 'Ed25519';
  @ApiProperty({ example: '3f2a9c0d1b4e5f60', description: '公钥编号：原始 32 字节公钥的 SHA-256 前 16 个十六进制字符' }) keyId: string;
  @ApiProperty({ description: 'SPKI PEM 格式的公钥' }) publicKeyPem: string;
  @ApiProperty({ description: '每个检查点签名原文的开头一行' }) signedMessagePrefix: string;
}

export class InclusionProofDto {
  @ApiProperty() seq: number;
  @ApiProperty({ description: '叶子序号 = seq − 1' }) leafIndex: number;
  @ApiProperty() treeSize: number;
  @ApiProperty({ description: '这条记录的哈希（叶子原文，32 字节）' }) eventHash: string;
  @ApiProperty({ description: 'SHA-256(0x00 ‖ 叶子原文)' }) leafHash: string;
  @ApiProperty({ description: '按 treeSize 条记录算出的树根' }) rootHash: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 审计路径（从叶子向上），十六进制' }) auditPath: string[];
  @ApiProperty({ type: AuditCheckpointDto, nullable: true, description: '同一 treeSize 的签名检查点；有的话它的 rootHash 应与上面一致' })
  checkpoint: AuditCheckpointDto | null;
}

export class ConsistencyProofDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty() fromRoot: string;
  @ApiProperty() toRoot: string;
  @ApiProperty({ type: [String], description: 'RFC 9162 一致性证明，十六进制' }) proof: string[];
  @ApiProperty({ type: AuditCheckpointDto, nullable: true }) fromCheckpoint: AuditCheckpointDto | null;
  @ApiProperty({ type: AuditCheckpointDto, nullable: true }) toCheckpoint: AuditCheckpointDto | null;
}
