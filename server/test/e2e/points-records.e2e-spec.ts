import { randomUUID } from 'node:crypto';
import {
  addDays,
  chinaDay,
  publicationOpensOn,
  quarterDays,
  quarterOf,
  shiftQuarter,
  type LoginResult,
  type PointsAppealPage,
  type PointsAppealView,
  type PointsPublicationList,
  type PointsPublicationView,
  type PointsRecordPage,
  type PointsRecordView,
} from '@village/shared';
import { Clock } from '../../src/common/clock';
import { checkpointsSettled } from '../support/audit';
import { bearer, loginAs } from '../support/auth';
import { startTestAppWithPush } from '../support/media-check';
import { FILES } from '../support/notices';
import type { TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';
import { signInResidents } from '../support/voting';

type AppealWithRecord = PointsAppealView & { record: PointsRecordView };

interface Item {
  code: string;
  pointsTenths: number;
  evidenceRequired: boolean;
}

describe.each(testDatabaseKinds())('points records, review, 公示 and 复议 on %s', (kind) => {
  let t: TestApp & { baseUrl: string };
  let villageId: string;
  let gridLeader: LoginResult;
  let villager: LoginResult;
  let reviewer: LoginResult;
  let secondReviewer: LoginResult;
  let secretary: LoginResult;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let householdRep: LoginResult;
  /** The representative of a household in the grid leader's grid (not anyone else's persona). */
  let neighbour: LoginResult;
  let neighbourHousehold: string;
  let otherGridHousehold: string;
  let items: { plain: Item; evidence: Item; negative: Item };
  const today = chinaDay(new Date());
  const quarter = quarterOf(today);
  const previous = shiftQuarter(quarter, -1);
  const opens = publicationOpensOn(quarter);
  const created: Record<string, PointsRecordView> = {};
  let neighbourAppeal: AppealWithRecord;

  beforeAll(async () => {
    // The publication and appeal tests move the Clock to the quarter's end: sessions must outlive that.
    t = await startTestAppWithPush(kind, { ACCESS_TOKEN_TTL_MINUTES: String(60 * 24 * 200) });
    gridLeader = await loginAs(t, 'grid_leader');
    villager = await loginAs(t, 'villager');
    reviewer = await loginAs(t, 'points_reviewer');
    secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    householdRep = await loginAs(t, 'household_rep');
    villageId = secretary.me.village?.id as string;

    const [grid] = await t.dataSource.query('SELECT id FROM grid WHERE leader_resident_id = ?', [gridLeader.me.resident?.id]);
    const taken = [gridLeader, villager, reviewer, householdRep, secretary, committee, supervisor].map((l) => l.me.household?.id as string);
    const [near] = await t.dataSource.query(
      `SELECT id, representative_resident_id AS rep FROM household WHERE village_id = ? AND grid_id = ? AND id NOT IN (${taken.map(() => '?').join(', ')}) ORDER BY number LIMIT 1`,
      [villageId, grid.id, ...taken],
    );
    neighbourHousehold = near.id;
    [neighbour] = await signInResidents(t, villageId, [near.rep], `points-${kind}`);
    [{ id: otherGridHousehold }] = await t.dataSource.query('SELECT id FROM household WHERE village_id = ? AND grid_id <> ? ORDER BY number LIMIT 1', [villageId, grid.id]);
    const [other] = await t.dataSource.query(
      "SELECT a.resident_id AS id FROM role_assignment a WHERE a.village_id = ? AND a.role = 'points_reviewer' AND a.ended_on IS NULL AND a.resident_id <> ? ORDER BY a.id LIMIT 1",
      [villageId, reviewer.me.resident?.id],
    );
    [secondReviewer] = await signInResidents(t, villageId, [other.id], `points-reviewer-${kind}`);

    const rows: { code: string; points: number | string; evidence: number | boolean }[] = await t.dataSource.query(
      "SELECT i.code, i.points_tenths AS points, i.evidence_required AS evidence FROM points_rule_item i JOIN points_rule_book b ON b.id = i.rule_book_id WHERE b.village_id = ? AND b.status = 'adopted' ORDER BY b.number DESC, i.position",
      [villageId],
    );
    const all = rows.map((r) => ({ code: r.code, pointsTenths: Number(r.points), evidenceRequired: Boolean(Number(r.evidence)) }));
    const find = (test: (i: Item) => boolean): Item => all.find(test) as Item;
    items = { plain: find((i) => i.pointsTenths > 0 && !i.evidenceRequired), evidence: find((i) => i.pointsTenths > 0 && i.evidenceRequired), negative: find((i) => i.pointsTenths < 0) };
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body);
  const atDay = (day: string): jest.SpyInstance => jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(`${day}T04:00:00Z`));
  const count = async (sql: string, params: unknown[] = [villageId]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
  /** Everything a refusal must leave as it was. */
  const snapshot = async (): Promise<number[]> =>
    Promise.all(
      ['points_record', 'points_appeal', 'points_ledger_entry', 'points_publication', 'audit_event', 'notice'].map((table) => count(`SELECT COUNT(*) AS n FROM ${table} WHERE village_id = ?`)),
    );
  const balance = async (householdId: string): Promise<number> => count('SELECT COALESCE(SUM(balance_tenths), 0) AS n FROM points_account WHERE household_id = ?', [householdId]);
  const upload = async (login: LoginResult): Promise<string> => {
    const res = await t.http.post('/api/points/files').set(...bearer(login)).attach('file', FILES.jpeg, '现场.jpg');
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const record = (login: LoginResult, input: Partial<{ householdId: string; residentId: string; itemCode: string; occurredOn: string; note: string; photoIds: string[] }>) =>
    post(login, '/api/points/records', { householdId: neighbourHousehold, itemCode: items.plain.code, occurredOn: today, photoIds: [], ...input });
  const expectRefused = async (request: () => Promise<{ status: number; body: { code?: string; message?: string } }>, status: number, message: string | RegExp): Promise<void> => {
    // An earlier write's audit checkpoint (with its 记录存证 notice) may still be landing in the background.
    await checkpointsSettled(t);
    const before = await snapshot();
    const res = await request();
    expect({ status: res.status, message: res.body.message }).toEqual({ status, message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  };

  it('seeds last quarter published, with its notice, ledger and an open appeal, and this quarter’s queue', async () => {
    const list: PointsPublicationList = (await get(villager, '/api/points/publications').expect(200)).body;
    const last = list.publications.find((p) => p.quarter === previous) as PointsPublicationView;
    expect(last).toMatchObject({ windowOpen: true, notice: { name: expect.stringContaining('村民积分公示') } });
    expect(last.householdCount).toBeGreaterThan(60);
    expect(await count("SELECT COUNT(*) AS n FROM points_ledger_entry WHERE village_id = ? AND kind = 'record'")).toBe(last.recordCount);
    expect(list.ready.find((r) => r.quarter === quarter)?.pendingCount).toBeGreaterThan(0);
    expect(await count("SELECT COUNT(*) AS n FROM points_appeal WHERE village_id = ? AND status = 'open'")).toBe(1);
    // The demo personas' households have published points they could appeal while the window is open.
    for (const persona of [villager, householdRep]) {
      const mine: PointsRecordPage = (await get(persona, `/api/points/records?quarter=${previous}&status=published`).expect(200)).body;
      expect(mine.total).toBeGreaterThan(0);
      expect(mine.items.every((r) => r.household.id === persona.me.household?.id && r.canAppeal)).toBe(true);
    }
  });

  it('refuses to record while no rule book is adopted (409), writing nothing', async () => {
    const adopted: { id: string }[] = await t.dataSource.query("SELECT id FROM points_rule_book WHERE village_id = ? AND status = 'adopted'", [villageId]);
    await t.dataSource.query(`UPDATE points_rule_book SET status = 'superseded' WHERE id IN (${adopted.map(() => '?').join(', ')})`, adopted.map((b) => b.id));
    try {
      await expectRefused(() => record(gridLeader, {}), 409, /^村里的积分细则还没有经村民（代表）会议通过，暂时不能记分$/);
    } finally {
      await t.dataSource.query(`UPDATE points_rule_book SET status = 'adopted' WHERE id IN (${adopted.map(() => '?').join(', ')})`, adopted.map((b) => b.id));
    }
  });

  it('a grid leader records for a household of the grid (实时记录), with evidence photos and a negative-list item', async () => {
    const photo = await upload(gridLeader);
    const res = await record(gridLeader, { itemCode: items.evidence.code, photoIds: [photo], note: '大雨夜里帮邻居转移粮食' }).set('Idempotency-Key', `points-record-${kind}-1`);
    expect(res.status).toBe(201);
    const evidence: PointsRecordView = res.body;
    expect(evidence).toMatchObject({ source: 'recorded', status: 'pending', statusLabel: '待评议', quarter, itemCode: items.evidence.code, pointsTenths: items.evidence.pointsTenths, canAppeal: false });
    expect(evidence.photos).toEqual([{ id: photo, url: expect.stringContaining(photo) }]);
    expect(evidence.household.label).toContain('*');
    // A retry with the same key is answered, not recorded twice.
    const before = await snapshot();
    const retry = await record(gridLeader, { itemCode: items.evidence.code, photoIds: [photo], note: '大雨夜里帮邻居转移粮食' }).set('Idempotency-Key', `points-record-${kind}-1`);
    expect(retry.body.id).toBe(evidence.id);
    expect(await snapshot()).toEqual(before);

    const negativePhotos = items.negative.evidenceRequired ? [await upload(gridLeader)] : [];
    const negative: PointsRecordView = (await record(gridLeader, { itemCode: items.negative.code, photoIds: negativePhotos }).expect(201)).body;
    expect(negative).toMatchObject({ source: 'recorded', pointsTenths: items.negative.pointsTenths });
    const toReject: PointsRecordView = (await record(gridLeader, { itemCode: items.plain.code, occurredOn: addDays(today, -1) < quarterDays(quarter)[0] ? today : addDays(today, -1) }).expect(201)).body;
    Object.assign(created, { evidence, negative, toReject });
  });

  it('a villager self-reports for their own household (群众申报); risky words are sent back to be rewritten', async () => {
    await expectRefused(() => record(villager, { householdId: villager.me.household?.id, note: '【违规】这是测试' }), 400, /内容安全检查/);
    const own: PointsRecordView = (await record(villager, { householdId: villager.me.household?.id, residentId: villager.me.resident?.id, note: '帮邻居把玉米收回了家' }).expect(201)).body;
    expect(own).toMatchObject({ source: 'self_reported', status: 'pending', member: { id: villager.me.resident?.id }, recordedBy: { id: villager.me.resident?.id } });
    expect(t.wechat.secChecks.at(-1)?.content).toContain('帮邻居把玉米收回了家');
    created.self = own;
    // The reviewer's own household too: the other reviewer will have to review it.
    created.reviewerOwn = (await record(reviewer, { householdId: reviewer.me.household?.id }).expect(201)).body;
  });

  it('refuses what the rules refuse, writing nothing', async () => {
    await expectRefused(() => record(gridLeader, { householdId: otherGridHousehold }), 403, /网格/);
    await expectRefused(() => record(villager, { householdId: neighbourHousehold }), 403, /只能为自己家申报/);
    await expectRefused(() => record(gridLeader, { occurredOn: addDays(today, 1) }), 400, /不能晚于今天/);
    await expectRefused(() => record(gridLeader, { occurredOn: addDays(quarterDays(previous)[0], -1) }), 400, /只能记本季度和上季度/);
    await expectRefused(() => record(gridLeader, { occurredOn: quarterDays(previous)[1] }), 409, /已经公示，不能再补记/);
    await expectRefused(() => record(gridLeader, { itemCode: items.evidence.code }), 400, /照片/);
    await expectRefused(() => record(villager, { householdId: villager.me.household?.id, itemCode: items.negative.code }), 400, /负面清单/);
    await expectRefused(() => record(gridLeader, { itemCode: 'ZZ99' }), 400, /没有“ZZ99”/);
    await expectRefused(() => record(gridLeader, { householdId: randomUUID() }), 404, /户/);
    await expectRefused(() => record(gridLeader, { residentId: villager.me.resident?.id }), 400, /不是这户的成员/);
    const strangers = await upload(villager);
    await expectRefused(() => record(gridLeader, { photoIds: [strangers] }), 403, /自己上传/);
    await expectRefused(() => post(gridLeader, '/api/points/records', {}), 400, /./);
  });

  it('lists by who is asking: a villager only their household, the grid leader their grid, the 评议小组 everything', async () => {
    const mine: PointsRecordPage = (await get(villager, `/api/points/records?quarter=${quarter}&pageSize=50`).expect(200)).body;
    expect(mine.items.map((r) => r.id)).toContain(created.self.id);
    expect(mine.items.every((r) => r.household.id === villager.me.household?.id)).toBe(true);
    const asked: PointsRecordPage = (await get(villager, `/api/points/records?householdId=${neighbourHousehold}`).expect(200)).body;
    expect(asked.total).toBe(0);
    const grid: PointsRecordPage = (await get(gridLeader, `/api/points/records?householdId=${neighbourHousehold}&status=pending`).expect(200)).body;
    expect(grid.items.map((r) => r.id)).toEqual(expect.arrayContaining([created.evidence.id, created.negative.id]));
    const month = today.slice(0, 7);
    const queue: PointsRecordPage = (await get(reviewer, `/api/points/records?status=pending&month=${month}&pageSize=50`).expect(200)).body;
    expect(queue.items.map((r) => r.id)).toEqual(expect.arrayContaining([created.self.id, created.evidence.id]));
    expect(queue.items.map((r) => r.occurredOn)).toEqual([...queue.items.map((r) => r.occurredOn)].sort().reverse());
    expect((await get(reviewer, '/api/points/records?pageSize=51')).status).toBe(400);
  });

  it('the 评议小组 reviews in bulk, all or nothing, never their own household’s', async () => {
    const pending = async (): Promise<string[]> => {
      const page: PointsRecordPage = (await get(reviewer, `/api/points/records?status=pending&quarter=${quarter}&pageSize=50`).expect(200)).body;
      return page.items.map((r) => r.id);
    };
    const ids = (await pending()).filter((id) => id !== created.reviewerOwn.id && id !== created.toReject.id);
    const [approved] = (await get(reviewer, `/api/points/records?status=approved&quarter=${previous}&pageSize=1`).expect(200)).body.items as PointsRecordView[];
    await expectRefused(() => post(villager, '/api/points/records/review', { recordIds: ids, decision: 'approve' }), 403, /./);
    await expectRefused(() => post(reviewer, '/api/points/records/review', { recordIds: [...ids, randomUUID()], decision: 'approve' }), 404, /积分记录/);
    await expectRefused(() => post(reviewer, '/api/points/records/review', { recordIds: [created.toReject.id, created.reviewerOwn.id], decision: 'approve' }), 403, /自己家/);
    await expectRefused(() => post(reviewer, '/api/points/records/review', { recordIds: [created.toReject.id], decision: 'reject' }), 400, /理由/);
    if (approved) await expectRefused(() => post(reviewer, '/api/points/records/review', { recordIds: [created.toReject.id, approved.id], decision: 'approve' }), 409, /评议过了/);

    const audit = await count("SELECT COUNT(*) AS n FROM audit_event WHERE village_id = ? AND action = 'points.record.approved'");
    expect((await post(reviewer, '/api/points/records/review', { recordIds: ids, decision: 'approve' }).expect(200)).body).toEqual({ approved: ids.length, rejected: 0 });
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE village_id = ? AND action = 'points.record.approved'")).toBe(audit + ids.length);
    const reason = '同一天同一件事已经记过一次了';
    expect((await post(reviewer, '/api/points/records/review', { recordIds: [created.toReject.id], decision: 'reject', reason }).expect(200)).body).toEqual({ approved: 0, rejected: 1 });
    const mine: PointsRecordPage = (await get(gridLeader, `/api/points/records?householdId=${neighbourHousehold}&status=rejected`).expect(200)).body;
    expect(mine.items.find((r) => r.id === created.toReject.id)).toMatchObject({ statusLabel: '未通过', rejectReason: reason, reviewedBy: { id: reviewer.me.resident?.id } });
  });

  it('the branch publishes the quarter from the 28th with nothing pending, once: records published, ledger entries and one 积分公示 notice', async () => {
    atDay(opens);
    await expectRefused(() => post(committee, '/api/points/publications', { quarter }), 403, /./);
    await expectRefused(() => post(secretary, '/api/points/publications', { quarter }), 409, /还有 1 条记录没有评议/);
    jest.restoreAllMocks();
    atDay(addDays(opens, -1));
    await post(secondReviewer, '/api/points/records/review', { recordIds: [created.reviewerOwn.id], decision: 'approve' }).expect(200);
    await expectRefused(() => post(secretary, '/api/points/publications', { quarter }), 409, /28 日/);
    jest.restoreAllMocks();
    atDay(opens);

    const approved = await count("SELECT COUNT(*) AS n FROM points_record WHERE village_id = ? AND quarter = ? AND status = 'approved'", [villageId, quarter]);
    const ledger = await count('SELECT COUNT(*) AS n FROM points_ledger_entry WHERE village_id = ?');
    const neighbourBefore = await balance(neighbourHousehold);
    const neighbourEarned = await count("SELECT COALESCE(SUM(points_tenths), 0) AS n FROM points_record WHERE household_id = ? AND quarter = ? AND status = 'approved'", [neighbourHousehold, quarter]);
    const publication: PointsPublicationView = (await post(secretary, '/api/points/publications', { quarter }).expect(201)).body;
    expect(publication).toMatchObject({ quarter, recordCount: approved, windowEndsOn: addDays(opens, 6), windowOpen: true, approvedBy: { id: secretary.me.resident?.id } });
    expect(await count('SELECT COUNT(*) AS n FROM points_ledger_entry WHERE village_id = ?')).toBe(ledger + approved);
    expect(await count("SELECT COUNT(*) AS n FROM points_record WHERE village_id = ? AND quarter = ? AND status = 'published'", [villageId, quarter])).toBe(approved);
    expect(await balance(neighbourHousehold)).toBe(neighbourBefore + neighbourEarned);
    expect(await count("SELECT COUNT(*) AS n FROM points_ledger_entry WHERE kind = 'record' AND record_id IN (?, ?)", [created.evidence.id, created.negative.id])).toBe(2);
    const [notice] = await t.dataSource.query('SELECT kind, title, body, ends_on FROM notice WHERE id = ?', [publication.notice.id]);
    expect(notice).toMatchObject({ kind: 'points_publication', ends_on: publication.windowEndsOn });
    expect(notice.body).toContain('复议');
    expect(notice.body).toContain(created.evidence.household.label);
    expect(notice.body).not.toContain(neighbour.me.resident?.name);
    await expectRefused(() => post(secretary, '/api/points/publications', { quarter }), 409, /公示过了/);
    await expectRefused(() => post(secretary, '/api/points/publications', { quarter: 'Q4' }), 400, /季度/);
  });

  it('a household appeals (复议) during the window, once; strangers and latecomers are refused', async () => {
    atDay(addDays(opens, 1));
    const appealOf = (login: LoginResult, id: string, reason = '那天是帮邻居的忙，请再核实') => post(login, `/api/points/records/${id}/appeals`, { reason });
    const mine: AppealWithRecord = (await appealOf(villager, created.self.id).expect(201)).body;
    expect(mine).toMatchObject({ status: 'open', statusLabel: '复议中', raisedBy: { id: villager.me.resident?.id }, record: { id: created.self.id, canAppeal: false, appeal: { id: mine.id } } });
    await expectRefused(() => appealOf(villager, created.self.id), 409, /只能申请一次/);
    await expectRefused(() => appealOf(villager, created.negative.id), 404, /积分记录/);
    await expectRefused(() => appealOf(reviewer, created.negative.id), 403, /家庭成员/);
    await expectRefused(() => appealOf(neighbour, created.toReject.id), 409, /还没有公示/);
    await expectRefused(() => appealOf(neighbour, randomUUID()), 404, /积分记录/);
    const page: PointsRecordPage = (await get(neighbour, `/api/points/records?quarter=${quarter}&status=published`).expect(200)).body;
    expect(page.items.find((r) => r.id === created.negative.id)?.canAppeal).toBe(true);
    neighbourAppeal = (await appealOf(neighbour, created.negative.id, '柴草是临时堆的，第二天就收走了').expect(201)).body;
    jest.restoreAllMocks();
    atDay(addDays(opens, 7));
    await expectRefused(() => appealOf(neighbour, created.evidence.id), 409, /公示期已在/);
  });

  it('the 评议小组 decides: adjust posts the difference as a new ledger entry, uphold moves nothing', async () => {
    expect((await get(villager, '/api/points/appeals')).status).toBe(403);
    const open: PointsAppealPage = (await get(supervisor, '/api/points/appeals?status=open').expect(200)).body;
    expect(open.items.map((a) => a.recordId)).toEqual(expect.arrayContaining([created.self.id, created.negative.id]));
    const appealId = neighbourAppeal.id;
    const decide = (login: LoginResult, id: string, body: object) => post(login, `/api/points/appeals/${id}/decision`, body);
    await expectRefused(() => decide(gridLeader, appealId, { decision: 'uphold', reason: '维持' }), 403, /./);
    await expectRefused(() => decide(reviewer, appealId, { decision: 'adjust', reason: '核实' }), 400, /调整后的分数/);
    await expectRefused(() => decide(reviewer, appealId, { decision: 'adjust', adjustedPointsTenths: items.negative.pointsTenths, reason: '核实' }), 400, /维持原分/);
    await expectRefused(() => decide(reviewer, randomUUID(), { decision: 'uphold', reason: '维持' }), 404, /复议/);

    const before = await balance(neighbourHousehold);
    const entries = await count('SELECT COUNT(*) AS n FROM points_ledger_entry WHERE household_id = ?', [neighbourHousehold]);
    const adjusted: AppealWithRecord = (await decide(reviewer, appealId, { decision: 'adjust', adjustedPointsTenths: 0, reason: '经走访核实，柴草第二天已收走，撤销扣分' }).expect(200)).body;
    expect(adjusted).toMatchObject({ status: 'adjusted', adjustmentTenths: -items.negative.pointsTenths, decidedBy: { id: reviewer.me.resident?.id }, record: { pointsTenths: items.negative.pointsTenths, status: 'published' } });
    expect(await balance(neighbourHousehold)).toBe(before - items.negative.pointsTenths);
    const [entry] = await t.dataSource.query('SELECT kind, amount_tenths AS amount, appeal_id AS appeal, record_id AS record FROM points_ledger_entry WHERE household_id = ? ORDER BY seq DESC LIMIT 1', [neighbourHousehold]);
    expect({ ...entry, amount: Number(entry.amount) }).toEqual({ kind: 'adjustment', amount: -items.negative.pointsTenths, appeal: appealId, record: created.negative.id });
    expect(await count('SELECT COUNT(*) AS n FROM points_ledger_entry WHERE household_id = ?', [neighbourHousehold])).toBe(entries + 1);
    await expectRefused(() => decide(reviewer, appealId, { decision: 'uphold', reason: '维持' }), 409, /答复过了/);

    const selfAppeal = open.items.find((a) => a.recordId === created.self.id) as AppealWithRecord;
    const villagerBefore = await balance(villager.me.household?.id as string);
    const ledger = await count('SELECT COUNT(*) AS n FROM points_ledger_entry WHERE village_id = ?');
    const upheld: AppealWithRecord = (await decide(reviewer, selfAppeal.id, { decision: 'uphold', reason: '记录属实，维持原分' }).expect(200)).body;
    expect(upheld).toMatchObject({ status: 'upheld', statusLabel: '维持原分', adjustmentTenths: null, decisionReason: '记录属实，维持原分' });
    expect(await balance(villager.me.household?.id as string)).toBe(villagerBefore);
    expect(await count('SELECT COUNT(*) AS n FROM points_ledger_entry WHERE village_id = ?')).toBe(ledger);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE village_id = ? AND action IN ('points.appeal.adjusted', 'points.appeal.upheld')")).toBe(2);
  });

  it('leaves every account equal to its entries and a valid audit chain', async () => {
    const drift = await count(
      'SELECT COUNT(*) AS n FROM points_account a WHERE a.village_id = ? AND a.balance_tenths <> (SELECT COALESCE(SUM(e.amount_tenths), 0) FROM points_ledger_entry e WHERE e.household_id = a.household_id)',
    );
    expect(drift).toBe(0);
    const verdict = await get(supervisor, '/api/audit/verify').expect(200);
    expect(verdict.body.ok).toBe(true);
  });
});
