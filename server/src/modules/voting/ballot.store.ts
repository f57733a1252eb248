import type { BallotStatus, ParticipationChannel } from '@village/shared';
import { Brackets, EntityManager, In, IsNull, LessThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { Household, Resident, RoleAssignment } from '../villages/entities';
import type { EligibilityRow, ElectorateSource } from './domain/electorate';
import { splitKeys } from './domain/choices';
import {
  Ballot,
  BallotEligibility,
  BallotOpenVote,
  BallotPaperCount,
  BallotParticipation,
  BallotResult,
  BallotSecretChoice,
} from './entities';

const INSERT_CHUNK = 100; // keeps each INSERT below SQLite's bound-parameter limit

export interface ParticipationCounts {
  online: number;
  inPerson: number;
}

export interface ElectoratePageRow {
  voterKey: string;
  label: string;
  householdNumber: string;
  channel: ParticipationChannel | null;
  participatedAt: Date | null;
  recordedByResidentId: string | null;
}

export interface ListFilter {
  villageId: string;
  statuses: BallotStatus[];
  /** Only these ids (awaitingMe); null: no restriction. */
  ids?: string[] | null;
}

/**
 * Every read and write of the voting tables, on one EntityManager: inside a unit of work it is the
 * transaction's (so writes are audited by construction), outside it the data source's.
 */
export class BallotStore {
  constructor(private readonly manager: EntityManager) {}

  // ------------------------------------------------------------ ballots

  ballot(villageId: string, id: string): Promise<Ballot | null> {
    return this.manager.getRepository(Ballot).findOneBy({ id, villageId });
  }

  async listBallots(filter: ListFilter, page: { page: number; pageSize: number }): Promise<{ items: Ballot[]; total: number }> {
    if (filter.ids && filter.ids.length === 0) return { items: [], total: 0 };
    const where: FindOptionsWhere<Ballot> = { villageId: filter.villageId, status: In(filter.statuses) };
    if (filter.ids) where.id = In(filter.ids);
    const [items, total] = await this.manager.getRepository(Ballot).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items, total };
  }

  /** Open ballots of the village whose voting window contains `now` (for 待我办). */
  votingBallots(villageId: string, now: Date): Promise<Ballot[]> {
    return this.manager
      .getRepository(Ballot)
      .createQueryBuilder('b')
      .where('b.village_id = :villageId AND b.status = :status', { villageId, status: 'open' })
      .andWhere('b.opens_at <= :now AND b.closes_at > :now', { now })
      .getMany();
  }

  /** Open ballots, in any village, whose closing time has come. */
  dueBallots(now: Date): Promise<Pick<Ballot, 'id' | 'villageId'>[]> {
    return this.manager.getRepository(Ballot).find({
      select: { id: true, villageId: true },
      where: { status: 'open', closesAt: LessThanOrEqual(now) },
      order: { closesAt: 'ASC', id: 'ASC' },
    });
  }

  async insertBallot(ballot: Ballot): Promise<void> {
    await this.manager.insert(Ballot, ballot);
  }

  /** Changes a ballot only if it still has `version` and `status`; false when someone got there first. */
  async updateBallot(key: { id: string; villageId: string; version?: number; status: BallotStatus }, changes: Partial<Ballot>): Promise<boolean> {
    const result = await this.manager.update(Ballot, key as FindOptionsWhere<Ballot>, changes as never);
    return (result.affected ?? 0) > 0;
  }

  // ------------------------------------------------------------ roster (read at opening and at vote time)

  async electorateSource(villageId: string): Promise<ElectorateSource> {
    const [households, residents, offices] = await Promise.all([
      this.manager.getRepository(Household).find({
        select: { id: true, number: true, representativeResidentId: true },
        where: { villageId, status: 'active' },
      }),
      this.manager.getRepository(Resident).find({
        select: { id: true, householdId: true, name: true, birthDate: true, isPartyMember: true, isVillagerRep: true },
        where: { villageId, status: 'active' },
      }),
      this.manager.getRepository(RoleAssignment).find({
        select: { residentId: true, role: true },
        where: { villageId, endedOn: IsNull(), role: In(['secretary', 'village_committee', 'branch_committee']) },
      }),
    ]);
    return {
      households,
      residents,
      villageCommitteeIds: new Set(offices.filter((o) => o.role === 'village_committee').map((o) => o.residentId)),
      twoCommitteesIds: new Set(offices.map((o) => o.residentId)),
    };
  }

  resident(villageId: string, id: string): Promise<Resident | null> {
    return this.manager.getRepository(Resident).findOneBy({ id, villageId });
  }

  household(villageId: string, id: string): Promise<Household | null> {
    return this.manager.getRepository(Household).findOneBy({ id, villageId });
  }

  /** id → name, for NamedRefs. */
  async names(villageId: string, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return new Map();
    const rows = await this.manager.getRepository(Resident).find({ select: { id: true, name: true }, where: { villageId, id: In(wanted) } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // ------------------------------------------------------------ eligibility

  async insertEligibility(ballotId: string, rows: EligibilityRow[]): Promise<void> {
    const entities = rows.map((r) => ({ ballotId, ...r }));
    for (let i = 0; i < entities.length; i += INSERT_CHUNK) {
      await this.manager.insert(BallotEligibility, entities.slice(i, i + INSERT_CHUNK));
    }
  }

  eligibility(ballotId: string, voterKey: string): Promise<BallotEligibility | null> {
    return this.manager.getRepository(BallotEligibility).findOneBy({ ballotId, voterKey });
  }

  /** Which of these (ballot, voter) pairs are on their ballot's frozen list: the ballot ids. */
  async onList(pairs: { ballotId: string; voterKey: string }[]): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const rows = await this.manager.getRepository(BallotEligibility).find({ select: { ballotId: true }, where: pairs });
    return new Set(rows.map((r) => r.ballotId));
  }

  eligibilityOf(ballotId: string, voterKeys: string[]): Promise<BallotEligibility[]> {
    if (voterKeys.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(BallotEligibility).findBy({ ballotId, voterKey: In(voterKeys) });
  }

  /** The frozen list with each voter's participation, filtered and paged. */
  async electoratePage(
    ballotId: string,
    filter: { q?: string; participation?: ParticipationChannel | 'none' },
    page: { page: number; pageSize: number },
  ): Promise<{ items: ElectoratePageRow[]; total: number }> {
    const query = this.manager
      .getRepository(BallotEligibility)
      .createQueryBuilder('e')
      .leftJoin(BallotParticipation, 'p', 'p.ballot_id = e.ballot_id AND p.voter_key = e.voter_key')
      .where('e.ballot_id = :ballotId', { ballotId });
    if (filter.q) {
      query.andWhere(
        new Brackets((w) => {
          w.where("e.label LIKE :q ESCAPE '!'", { q: `%${escapeLike(filter.q as string)}%` }).orWhere("e.household_number LIKE :prefix ESCAPE '!'", {
            prefix: `${escapeLike(filter.q as string)}%`,
          });
        }),
      );
    }
    if (filter.participation === 'none') query.andWhere('p.voter_key IS NULL');
    else if (filter.participation) query.andWhere('p.channel = :channel', { channel: filter.participation });
    const total = await query.getCount();
    const raw = await query
      .select([
        'e.voter_key AS voter_key',
        'e.label AS label',
        'e.household_number AS household_number',
        'p.channel AS channel',
        'p.participated_at AS participated_at',
        'p.recorded_by_resident_id AS recorded_by',
      ])
      .orderBy('e.household_number', 'ASC')
      .addOrderBy('e.label', 'ASC')
      .addOrderBy('e.voter_key', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getRawMany<{ voter_key: string; label: string; household_number: string; channel: string | null; participated_at: string | Date | null; recorded_by: string | null }>();
    return {
      total,
      items: raw.map((r) => ({
        voterKey: r.voter_key,
        label: r.label,
        householdNumber: r.household_number,
        channel: (r.channel as ParticipationChannel | null) ?? null,
        participatedAt: r.participated_at === null ? null : toDate(r.participated_at),
        recordedByResidentId: r.recorded_by,
      })),
    };
  }

  // ------------------------------------------------------------ participation

  participation(ballotId: string, voterKey: string): Promise<BallotParticipation | null> {
    return this.manager.getRepository(BallotParticipation).findOneBy({ ballotId, voterKey });
  }

  participationsOf(ballotId: string, voterKeys: string[]): Promise<BallotParticipation[]> {
    if (voterKeys.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(BallotParticipation).findBy({ ballotId, voterKey: In(voterKeys) });
  }

  /** The caller's participation in each of these ballots, by ballot id. */
  async participationsByVoter(pairs: { ballotId: string; voterKey: string }[]): Promise<Map<string, BallotParticipation>> {
    if (pairs.length === 0) return new Map();
    const rows = await this.manager.getRepository(BallotParticipation).find({ where: pairs });
    return new Map(rows.map((r) => [r.ballotId, r]));
  }

  /** Inserts participation rows; the primary key refuses a second one for the same voter. */
  async insertParticipations(rows: BallotParticipation[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.manager.insert(BallotParticipation, rows.slice(i, i + INSERT_CHUNK));
    }
  }

  async participationCounts(ballotIds: string[]): Promise<Map<string, ParticipationCounts>> {
    const counts = new Map<string, ParticipationCounts>(ballotIds.map((id) => [id, { online: 0, inPerson: 0 }]));
    if (ballotIds.length === 0) return counts;
    const rows = await this.manager
      .getRepository(BallotParticipation)
      .createQueryBuilder('p')
      .select('p.ballot_id', 'ballot_id')
      .addSelect('p.channel', 'channel')
      .addSelect('COUNT(*)', 'n')
      .where('p.ballot_id IN (:...ballotIds)', { ballotIds })
      .groupBy('p.ballot_id')
      .addGroupBy('p.channel')
      .getRawMany<{ ballot_id: string; channel: ParticipationChannel; n: string | number }>();
    for (const row of rows) {
      const c = counts.get(row.ballot_id) as ParticipationCounts;
      if (row.channel === 'online') c.online = Number(row.n);
      else c.inPerson = Number(row.n);
    }
    return counts;
  }

  /** 村民会议 of adults: households with a representative (at opening), and how many of those representatives took part. */
  async householdTurnout(ballotId: string): Promise<{ eligible: number; participated: number }> {
    const eligible = await this.manager.getRepository(BallotEligibility).countBy({ ballotId, isHouseholdRep: true });
    const participated = await this.manager
      .getRepository(BallotParticipation)
      .createQueryBuilder('p')
      .innerJoin(BallotEligibility, 'e', 'e.ballot_id = p.ballot_id AND e.voter_key = p.voter_key')
      .where('p.ballot_id = :ballotId AND e.is_household_rep = :yes', { ballotId, yes: true })
      .getCount();
    return { eligible, participated };
  }

  // ------------------------------------------------------------ choices

  async insertOpenVote(vote: BallotOpenVote): Promise<void> {
    await this.manager.insert(BallotOpenVote, vote);
  }

  openVote(ballotId: string, voterKey: string): Promise<BallotOpenVote | null> {
    return this.manager.getRepository(BallotOpenVote).findOneBy({ ballotId, voterKey });
  }

  async openVotesPage(ballotId: string, page: { page: number; pageSize: number }) {
    const query = this.manager
      .getRepository(BallotOpenVote)
      .createQueryBuilder('v')
      .innerJoin(BallotParticipation, 'p', 'p.ballot_id = v.ballot_id AND p.voter_key = v.voter_key')
      .innerJoin(BallotEligibility, 'e', 'e.ballot_id = v.ballot_id AND e.voter_key = v.voter_key')
      .where('v.ballot_id = :ballotId', { ballotId });
    const total = await query.getCount();
    const raw = await query
      .select(['v.voter_key AS voter_key', 'v.choices AS choices', 'e.label AS label', 'p.cast_by_resident_id AS cast_by', 'p.participated_at AS at'])
      .orderBy('e.household_number', 'ASC')
      .addOrderBy('e.label', 'ASC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getRawMany<{ voter_key: string; choices: string; label: string; cast_by: string; at: string | Date }>();
    return { total, items: raw.map((r) => ({ voterKey: r.voter_key, choices: splitKeys(r.choices), label: r.label, castBy: r.cast_by, at: toDate(r.at) })) };
  }

  /** Insert, or false when the receipt code is taken (60 random bits: practically never). */
  async insertSecretChoice(choice: BallotSecretChoice): Promise<boolean> {
    try {
      await this.manager.insert(BallotSecretChoice, choice);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  secretChoice(ballotId: string, receiptCode: string): Promise<BallotSecretChoice | null> {
    return this.manager.getRepository(BallotSecretChoice).findOneBy({ ballotId, receiptCode });
  }

  secretChoices(ballotId: string): Promise<BallotSecretChoice[]> {
    return this.manager.getRepository(BallotSecretChoice).find({ where: { ballotId }, order: { receiptCode: 'ASC' } });
  }

  /** Rewrites every secret choice of the ballot at closing, so no row still carries the transaction that wrote it. */
  async sealSecretChoices(ballotId: string): Promise<void> {
    await this.manager.update(BallotSecretChoice, { ballotId }, { sealed: true });
  }

  /** Online choices per key: open votes or secret receipts (each may hold several keys). */
  async onlineCounts(ballotId: string, secret: boolean): Promise<{ counts: Record<string, number>; rows: number }> {
    const rows: { choices: string }[] = secret
      ? await this.manager.getRepository(BallotSecretChoice).find({ select: { choices: true }, where: { ballotId } })
      : await this.manager.getRepository(BallotOpenVote).find({ select: { choices: true }, where: { ballotId } });
    const counts: Record<string, number> = {};
    for (const row of rows) for (const key of splitKeys(row.choices)) counts[key] = (counts[key] ?? 0) + 1;
    return { counts, rows: rows.length };
  }

  // ------------------------------------------------------------ paper count and result

  paperCount(ballotId: string): Promise<BallotPaperCount | null> {
    return this.manager.getRepository(BallotPaperCount).findOneBy({ ballotId });
  }

  async insertPaperCount(row: BallotPaperCount): Promise<void> {
    await this.manager.insert(BallotPaperCount, row);
  }

  async updatePaperCount(ballotId: string, version: number, changes: Partial<BallotPaperCount>): Promise<boolean> {
    const result = await this.manager.update(BallotPaperCount, { ballotId, version }, changes as never);
    return (result.affected ?? 0) > 0;
  }

  results(ballotIds: string[]): Promise<BallotResult[]> {
    if (ballotIds.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(BallotResult).findBy({ ballotId: In(ballotIds) });
  }

  result(ballotId: string): Promise<BallotResult | null> {
    return this.manager.getRepository(BallotResult).findOneBy({ ballotId });
  }

  async insertResult(result: BallotResult): Promise<void> {
    await this.manager.insert(BallotResult, result);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** `LIKE` with the user's text taken literally ('!' escapes, portable to SQLite and MySQL). */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}

/** Raw DATETIME values: a Date from mysql2, 'YYYY-MM-DD HH:MM:SS(.sss)' UTC text from SQLite. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
}
