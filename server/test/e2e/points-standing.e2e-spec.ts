import { randomUUID } from 'node:crypto';
import { COMMITTEE_ROLES, type HouseholdPoints, type LoginResult, type PointsBoardView, type PointsRanking } from '@village/shared';
import { Clock } from '../../src/common/clock';
import { UnitOfWork } from '../../src/modules/audit/unit-of-work';
import { SystemNoticePublisher } from '../../src/modules/notices/system-notice-publisher';
import { PointsAppeal, PointsPublication, PointsRecord, PointsRuleBook, PointsSettingsRow } from '../../src/modules/points/entities';
import { PointsLedger } from '../../src/modules/points/points-ledger';
import { Household as HouseholdEntity } from '../../src/modules/villages/entities';
import { createOtherVillage } from '../factories/other-village';
import { bearer, loginAs } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';
import { signInResidents } from '../support/voting';

/** 2031-05-15, Beijing noon: the second quarter of a year no demo seed touches, so totals are the fixture's alone. */
const NOW = new Date('2031-05-15T04:00:00Z');
const QUARTER = '2031-Q1';

interface FixtureRecord {
  householdId: string;
  itemCode: string;
  description: string;
  pointsTenths: number;
  /** Published with the quarter (default) or still waiting for the review. */
  status?: 'published' | 'pending';
  /** An appeal (复议) that adjusted the record to this many tenths. */
  adjustedTo?: number;
}

interface Household {
  id: string;
  number: string;
  gridId: string;
  representativeId: string | null;
  bound: number;
}

/**
 * FIXTURE, not a use case: a quarter's published ledger written the way the records module's
 * quarterly publication writes it (publication row, 积分公示 notice, published records, ledger
 * entries through the app's UnitOfWork and PointsLedger, appeal adjustments as new entries). It sets
 * up exact standings — a tie at the top, a negative-list record adjusted away after 复议 — that the
 * real endpoints reach only through whole record, review, publication and appeal rounds, with item
 * values fixed by the rule book. The last test goes through those real endpoints for the next quarter.
 */
async function publishQuarterFixture(t: TestApp, villageId: string, approverId: string, quarter: string, records: FixtureRecord[]): Promise<string> {
  const now = t.app.get(Clock).now();
  const notices = t.app.get(SystemNoticePublisher);
  const actor = { villageId, actorId: approverId, actorRole: 'branch_committee', correlationId: 'points-standing-fixture' };
  return t.app.get(UnitOfWork).run(actor, async (work) => {
    const ruleBookId = randomUUID();
    const [{ n }] = await work.manager.query('SELECT COALESCE(MAX(number), 0) AS n FROM points_rule_book WHERE village_id = ?', [villageId]);
    await work.manager.insert(PointsRuleBook, { id: ruleBookId, villageId, number: Number(n) + 1, title: '测试细则', status: 'withdrawn', adoptingMatterId: null, adoptedOn: null, createdByResidentId: approverId, createdAt: now, updatedAt: now, version: 1 });
    const publicationId = randomUUID();
    const notice = await notices.publish(work, { villageId, kind: 'points_publication', title: `${quarter} 积分公示`, body: '积分公示（测试）', source: { entityType: 'points_publication', entityId: publicationId } });
    const published = records.filter((r) => (r.status ?? 'published') === 'published');
    await work.manager.insert(PointsPublication, {
      id: publicationId,
      villageId,
      quarter,
      recordCount: published.length,
      householdCount: new Set(published.map((r) => r.householdId)).size,
      approvedByResidentId: approverId,
      publishedAt: now,
      windowEndsOn: '2031-05-22',
      noticeId: notice.id,
    });
    const ledger = new PointsLedger(work, now);
    for (const record of records) {
      const status = record.status ?? 'published';
      const household = await work.manager.getRepository(HouseholdEntity).findOneByOrFail({ id: record.householdId });
      const row: PointsRecord = {
        id: randomUUID(),
        villageId,
        householdId: record.householdId,
        residentId: null,
        gridId: household.gridId,
        ruleBookId,
        itemCode: record.itemCode,
        category: '测试',
        itemDescription: record.description,
        pointsTenths: record.pointsTenths,
        occurredOn: status === 'published' ? '2031-02-10' : '2031-05-10',
        quarter: status === 'published' ? quarter : '2031-Q2',
        note: null,
        source: 'recorded',
        recordedByResidentId: approverId,
        status,
        rejectReason: null,
        reviewedByResidentId: null,
        reviewedAt: null,
        publicationId: status === 'published' ? publicationId : null,
        createdAt: now,
        version: 1,
      };
      await work.manager.insert(PointsRecord, row);
      if (status !== 'published') continue;
      await ledger.post({ villageId, householdId: record.householdId, kind: 'record', amountTenths: record.pointsTenths, quarter, description: `${record.itemCode} ${record.description}`, recordId: row.id });
      if (record.adjustedTo === undefined) continue;
      const adjustment = record.adjustedTo - record.pointsTenths;
      const appeal: PointsAppeal = {
        id: randomUUID(),
        villageId,
        recordId: row.id,
        householdId: record.householdId,
        reason: '不是我家',
        raisedByResidentId: approverId,
        raisedAt: now,
        status: 'adjusted',
        decisionReason: '查实有误',
        adjustmentTenths: adjustment,
        decidedByResidentId: approverId,
        decidedAt: now,
      };
      await work.manager.insert(PointsAppeal, appeal);
      await ledger.post({ villageId, householdId: record.householdId, kind: 'adjustment', amountTenths: adjustment, quarter, description: `复议调整：${record.itemCode} ${record.description}`, recordId: row.id, appealId: appeal.id });
    }
    return publicationId;
  });
}

describe.each(testDatabaseKinds())('points standing (积分查询、排名、红黑榜) on %s', (kind) => {
  let t: TestApp;
  let villageId: string;
  let villager: LoginResult;
  let householdRep: LoginResult;
  let gridLeader: LoginResult;
  let secretary: LoginResult;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let reviewer: LoginResult;
  /** A member of the black-listed household, signed in to see its own 帮扶 note. */
  let helpedMember: LoginResult;
  /** The villager's household, two tied at the top, one in the grid leader's grid, one adjusted after 复议, one with a negative-list record. */
  let h: Record<'mine' | 'tieA' | 'tieB' | 'led' | 'adjusted' | 'negative', Household>;
  let ledGridId: string;
  let balanceBefore: number;

  beforeAll(async () => {
    // The last test moves the Clock to the quarter's 公示 day, six weeks on: sessions must outlive that.
    t = await startTestApp(kind, { ACCESS_TOKEN_TTL_MINUTES: String(60 * 24 * 60) });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
    // One at a time: demo logins bind personas, and two binding at once collide on MySQL.
    villager = await loginAs(t, 'villager');
    householdRep = await loginAs(t, 'household_rep');
    gridLeader = await loginAs(t, 'grid_leader');
    secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    reviewer = await loginAs(t, 'points_reviewer');
    villageId = villager.me.village?.id as string;
    const [led] = await t.dataSource.query('SELECT id FROM grid WHERE village_id = ? AND leader_resident_id = ?', [villageId, gridLeader.me.resident?.id]);
    ledGridId = led.id;
    const all: Household[] = (
      await t.dataSource.query(
        "SELECT h.id, h.number, h.grid_id AS gridId, h.representative_resident_id AS representativeId, (SELECT COUNT(*) FROM resident r JOIN account_binding b ON b.resident_id = r.id AND b.unbound_at IS NULL WHERE r.household_id = h.id) AS bound FROM household h WHERE h.village_id = ? AND h.status = 'active' ORDER BY h.number",
        [villageId],
      )
    ).map((r: Household) => ({ ...r, bound: Number(r.bound) }));
    const used = new Set<string>();
    const take = (test: (x: Household) => boolean): Household => {
      const found = all.find((x) => !used.has(x.id) && x.bound === 0 && test(x));
      if (!found) throw new Error('the demo village has no household for this fixture');
      used.add(found.id);
      return found;
    };
    const mine = all.find((x) => x.id === villager.me.household?.id) as Household;
    used.add(mine.id);
    used.add(householdRep.me.household?.id as string);
    h = {
      mine,
      tieA: take((x) => x.gridId === mine.gridId),
      tieB: take((x) => x.gridId !== mine.gridId),
      led: take((x) => x.gridId === ledGridId),
      adjusted: take(() => true),
      negative: take((x) => x.gridId !== ledGridId && x.representativeId !== null),
    };
    [helpedMember] = await signInResidents(t, villageId, [h.negative.representativeId as string], `standing-${kind}`);
    balanceBefore = Number((await t.dataSource.query('SELECT COALESCE(SUM(balance_tenths), 0) AS b FROM points_account WHERE household_id = ?', [mine.id]))[0].b);

    await publishQuarterFixture(t, villageId, secretary.me.resident?.id as string, QUARTER, [
      { householdId: mine.id, itemCode: 'A03', description: '参加义务劳动', pointsTenths: 30 },
      { householdId: mine.id, itemCode: 'B01', description: '门前三包做得好', pointsTenths: 20 },
      { householdId: mine.id, itemCode: 'C02', description: '调解邻里纠纷', pointsTenths: 10, status: 'pending' },
      { householdId: h.tieA.id, itemCode: 'D01', description: '见义勇为', pointsTenths: 200 },
      { householdId: h.tieA.id, itemCode: 'D02', description: '捐资修路', pointsTenths: 100 },
      { householdId: h.tieB.id, itemCode: 'D01', description: '见义勇为', pointsTenths: 200 },
      { householdId: h.tieB.id, itemCode: 'D02', description: '捐资修路', pointsTenths: 100 },
      { householdId: h.led.id, itemCode: 'A01', description: '参加村民会议', pointsTenths: 120 },
      { householdId: h.adjusted.id, itemCode: 'A01', description: '参加村民会议', pointsTenths: 40 },
      { householdId: h.adjusted.id, itemCode: 'N05', description: '乱倒垃圾', pointsTenths: -50, adjustedTo: 0 },
      { householdId: h.negative.id, itemCode: 'A03', description: '参加义务劳动', pointsTenths: 20 },
      { householdId: h.negative.id, itemCode: 'N02', description: '参与封建迷信活动', pointsTenths: -50 },
    ]);
    // FIXTURE: the 积分超市 spends 1 分 of the household's points (the shop posts exactly this entry).
    await t.app.get(UnitOfWork).run({ villageId, actorId: villager.me.resident?.id as string, actorRole: 'villager', correlationId: 'points-standing-fixture' }, (work) =>
      new PointsLedger(work, NOW).post({ villageId, householdId: mine.id, kind: 'redemption', amountTenths: -10, quarter: null, description: '兑换 洗衣粉 1 袋' }),
    );
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body);
  const put = (login: LoginResult, path: string, body: object = {}) => t.http.put(path).set(...bearer(login)).send(body);
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
  const boards = () => count('SELECT COUNT(*) AS n FROM points_board WHERE village_id = ?', [villageId]);
  const boardNotices = () => count("SELECT COUNT(*) AS n FROM notice WHERE village_id = ? AND kind = 'honour_board'", [villageId]);

  describe('a household’s points', () => {
    it('shows my household: balance after spending, quarters with stars, ranks that spending does not lower, ledger newest first, what is not yet published', async () => {
      const me: HouseholdPoints = (await get(villager, '/api/points/me').expect(200)).body;
      expect(me.household).toEqual({ id: h.mine.id, number: h.mine.number, label: expect.stringMatching(new RegExp(`^${h.mine.number}号`)) });
      expect(me.grid).toEqual({ id: h.mine.gridId, name: expect.any(String) });
      expect(me.balanceTenths).toBe(balanceBefore + 50 - 10);
      expect(me.yearTotalTenths).toBe(50);
      // Default thresholds 1, 3, 5, 8, 12 分: 5 分 earns three stars.
      expect(me.quarters).toEqual([
        { quarter: '2030-Q3', totalTenths: 0, stars: 0 },
        { quarter: '2030-Q4', totalTenths: 0, stars: 0 },
        { quarter: '2031-Q1', totalTenths: 50, stars: 3 },
        { quarter: '2031-Q2', totalTenths: 0, stars: 0 },
      ]);
      // 30, 30, 12, 5 (mine, after spending 1 分 — still 5), 4, −3.
      expect(me.villageRank).toEqual({ rank: 4, of: 6 });
      const inMyGrid = [h.tieA, h.tieB, h.led, h.adjusted, h.negative].filter((x) => x.gridId === h.mine.gridId);
      const totals = new Map([[h.tieA.id, 300], [h.tieB.id, 300], [h.led.id, 120], [h.adjusted.id, 40], [h.negative.id, -30]]);
      expect(me.gridRank).toEqual({ rank: 1 + inMyGrid.filter((x) => (totals.get(x.id) as number) > 50).length, of: 1 + inMyGrid.length });
      expect(me.ledger.slice(0, 3)).toEqual([
        expect.objectContaining({ kind: 'redemption', amountTenths: -10, balanceTenths: balanceBefore + 40, description: '兑换 洗衣粉 1 袋', redemptionId: null }),
        expect.objectContaining({ kind: 'record', amountTenths: 20, balanceTenths: balanceBefore + 50, description: 'B01 门前三包做得好', recordId: expect.any(String) }),
        expect.objectContaining({ kind: 'record', amountTenths: 30, balanceTenths: balanceBefore + 30, description: 'A03 参加义务劳动' }),
      ]);
      expect(me.unpublished).toEqual([expect.objectContaining({ itemCode: 'C02', status: 'pending', pointsTenths: 10, quarter: '2031-Q2' })]);
      // The 户代表 redeems by default; this villager is not the household's representative.
      expect(me.canRedeem).toBe(false);
      expect(me.redeemRefusal).toMatch(/^本村积分超市由户代表为全家兑换，请让户代表.+来兑换或取消$/);
    });

    it('lets the 户代表 redeem, shows no rank before anything is published for the household', async () => {
      const rep: HouseholdPoints = (await get(householdRep, '/api/points/me').expect(200)).body;
      expect(rep.canRedeem).toBe(true);
      expect(rep.redeemRefusal).toBeNull();
      expect(rep).toMatchObject({ yearTotalTenths: 0, villageRank: null, gridRank: null });
      expect(rep.quarters.every((q) => q.totalTenths === 0 && q.stars === 0)).toBe(true);
    });

    it('lets any adult member redeem when the village allows it', async () => {
      const fixtureActor = { villageId, actorId: secretary.me.resident?.id as string, actorRole: 'secretary', correlationId: 'points-standing-fixture' };
      // FIXTURE: the settings page is another part's; the row is what it saves.
      await t.app.get(UnitOfWork).run(fixtureActor, async (work) => {
        await work.manager.insert(PointsSettingsRow, {
          villageId,
          starThresholdsJson: '[10,30,50,80,120]',
          redSharePercent: 10,
          blackSharePercent: 0,
          blackBelowTenths: null,
          blackOnNegativeItem: true,
          publicationWindowDays: 7,
          redeemers: 'adult_member',
          updatedByResidentId: secretary.me.resident?.id as string,
          updatedAt: NOW,
          version: 1,
        });
        await work.record({ action: 'test.fixture', entityType: 'points_settings', entityId: villageId, after: { redeemers: 'adult_member' } });
      });
      try {
        expect((await get(villager, '/api/points/me').expect(200)).body.canRedeem).toBe(true);
        // Only for one's own household, whoever looks.
        expect((await get(secretary, `/api/points/households/${h.mine.id}`).expect(200)).body.canRedeem).toBe(false);
      } finally {
        await t.app.get(UnitOfWork).run(fixtureActor, async (work) => {
          await work.manager.delete(PointsSettingsRow, { villageId });
          await work.record({ action: 'test.fixture', entityType: 'points_settings', entityId: villageId, after: null });
        });
      }
    });

    it('shows a household to the 两委, the 监委会 and the 评议小组; to a 网格员 in their grid only; to a villager only their own — others are not found', async () => {
      for (const staff of [secretary, committee, supervisor, reviewer]) {
        const seen: HouseholdPoints = (await get(staff, `/api/points/households/${h.negative.id}`).expect(200)).body;
        expect(seen).toMatchObject({ household: { id: h.negative.id }, yearTotalTenths: -30, villageRank: { rank: 6, of: 6 }, canRedeem: false });
      }
      expect((await get(villager, `/api/points/households/${h.mine.id}`).expect(200)).body.yearTotalTenths).toBe(50);
      const refused = await get(villager, `/api/points/households/${h.tieA.id}`).expect(404);
      expect(refused.body).toMatchObject({ code: 'POINTS_NOT_FOUND', message: '本村没有这个户，请刷新后再试' });
      expect((await get(gridLeader, `/api/points/households/${h.led.id}`).expect(200)).body.yearTotalTenths).toBe(120);
      expect((await get(gridLeader, `/api/points/households/${h.negative.id}`)).status).toBe(404);
      expect((await get(secretary, `/api/points/households/${randomUUID()}`)).status).toBe(404);
      expect((await get(secretary, '/api/points/households/not-an-id')).status).toBe(400);
      const other = await createOtherVillage(t.dataSource);
      expect((await get(secretary, `/api/points/households/${other.householdId}`)).status).toBe(404);
    });
  });

  describe('ranking', () => {
    it('ranks the village by points earned this year: a tie shares first place, masked labels, my row marked, nothing-published households left out', async () => {
      const ranking: PointsRanking = (await get(villager, '/api/points/ranking').expect(200)).body;
      expect(ranking).toMatchObject({ year: 2031, scope: 'village', grid: null });
      const ties = [h.tieA, h.tieB].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
      expect(ranking.rows.map((r) => [r.household.id, r.rank, r.totalTenths, r.mine])).toEqual([
        [ties[0].id, 1, 300, false],
        [ties[1].id, 1, 300, false],
        [h.led.id, 3, 120, false],
        [h.mine.id, 4, 50, true],
        [h.adjusted.id, 5, 40, false],
        [h.negative.id, 6, -30, false],
      ]);
      for (const row of ranking.rows) {
        expect(row.household.label).toMatch(new RegExp(`^${row.household.number}号( .*\\*.*家)?$`));
        expect(row.grid).toEqual({ id: expect.any(String), name: expect.any(String) });
      }
      expect(ranking.rows.map((r) => r.household.id)).not.toContain(householdRep.me.household?.id);
      // Another year has its own ranking (the demo seed's year, whatever it holds, never 2031's fixture).
      const earlier: PointsRanking = (await get(villager, '/api/points/ranking?year=2030').expect(200)).body;
      expect(earlier.rows).toEqual([]);
    });

    it('ranks a grid: mine by default, another on request, ranks counted within the grid', async () => {
      const fixture = [h.mine, h.tieA, h.tieB, h.led, h.adjusted, h.negative];
      const mineGrid: PointsRanking = (await get(villager, '/api/points/ranking?scope=grid').expect(200)).body;
      expect(mineGrid.grid?.id).toBe(h.mine.gridId);
      expect(mineGrid.rows.map((r) => r.household.id).sort()).toEqual(fixture.filter((x) => x.gridId === h.mine.gridId).map((x) => x.id).sort());
      expect(mineGrid.rows[0]).toMatchObject({ rank: 1, household: { id: h.tieA.id } });
      const led: PointsRanking = (await get(villager, `/api/points/ranking?scope=grid&gridId=${ledGridId}`).expect(200)).body;
      expect(led.grid?.id).toBe(ledGridId);
      expect(led.rows.every((r) => r.grid?.id === ledGridId)).toBe(true);
      expect(led.rows.find((r) => r.household.id === h.led.id)?.rank).toBe(1 + led.rows.filter((r) => r.totalTenths > 120).length);
    });

    it('refuses a wrong scope or year (400) and an unknown grid (404)', async () => {
      expect((await get(villager, '/api/points/ranking?scope=county')).body).toMatchObject({ message: expect.stringContaining('范围 scope') });
      expect((await get(villager, '/api/points/ranking?year=abc')).status).toBe(400);
      expect((await get(villager, `/api/points/ranking?scope=grid&gridId=${randomUUID()}`)).status).toBe(404);
    });
  });

  describe('红黑榜', () => {
    let board: PointsBoardView;
    /** The demo seed's own board (of the quarter its records were published in), if any. */
    let seeded: { boards: number; notices: number };

    beforeAll(async () => {
      seeded = { boards: await boards(), notices: await boardNotices() };
    });

    it('seeds the board of the quarter the demo records were published in, with one 帮扶 note, and nothing when none was published', async () => {
      const published: { quarter: string }[] = await t.dataSource.query('SELECT quarter FROM points_publication WHERE village_id = ? AND quarter <> ? ORDER BY quarter DESC', [villageId, QUARTER]);
      const seededBoards = ((await get(secretary, '/api/points/boards').expect(200)).body as PointsBoardView[]).filter((b) => b.quarter !== QUARTER);
      expect(seededBoards.map((b) => b.quarter)).toEqual(published.slice(0, 1).map((p) => p.quarter));
      for (const seededBoard of seededBoards) {
        const [notice] = await t.dataSource.query('SELECT kind FROM notice WHERE id = ?', [seededBoard.notice.id]);
        expect(notice.kind).toBe('honour_board');
        expect(seededBoard.black.filter((e) => e.followUp !== null)).toHaveLength(seededBoard.black.length > 0 ? 1 : 0);
      }
    });

    it('refuses before the quarter is published (409), a wrong quarter (400) and a villager (403), writing nothing', async () => {
      const unpublished = await post(committee, '/api/points/boards', { quarter: '2031-Q2' }).expect(409);
      expect(unpublished.body).toMatchObject({ code: 'POINTS_REFUSED', message: expect.stringContaining('还没有公示') });
      expect((await post(committee, '/api/points/boards', {})).status).toBe(400);
      expect((await post(committee, '/api/points/boards', { quarter: '2031-Q5' })).body.message).toContain('2026-Q3');
      expect((await post(villager, '/api/points/boards', { quarter: QUARTER })).status).toBe(403);
      expect(await boards()).toBe(seeded.boards);
      expect(await boardNotices()).toBe(seeded.notices);
    });

    it('publishes the quarter’s board once: the tie on the 红榜, the negative-list household needing help, an adjusted one not, one honour-board notice', async () => {
      const res = await post(committee, '/api/points/boards', { quarter: QUARTER }).expect(201);
      board = res.body;
      const ties = [h.tieA, h.tieB].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }));
      expect(board).toMatchObject({ quarter: QUARTER, publishedAt: NOW.toISOString(), notice: { id: expect.any(String), name: '2031年第一季度积分红黑榜' } });
      expect(board.red.map((e) => [e.household.id, e.totalTenths, e.reason])).toEqual([
        [ties[0].id, 300, '本季 30 分，全村第 1 名（红榜取前 10%）'],
        [ties[1].id, 300, '本季 30 分，全村第 1 名（红榜取前 10%）'],
      ]);
      expect(board.black).toEqual([
        { household: { id: h.negative.id, number: h.negative.number, label: expect.any(String) }, list: 'black', totalTenths: -30, reason: '本季有负面清单记录：N02 参与封建迷信活动', followUp: null },
      ]);

      const [notice] = await t.dataSource.query('SELECT kind, status, title, body, source_entity_type AS type, source_entity_id AS sourceId FROM notice WHERE id = ?', [board.notice.id]);
      expect(notice).toMatchObject({ kind: 'honour_board', status: 'published', type: 'points_board', sourceId: board.id });
      expect(notice.body).toContain(`${board.red[0].household.label}：本季 30 分`);
      expect(notice.body).toContain('## 需要帮助改进');
      expect(notice.body).toContain(board.black[0].household.label);
      expect(notice.body).toContain('1对1 上门帮扶');
      expect(notice.body).toContain('不影响任何人的选举权和表决权，不影响低保和其他基本权利');
      expect(board.black[0].household.label).toContain('*');
      expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'points.board.published' AND entity_id = ?", [board.id])).toBe(1);
      expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'notice.published' AND entity_id = ?", [board.notice.id])).toBe(1);

      const again = await post(secretary, '/api/points/boards', { quarter: QUARTER }).expect(409);
      expect(again.body.message).toBe('这个季度的红黑榜已经发布过了，请在红黑榜里查看');
      expect(await boards()).toBe(seeded.boards + 1);
      expect(await boardNotices()).toBe(seeded.notices + 1);
    });

    it('lists boards for every villager, newest first, by quarter and by id', async () => {
      const list: PointsBoardView[] = (await get(villager, '/api/points/boards').expect(200)).body;
      expect(list).toHaveLength(seeded.boards + 1);
      expect(list[0].id).toBe(board.id);
      expect(list.map((b) => b.quarter)).toEqual([...list.map((b) => b.quarter)].sort().reverse());
      expect((await get(villager, `/api/points/boards?quarter=${QUARTER}`).expect(200)).body).toHaveLength(1);
      expect((await get(villager, '/api/points/boards?quarter=2031-Q2').expect(200)).body).toEqual([]);
      expect((await get(villager, '/api/points/boards?quarter=spring')).status).toBe(400);
      expect((await get(villager, `/api/points/boards/${board.id}`).expect(200)).body.red).toHaveLength(2);
      expect((await get(villager, `/api/points/boards/${randomUUID()}`)).status).toBe(404);
    });

    it('takes the committee’s 帮扶 note for a household needing help only, seen by the committee, the 监委会 and the household itself', async () => {
      const path = (householdId: string) => `/api/points/boards/${board.id}/follow-ups/${householdId}`;
      const note = '书记已上门谈心，约定下月一起清理房前屋后。';
      expect((await put(villager, path(h.negative.id), { note })).status).toBe(403);
      expect((await put(committee, path(h.negative.id), {})).body.message).toBe('填写的内容有误：帮扶情况应为 2–200 个字');
      const red = await put(committee, path(h.tieA.id), { note }).expect(400);
      expect(red.body).toMatchObject({ code: 'POINTS_INVALID', message: '这户在红榜上，帮扶记录只写给需要帮助改进的户' });
      expect((await put(committee, path(h.mine.id), { note })).status).toBe(404);
      expect((await put(committee, `/api/points/boards/${randomUUID()}/follow-ups/${h.negative.id}`, { note })).status).toBe(404);
      expect(await count('SELECT COUNT(*) AS n FROM points_board_entry WHERE board_id = ? AND follow_up_note IS NOT NULL', [board.id])).toBe(0);

      const saved: PointsBoardView = (await put(committee, path(h.negative.id), { note: `  ${note}  ` }).expect(200)).body;
      expect(saved.black[0].followUp).toEqual({ note, by: { id: committee.me.resident?.id, name: committee.me.resident?.name }, at: NOW.toISOString() });

      for (const insider of [committee, secretary, supervisor, reviewer, helpedMember]) {
        const seen: PointsBoardView = (await get(insider, `/api/points/boards/${board.id}`).expect(200)).body;
        expect(seen.black[0].followUp?.note).toBe(note);
      }
      // The 评议小组 persona also sits on the 监委会, so it is an insider; the 网格员 and other villagers are not.
      expect(gridLeader.me.roles).not.toEqual(expect.arrayContaining(['supervisor']));
      for (const outsider of [villager, householdRep, gridLeader]) {
        const seen: PointsBoardView[] = (await get(outsider, '/api/points/boards').expect(200)).body;
        expect(seen.flatMap((b) => b.black).filter((e) => e.followUp !== null && e.household.id !== outsider.me.household?.id)).toEqual([]);
      }
      const [event] = await t.dataSource.query("SELECT after_json AS after FROM audit_event WHERE action = 'points.board.followed_up' AND entity_id = ?", [board.id]);
      expect(event.after).not.toContain('上门谈心');
      expect(JSON.parse(event.after)).toMatchObject({ householdId: h.negative.id, noteSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    });
  });

  describe('with the records module’s own endpoints', () => {
    it('records, reviews and publishes 2031-Q2 for real; the stars, ranks and board follow from what it posted', async () => {
      const record = async (itemCode: string): Promise<void> => {
        const res = await post(gridLeader, '/api/points/records', { householdId: h.led.id, itemCode, occurredOn: '2031-05-10', photoIds: [] });
        if (res.status !== 201) throw new Error(`record ${itemCode}: ${res.status} ${JSON.stringify(res.body)}`);
      };
      await record('C02');
      await record('N01');
      const pending: { id: string }[] = await t.dataSource.query("SELECT id FROM points_record WHERE village_id = ? AND quarter = '2031-Q2' AND status = 'pending'", [villageId]);
      expect(pending).toHaveLength(3);
      await post(reviewer, '/api/points/records/review', { recordIds: pending.map((r) => r.id), decision: 'approve' }).expect(200);
      jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date('2031-06-29T04:00:00Z'));
      try {
        await post(secretary, '/api/points/publications', { quarter: '2031-Q2' }).expect(201);
        const me: HouseholdPoints = (await get(villager, '/api/points/me').expect(200)).body;
        expect(me.quarters.at(-1)).toEqual({ quarter: '2031-Q2', totalTenths: 10, stars: 1 });
        expect(me).toMatchObject({ yearTotalTenths: 60, villageRank: { rank: 4, of: 6 }, unpublished: [] });
        const led: HouseholdPoints = (await get(gridLeader, `/api/points/households/${h.led.id}`).expect(200)).body;
        expect(led).toMatchObject({ yearTotalTenths: 80, villageRank: { rank: 3, of: 6 } });
        expect(led.quarters.at(-1)).toEqual({ quarter: '2031-Q2', totalTenths: -40, stars: 0 });

        const board: PointsBoardView = (await post(committee, '/api/points/boards', { quarter: '2031-Q2' }).expect(201)).body;
        expect(board.red.map((e) => [e.household.id, e.reason])).toEqual([[h.mine.id, '本季 1 分，全村第 1 名（红榜取前 10%）']]);
        expect(board.black.map((e) => [e.household.id, e.reason])).toEqual([[h.led.id, '本季有负面清单记录：N01 参与封建迷信活动']]);
      } finally {
        jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
      }
    });
  });

  describe('every persona with an empty body', () => {
    it('is refused by role (403) or answered without a server error; allowed callers never get 401/403', async () => {
      const [board] = (await get(secretary, '/api/points/boards').expect(200)).body as PointsBoardView[];
      const routes: { method: 'get' | 'post' | 'put'; path: string; committeeOnly: boolean }[] = [
        { method: 'get', path: '/api/points/me', committeeOnly: false },
        { method: 'get', path: `/api/points/households/${h.negative.id}`, committeeOnly: false },
        { method: 'get', path: '/api/points/ranking', committeeOnly: false },
        { method: 'get', path: '/api/points/boards', committeeOnly: false },
        { method: 'get', path: `/api/points/boards/${board.id}`, committeeOnly: false },
        { method: 'post', path: '/api/points/boards', committeeOnly: true },
        { method: 'put', path: `/api/points/boards/${board.id}/follow-ups/${h.negative.id}`, committeeOnly: true },
      ];
      const shopkeeper = await loginAs(t, 'shopkeeper');
      for (const login of [villager, householdRep, gridLeader, secretary, committee, supervisor, reviewer, shopkeeper, helpedMember]) {
        const committeeMember = login.me.roles.some((r) => (COMMITTEE_ROLES as readonly string[]).includes(r));
        for (const route of routes) {
          const res = await t.http[route.method](route.path).set(...bearer(login)).send({});
          expect({ route: route.path, status: res.status < 500 }).toEqual({ route: route.path, status: true });
          if (!route.committeeOnly || committeeMember) expect({ route: route.path, status: [401, 403].includes(res.status) }).toEqual({ route: route.path, status: false });
          else expect(res.status).toBe(403);
        }
      }
    });
  });

  describe('audit', () => {
    it('leaves a valid audit chain', async () => {
      const verdict = await get(supervisor, '/api/audit/verify').expect(200);
      expect(verdict.body.ok).toBe(true);
    });
  });
});
