import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  chinaDay,
  evidenceVerdict,
  quarterOf,
  recordableDay,
  recordingSource,
  seesAllPointsRecords,
  type PointsRecordPage,
  type PointsRecordView,
  type ReviewPointsResult,
} from '@village/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../audit/unit-of-work';
import { WechatAccount } from '../../identity/entities';
import { maskNumbersInText } from '../../roster/domain/mask-text';
import { Grid, Household, Resident } from '../../villages/entities';
import { WechatClient, type ContentCheck } from '../../wechat/wechat.client';
import { WechatException } from '../../wechat/wechat.exception';
import { PointsPublication, PointsRecord } from '../entities';
import { PointsPhotos } from '../files';
import { PointsException } from '../points.exception';
import { effectiveRuleBook } from '../rule-books/effective-rule-book';
import { POINTS_PAGE_SIZE_DEFAULT } from '../dto/points-page-query.dto';
import { type ListPointsRecordsQueryDto, type RecordPointsDto, type ReviewPointsDto } from './dto/records.dto';
import { assertVerdict, insertRecord, reviewRecords, type NewRecord } from './record-steps';
import { recordViews } from './record-views';

export const NO_RULE_BOOK_MESSAGE = '村里的积分细则还没有经村民（代表）会议通过，暂时不能记分';

/**
 * 一事一记 (DOMAIN.md §6): the grid leader's 实时记录 and a household's 群众申报, both pending until
 * the 评议小组's monthly review; the list each viewer may see.
 */
@Injectable()
export class PointsRecordsService {
  private readonly logger = new Logger(PointsRecordsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly photos: PointsPhotos,
  ) {}

  private read<T>(task: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(this.dataSource.manager));
  }

  async record(actor: VillageActor, dto: RecordPointsDto): Promise<PointsRecordView> {
    const note = dto.note ? maskNumbersInText(dto.note) : null;
    const { draft, openid } = await this.read(async (manager) => ({
      draft: await this.prepare(manager, actor, dto, note),
      openid: (await manager.getRepository(WechatAccount).findOneBy({ id: actor.accountId }))?.openid ?? null,
    }));
    // Outside the unit of work: a network call must not hold the village's write lock.
    if (draft.source === 'self_reported' && note) await this.assertNoteClean(actor, openid, note);
    const id = await this.uow.run(auditActor(actor, draft.source === 'recorded' ? 'grid_leader' : 'villager'), async (work) => {
      const fresh = await this.prepare(work.manager, actor, dto, note);
      const row = await insertRecord(work, this.clock.now(), fresh);
      await this.photos.attach(work, actor, row.id, dto.photoIds);
      return row.id;
    });
    return this.view(actor, id);
  }

  /** Every check of a new record, run again inside the unit of work; a refusal writes nothing. */
  private async prepare(manager: EntityManager, actor: VillageActor, dto: RecordPointsDto, note: string | null): Promise<NewRecord> {
    const book = await effectiveRuleBook(manager, actor.villageId);
    if (!book) throw PointsException.refused(NO_RULE_BOOK_MESSAGE);
    const household = await manager.getRepository(Household).findOneBy({ id: dto.householdId, villageId: actor.villageId, status: 'active' });
    if (!household) throw PointsException.notFound('户');
    const item = book.items.find((i) => i.code === dto.itemCode);
    if (!item) throw PointsException.invalid(`正在执行的积分细则里没有“${dto.itemCode}”这一项，请从细则里选择`);
    const [me, grid] = await Promise.all([
      manager.getRepository(Resident).findOneByOrFail({ id: actor.residentId, villageId: actor.villageId }),
      manager.getRepository(Grid).findOneBy({ id: household.gridId, villageId: actor.villageId }),
    ]);
    const source = recordingSource(
      { residentId: actor.residentId, householdId: me.householdId },
      { householdId: household.id, gridLeaderResidentId: grid?.leaderResidentId ?? null, itemPointsTenths: item.pointsTenths },
    );
    assertVerdict(source);
    if (dto.residentId) {
      const member = await manager.getRepository(Resident).existsBy({ id: dto.residentId, villageId: actor.villageId, householdId: household.id, status: 'active' });
      if (!member) throw PointsException.invalid('这位不是这户的成员，请从这户的成员里重新选择，或不选（记给全户）');
    }
    const today = chinaDay(this.clock.now());
    const quarter = quarterOf(dto.occurredOn);
    const published = await manager.getRepository(PointsPublication).existsBy({ villageId: actor.villageId, quarter });
    const day = recordableDay(dto.occurredOn, today, published ? [quarter] : []);
    assertVerdict(day);
    assertVerdict(evidenceVerdict(item.evidenceRequired, dto.photoIds.length));
    return {
      villageId: actor.villageId,
      householdId: household.id,
      residentId: dto.residentId ?? null,
      gridId: household.gridId,
      item,
      occurredOn: dto.occurredOn,
      quarter: day.quarter,
      note,
      source: source.source,
      recordedByResidentId: actor.residentId,
    };
  }

  /** A self-report's note is the villager's own words: WeChat's msgSecCheck first, as for proposals. */
  private async assertNoteClean(actor: VillageActor, openid: string | null, note: string): Promise<void> {
    if (!openid) return;
    let check: ContentCheck;
    try {
      check = await this.wechat.msgSecCheck(openid, note);
    } catch (error) {
      if (!(error instanceof WechatException)) throw error;
      // Not blocking the villager: the 评议小组 reads every note before approving.
      this.logger.warn({ code: error.code, correlationId: actor.correlationId }, 'content check unavailable; self-report note left to the review');
      return;
    }
    if (check.suggest === 'risky') throw PointsException.invalid('说明没有通过微信内容安全检查，请改一改说法再提交');
  }

  list(actor: VillageActor, q: ListPointsRecordsQueryDto): Promise<PointsRecordPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? POINTS_PAGE_SIZE_DEFAULT;
    return this.read(async (manager) => {
      const query = manager.getRepository(PointsRecord).createQueryBuilder('r').where('r.village_id = :villageId', { villageId: actor.villageId });
      if (!seesAllPointsRecords(actor.roles)) {
        // Not a 403: a villager asking for more simply sees their own household's (and a grid leader their grid's).
        const me = await manager.getRepository(Resident).findOneByOrFail({ id: actor.residentId, villageId: actor.villageId });
        const led = (await manager.getRepository(Grid).findBy({ villageId: actor.villageId, leaderResidentId: actor.residentId })).map((g) => g.id);
        if (led.length > 0) query.andWhere('(r.household_id = :mine OR r.grid_id IN (:...led))', { mine: me.householdId, led });
        else query.andWhere('r.household_id = :mine', { mine: me.householdId });
      }
      if (q.status) query.andWhere('r.status = :status', { status: q.status });
      if (q.gridId) query.andWhere('r.grid_id = :gridId', { gridId: q.gridId });
      if (q.householdId) query.andWhere('r.household_id = :householdId', { householdId: q.householdId });
      if (q.quarter) query.andWhere('r.quarter = :quarter', { quarter: q.quarter });
      if (q.month) query.andWhere('r.occurred_on >= :from AND r.occurred_on <= :to', { from: `${q.month}-01`, to: `${q.month}-31` });
      query
        .orderBy('r.occurred_on', 'DESC')
        .addOrderBy('r.created_at', 'DESC')
        .addOrderBy('r.id', 'ASC')
        .skip((page - 1) * pageSize)
        .take(pageSize);
      const [rows, total] = await query.getManyAndCount();
      return { items: await recordViews(manager, actor.villageId, rows, this.viewer(actor), this.photos), total, page, pageSize };
    });
  }

  async review(actor: VillageActor, dto: ReviewPointsDto): Promise<ReviewPointsResult> {
    return this.uow.run(auditActor(actor, 'points_reviewer'), async (work) => {
      const me = await work.manager.getRepository(Resident).findOneByOrFail({ id: actor.residentId, villageId: actor.villageId });
      return reviewRecords(work, this.clock.now(), { residentId: actor.residentId, householdId: me.householdId }, dto);
    });
  }

  private view(actor: VillageActor, id: string): Promise<PointsRecordView> {
    return this.read(async (manager) => {
      const row = await manager.getRepository(PointsRecord).findOneByOrFail({ id, villageId: actor.villageId });
      const [view] = await recordViews(manager, actor.villageId, [row], this.viewer(actor), this.photos);
      return view;
    });
  }

  private viewer(actor: VillageActor): { residentId: string; today: string } {
    return { residentId: actor.residentId, today: chinaDay(this.clock.now()) };
  }
}
