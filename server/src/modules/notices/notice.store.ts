import { randomUUID } from 'node:crypto';
import type { NoticeCategory, NoticeKind, NoticeStatus } from '@village/shared';
import { Brackets, EntityManager, In, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { AuditCheckpoint } from '../audit/entities/audit-checkpoint.entity';
import { AuditEvent } from '../audit/entities/audit-event.entity';
import { WechatAccount } from '../identity/entities';
import { Grid, Household, Resident, Village } from '../villages/entities';
import { Notice, NoticeAttachment, NoticeInPerson, NoticePolicyRow, NoticeQuery, NoticeRead } from './entities';

type Changes<T> = { [K in keyof T]?: T[K] };

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface NoticeListFilter {
  villageId: string;
  statuses: NoticeStatus[];
  kinds?: NoticeKind[];
  /** Leave out party-only notices (the viewer is not a party member). */
  publicOnly: boolean;
  /** Beijing day: pinned notices still in their window come first. */
  today: string;
}

export interface QueryListFilter {
  villageId: string;
  noticeId?: string;
  statuses?: NoticeQuery['status'][];
  /** …or asked by this resident, whatever the status. */
  orAskedBy?: string;
  /** Open and asked before this instant. */
  overdueBefore?: Date;
  /** Leave out queries on party-only notices. */
  publicNoticesOnly?: boolean;
}

export interface PartyMemberRow {
  id: string;
  name: string;
  householdId: string;
  phoneEnc: string | null;
}

/**
 * Notice reads and writes on one EntityManager: inside a unit of work the transaction's, so every
 * write here is audited by construction (AuditWriteGuard refuses writes elsewhere).
 */
export class NoticeStore {
  constructor(private readonly manager: EntityManager) {}

  newId(): string {
    return randomUUID();
  }

  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<T> {
    await this.manager.insert(entity, row);
    return row;
  }

  /** Updates the rows matching `where`; false when none matched. */
  async update<T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T>, changes: Changes<T>): Promise<boolean> {
    const result = await this.manager.update(entity, where, changes as never);
    return (result.affected ?? 0) > 0;
  }

  async remove<T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<void> {
    await this.manager.delete(entity, where);
  }

  // ---------------------------------------------------------------- notices

  notice(villageId: string, id: string): Promise<Notice | null> {
    return this.manager.getRepository(Notice).findOneBy({ id, villageId });
  }

  noticesByIds(villageId: string, ids: string[]): Promise<Notice[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(Notice).findBy({ villageId, id: In([...new Set(ids)]) });
  }

  noticeBySource(villageId: string, entityType: string, entityId: string): Promise<Notice | null> {
    return this.manager.getRepository(Notice).findOneBy({ villageId, sourceEntityType: entityType, sourceEntityId: entityId });
  }

  /** One page of a village's notices: pinned ones still in their window first, then the newest. */
  async noticePage(filter: NoticeListFilter, page: PageRequest): Promise<{ items: Notice[]; total: number }> {
    const qb = this.manager
      .getRepository(Notice)
      .createQueryBuilder('n')
      .where('n.village_id = :villageId', { villageId: filter.villageId })
      .andWhere('n.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.kinds) {
      if (filter.kinds.length === 0) return { items: [], total: 0 };
      qb.andWhere('n.kind IN (:...kinds)', { kinds: filter.kinds });
    }
    if (filter.publicOnly) qb.andWhere("n.audience = 'all'");
    const total = await qb.getCount();
    const rows = await qb
      .select('n.id', 'id')
      .addSelect('CASE WHEN n.pinned = :pinned AND n.ends_on >= :today THEN 0 ELSE 1 END', 'pin_rank')
      .setParameters({ pinned: true, today: filter.today })
      .orderBy('pin_rank', 'ASC')
      .addOrderBy('n.published_at', 'DESC')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getRawMany<{ id: string }>();
    const byId = new Map((await this.noticesByIds(filter.villageId, rows.map((r) => r.id))).map((n) => [n.id, n]));
    return { items: rows.map((r) => byId.get(r.id)).filter((n): n is Notice => n !== undefined), total };
  }

  /** Newest publication day per hand-written category, per village (published or since archived). */
  async lastPublished(villageIds: string[], categories: readonly NoticeCategory[]): Promise<{ villageId: string; kind: NoticeCategory; at: Date }[]> {
    if (villageIds.length === 0) return [];
    const rows = await this.manager
      .getRepository(Notice)
      .createQueryBuilder('n')
      .select('n.village_id', 'villageId')
      .addSelect('n.kind', 'kind')
      .addSelect('MAX(n.published_at)', 'at')
      .where('n.village_id IN (:...villageIds)', { villageIds })
      .andWhere('n.kind IN (:...categories)', { categories })
      .andWhere('n.published_at IS NOT NULL')
      .groupBy('n.village_id')
      .addGroupBy('n.kind')
      .getRawMany<{ villageId: string; kind: NoticeCategory; at: string | Date }>();
    return rows.map((r) => ({ villageId: r.villageId, kind: r.kind, at: asDate(r.at) }));
  }

  // ---------------------------------------------------------------- attachments

  attachments(noticeId: string): Promise<NoticeAttachment[]> {
    return this.manager.getRepository(NoticeAttachment).find({ where: { noticeId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  attachment(villageId: string, id: string): Promise<NoticeAttachment | null> {
    return this.manager.getRepository(NoticeAttachment).findOneBy({ id, villageId });
  }

  /** By id alone: only for a signed file link, whose signature is the permission. */
  attachmentById(id: string): Promise<NoticeAttachment | null> {
    return this.manager.getRepository(NoticeAttachment).findOneBy({ id });
  }

  async attachmentCounts(noticeIds: string[]): Promise<Map<string, number>> {
    return this.countBy(NoticeAttachment, 'a', 'a.notice_id', noticeIds);
  }

  // ---------------------------------------------------------------- reads and in-person

  readOf(noticeId: string, residentId: string): Promise<NoticeRead | null> {
    return this.manager.getRepository(NoticeRead).findOneBy({ noticeId, residentId });
  }

  async readNoticeIds(noticeIds: string[], residentId: string): Promise<Set<string>> {
    if (noticeIds.length === 0) return new Set();
    const rows = await this.manager.getRepository(NoticeRead).find({ select: { noticeId: true }, where: { residentId, noticeId: In(noticeIds) } });
    return new Set(rows.map((r) => r.noticeId));
  }

  reads(noticeId: string): Promise<Pick<NoticeRead, 'residentId' | 'householdId'>[]> {
    return this.manager.getRepository(NoticeRead).find({ select: { residentId: true, householdId: true }, where: { noticeId } });
  }

  inPersonRecords(noticeId: string): Promise<NoticeInPerson[]> {
    return this.manager.getRepository(NoticeInPerson).findBy({ noticeId });
  }

  inPersonOf(noticeId: string, subjectKey: string): Promise<NoticeInPerson | null> {
    return this.manager.getRepository(NoticeInPerson).findOneBy({ noticeId, subjectKey });
  }

  // ---------------------------------------------------------------- people and places

  residentsByIds(villageId: string, ids: string[]): Promise<Resident[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(Resident).findBy({ villageId, id: In(unique) });
  }

  resident(villageId: string, id: string): Promise<Resident | null> {
    return this.manager.getRepository(Resident).findOneBy({ villageId, id });
  }

  household(villageId: string, id: string): Promise<Household | null> {
    return this.manager.getRepository(Household).findOneBy({ villageId, id });
  }

  activeHouseholds(villageId: string): Promise<Household[]> {
    return this.manager.getRepository(Household).find({ where: { villageId, status: 'active' }, order: { number: 'ASC' } });
  }

  /** Active party members living in active households. */
  partyMembers(villageId: string): Promise<PartyMemberRow[]> {
    return this.manager
      .getRepository(Resident)
      .createQueryBuilder('r')
      .innerJoin(Household, 'h', "h.id = r.household_id AND h.status = 'active'")
      .select(['r.id AS id', 'r.name AS name', 'r.household_id AS householdId', 'r.phone_enc AS phoneEnc'])
      .where("r.village_id = :villageId AND r.status = 'active' AND r.is_party_member = :yes", { villageId, yes: true })
      .orderBy('r.id', 'ASC')
      .getRawMany<PartyMemberRow>();
  }

  grids(villageId: string): Promise<Grid[]> {
    return this.manager.getRepository(Grid).find({ where: { villageId }, order: { sortOrder: 'ASC' } });
  }

  gridsLedBy(villageId: string, residentId: string): Promise<Grid[]> {
    return this.manager.getRepository(Grid).findBy({ villageId, leaderResidentId: residentId });
  }

  village(villageId: string): Promise<Village | null> {
    return this.manager.getRepository(Village).findOneBy({ id: villageId });
  }

  villagesOfTownship(townshipId: string): Promise<Village[]> {
    return this.manager.getRepository(Village).find({ where: { townshipId }, order: { code: 'ASC' } });
  }

  // ---------------------------------------------------------------- queries

  async openidOf(accountId: string): Promise<string | null> {
    const account = await this.manager.getRepository(WechatAccount).findOneBy({ id: accountId });
    return account?.openid ?? null;
  }

  query(villageId: string, id: string): Promise<NoticeQuery | null> {
    return this.manager.getRepository(NoticeQuery).findOneBy({ id, villageId });
  }

  async openQueryCounts(noticeIds: string[]): Promise<Map<string, number>> {
    return this.countBy(NoticeQuery, 'q', 'q.notice_id', noticeIds, "q.status = 'open'");
  }

  async queryPage(filter: QueryListFilter, page: PageRequest): Promise<{ items: NoticeQuery[]; total: number }> {
    const qb = this.manager.getRepository(NoticeQuery).createQueryBuilder('q').where('q.village_id = :villageId', { villageId: filter.villageId });
    if (filter.noticeId) qb.andWhere('q.notice_id = :noticeId', { noticeId: filter.noticeId });
    if (filter.statuses || filter.orAskedBy) {
      qb.andWhere(
        new Brackets((w) => {
          if (filter.statuses) {
            if (filter.statuses.length > 0) w.where('q.status IN (:...statuses)', { statuses: filter.statuses });
            else w.where('1 = 0');
          }
          if (filter.orAskedBy) w.orWhere('q.asked_by_resident_id = :askedBy', { askedBy: filter.orAskedBy });
        }),
      );
    }
    if (filter.overdueBefore) qb.andWhere("q.status = 'open' AND q.asked_at < :before", { before: filter.overdueBefore });
    if (filter.publicNoticesOnly) {
      qb.andWhere("EXISTS (SELECT 1 FROM notice pn WHERE pn.id = q.notice_id AND pn.audience = 'all')");
    }
    const total = await qb.getCount();
    const items = await qb
      .orderBy('q.asked_at', 'DESC')
      .addOrderBy('q.id', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getMany();
    return { items, total };
  }

  // ---------------------------------------------------------------- policy

  policy(villageId: string): Promise<NoticePolicyRow | null> {
    return this.manager.getRepository(NoticePolicyRow).findOneBy({ villageId });
  }

  policies(villageIds: string[]): Promise<NoticePolicyRow[]> {
    if (villageIds.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(NoticePolicyRow).findBy({ villageId: In(villageIds) });
  }

  // ---------------------------------------------------------------- audit checkpoints

  /** When the village's newest 记录存证 notice went out (null when none has). */
  async lastCheckpointNoticeAt(villageId: string): Promise<Date | null> {
    const latest = await this.manager.getRepository(Notice).findOne({
      where: { villageId, kind: 'audit_checkpoint' },
      order: { publishedAt: 'DESC' },
      select: { id: true, publishedAt: true },
    });
    return latest?.publishedAt ?? null;
  }

  /** The size of the newest checkpoint below `treeSize` (0 when none). */
  async previousCheckpointSize(villageId: string, treeSize: number): Promise<number> {
    const row = await this.manager
      .getRepository(AuditCheckpoint)
      .createQueryBuilder('c')
      .select('MAX(c.tree_size)', 'size')
      .where('c.village_id = :villageId AND c.tree_size < :treeSize', { villageId, treeSize })
      .getRawOne<{ size: number | string | null }>();
    return Number(row?.size ?? 0);
  }

  /**
   * Events with afterSeq < seq ≤ upToSeq other than the publication of a checkpoint notice: a
   * checkpoint over nothing else is not announced again (that would never end).
   */
  async eventsOtherThanCheckpointNotices(villageId: string, afterSeq: number, upToSeq: number): Promise<number> {
    return this.manager
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.village_id = :villageId AND e.seq > :afterSeq AND e.seq <= :upToSeq', { villageId, afterSeq, upToSeq })
      .andWhere(
        new Brackets((w) =>
          w
            .where("e.entity_type <> 'notice'")
            .orWhere("e.action <> 'notice.published'")
            .orWhere("NOT EXISTS (SELECT 1 FROM notice cn WHERE cn.id = e.entity_id AND cn.kind = 'audit_checkpoint')"),
        ),
      )
      .getCount();
  }

  // ----------------------------------------------------------------

  private async countBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    alias: string,
    column: string,
    noticeIds: string[],
    extra?: string,
  ): Promise<Map<string, number>> {
    if (noticeIds.length === 0) return new Map();
    const qb = this.manager
      .getRepository(entity)
      .createQueryBuilder(alias)
      .select(column, 'noticeId')
      .addSelect('COUNT(*)', 'n')
      .where(`${column} IN (:...noticeIds)`, { noticeIds });
    if (extra) qb.andWhere(extra);
    const rows = await qb.groupBy(column).getRawMany<{ noticeId: string; n: string | number }>();
    return new Map(rows.map((r) => [r.noticeId, Number(r.n)]));
  }
}

/** SQLite returns MAX(datetime) as 'YYYY-MM-DD HH:MM:SS[.SSS]' (UTC), MySQL as a Date. */
export function asDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
