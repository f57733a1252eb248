import { addDays, type LoginResult, type ProposalDetail, type ProposalPage } from '@village/shared';
import { Clock } from '../../src/common/clock';
import { ProposalOversight } from '../../src/modules/proposals/proposal-oversight';
import { ProposalsService } from '../../src/modules/proposals/proposals.service';
import { createOtherVillage } from '../factories/other-village';
import { bearer, loginAs } from '../support/auth';
import { today } from '../support/matters';
import { FILES } from '../support/notices';
import { startTestAppWithPush } from '../support/media-check';
import type { TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';
import { signInResidents } from '../support/voting';

describe.each(testDatabaseKinds())('proposals (村民提议) on %s', (kind) => {
  let t: TestApp & { baseUrl: string };
  let villageId: string;
  let secretary: LoginResult;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let villager: LoginResult;
  let householdRep: LoginResult;
  /** Adult residents signed in just for co-signing. */
  let crowd: LoginResult[];

  beforeAll(async () => {
    // The overdue test moves the Clock past the reply deadline: sessions must outlive that.
    // Listening on a real port: the fake WeChat downloads photos by their signed links and pushes its verdicts back.
    t = await startTestAppWithPush(kind, { ACCESS_TOKEN_TTL_MINUTES: String(60 * 24 * 60) });
    secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    villager = await loginAs(t, 'villager');
    householdRep = await loginAs(t, 'household_rep');
    villageId = secretary.me.village?.id as string;
    const adultCutoff = `${Number(today().slice(0, 4)) - 18}${today().slice(4)}`;
    const unbound: { id: string }[] = await t.dataSource.query(
      'SELECT r.id FROM resident r WHERE r.village_id = ? AND r.departed_on IS NULL AND r.birth_date <= ? AND r.is_villager_rep = 0 AND NOT EXISTS (SELECT 1 FROM account_binding b WHERE b.resident_id = r.id AND b.unbound_at IS NULL) ORDER BY r.id LIMIT 20',
      [villageId, adultCutoff],
    );
    crowd = await signInResidents(t, villageId, unbound.map((r) => r.id), `crowd-${kind}`);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body);
  const put = (login: LoginResult, path: string, body: object = {}) => t.http.put(path).set(...bearer(login)).send(body);
  const detailOf = async (login: LoginResult, id: string): Promise<ProposalDetail> => (await get(login, `/api/proposals/${id}`).expect(200)).body;
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
  const atDay = (day: string): jest.SpyInstance => jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(`${day}T04:00:00Z`));
  const submit = async (login: LoginResult, input: Partial<{ title: string; body: string; categoryCode: string; photoIds: string[] }> = {}): Promise<ProposalDetail> => {
    const res = await post(login, '/api/proposals', {
      title: '三组到村委会的路该硬化了',
      body: '三组到村委会这段土路约 800 米，一下雨就全是泥，老人孩子走路容易摔跤，农用车也进不去。建议纳入今年的道路硬化计划。',
      categoryCode: 'road',
      photoIds: [],
      ...input,
    });
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as ProposalDetail;
  };
  const upload = async (login: LoginResult, content: Buffer = FILES.jpeg, name = '现场.jpg'): Promise<string> => {
    const res = await t.http.post('/api/proposal-files').set(...bearer(login)).attach('file', content, name);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };

  it('seeds the demo village’s proposals: co-signed, one answered at 确定议题, one overdue, one converted into a matter', async () => {
    const page: ProposalPage = (await get(villager, '/api/proposals?sort=hot').expect(200)).body;
    const byTitle = new Map(page.items.map((i) => [i.title, i]));
    expect(byTitle.get('南坪组到村委会的路该硬化了')).toMatchObject({ status: 'accepted', cosigns: 16, reply: { overdue: false, answeredOn: expect.any(String) } });
    expect(byTitle.get('村口到南坪组装几盏节能路灯')).toMatchObject({ status: 'raised', cosigns: 9, reply: { overdue: true, daysLeft: -4 } });
    const converted = byTitle.get('学一元众筹垃圾清运的办法');
    expect(converted).toMatchObject({ status: 'converted', cosigns: 14, matterId: expect.any(String) });
    const detail = await detailOf(villager, converted?.id as string);
    expect(detail.matter).toMatchObject({ title: '一元众筹垃圾清运方案', stageLabel: '党组织提议' });
    expect((await get(villager, `/api/matters/${detail.matterId}`).expect(200)).body.proposalId).toBe(detail.id);
    expect(detail.progress).toMatchObject({ persons: 15, reached: false, obligationId: null });
    expect(detail.progress.personsNeeded).toBeGreaterThan(15);
  });

  it('submits: text that passes is public at once with the reply clock; review waits for the committee, seen by its author and the committee only', async () => {
    const p = await submit(villager);
    expect(p).toMatchObject({ status: 'raised', statusLabel: '提出议题', mine: true, cosigns: 0, category: { code: 'road', label: '道路' }, heldReason: null, version: 1 });
    expect(p.reply).toEqual({ dueBy: addDays(today(), 10), answeredOn: null, overdue: false, daysLeft: 10, text: expect.stringContaining('还剩 10 天答复') });
    expect(p.steps[0]).toMatchObject({ step: 'raised', state: 'current', on: today() });
    expect(p.share).toEqual({ title: '【村民提议】三组到村委会的路该硬化了', path: `/packages/proposals/pages/detail/index?id=${p.id}` });
    expect(t.wechat.secChecks.at(-1)?.content).toContain('三组到村委会的路该硬化了');
    // Other villagers see it with the author's name masked.
    const seen = await detailOf(householdRep, p.id);
    expect(seen.raisedBy.name).toContain('*');
    expect(seen.actions.find((a) => a.action === 'cosign')).toEqual({ action: 'cosign', allowed: true, reason: null });

    const pending = await submit(villager, { title: '建议村里装几盏路灯', body: '【待审】村口到二组晚上太黑，建议装几盏太阳能路灯。', categoryCode: 'other' });
    expect(pending).toMatchObject({ status: 'pending_review', heldReason: '内容需要人工审核：村委会审核后公开', reply: null });
    expect((await get(householdRep, `/api/proposals/${pending.id}`)).status).toBe(404);
    expect((await post(householdRep, `/api/proposals/${pending.id}/cosign`)).status).toBe(404);
    const others: ProposalPage = (await get(householdRep, '/api/proposals?sort=new').expect(200)).body;
    expect(others.items.map((i) => i.id)).not.toContain(pending.id);
    const mine: ProposalPage = (await get(villager, '/api/proposals?mine=true').expect(200)).body;
    expect(mine.items.map((i) => i.id)).toEqual(expect.arrayContaining([p.id, pending.id]));
    const queue: ProposalPage = (await get(committee, '/api/proposals?queue=true').expect(200)).body;
    expect(queue.items.map((i) => i.id)).toContain(pending.id);
    expect((await get(villager, '/api/proposals?queue=true')).status).toBe(403);
    // The 监委会 follows the queue read-only: public proposals only, never one still under review.
    const watched: ProposalPage = (await get(supervisor, '/api/proposals?queue=true').expect(200)).body;
    expect(watched.items.map((i) => i.id)).not.toContain(pending.id);

    expect((await post(committee, `/api/proposals/${pending.id}/review`, { decision: 'reject' })).body.code).toBe('PROPOSAL_REASON_REQUIRED');
    const released: ProposalDetail = (await post(committee, `/api/proposals/${pending.id}/review`, { decision: 'release' }).expect(200)).body;
    expect(released).toMatchObject({ status: 'raised', reply: { dueBy: addDays(today(), 10) } });
    expect((await get(householdRep, `/api/proposals/${pending.id}`)).status).toBe(200);
    expect((await post(committee, `/api/proposals/${pending.id}/review`, { decision: 'release' })).status).toBe(409);
  });

  it('holds risky text: its author sees why, the committee too, nobody else sees it', async () => {
    const held = await submit(villager, { title: '关于垃圾清运的意见', body: '【违规】垃圾清运不及时，二组垃圾池已经满了一个星期。' });
    expect(held).toMatchObject({ status: 'held', statusLabel: '未公开', heldReason: '内容没有通过微信内容安全检查，没有公开。请修改后重新提交，或直接联系村委会。' });
    expect((await detailOf(committee, held.id)).heldReason).toContain('微信内容安全检查');
    expect((await get(householdRep, `/api/proposals/${held.id}`)).status).toBe(404);
    expect((await get(supervisor, `/api/proposals/${held.id}`)).status).toBe(404);
    const res = await post(committee, `/api/proposals/${held.id}/steps`, { to: 'accepted', note: '确定为议题', version: held.version });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'PROPOSAL_TRANSITION_REFUSED', message: '提议没有公开，不能办理' });
  });

  it('photos: JPEG/PNG by content; pending until WeChat’s pushed media check passes; a risky photo holds the proposal', async () => {
    const bad = await t.http.post('/api/proposal-files').set(...bearer(villager)).attach('file', FILES.pdf, '照片.jpg');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('PROPOSAL_FILE_TYPE');
    const photo = await upload(villager);
    const check = t.wechat.mediaChecks.at(-1);
    expect(check?.mediaUrl).toContain(`${t.baseUrl}/api/proposal-files/${photo}?exp=`);
    const p = await submit(villager, { title: '水渠年久失修', body: '一组的灌溉水渠多处垮塌，春灌时水流不过去，建议修缮。', categoryCode: 'water', photoIds: [photo] });
    expect(p).toMatchObject({ status: 'pending_review', heldReason: '照片正在检查，通过后自动公开', photos: [{ id: photo, check: 'pending' }] });
    expect((await get(householdRep, `/api/proposals/${p.id}`)).status).toBe(404);
    expect((await post(villager, '/api/proposals', { title: '再用一次', body: '同一张照片再用一次试试看。', categoryCode: 'water', photoIds: [photo] })).body.code).toBe('PROPOSAL_FILE_IN_USE');

    // WeChat downloads the photo by its signed link and pushes "pass": the proposal becomes public.
    const [pushed] = await t.wechat.flushMediaChecks();
    expect(pushed).toMatchObject({ traceId: check?.traceId, suggest: 'pass', fetchStatus: 200 });
    const public_ = await detailOf(householdRep, p.id);
    expect(public_).toMatchObject({ status: 'raised', photos: [{ id: photo, check: 'pass' }], reply: { dueBy: addDays(today(), 10) } });
    expect(public_.coverUrl).toContain(`/api/proposal-files/${photo}`);
    expect((await t.http.get(public_.coverUrl as string).expect(200)).headers['content-type']).toBe('image/jpeg');
    expect((await t.http.get((public_.coverUrl as string).replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);

    const [ok, risky] = [await upload(villager, FILES.png, 'a.png'), await upload(villager)];
    const q = await submit(villager, { title: '垃圾池该清了', body: '二组垃圾池满了一个星期没人清运。', categoryCode: 'environment', photoIds: [ok, risky] });
    t.wechat.nextMediaCheck('pass');
    t.wechat.nextMediaCheck('risky');
    expect((await t.wechat.flushMediaChecks()).map((c) => c.suggest)).toEqual(['pass', 'risky']);
    const held = await detailOf(villager, q.id);
    expect(held).toMatchObject({ status: 'held', heldReason: '照片未通过微信内容安全检查', photos: [{ id: ok, check: 'pass' }, { id: risky, check: 'risky' }] });
    expect((await get(householdRep, `/api/proposals/${q.id}`)).status).toBe(404);

    // A photo WeChat wants reviewed (applied here through the service, as the push handler does) waits for the committee.
    const doubtful = await upload(villager);
    const r = await submit(villager, { title: '机耕道被冲坏了', body: '南坪组机耕道被雨水冲出深沟，拖拉机过不去。', categoryCode: 'road', photoIds: [doubtful] });
    expect(await t.app.get(ProposalsService).applyMediaCheck(doubtful, 'review')).toBe(true);
    expect(await detailOf(villager, r.id)).toMatchObject({ status: 'pending_review', heldReason: '内容需要人工审核：村委会审核后公开' });
    expect((await post(committee, `/api/proposals/${r.id}/review`, { decision: 'release' }).expect(200)).body.status).toBe('raised');
    // The photo WeChat did not pass stays with its author and the committee.
    expect((await detailOf(householdRep, r.id)).photos).toEqual([]);
  });

  it('co-signs once per resident, also under concurrent requests, counting persons and households', async () => {
    const p = await submit(villager, { title: '村小学门口要设减速带', body: '村小学门口是下坡，车速很快，建议设减速带和警示牌。', categoryCode: 'other' });
    const own = await post(villager, `/api/proposals/${p.id}/cosign`);
    expect(own.status).toBe(409);
    expect(own.body.message).toBe('这是你提出的提议，不需要再附议');

    const same = await Promise.all(Array.from({ length: 10 }, () => post(householdRep, `/api/proposals/${p.id}/cosign`)));
    expect(same.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(same.every((r) => r.body.cosignedByMe === true && r.body.cosigns === 1)).toBe(true);
    expect(await count('SELECT COUNT(*) AS n FROM proposal_cosign WHERE proposal_id = ?', [p.id])).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'proposal.cosigned' AND entity_id = ?", [p.id])).toBe(1);
    const again = (await post(householdRep, `/api/proposals/${p.id}/cosign`).expect(200)).body as ProposalDetail;
    expect(again.actions.find((a) => a.action === 'cosign')).toEqual({ action: 'cosign', allowed: false, reason: '你已经附议过了' });

    const ten = crowd.slice(0, 10);
    const many = await Promise.all([...ten, ...ten].map((login) => post(login, `/api/proposals/${p.id}/cosign`)));
    expect(many.map((r) => r.status)).toEqual(Array(20).fill(200));
    const after = await detailOf(supervisor, p.id);
    expect(after.cosigns).toBe(11);
    expect(await count('SELECT COUNT(*) AS n FROM proposal_cosign WHERE proposal_id = ?', [p.id])).toBe(11);
    const households = await count(
      'SELECT COUNT(DISTINCT household_id) AS n FROM resident WHERE id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [villager, householdRep, ...ten].map((l) => l.me.resident?.id),
    );
    expect(after.progress).toMatchObject({ persons: 12, households, obligationId: null, reached: false });
    expect(after.progress.text).toContain('已有 12 人');
    const hot: ProposalPage = (await get(householdRep, '/api/proposals?sort=hot&pageSize=50').expect(200)).body;
    const counts = hot.items.map((i) => i.cosigns);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(hot.items.findIndex((i) => i.id === p.id)).toBeLessThan(hot.items.findIndex((i) => i.cosigns < 11));
  });

  it('creates exactly one 村民会议 obligation when concurrent co-signs cross ⌈adults/10⌉', async () => {
    const p = await submit(villager, { title: '村集体鱼塘承包收益怎么用', body: '鱼塘承包费每年 3 万元，建议召开村民会议讨论收益分配。', categoryCode: 'collective_economy' });
    // Shrink the roster: everyone but the signed-in residents has "moved away", so a handful of co-signs is 1/10.
    const keep = [secretary, committee, supervisor, villager, householdRep, ...crowd].map((l) => l.me.resident?.id as string);
    const moved: { id: string }[] = await t.dataSource.query(`SELECT id FROM resident WHERE village_id = ? AND departed_on IS NULL AND id NOT IN (${keep.map(() => '?').join(', ')})`, [villageId, ...keep]);
    const marks = moved.map((r) => r.id);
    for (let i = 0; i < marks.length; i += 200) {
      const chunk = marks.slice(i, i + 200);
      await t.dataSource.query(`UPDATE resident SET departed_on = '2020-01-01' WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk);
    }
    try {
      const before = await detailOf(secretary, p.id);
      expect(before.progress.adultResidents).toBeLessThanOrEqual(keep.length);
      const needed = before.progress.personsNeeded;
      expect(needed).toBeGreaterThanOrEqual(2);
      expect(needed).toBeLessThanOrEqual(4);
      const signers = crowd.slice(10, 20);
      const res = await Promise.all([...signers, ...signers].map((login) => post(login, `/api/proposals/${p.id}/cosign`)));
      expect(res.map((r) => r.status)).toEqual(Array(20).fill(200));
      const after = await detailOf(secretary, p.id);
      expect(after.cosigns).toBe(10);
      expect(after.progress).toMatchObject({ persons: 11, reached: true, obligationId: expect.any(String) });
      expect(after.progress.text).toContain('达到全村成年村民十分之一，村委会应在');
      expect(await count('SELECT COUNT(*) AS n FROM convening_petition WHERE proposal_id = ?', [p.id])).toBe(1);
      expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'proposal.convening_obligation.created' AND entity_id = ?", [after.progress.obligationId])).toBe(1);
      const obligations = (await get(secretary, '/api/convening-obligations').expect(200)).body as { id: string; subject: string; source: string; dueBy: string; body: string }[];
      expect(obligations.find((o) => o.id === after.progress.obligationId)).toMatchObject({ subject: p.title, source: 'proposal', body: 'villager_assembly', dueBy: addDays(today(), 30) });
      expect(after.history.map((h) => h.text)).toEqual(expect.arrayContaining([expect.stringContaining('附议达到法定人数')]));
    } finally {
      for (let i = 0; i < marks.length; i += 200) {
        const chunk = marks.slice(i, i + 200);
        await t.dataSource.query(`UPDATE resident SET departed_on = NULL WHERE id IN (${chunk.map(() => '?').join(', ')})`, chunk);
      }
    }
  });

  it('takes a proposal through the six steps in order, answers it, and completes it', async () => {
    let p = await submit(villager, { title: '路灯坏了没人修', body: '二组主干道上的 6 盏路灯坏了两个月，晚上出行不安全。', categoryCode: 'other' });
    expect((await post(villager, `/api/proposals/${p.id}/steps`, { to: 'accepted', note: '确定', version: p.version })).status).toBe(403);
    const skip = await post(committee, `/api/proposals/${p.id}/steps`, { to: 'deliberating', note: '直接协商', version: p.version });
    expect(skip.status).toBe(409);
    expect(skip.body.message).toBe('下一步应是“确定议题”，六个步骤要依次进行，不能跳过');
    expect((await detailOf(committee, p.id)).version).toBe(p.version);

    p = (await post(committee, `/api/proposals/${p.id}/reply`, { text: '已收到，下周两委例会研究。' }).expect(200)).body;
    expect(p.reply).toMatchObject({ answeredOn: today(), overdue: false, text: expect.stringContaining('答复') });
    expect(p.replies).toEqual([expect.objectContaining({ text: '已收到，下周两委例会研究。', by: { id: committee.me.resident?.id, name: expect.any(String) } })]);
    const stale = await post(committee, `/api/proposals/${p.id}/steps`, { to: 'accepted', note: '确定为议题', version: p.version - 1 });
    expect(stale.body.code).toBe('PROPOSAL_VERSION_CONFLICT');

    const notes: Record<string, string> = {
      accepted: '两委会议确定为议题',
      content_reviewed: '审定维修方案：更换 6 盏 LED 路灯',
      deliberating: '召开议事会协商，费用由村集体承担',
      publicized: '协商结果在公开栏公示 7 天',
      implementing: '已联系电工，本周内完成维修',
      completed: '6 盏路灯已全部修好',
    };
    for (const [to, note] of Object.entries(notes)) {
      p = (await post(committee, `/api/proposals/${p.id}/steps`, { to, note, version: p.version }).expect(200)).body;
      expect(p.status).toBe(to);
    }
    expect(p.steps.every((s) => s.state === 'done' && s.on === today())).toBe(true);
    expect(p.history.map((h) => h.text)).toEqual(expect.arrayContaining(['确定议题：两委会议确定为议题', '办结：6 盏路灯已全部修好']));
    expect((await post(committee, `/api/proposals/${p.id}/reply`, { text: '再答复一次' })).status).toBe(409);
  });

  it('declines with a public reason and merges duplicates', async () => {
    const a = await submit(villager, { title: '二组路面坑洼', body: '二组进村路面坑坑洼洼，建议修补。' });
    const b = await submit(householdRep, { title: '二组进村路太烂了', body: '二组进村那段路太烂了，请村里修一修。' });
    const c = await submit(householdRep, { title: '县道要拓宽', body: '建议把过村的县道拓宽到 6 米。' });
    const declined: ProposalDetail = (await post(committee, `/api/proposals/${c.id}/decline`, { reason: '该路段属县道，已转交镇交通办', version: c.version }).expect(200)).body;
    expect(declined).toMatchObject({ status: 'declined', declinedReason: '该路段属县道，已转交镇交通办', reply: { answeredOn: today() } });
    expect((await detailOf(villager, c.id)).declinedReason).toBe('该路段属县道，已转交镇交通办');
    expect((await post(villager, `/api/proposals/${c.id}/cosign`)).body.message).toBe('提议已到“不予采纳”，不再接受附议');

    const self = await post(committee, `/api/proposals/${b.id}/merge`, { intoProposalId: b.id, reason: '重复', version: b.version });
    expect(self.body.code).toBe('PROPOSAL_MERGE_TARGET_INVALID');
    const intoClosed = await post(committee, `/api/proposals/${b.id}/merge`, { intoProposalId: c.id, reason: '重复', version: b.version });
    expect(intoClosed.body.code).toBe('PROPOSAL_MERGE_TARGET_INVALID');
    const merged: ProposalDetail = (await post(committee, `/api/proposals/${b.id}/merge`, { intoProposalId: a.id, reason: '同一段路，一并办理', version: b.version }).expect(200)).body;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: a.id, title: a.title } });
    expect((await detailOf(villager, a.id)).mergedFrom).toEqual([{ id: b.id, title: b.title }]);
  });

  it('converts a proposal into a matter in one transaction, linked both ways', async () => {
    const p = await submit(villager, { title: '建议硬化三组道路', body: '三组道路 1.2 公里全是土路，建议硬化。', categoryCode: 'road' });
    const input = { typeCode: 'general', title: '三组道路硬化工程', body: '硬化三组道路 1.2 公里，宽 4.5 米。', budgetFen: 48_000_000, version: p.version };
    expect((await post(committee, `/api/proposals/${p.id}/convert`, input)).status).toBe(403);
    const wrongType = await post(secretary, `/api/proposals/${p.id}/convert`, { ...input, typeCode: 'no_such_type' });
    expect(wrongType.status).toBe(404);
    expect(await count('SELECT COUNT(*) AS n FROM matter WHERE proposal_id = ?', [p.id])).toBe(0);
    expect((await detailOf(villager, p.id)).status).toBe('raised');

    const converted: ProposalDetail = (await post(secretary, `/api/proposals/${p.id}/convert`, input).expect(200)).body;
    expect(converted).toMatchObject({ status: 'converted', statusLabel: '已转为村里大事', matter: { title: '三组道路硬化工程', stageLabel: '党组织提议' } });
    expect(converted.matterId).toBe(converted.matter?.id);
    const matter = (await get(villager, `/api/matters/${converted.matterId}`).expect(200)).body;
    expect(matter.proposalId).toBe(p.id);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE action IN ('proposal.converted', 'matter.proposed') AND entity_id IN (?, ?)", [p.id, converted.matterId])).toBe(2);
    expect((await post(secretary, `/api/proposals/${p.id}/convert`, { ...input, version: converted.version })).status).toBe(409);
  });

  it('flags an overdue reply after the deadline and puts it first in the committee’s queue', async () => {
    const p = await submit(householdRep, { title: '垃圾清运车每周只来一次', body: '垃圾清运车每周只来一次，夏天垃圾池发臭，建议每周清运两次。', categoryCode: 'environment' });
    const day = addDays(today(), 12);
    atDay(day);
    try {
      const late = await detailOf(villager, p.id);
      expect(late.reply).toMatchObject({ overdue: true, daysLeft: -2, text: expect.stringContaining('已超期 2 天未答复') });
      const queue: ProposalPage = (await get(secretary, '/api/proposals?queue=true&pageSize=50').expect(200)).body;
      const firstAnswered = queue.items.findIndex((i) => !i.reply?.overdue);
      expect(queue.items.slice(0, Math.max(firstAnswered, 0)).every((i) => i.reply?.overdue)).toBe(true);
      expect(queue.items[0].reply?.overdue).toBe(true);
      const overdue = await t.app.get(ProposalOversight).overdueReplies([villageId], day);
      expect(overdue.get(villageId)).toBe(queue.items.filter((i) => i.reply?.overdue).length);
      // Today only the seeded 路灯 proposal is overdue; another village's ids count nothing.
      expect(await t.app.get(ProposalOversight).overdueReplies([villageId, '00000000-0000-4000-8000-000000000000'], today())).toEqual(new Map([[villageId, 1]]));
      const answered: ProposalDetail = (await post(committee, `/api/proposals/${p.id}/reply`, { text: '已与清运公司协商，夏季每周清运两次。' }).expect(200)).body;
      expect(answered.reply).toMatchObject({ overdue: false, answeredOn: day, text: '已于 ' + `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日` + ' 答复（超期 2 天）' });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('settings: every villager reads them; the committee changes reply days and categories', async () => {
    const s = (await get(villager, '/api/proposal-settings').expect(200)).body;
    expect(s.replyDays).toBe(10);
    expect(s.categories.map((c: { code: string }) => c.code)).toEqual(['road', 'water', 'environment', 'collective_economy', 'village_rules', 'other']);
    expect((await put(villager, '/api/proposal-settings', s)).status).toBe(403);
    const bad = await put(committee, '/api/proposal-settings', { ...s, replyDays: 61 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('答复期限应为 1–60 天');
    const noOther = await put(committee, '/api/proposal-settings', { ...s, categories: s.categories.map((c: { code: string }) => ({ ...c, enabled: c.code !== 'other' })) });
    expect(noOther.body.message).toBe('“其他”类别不能停用：总要有一个类别可选');
    const next = {
      replyDays: 7,
      categories: [...s.categories.map((c: { code: string }) => ({ ...c, enabled: c.code !== 'village_rules' })), { code: 'sanitation', label: '卫生保洁', enabled: true }],
    };
    const saved = (await put(committee, '/api/proposal-settings', next).expect(200)).body;
    expect(saved.replyDays).toBe(7);
    expect(saved.categories).toEqual(expect.arrayContaining([{ code: 'sanitation', label: '卫生保洁', builtin: false, enabled: true }, { code: 'village_rules', label: '村规民约', builtin: true, enabled: false }]));
    expect((await post(villager, '/api/proposals', { title: '村规民约修订', body: '建议修订村规民约的红白喜事条款。', categoryCode: 'village_rules', photoIds: [] })).body.code).toBe('PROPOSAL_CATEGORY_INVALID');
    const p = await submit(villager, { title: '公厕保洁', body: '村里公厕没人打扫，建议安排保洁员。', categoryCode: 'sanitation' });
    expect(p).toMatchObject({ category: { code: 'sanitation', label: '卫生保洁' }, reply: { dueBy: addDays(today(), 7) } });
    await put(committee, '/api/proposal-settings', { ...s, replyDays: 10 }).expect(200);
    const kept = (await get(villager, '/api/proposal-settings').expect(200)).body;
    expect(kept.categories.find((c: { code: string }) => c.code === 'sanitation')).toEqual({ code: 'sanitation', label: '卫生保洁', builtin: false, enabled: false });
  });

  it('refuses a bad body with a Chinese message and writes nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM proposal WHERE village_id = ?', [villageId]);
    const events = await count('SELECT COUNT(*) AS n FROM audit_event WHERE village_id = ?', [villageId]);
    for (const body of [
      { title: '', body: '内容内容内容', categoryCode: 'road', photoIds: [] },
      { title: '标题'.repeat(30), body: '内容内容内容', categoryCode: 'road', photoIds: [] },
      { title: '标题标题', body: '短', categoryCode: 'road', photoIds: [] },
      { title: '标题标题', body: '内容内容内容', categoryCode: 'road', photoIds: Array(10).fill('00000000-0000-4000-8000-000000000000') },
      { title: '标题标题', body: '内容内容内容', categoryCode: 'road', photoIds: ['x'] },
    ]) {
      const res = await post(villager, '/api/proposals', body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await post(villager, '/api/proposals', { title: '标题标题', body: '内容内容内容', categoryCode: 'nope', photoIds: [] })).body.message).toBe('本村没有“nope”这个类别，请从列表中选择');
    expect((await get(villager, '/api/proposals/not-a-uuid')).status).toBe(400);
    expect((await get(villager, '/api/proposals?sort=cold')).status).toBe(400);
    expect(await count('SELECT COUNT(*) AS n FROM proposal WHERE village_id = ?', [villageId])).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM audit_event WHERE village_id = ?', [villageId])).toBe(events);
  });

  it('keeps other villages out: their residents get 404 for our proposals', async () => {
    const p = await submit(villager, { title: '本村的提议', body: '只有本村村民能看到和附议。' });
    const other = await createOtherVillage(t.dataSource, `14043120${kind === 'mysql' ? '41' : '42'}99`);
    const [outsider] = await signInResidents(t, other.villageId, [other.residentId], `other-${kind}`);
    expect((await get(outsider, `/api/proposals/${p.id}`)).status).toBe(404);
    expect((await post(outsider, `/api/proposals/${p.id}/cosign`)).status).toBe(404);
    const list: ProposalPage = (await get(outsider, '/api/proposals').expect(200)).body;
    expect(list.items).toEqual([]);
    expect(await count('SELECT COUNT(*) AS n FROM proposal_cosign WHERE proposal_id = ?', [p.id])).toBe(0);
  });

  it('leaves a valid audit chain', async () => {
    const verdict = await get(supervisor, '/api/audit/verify').expect(200);
    expect(verdict.body.ok).toBe(true);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE entity_type = 'proposal' AND village_id = ?", [villageId])).toBeGreaterThan(20);
  });
});
