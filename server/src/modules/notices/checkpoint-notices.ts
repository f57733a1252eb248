import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { chinaDay } from '@village/shared';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { AuditCheckpointService } from '../audit/audit-checkpoint.service';
import { formatChinaTime } from '../audit/audit-dates.util';
import type { AuditCheckpoint, CheckpointTrigger } from '../audit/entities/audit-checkpoint.entity';
import { UnitOfWork } from '../audit/unit-of-work';
import { isDuplicateKey } from './domain/notice-snapshot';
import { NoticesRepository } from './notices.repository';
import { SystemNoticePublisher } from './system-notice-publisher';

/** How long a checkpoint notice stays up: long enough for anyone to copy the figures down. */
export const CHECKPOINT_NOTICE_DAYS = 30;

const TRIGGER_LABELS: Record<CheckpointTrigger, string> = {
  every_n: '记录每满一定条数自动签名',
  daily: '每天定时签名',
  manual: '监委会或两委成员手动签名',
};

/** The 记录存证 notice for a signed checkpoint (DOMAIN.md §7: checkpoints are published as notices). */
export function checkpointNotice(c: AuditCheckpoint): { title: string; body: string } {
  const title = `村务记录存证：截至第 ${c.treeSize} 条记录`;
  const body = [
    '本村的村务操作记录（登记户籍、发布公开、表决等每一次操作都会留下一条，前后相连、不能删改）已由系统用电子签名存证。把下面的数字抄下来或拍照留存，以后任何人都可以核对这些记录有没有被改动过。',
    '',
    '| 项目 | 内容 |',
    '|---|---|',
    `| 记录条数（treeSize） | ${c.treeSize} |`,
    `| 最后一条记录序号（lastSeq） | ${c.lastSeq} |`,
    `| 根哈希（rootHash） | ${c.rootHash} |`,
    `| 最后一条记录的哈希（headHash） | ${c.headHash} |`,
    `| 签名密钥编号（keyId） | ${c.keyId} |`,
    `| 签名时间（北京时间） | ${formatChinaTime(c.createdAt)} |`,
    `| 签名方式 | ${TRIGGER_LABELS[c.trigger]} |`,
    `| 签名（Ed25519） | ${c.signature} |`,
    '',
    '## 怎样核对',
    '',
    '1. 监委会成员在小程序“审计记录”里点“核验”，系统会从第一条记录起重新计算全部哈希，并核对每一份存证的签名。',
    `2. 自己核对：从 /api/audit/public-key 取得公钥（密钥编号应为 ${c.keyId}），从 /api/audit/checkpoints 取得这份存证的签名原文，用 Ed25519 验证签名；再用 /api/audit/consistency-proof 核对以后的存证都只是在这份的基础上追加。`,
    '3. 如果根哈希或签名对不上，说明记录可能被改动过，请向村务监督委员会或乡镇反映。',
  ].join('\n');
  return { title, body };
}

/**
 * Publishes each audit checkpoint this server signs as an `audit_checkpoint` notice, in a unit of
 * work of its own after the checkpoint is stored. Registered with AuditCheckpointService as a
 * listener, so the audit module does not depend on notices. A checkpoint that covers nothing but the
 * previous checkpoint's notice is not announced (each announcement is an event, and with small
 * intervals that would go on for ever). Automatic checkpoints are announced at most once a (Beijing)
 * day: every first read is an event, so a busy village signs several a day and a notice for each
 * would bury the 村务 notices; the day's later ones are still signed and listed under 审计记录.
 * One a supervisor asked for (before a meeting, say) is always announced.
 */
@Injectable()
export class CheckpointNotices implements OnModuleInit {
  private readonly logger = new Logger(CheckpointNotices.name);

  constructor(
    private readonly checkpoints: AuditCheckpointService,
    private readonly uow: UnitOfWork,
    private readonly publisher: SystemNoticePublisher,
    private readonly repo: NoticesRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!this.config.AUDIT_CHECKPOINT_NOTICES) return;
    this.checkpoints.onCheckpointCreated((checkpoint) => this.announce(checkpoint));
  }

  async announce(checkpoint: AuditCheckpoint): Promise<void> {
    const worthIt = await this.uow.exclusive(async () => {
      const store = this.repo.store();
      if (checkpoint.trigger !== 'manual') {
        const last = await store.lastCheckpointNoticeAt(checkpoint.villageId);
        if (last && chinaDay(last) === chinaDay(this.clock.now())) return false;
      }
      const previous = await store.previousCheckpointSize(checkpoint.villageId, checkpoint.treeSize);
      return (await store.eventsOtherThanCheckpointNotices(checkpoint.villageId, previous, checkpoint.treeSize)) > 0;
    });
    if (!worthIt) return;
    const { title, body } = checkpointNotice(checkpoint);
    try {
      await this.uow.run({ villageId: checkpoint.villageId, actorId: null, actorRole: 'system', correlationId: null }, (work) =>
        this.publisher.publish(work, {
          villageId: checkpoint.villageId,
          kind: 'audit_checkpoint',
          title,
          body,
          windowDays: CHECKPOINT_NOTICE_DAYS,
          source: { entityType: 'audit_checkpoint', entityId: checkpoint.id },
        }),
      );
    } catch (error) {
      if (isDuplicateKey(error)) return; // another server announced it
      throw error;
    }
    this.logger.log({ villageId: checkpoint.villageId, treeSize: checkpoint.treeSize }, 'audit checkpoint published as a notice');
  }
}
