import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROPOSAL_OPEN_STATUSES } from '@village/shared';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { Proposal } from './entities';


/**
 * For the township's oversight page (and anyone else counting across villages): proposals whose
 * committee reply is overdue — public, not answered, and today past `reply_due_by`.
 */
@Injectable()
export class ProposalOversight {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** Village id → overdue replies; villages without any are absent. `today` is 'YYYY-MM-DD' (China). */
  async overdueReplies(villageIds: string[], today: string): Promise<Map<string, number>> {
    if (villageIds.length === 0) return new Map();
    const rows = await this.uow.exclusive(() =>
      this.dataSource
        .getRepository(Proposal)
        .createQueryBuilder('p')
        .select('p.village_id', 'villageId')
        .addSelect('COUNT(*)', 'n')
        .where('p.village_id IN (:...villageIds)', { villageIds })
        .andWhere('p.status IN (:...statuses)', { statuses: [...PROPOSAL_OPEN_STATUSES] })
        .andWhere('p.answered_on IS NULL')
        .andWhere('p.reply_due_by < :today', { today })
        .groupBy('p.village_id')
        .getRawMany<{ villageId: string; n: string | number }>(),
    );
    return new Map(rows.map((r) => [r.villageId, Number(r.n)]));
  }
}
