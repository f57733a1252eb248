import { createHash } from 'node:crypto';
import { addDays, chinaDay, type BallotSecrecy, type ChoiceKind, type DecisionRule, type Electorate } from '@village/shared';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { canonicalJson, type JsonValue } from '../modules/audit/domain';
import { UnitOfWork, type Work } from '../modules/audit/unit-of-work';
import { SystemNoticePublisher } from '../modules/notices/system-notice-publisher';
import { Village } from '../modules/villages/entities';
import { BallotStore } from '../modules/voting/ballot.store';
import { computeResult, resultNotice } from '../modules/voting/domain/ballot-result';
import { buildChoices, joinKeys } from '../modules/voting/domain/choices';
import { formatChinaMoment } from '../modules/voting/domain/china-time';
import { buildElectorate, type EligibilityRow } from '../modules/voting/domain/electorate';
import { newReceiptCode } from '../modules/voting/domain/receipt-code';
import { Ballot, type BallotParticipation } from '../modules/voting/entities';
import { buildDemoVillage, DEMO, type DemoResident, type DemoVillage } from './demo-village';
import { seededRandom, stableId } from './stable-id';

/*
 * Demo ballots for 土岭底村, worded after the pilot reports and consistent with the demo notices
 * (the 通组道路 is already tendered; these are what comes next):
 *
 * - open: 土岭底组入户巷道硬化筹资筹劳方案（一事一议）— 村民会议, 一户一票, 记名; about half the
 *   households have voted online; the demo 户代表 has not, so they can try.
 * - closed: 冬春防火期增设护林防火巡查员 — 村民代表会议, 记名, online votes plus an in-person
 *   meeting counted by a 计票人 and confirmed by a 监票人; passed, result published as a notice.
 * - open: 2027 年光伏收益优先办哪件事 — 民意征询, 无记名, multiple choice; some receipts already in.
 *
 * Ids, wording and who voted what are the same on every machine (seeded random); times are relative to
 * the day the demo is seeded, so the open ones are open whenever someone tries it. Seeded as fixture
 * data in one unit of work with one summary audit event (plus the result notice's own).
 */

export type DemoBallotsOutcome = 'created' | 'already-present' | 'no-demo-village';

const ALLEYS_DESCRIPTION = [
  '南坪组至土岭底组通组道路硬化后，土岭底组内 6 条入户巷道（共 1.2 公里）仍是土路，雨雪天泥泞难走，老人孩子出行不便。',
  '村党支部提议、村“两委”会议商议，拟按“一事一议”硬化入户巷道：总投资约 21.6 万元，申请一事一议财政奖补 12 万元，村集体出 5.35 万元，其余 4.25 万元由农户筹集——每户 500 元，或出工 5 个（每个工日折 100 元）；五保户、低保户免筹。',
  '按照《村民委员会组织法》第二十四条，公益事业的筹资筹劳须经村民会议讨论决定。本次表决一户一票，由户代表投票；须有三分之二以上的户参加，参加户数过半数同意为通过。',
].join('\n\n');

const PATROL_DESCRIPTION = [
  '今冬明春是森林防火关键期。村“两委”提议：11 月至次年 5 月防火期内增设 2 名护林防火巡查员（共 8 名），每人每月补贴 1000 元，7 个月共 1.4 万元，从村集体光伏电站收益中列支。',
  '巡查员优先从脱贫户、监测户中选聘，由网格员安排巡查路线，每天上山巡查并在群里报平安。',
].join('\n\n');

const SOLAR_DESCRIPTION = [
  '村集体光伏电站 2027 年预计收益约 9 万元。村“两委”想先听听大家的意见：您最希望先办哪件事？最多选两项。',
  '这是无记名的民意征询，不作为决议，汇总结果会公开，并作为村“两委”拟定方案的参考。投票后您会得到一个回执码，征询结束后可以用它核对自己的选择。',
].join('\n\n');

const SOLAR_OPTIONS = ['安装巷道太阳能路灯', '修建南坪组文化小广场', '补贴 60 岁以上老人医保个人缴费', '维修村卫生室'];

interface Plan {
  key: string;
  title: string;
  description: string;
  electorate: Electorate;
  rule: DecisionRule;
  secrecy: BallotSecrecy;
  choiceKind: ChoiceKind;
  options: string[];
  maxSelections: number;
  createdAt: Date;
  openedAt: Date;
  opensAt: Date;
  closesAt: Date;
  teller: DemoResident | null;
  scrutineer: DemoResident | null;
}

/** Seeds the demo ballots once: when the demo village exists and has none. */
export async function seedDemoBallots(dataSource: DataSource, clock: Clock = new Clock()): Promise<DemoBallotsOutcome> {
  const demo = buildDemoVillage();
  const village = await dataSource.getRepository(Village).findOneBy({ code: DEMO.village.code });
  if (!village || village.id !== demo.villageId) return 'no-demo-village';
  const actor = { villageId: demo.villageId, actorId: null, actorRole: 'system', correlationId: null };
  return new UnitOfWork(dataSource, clock).run(actor, async (work) => {
    if (await work.manager.getRepository(Ballot).existsBy({ villageId: demo.villageId })) return 'already-present';
    const store = new BallotStore(work.manager);
    const now = new Date(Math.floor(clock.now().getTime() / 1000) * 1000);
    const today = chinaDay(now);
    /** `days` from today (Beijing) at `hour`:00 Beijing time. */
    const at = (days: number, hour: number): Date => new Date(Date.parse(`${addDays(today, days)}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`));
    const random = seededRandom(20261127);
    const people = cast(demo);
    const source = await store.electorateSource(demo.villageId);
    const writer = new DemoBallotWriter(work, store, people.secretary.id, random).withRepresentatives(source.households);

    // 1. Open household ballot: about half the households have voted, never the demo 户代表's.
    const alleys = await writer.ballot(
      {
        key: 'alleys-2026',
        title: '土岭底组入户巷道硬化筹资筹劳方案（一事一议）',
        description: ALLEYS_DESCRIPTION,
        electorate: 'households',
        rule: { body: 'villager_assembly', override: null },
        secrecy: 'open',
        choiceKind: 'motion',
        options: [],
        maxSelections: 1,
        createdAt: at(-3, 9),
        openedAt: at(-2, 8),
        opensAt: at(-2, 8),
        closesAt: at(5, 18),
        teller: null,
        scrutineer: null,
      },
      source,
    );
    const alleyVoters = alleys.rows.filter((r) => !people.keepFree.has(r.householdId) && random() < 0.55);
    await writer.onlineVotes(alleys, alleyVoters, now, (i) => (i % 9 === 8 ? 'against' : i % 13 === 12 ? 'abstain' : 'for'));

    // 2. Closed 村民代表会议 ballot with an in-person meeting.
    const patrol = await writer.ballot(
      {
        key: 'fire-patrol-2026',
        title: '冬春防火期增设护林防火巡查员及补贴标准',
        description: PATROL_DESCRIPTION,
        electorate: 'villager_reps',
        rule: { body: 'representative_assembly', override: null },
        secrecy: 'open',
        choiceKind: 'motion',
        options: [],
        maxSelections: 1,
        createdAt: at(-12, 9),
        openedAt: at(-10, 9),
        opensAt: at(-10, 9),
        closesAt: at(-5, 18),
        teller: people.teller,
        scrutineer: people.scrutineer,
      },
      source,
    );
    const [inPerson, online] = [patrol.rows.slice(0, 4), patrol.rows.slice(4, 12)];
    await writer.onlineVotes(patrol, online, at(-6, 12), (i) => (i === 5 ? 'against' : 'for'));
    await writer.inPerson(patrol, inPerson, at(-6, 19), people, { papers: 4, counts: { for: 3, against: 0, abstain: 1 } });
    await writer.close(patrol, at(-5, 18));

    // 3. Open secret poll with some receipts already in.
    const solar = await writer.ballot(
      {
        key: 'solar-2027-poll',
        title: '2027 年光伏收益优先办哪件事（民意征询）',
        description: SOLAR_DESCRIPTION,
        electorate: 'households',
        rule: { body: 'poll', override: null },
        secrecy: 'secret',
        choiceKind: 'multiple',
        options: SOLAR_OPTIONS,
        maxSelections: 2,
        createdAt: at(-1, 9),
        openedAt: at(-1, 10),
        opensAt: at(-1, 10),
        closesAt: at(10, 18),
        teller: null,
        scrutineer: null,
      },
      source,
    );
    const solarVoters = solar.rows.filter((r) => !people.keepFree.has(r.householdId) && random() < 0.3);
    await writer.secretVotes(solar, solarVoters, now, () => {
      const first = Math.floor(random() * SOLAR_OPTIONS.length);
      const second = random() < 0.6 ? Math.floor(random() * SOLAR_OPTIONS.length) : first;
      return [...new Set([first, second])].sort().map((i) => `o${i + 1}`);
    });

    await work.record({
      action: 'ballots.seeded',
      entityType: 'village',
      entityId: demo.villageId,
      after: {
        source: 'demo',
        ballots: [alleys, patrol, solar].map((b) => ({ id: b.ballot.id, title: b.ballot.title, status: b.ballot.status, eligible: b.rows.length })),
      },
    });
    return 'created';
  });
}

interface Seeded {
  ballot: Ballot;
  rows: EligibilityRow[];
  online: number;
  inPerson: number;
}

/** Writes seeded ballots through the voting store, the same rows the use cases write. */
class DemoBallotWriter {
  constructor(
    private readonly work: Work,
    private readonly store: BallotStore,
    private readonly createdBy: string,
    private readonly random: () => number,
  ) {}

  async ballot(plan: Plan, source: Awaited<ReturnType<BallotStore['electorateSource']>>): Promise<Seeded> {
    const rows = buildElectorate(plan.electorate, source, chinaDay(plan.openedAt));
    const ballot = {
      id: stableId(`ballot:${plan.key}`),
      villageId: this.work.actor.villageId,
      title: plan.title,
      description: plan.description,
      matterId: null,
      meetingId: null,
      electorate: plan.electorate,
      decisionBody: plan.rule.body,
      matterOverride: plan.rule.override,
      secrecy: plan.secrecy,
      choiceKind: plan.choiceKind,
      choicesJson: JSON.stringify(buildChoices(plan.choiceKind, plan.options)),
      maxSelections: plan.maxSelections,
      opensAt: plan.opensAt,
      closesAt: plan.closesAt,
      status: 'open',
      tellerResidentId: plan.teller?.id ?? null,
      scrutineerResidentId: plan.scrutineer?.id ?? null,
      createdByResidentId: this.createdBy,
      createdAt: plan.createdAt,
      openedAt: plan.openedAt,
      openedByResidentId: this.createdBy,
      eligibleCount: rows.length,
      closedAt: null,
      cancelledAt: null,
      cancelReason: null,
    } as Ballot;
    await this.store.insertBallot(ballot);
    await this.store.insertEligibility(ballot.id, rows);
    return { ballot, rows, online: 0, inPerson: 0 };
  }

  /** Online votes spread between opening and `until`, cast by each household's representative (or the person). */
  async onlineVotes(seeded: Seeded, voters: EligibilityRow[], until: Date, choose: (i: number) => string): Promise<void> {
    const participations = voters.map((row, i) => this.participation(seeded, row, until, i, voters.length));
    await this.store.insertParticipations(participations);
    for (const [i, row] of voters.entries()) {
      await this.store.insertOpenVote({ ballotId: seeded.ballot.id, voterKey: row.voterKey, choices: choose(i) });
    }
    seeded.online += voters.length;
  }

  async secretVotes(seeded: Seeded, voters: EligibilityRow[], until: Date, choose: () => string[]): Promise<void> {
    await this.store.insertParticipations(voters.map((row, i) => this.participation(seeded, row, until, i, voters.length)));
    const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => Math.floor(this.random() * 256)));
    for (let i = 0; i < voters.length; i += 1) {
      await this.store.insertSecretChoice({ receiptCode: newReceiptCode(bytes), ballotId: seeded.ballot.id, choices: joinKeys(choose()), sealed: false });
    }
    seeded.online += voters.length;
  }

  async inPerson(seeded: Seeded, voters: EligibilityRow[], at: Date, people: DemoPeople, paper: { papers: number; counts: Record<string, number> }): Promise<void> {
    const { ballot } = seeded;
    await this.store.insertParticipations(
      voters.map((row) => ({
        ballotId: ballot.id,
        voterKey: row.voterKey,
        villageId: ballot.villageId,
        channel: 'in_person' as const,
        castByResidentId: null,
        recordedByResidentId: people.teller.id,
        participatedAt: at,
      })),
    );
    await this.store.insertPaperCount({
      ballotId: ballot.id,
      villageId: ballot.villageId,
      papers: paper.papers,
      countsJson: JSON.stringify(paper.counts),
      enteredByResidentId: people.teller.id,
      enteredAt: new Date(at.getTime() + 3_600_000),
      confirmedByResidentId: people.scrutineer.id,
      confirmedAt: new Date(at.getTime() + 4_000_000),
      version: 2,
    });
    seeded.inPerson += voters.length;
  }

  /** Closes as the real closing use case does: result, notice (published at the closing time), immutable row. */
  async close(seeded: Seeded, closedAt: Date): Promise<void> {
    const { ballot } = seeded;
    const online = await this.store.onlineCounts(ballot.id, ballot.secrecy === 'secret');
    const paper = await this.store.paperCount(ballot.id);
    const choices = JSON.parse(ballot.choicesJson);
    const { tally, counts } = computeResult({
      rule: { body: ballot.decisionBody, override: ballot.matterOverride },
      electorate: ballot.electorate,
      choiceKind: ballot.choiceKind,
      choices,
      eligible: seeded.rows.length,
      online: seeded.online,
      inPerson: seeded.inPerson,
      householdTurnout: null,
      onlineCounts: online.counts,
      paperCounts: paper ? JSON.parse(paper.countsJson) : {},
    });
    const content = {
      ballotId: ballot.id,
      outcome: tally.outcome,
      eligible: seeded.rows.length,
      online: seeded.online,
      inPerson: seeded.inPerson,
      papers: paper?.papers ?? 0,
      counts: counts.map((c) => ({ ...c })),
      explanation: tally.explanation,
      closedAt: closedAt.toISOString(),
      trigger: 'manual',
    };
    const notice = resultNotice({
      title: ballot.title,
      rule: { body: ballot.decisionBody, override: ballot.matterOverride },
      electorate: ballot.electorate,
      secrecy: ballot.secrecy,
      opensAt: formatChinaMoment(ballot.opensAt, closedAt),
      closesAt: formatChinaMoment(ballot.closesAt, closedAt),
      closedAt: formatChinaMoment(closedAt, closedAt),
      eligible: content.eligible,
      online: content.online,
      inPerson: content.inPerson,
      papers: content.papers,
      tally,
      counts,
      receiptCount: null,
    });
    const publisher = new SystemNoticePublisher({ now: () => closedAt } as Clock);
    const published = await publisher.publish(this.work, {
      villageId: ballot.villageId,
      kind: 'result',
      title: notice.title,
      body: notice.body,
      windowDays: 7,
      source: { entityType: 'ballot', entityId: ballot.id },
    });
    await this.store.updateBallot({ id: ballot.id, villageId: ballot.villageId, status: 'open' }, { status: 'closed', closedAt });
    ballot.status = 'closed';
    await this.store.insertResult({
      ballotId: ballot.id,
      villageId: ballot.villageId,
      outcome: tally.outcome,
      eligible: content.eligible,
      onlineCount: content.online,
      inPersonCount: content.inPerson,
      papers: content.papers,
      countsJson: JSON.stringify(counts),
      tallyJson: JSON.stringify(tally),
      closedAt,
      closeTrigger: 'manual',
      closedByResidentId: this.createdBy,
      noticeId: published.id,
      resultHash: createHash('sha256').update(canonicalJson(content as unknown as JsonValue)).digest('hex'),
    });
  }

  private participation(seeded: Seeded, row: EligibilityRow, until: Date, i: number, n: number): BallotParticipation {
    const { ballot } = seeded;
    const from = (ballot.openedAt as Date).getTime();
    const span = Math.max(0, until.getTime() - from - 60_000);
    const at = new Date(Math.floor((from + 60_000 + (span * (i + this.random() * 0.9)) / Math.max(1, n)) / 1000) * 1000);
    return {
      ballotId: ballot.id,
      voterKey: row.voterKey,
      villageId: ballot.villageId,
      channel: 'online',
      castByResidentId: row.residentId ?? this.representativeOf(row),
      recordedByResidentId: null,
      participatedAt: at,
    };
  }

  private representatives = new Map<string, string>();

  withRepresentatives(households: { id: string; representativeResidentId: string | null }[]): this {
    for (const h of households) if (h.representativeResidentId) this.representatives.set(h.id, h.representativeResidentId);
    return this;
  }

  private representativeOf(row: EligibilityRow): string {
    const id = this.representatives.get(row.householdId);
    if (!id) throw new Error(`demo household ${row.householdNumber} has no representative`);
    return id;
  }
}

interface DemoPeople {
  secretary: DemoResident;
  teller: DemoResident;
  scrutineer: DemoResident;
  /** Households whose representatives the demo personas sign in as: left unvoted so they can try. */
  keepFree: Set<string>;
}

function cast(demo: DemoVillage): DemoPeople {
  const byId = new Map(demo.residents.map((r) => [r.id, r]));
  const holder = (role: string, title?: string): DemoResident => {
    const a = demo.roles.find((r) => r.role === role && (title === undefined || r.title === title));
    if (!a) throw new Error(`demo village has no ${role} ${title ?? ''}`);
    return byId.get(a.residentId) as DemoResident;
  };
  const officeHolders = new Set(demo.roles.map((a) => a.residentId));
  // The 户代表 persona: the first household (by 户号) whose representative holds no office and is not a party member.
  const personaHousehold = [...demo.households]
    .sort((a, b) => a.number.localeCompare(b.number))
    .find((h) => {
      const rep = byId.get(h.representativeResidentId);
      return rep && !officeHolders.has(rep.id) && !rep.isPartyMember;
    });
  const keepFree = new Set(demo.households.filter((h) => officeHolders.has(h.representativeResidentId)).map((h) => h.id));
  if (personaHousehold) keepFree.add(personaHousehold.id);
  // 计票人: a villager representative without office; 监票人: the 监委会 chair.
  const teller = demo.residents.find((r) => r.isVillagerRep && !officeHolders.has(r.id));
  if (!teller) throw new Error('demo village has no representative to count votes');
  return { secretary: holder('secretary'), teller, scrutineer: holder('supervisor', '主任'), keepFree };
}
