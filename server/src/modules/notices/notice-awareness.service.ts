import { Injectable } from '@nestjs/common';
import {
  NOTICE_PAGE_SIZE_DEFAULT,
  type AwarenessUnit,
  type InPersonNoticeRecord,
  type NoticeAwareness,
  type NoticeReadResult,
  type Page,
  type Role,
  type UnreachedHousehold,
} from '@village/shared';
import { COMMITTEE_ROLES } from '../../common/auth/access.decorator';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { maskPhone } from '../../common/privacy/mask';
import { UnitOfWork } from '../audit/unit-of-work';
import { maskNumbersInText } from '../roster/domain/mask-text';
import type { Grid, Household } from '../villages/entities';
import { computeAwareness, type AwarenessFigures, type AwarenessSubject } from './domain/awareness';
import { assertAwarenessAvailable } from './domain/notice-rules';
import { isDuplicateKey } from './domain/notice-snapshot';
import type { InPersonNoticeDto, UnreachedQueryDto } from './dto/awareness.dto';
import { NoticeInPerson, NoticeRead, type Notice } from './entities';
import { NoticeStore, type PartyMemberRow } from './notice.store';
import { loadVisible } from './notices.service';
import { NoticeErrorCode, NoticeException } from './notices.exception';
import { NoticesRepository } from './notices.repository';

/** Everything the awareness figures of one notice are computed from. */
interface AwarenessFacts {
  unit: AwarenessUnit;
  grids: Grid[];
  households: Map<string, Household>;
  /** Party members by id (unit party_member only). */
  members: Map<string, PartyMemberRow>;
  figures: AwarenessFigures;
}

const seesWholeVillage = (roles: readonly Role[]): boolean => roles.some((r) => (COMMITTEE_ROLES as readonly Role[]).includes(r) || r === 'supervisor');

/**
 * Read receipts (已读) and 知晓率: who has read a notice, how many households (or, for a party-only
 * notice, party members) that reaches, per grid, who is not reached yet, and 上门告知 records from
 * grid leaders, which count as reached.
 */
@Injectable()
export class NoticeAwarenessService {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the caller's first read of a published (or archived) notice; later opens change nothing.
   * Parallel first opens are settled by the unique key (notice, resident): one records, the others
   * answer firstRead false.
   */
  async read(actor: VillageActor, id: string): Promise<NoticeReadResult> {
    const store = this.repo.store();
    const notice = await loadVisible(store, actor, id);
    if (notice.status !== 'published' && notice.status !== 'archived') return { firstRead: false };
    if (await store.readOf(id, actor.residentId)) return { firstRead: false };
    try {
      return await this.uow.run(auditActor(actor, 'villager'), async ({ manager, record }) => {
        const tx = new NoticeStore(manager);
        if (await tx.readOf(id, actor.residentId)) return { firstRead: false };
        const resident = await tx.resident(actor.villageId, actor.residentId);
        if (!resident) throw NoticeException.noticeNotFound();
        const read: NoticeRead = {
          id: tx.newId(),
          villageId: actor.villageId,
          noticeId: id,
          residentId: actor.residentId,
          householdId: resident.householdId,
          readAt: this.clock.now(),
        };
        await tx.insert(NoticeRead, read);
        await record({ action: 'notice.read', entityType: 'notice', entityId: id, after: { residentId: read.residentId, householdId: read.householdId } });
        return { firstRead: true };
      });
    } catch (error) {
      if (isDuplicateKey(error)) return { firstRead: false };
      throw error;
    }
  }

  async awareness(actor: VillageActor, id: string): Promise<NoticeAwareness> {
    const store = this.repo.store();
    const notice = await loadVisible(store, actor, id);
    assertAwarenessAvailable(notice);
    const { figures } = await this.facts(store, notice);
    return {
      noticeId: id,
      unit: figures.unit,
      total: figures.total,
      reached: figures.reached,
      toldInPerson: figures.toldInPerson,
      rate: figures.rate,
      byGrid: figures.byGrid,
    };
  }

  /** Households (or party members) not reached yet, by grid then 户号; grid leaders see their own grids. */
  async unreached(actor: VillageActor, id: string, q: UnreachedQueryDto): Promise<Page<UnreachedHousehold>> {
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? NOTICE_PAGE_SIZE_DEFAULT };
    const store = this.repo.store();
    const notice = await loadVisible(store, actor, id);
    assertAwarenessAvailable(notice);
    const facts = await this.facts(store, notice);
    const allowed = seesWholeVillage(actor.roles)
      ? new Set(facts.grids.map((g) => g.id))
      : new Set(facts.grids.filter((g) => g.leaderResidentId === actor.residentId).map((g) => g.id));
    if (q.gridId && !allowed.has(q.gridId)) throw NoticeException.gridNotFound();
    const gridOrder = new Map(facts.grids.map((g, i) => [g.id, i]));
    const rows = facts.figures.unreached
      .map((subjectId) => this.subjectRow(facts, subjectId))
      .filter((row) => (q.gridId ? row.household.gridId === q.gridId : allowed.has(row.household.gridId)))
      .sort(
        (a, b) =>
          (gridOrder.get(a.household.gridId) ?? 0) - (gridOrder.get(b.household.gridId) ?? 0) ||
          a.household.number.localeCompare(b.household.number) ||
          (a.member?.name ?? '').localeCompare(b.member?.name ?? ''),
      );
    const slice = rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
    const reps = await store.residentsByIds(
      notice.villageId,
      slice.map((r) => r.household.representativeResidentId).filter((x): x is string => x !== null),
    );
    const repById = new Map(reps.map((r) => [r.id, r]));
    const grids = new Map(facts.grids.map((g) => [g.id, g]));
    const items = slice.map(({ household, member }): UnreachedHousehold => {
      const rep = household.representativeResidentId ? repById.get(household.representativeResidentId) : undefined;
      const phoneEnc = member ? member.phoneEnc : (rep?.phoneEnc ?? null);
      return {
        householdId: household.id,
        number: household.number,
        address: household.address,
        grid: { id: household.gridId, name: grids.get(household.gridId)?.name ?? '' },
        representativeName: rep?.name ?? null,
        phoneMasked: phoneEnc ? maskPhone(this.cipher.decrypt(phoneEnc)) : null,
        person: member ? { id: member.id, name: member.name } : null,
      };
    });
    return { items, total: rows.length, ...page };
  }

  /** 上门告知: a grid leader (own grid) or committee member told a household (party member) in person. */
  async recordInPerson(actor: VillageActor, id: string, dto: InPersonNoticeDto): Promise<InPersonNoticeRecord> {
    try {
      const row = await this.uow.run(auditActor(actor), async ({ manager, record }) => {
        const store = new NoticeStore(manager);
        const notice = await loadVisible(store, actor, id);
        if (notice.status !== 'published') {
          throw new NoticeException(NoticeErrorCode.NotPublished, '只有正在公开的内容可以登记上门告知');
        }
        const household = await store.household(actor.villageId, dto.householdId);
        if (!household || household.status !== 'active') throw NoticeException.householdNotFound();
        if (!seesWholeVillage(actor.roles)) {
          const mine = await store.gridsLedBy(actor.villageId, actor.residentId);
          if (!mine.some((g) => g.id === household.gridId)) throw NoticeException.householdNotFound();
        }
        const partyOnly = notice.audience === 'party_members';
        let residentId: string | null = null;
        if (partyOnly) {
          const member = dto.residentId ? await store.resident(actor.villageId, dto.residentId) : null;
          if (!member || member.householdId !== household.id || !member.isPartyMember || member.status !== 'active') {
            throw new NoticeException(NoticeErrorCode.PartyMemberRequired, '这条公开仅党员可见：请选择告知了这一户的哪位党员（residentId）');
          }
          residentId = member.id;
        }
        const subjectKey = residentId ?? household.id;
        const earlier = await store.inPersonOf(id, subjectKey);
        if (earlier) {
          throw new NoticeException(NoticeErrorCode.AlreadyReached, partyOnly ? '已经登记过告知这位党员了' : '这一户已经登记过上门告知了，不用再登记');
        }
        const reads = await store.reads(id);
        if (reads.some((r) => (residentId ? r.residentId === residentId : r.householdId === household.id))) {
          throw new NoticeException(
            NoticeErrorCode.AlreadyReached,
            partyOnly ? '这位党员已经在小程序里看过了，不用再登记' : '这一户已经有人在小程序里看过了，不用再登记',
          );
        }
        const inPerson: NoticeInPerson = {
          id: store.newId(),
          villageId: actor.villageId,
          noticeId: id,
          householdId: household.id,
          residentId,
          subjectKey,
          recordedByResidentId: actor.residentId,
          toldAt: this.clock.now(),
          note: dto.note ? maskNumbersInText(dto.note) : null,
        };
        await store.insert(NoticeInPerson, inPerson);
        await record({
          action: 'notice.in_person.recorded',
          entityType: 'notice',
          entityId: id,
          after: { householdId: household.id, residentId, note: inPerson.note },
        });
        return inPerson;
      });
      const [recorder] = await this.repo.store().residentsByIds(actor.villageId, [actor.residentId]);
      return {
        noticeId: id,
        householdId: row.householdId,
        residentId: row.residentId,
        recordedBy: { id: actor.residentId, name: recorder?.name ?? '' },
        toldAt: row.toldAt.toISOString(),
        note: row.note,
      };
    } catch (error) {
      if (isDuplicateKey(error)) throw new NoticeException(NoticeErrorCode.AlreadyReached, '刚刚已经有人登记过了，请刷新名单');
      throw error;
    }
  }

  private async facts(store: NoticeStore, notice: Notice): Promise<AwarenessFacts> {
    const unit: AwarenessUnit = notice.audience === 'party_members' ? 'party_member' : 'household';
    const [grids, householdRows, reads, inPerson] = await Promise.all([
      store.grids(notice.villageId),
      store.activeHouseholds(notice.villageId),
      store.reads(notice.id),
      store.inPersonRecords(notice.id),
    ]);
    const households = new Map(householdRows.map((h) => [h.id, h]));
    const members = new Map<string, PartyMemberRow>();
    let subjects: AwarenessSubject[];
    if (unit === 'household') {
      subjects = householdRows.map((h) => ({ id: h.id, gridId: h.gridId }));
    } else {
      for (const m of await store.partyMembers(notice.villageId)) members.set(m.id, m);
      subjects = [...members.values()]
        .filter((m) => households.has(m.householdId))
        .map((m) => ({ id: m.id, gridId: (households.get(m.householdId) as Household).gridId }));
    }
    const figures = computeAwareness({
      unit,
      subjects,
      grids: grids.map((g) => ({ id: g.id, name: g.name })),
      readBy: reads.map((r) => (unit === 'household' ? r.householdId : r.residentId)),
      toldInPerson: inPerson.map((r) => r.subjectKey),
    });
    return { unit, grids, households, members, figures };
  }

  private subjectRow(facts: AwarenessFacts, subjectId: string): { household: Household; member: PartyMemberRow | null } {
    if (facts.unit === 'household') return { household: facts.households.get(subjectId) as Household, member: null };
    const member = facts.members.get(subjectId) as PartyMemberRow;
    return { household: facts.households.get(member.householdId) as Household, member };
  }
}
