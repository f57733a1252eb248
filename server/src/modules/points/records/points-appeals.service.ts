import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  appealAdjustment,
  appealVerdict,
  chinaDay,
  formatPoints,
  isAdult,
  reviewerVerdict,
  seesAllPointsRecords,
  type PointsAppealPage,
  type PointsAppealView,
  type PointsRecordView,
} from '@village/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../audit/unit-of-work';
import { isDuplicateKey } from '../../notices/domain/notice-snapshot';
import { Resident } from '../../villages/entities';
import { PointsAppeal, PointsPublication, PointsRecord } from '../entities';
import { PointsPhotos } from '../files';
import { PointsLedger } from '../points-ledger';
import { PointsException } from '../points.exception';
import { POINTS_PAGE_SIZE_DEFAULT } from '../dto/points-page-query.dto';
import { type AppealPointsDto, type DecideAppealDto, type ListPointsAppealsQueryDto } from './dto/records.dto';
import { assertVerdict, insertAppeal } from './record-steps';
import { recordViews } from './record-views';

type AppealWithRecord = PointsAppealView & { record: PointsRecordView };

const ALREADY_APPEALED = '这条记录已经申请过复议，每条记录只能申请一次，请等评议小组答复';

/**
 * 复议 (安家村: 建立积分复议机制): a household questions a published record during the 公示 window;
 * the 评议小组 upholds it or adjusts it — the difference a new ledger entry, the record and the old
 * entries untouched.
 */
@Injectable()
export class PointsAppealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly photos: PointsPhotos,
  ) {}

  async raise(actor: VillageActor, recordId: string, dto: AppealPointsDto): Promise<AppealWithRecord> {
    let id: string;
    try {
      id = await this.uow.run(auditActor(actor, 'villager'), async (work) => {
        const { manager } = work;
        const record = await manager.getRepository(PointsRecord).findOneBy({ id: recordId, villageId: actor.villageId });
        const me = await manager.getRepository(Resident).findOneByOrFail({ id: actor.residentId, villageId: actor.villageId });
        const member = record?.householdId === me.householdId;
        // Another household's record does not exist for a villager; overseers are told why not.
        if (!record || (!member && !seesAllPointsRecords(actor.roles))) throw PointsException.notFound('积分记录');
        const today = chinaDay(this.clock.now());
        const publication = record.publicationId ? await manager.getRepository(PointsPublication).findOneBy({ id: record.publicationId }) : null;
        assertVerdict(
          appealVerdict({
            status: record.status,
            windowEndsOn: publication?.windowEndsOn ?? null,
            today,
            member,
            adult: isAdult(me.birthDate, this.clock.now()),
            alreadyAppealed: await manager.getRepository(PointsAppeal).existsBy({ recordId }),
          }),
        );
        const appeal = await insertAppeal(work, this.clock.now(), { record, reason: dto.reason, raisedByResidentId: actor.residentId });
        return appeal.id;
      });
    } catch (error) {
      // Two members of the household at once: one appeal per record (unique key).
      if (isDuplicateKey(error)) throw PointsException.refused(ALREADY_APPEALED);
      throw error;
    }
    return this.detail(actor, id);
  }

  list(actor: VillageActor, q: ListPointsAppealsQueryDto): Promise<PointsAppealPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? POINTS_PAGE_SIZE_DEFAULT;
    return this.uow.exclusive(async () => {
      const manager = this.dataSource.manager;
      const [rows, total] = await manager.getRepository(PointsAppeal).findAndCount({
        where: { villageId: actor.villageId, ...(q.status ? { status: q.status } : {}) },
        // The oldest open appeal is the most urgent; decided ones newest first.
        order: q.status === 'open' ? { raisedAt: 'ASC', id: 'ASC' } : { raisedAt: 'DESC', id: 'ASC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
      return { items: await this.withRecords(manager, actor, rows), total, page, pageSize };
    });
  }

  async decide(actor: VillageActor, appealId: string, dto: DecideAppealDto): Promise<AppealWithRecord> {
    if (dto.decision === 'adjust' && dto.adjustedPointsTenths === undefined) throw PointsException.invalid('调整时请填写调整后的分数（以 0.1 分为单位的整数）');
    await this.uow.run(auditActor(actor, 'points_reviewer'), async (work) => {
      const { manager } = work;
      const appeal = await manager.getRepository(PointsAppeal).findOneBy({ id: appealId, villageId: actor.villageId });
      if (!appeal) throw PointsException.notFound('复议');
      const record = await manager.getRepository(PointsRecord).findOneByOrFail({ id: appeal.recordId, villageId: actor.villageId });
      const me = await manager.getRepository(Resident).findOneByOrFail({ id: actor.residentId, villageId: actor.villageId });
      assertVerdict(reviewerVerdict({ residentId: actor.residentId, householdId: me.householdId }, record, 'published'));
      if (appeal.status !== 'open') throw PointsException.refused('这条复议已经答复过了，请刷新后查看结果');
      const now = this.clock.now();
      let adjustmentTenths: number | null = null;
      if (dto.decision === 'adjust') {
        const adjustment = appealAdjustment(record.pointsTenths, dto.adjustedPointsTenths as number);
        assertVerdict(adjustment);
        adjustmentTenths = adjustment.adjustmentTenths;
      }
      const status = dto.decision === 'adjust' ? 'adjusted' : 'upheld';
      const updated = await manager.update(
        PointsAppeal,
        { id: appeal.id, status: 'open' },
        { status, decisionReason: dto.reason, adjustmentTenths, decidedByResidentId: actor.residentId, decidedAt: now },
      );
      if (!updated.affected) throw PointsException.refused('这条复议刚被别人答复了，请刷新后查看结果');
      if (adjustmentTenths !== null) {
        await new PointsLedger(work, now).post({
          villageId: actor.villageId,
          householdId: record.householdId,
          kind: 'adjustment',
          amountTenths: adjustmentTenths,
          quarter: record.quarter,
          description: `复议调整 ${record.itemCode} ${record.itemDescription}：${formatPoints(record.pointsTenths)} 分改为 ${formatPoints(record.pointsTenths + adjustmentTenths)} 分`,
          recordId: record.id,
          appealId: appeal.id,
        });
      }
      await work.record({
        action: `points.appeal.${status}`,
        entityType: 'points_appeal',
        entityId: appeal.id,
        before: { status: appeal.status },
        after: { status, recordId: record.id, householdId: record.householdId, adjustmentTenths },
      });
    });
    return this.detail(actor, appealId);
  }

  private detail(actor: VillageActor, id: string): Promise<AppealWithRecord> {
    return this.uow.exclusive(async () => {
      const manager = this.dataSource.manager;
      const appeal = await manager.getRepository(PointsAppeal).findOneByOrFail({ id, villageId: actor.villageId });
      const [item] = await this.withRecords(manager, actor, [appeal]);
      return item;
    });
  }

  /** Each appeal with its record's view, which carries the appeal's own view. */
  private async withRecords(manager: EntityManager, actor: VillageActor, appeals: PointsAppeal[]): Promise<AppealWithRecord[]> {
    if (appeals.length === 0) return [];
    const records = await manager.getRepository(PointsRecord).find({ where: { villageId: actor.villageId, id: In(appeals.map((a) => a.recordId)) } });
    const views = await recordViews(manager, actor.villageId, records, { residentId: actor.residentId, today: chinaDay(this.clock.now()) }, this.photos);
    const byId = new Map(views.map((v) => [v.id, v]));
    return appeals.map((a) => {
      const record = byId.get(a.recordId) as PointsRecordView;
      return { ...(record.appeal as PointsAppealView), record };
    });
  }
}
