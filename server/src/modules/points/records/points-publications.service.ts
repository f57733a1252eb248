import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDay, quarterLabel, type PointsPublicationList, type PointsPublicationView } from '@village/shared';
import { DataSource, In, IsNull } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../audit/unit-of-work';
import { Notice } from '../../notices/entities';
import { isDuplicateKey } from '../../notices/domain/notice-snapshot';
import { SystemNoticePublisher } from '../../notices/system-notice-publisher';
import { PointsPublication, PointsRecord } from '../entities';
import { PointsException } from '../points.exception';
import type { PublishPointsDto } from './dto/records.dto';
import { publishQuarter } from './record-steps';
import { residentNames } from './record-views';

/** 每季公示: the branch approves a quarter's list; everyone sees the publications and what waits for the next one. */
@Injectable()
export class PointsPublicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly notices: SystemNoticePublisher,
  ) {}

  async publish(actor: VillageActor, dto: PublishPointsDto): Promise<PointsPublicationView> {
    let id: string;
    try {
      id = await this.uow.run(auditActor(actor, 'branch_committee'), async (work) => {
        const publication = await publishQuarter(work, { notices: this.notices, now: this.clock.now() }, { quarter: dto.quarter, approvedByResidentId: actor.residentId });
        return publication.id;
      });
    } catch (error) {
      // Two branch members pressing at once: the quarter's unique key lets one through.
      if (isDuplicateKey(error)) throw PointsException.refused(`${quarterLabel(dto.quarter)}的积分已经公示过了，每个季度只公示一次`);
      throw error;
    }
    const list = await this.list(actor);
    return list.publications.find((p) => p.id === id) as PointsPublicationView;
  }

  list(actor: VillageActor): Promise<PointsPublicationList> {
    return this.uow.exclusive(async () => {
      const manager = this.dataSource.manager;
      const villageId = actor.villageId;
      const today = chinaDay(this.clock.now());
      const rows = await manager.getRepository(PointsPublication).find({ where: { villageId }, order: { quarter: 'DESC' } });
      const [names, notices, waiting] = await Promise.all([
        residentNames(manager, villageId, rows.map((r) => r.approvedByResidentId)),
        rows.length === 0 ? Promise.resolve([]) : manager.getRepository(Notice).find({ select: { id: true, title: true }, where: { villageId, id: In(rows.map((r) => r.noticeId)) } }),
        manager.getRepository(PointsRecord).find({ select: { quarter: true, status: true }, where: { villageId, status: In(['pending', 'approved']), publicationId: IsNull() } }),
      ]);
      const titles = new Map(notices.map((n) => [n.id, n.title]));
      const ready = new Map<string, { quarter: string; recordCount: number; pendingCount: number }>();
      for (const r of waiting) {
        const entry = ready.get(r.quarter) ?? { quarter: r.quarter, recordCount: 0, pendingCount: 0 };
        if (r.status === 'approved') entry.recordCount += 1;
        else entry.pendingCount += 1;
        ready.set(r.quarter, entry);
      }
      return {
        publications: rows.map((p) => ({
          id: p.id,
          quarter: p.quarter,
          recordCount: p.recordCount,
          householdCount: p.householdCount,
          approvedBy: names.ref(p.approvedByResidentId),
          publishedAt: new Date(p.publishedAt).toISOString(),
          windowEndsOn: p.windowEndsOn,
          windowOpen: today <= p.windowEndsOn,
          notice: { id: p.noticeId, name: titles.get(p.noticeId) ?? '' },
        })),
        ready: [...ready.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
      };
    });
  }
}
