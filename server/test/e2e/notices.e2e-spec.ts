import { randomUUID } from 'node:crypto';
import type { LoginResult, NoticeAwareness, NoticeDetail, NoticeListItem, NoticeQueryView, UnreachedHousehold } from '@village/shared';
import { Clock } from '../../src/common/clock';
import { NoticeFileLinks } from '../../src/modules/notices/notice-file-links';
import { seedDemoNotices } from '../../src/seed/demo-notices';
import { stableId } from '../../src/seed/stable-id';
import { createOtherVillage, type OtherVillage } from '../factories/other-village';
import { AuditCheckpointService } from '../../src/modules/audit/audit-checkpoint.service';
import { checkpointsSettled, demoVillageId } from '../support/audit';
import { bearer, loginAs } from '../support/auth';
import { draftNotice, eventCount, FILES, noticeWindow, publishNotice, todayInChina } from '../support/notices';
import { binaryParser, count } from '../support/roster';
import { startTestApp, type TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const PERSONAS = ['villager', 'household_rep', 'grid_leader', 'committee', 'secretary', 'supervisor', 'township'] as const;
type Persona = (typeof PERSONAS)[number];

/** A UTC datetime as both databases take it in raw SQL. */
const sqlTime = (d: Date): string => d.toISOString().slice(0, 23).replace('T', ' ');

/** Attachments above this many bytes are refused in this suite (the default is 10 MB). */
const MAX_BYTES = 64 * 1024;

describe.each(testDatabaseKinds())('public notices (村务公开) on %s', (kind) => {
  let t: TestApp;
  let villageId: string;
  const as: Record<Persona, LoginResult> = {} as Record<Persona, LoginResult>;

  beforeAll(async () => {
    // Checkpoints only when the test asks for one: a background announcement would move event counts.
    t = await startTestApp(kind, { NOTICE_ATTACHMENT_MAX_BYTES: String(MAX_BYTES), AUDIT_CHECKPOINT_EVERY: '100000' });
    villageId = await demoVillageId(t);
    for (const persona of PERSONAS) as[persona] = await loginAs(t, persona);
  });
  afterAll(async () => {
    await checkpointsSettled(t);
    await t.close();
  });

  const get = (path: string, persona: Persona) => t.http.get(path).set(...bearer(as[persona]));
  const post = (path: string, persona: Persona, body: object = {}) => t.http.post(path).set(...bearer(as[persona])).send(body);
  const patch = (path: string, persona: Persona, body: object) => t.http.patch(path).set(...bearer(as[persona])).send(body);
  const listIds = async (persona: Persona, query = ''): Promise<string[]> =>
    ((await get(`/api/notices?pageSize=50${query}`, persona).expect(200)).body.items as NoticeListItem[]).map((n) => n.id);

  describe('demo seed', () => {
    it('has realistic notices in every category, pinned first, with reads, an answered and an open query', async () => {
      const page = (await get('/api/notices', 'villager').expect(200)).body;
      const titles = (page.items as NoticeListItem[]).map((n) => n.title);
      expect(titles[0]).toBe('2026年第三季度财务收支公开');
      expect(titles).toEqual(expect.arrayContaining(['2026年发展党员公示', '村道硬化工程招标结果公示']));
      const finance = (await get(`/api/notices/${page.items[0].id}`, 'villager').expect(200)).body as NoticeDetail;
      expect(finance.blocks.some((b) => b.type === 'table')).toBe(true);
      expect(finance.signoff).toMatchObject({ decision: 'approved', by: { name: expect.any(String) } });
      const queries = (await get(`/api/notices/${finance.id}/queries`, 'villager').expect(200)).body.items as NoticeQueryView[];
      expect(queries).toEqual([expect.objectContaining({ status: 'answered', askedBy: expect.objectContaining({ name: expect.stringContaining('*') }) })]);
      expect(await count(t, "SELECT COUNT(*) AS n FROM notice_query WHERE status = 'open'")).toBe(1);
      expect(await count(t, 'SELECT COUNT(*) AS n FROM notice_read')).toBeGreaterThan(20);
      expect(finance.id).toBe(stableId('notice:finance-2026q3'));
      expect(await seedDemoNotices(t.dataSource)).toBe('already-present');
    });
  });

  describe('publishing', () => {
    it('drafts and publishes a village notice at once, visible to villagers only after publishing', async () => {
      const before = await count(t, 'SELECT COUNT(*) AS n FROM audit_event');
      const draft = await draftNotice(t, as.committee, { title: '关于冬季清理河道的通知', pinned: true });
      expect(draft).toMatchObject({ status: 'draft', kind: 'village', pinned: true, publishedAt: null, read: true, author: { id: as.committee.me.resident?.id } });
      expect(draft.can).toMatchObject({ edit: true, publish: true, archive: false, correct: false, signoff: false });
      await get(`/api/notices/${draft.id}`, 'villager').expect(404);
      expect(await listIds('villager')).not.toContain(draft.id);
      expect(await listIds('committee', '&status=draft')).toContain(draft.id);

      const published = (await post(`/api/notices/${draft.id}/publish`, 'committee').expect(200)).body as NoticeDetail;
      expect(published).toMatchObject({ status: 'published', inWindow: true, publishedAt: expect.any(String) });
      expect((await listIds('villager'))[0]).toBe(draft.id); // pinned and in its window: first
      const seen = (await get(`/api/notices/${draft.id}`, 'villager').expect(200)).body as NoticeDetail;
      expect(seen.can).toMatchObject({ edit: false, archive: false, ask: true, viewAwareness: false });
      expect(seen.read).toBe(false);
      expect(await eventCount(t, 'notice.drafted', draft.id)).toBe(1);
      expect(await eventCount(t, 'notice.published', draft.id)).toBe(1);
      expect(await count(t, 'SELECT COUNT(*) AS n FROM audit_event')).toBe(before + 2);
    });

    it('lets the branch publish party notices, and not a committee member outside it', async () => {
      const party = await publishNotice(t, as.secretary, { kind: 'party', title: '党支部换届选举结果公告' });
      expect(party).toMatchObject({ status: 'published', kind: 'party' });
      const refused = await post('/api/notices', 'committee', { kind: 'party', title: '党费收缴情况公示', body: '正文', window: noticeWindow() }).expect(403);
      expect(refused.body).toMatchObject({ code: 'NOTICE_KIND_NOT_ALLOWED', message: expect.stringContaining('村党组织委员') });
      await post('/api/notices', 'villager', { kind: 'village', title: '标题', body: '正文', window: noticeWindow() }).expect(403);
    });

    it('validates the window and audience in Chinese and writes nothing', async () => {
      const before = await count(t, 'SELECT COUNT(*) AS n FROM notice');
      const short = await post('/api/notices', 'secretary', { kind: 'village', title: '短公示', body: '正文', window: noticeWindow(6) }).expect(400);
      expect(short.body).toMatchObject({ code: 'NOTICE_WINDOW_INVALID', message: expect.stringContaining('公开期至少 7 天') });
      const past = await post('/api/notices', 'secretary', { kind: 'village', title: '过去的公示', body: '正文', window: noticeWindow(7, -1) }).expect(400);
      expect(past.body.message).toContain('已经过去');
      const audience = await post('/api/notices', 'secretary', { kind: 'village', title: '仅党员村务', body: '正文', window: noticeWindow(), audience: 'party_members' }).expect(400);
      expect(audience.body.code).toBe('NOTICE_AUDIENCE_NOT_ALLOWED');
      const invalid = await post('/api/notices', 'secretary', { kind: 'news', title: 'x', window: { startsOn: '2026-02-30' } }).expect(400);
      expect(invalid.body.code).toBe('VALIDATION_FAILED');
      expect(invalid.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kind', 'title', 'body', 'window.startsOn', 'window.endsOn']));
      expect(await count(t, 'SELECT COUNT(*) AS n FROM notice')).toBe(before);
    });

    it('refuses edits once published (409, saying to issue a correction) and changes nothing', async () => {
      const notice = await publishNotice(t, as.secretary, { title: '村集体经济合作社分红方案公示' });
      const before = await count(t, 'SELECT COUNT(*) AS n FROM audit_event');
      const res = await patch(`/api/notices/${notice.id}`, 'secretary', { title: '改过的标题' }).expect(409);
      expect(res.body).toMatchObject({ code: 'NOTICE_PUBLISHED_IMMUTABLE', message: expect.stringContaining('更正') });
      const upload = await t.http.post(`/api/notices/${notice.id}/attachments`).set(...bearer(as.secretary)).attach('file', FILES.png, 'a.png').expect(409);
      expect(upload.body.code).toBe('NOTICE_PUBLISHED_IMMUTABLE');
      expect((await get(`/api/notices/${notice.id}`, 'villager').expect(200)).body.title).toBe('村集体经济合作社分红方案公示');
      expect(await count(t, 'SELECT COUNT(*) AS n FROM audit_event')).toBe(before);
      await post(`/api/notices/${notice.id}/publish`, 'secretary').expect(409);
    });

    it('edits a draft, and archives a published notice (still readable, no more questions)', async () => {
      const draft = await draftNotice(t, as.secretary);
      const edited = (await patch(`/api/notices/${draft.id}`, 'secretary', { title: '关于冬季清理河道的通知（修改）', window: noticeWindow(10) }).expect(200)).body;
      expect(edited).toMatchObject({ title: '关于冬季清理河道的通知（修改）', window: noticeWindow(10) });
      expect(await eventCount(t, 'notice.edited', draft.id)).toBe(1);
      await post(`/api/notices/${draft.id}/archive`, 'secretary').expect(409);
      await post(`/api/notices/${draft.id}/publish`, 'secretary').expect(200);
      await post(`/api/notices/${draft.id}/archive`, 'supervisor').expect(403);
      const archived = (await post(`/api/notices/${draft.id}/archive`, 'committee').expect(200)).body;
      expect(archived.status).toBe('archived');
      expect(await listIds('villager', '&status=archived')).toContain(draft.id);
      expect(await listIds('villager')).not.toContain(draft.id);
      expect((await post(`/api/notices/${draft.id}/queries`, 'villager', { text: '还能问吗？' }).expect(409)).body.code).toBe('NOTICE_NOT_PUBLISHED');
      expect(await eventCount(t, 'notice.archived', draft.id)).toBe(1);
    });
  });

  describe('finance sign-off (监委会审核签字)', () => {
    it('waits for the 监委会; a refusal needs a reason and sends it back; approval publishes', async () => {
      const submitted = await publishNotice(t, as.committee, { kind: 'finance', title: '2026年11月财务收支公开', body: '| 项目 | 金额 |\n|---|---|\n| 办公费 | 1,200.00 |' });
      expect(submitted).toMatchObject({ status: 'pending_signoff', publishedAt: null });
      await get(`/api/notices/${submitted.id}`, 'villager').expect(404);
      expect(await listIds('supervisor', '&status=pending_signoff')).toContain(submitted.id);
      expect((await get('/api/notices?status=draft', 'villager').expect(403)).body.code).toBe('NOTICE_STATUS_NOT_ALLOWED');
      expect((await patch(`/api/notices/${submitted.id}`, 'committee', { title: '改' + submitted.title }).expect(409)).body.code).toBe('NOTICE_AWAITING_SIGNOFF');
      await post(`/api/notices/${submitted.id}/signoff`, 'secretary', { decision: 'approved' }).expect(403);
      const forSupervisor = (await get(`/api/notices/${submitted.id}`, 'supervisor').expect(200)).body as NoticeDetail;
      expect(forSupervisor.can.signoff).toBe(true);

      expect((await post(`/api/notices/${submitted.id}/signoff`, 'supervisor', { decision: 'refused' }).expect(400)).body.code).toBe('NOTICE_REASON_REQUIRED');
      const refused = (await post(`/api/notices/${submitted.id}/signoff`, 'supervisor', { decision: 'refused', reason: '办公费缺少发票，请补充。' }).expect(200)).body;
      expect(refused).toMatchObject({ status: 'draft', signoff: { decision: 'refused', reason: '办公费缺少发票，请补充。', by: { id: as.supervisor.me.resident?.id } } });

      await patch(`/api/notices/${submitted.id}`, 'committee', { body: '| 项目 | 金额 |\n|---|---|\n| 办公费（发票号 0012345） | 1,200.00 |' }).expect(200);
      expect((await post(`/api/notices/${submitted.id}/publish`, 'committee').expect(200)).body.status).toBe('pending_signoff');
      const approved = (await post(`/api/notices/${submitted.id}/signoff`, 'supervisor', { decision: 'approved' }).expect(200)).body;
      expect(approved).toMatchObject({ status: 'published', publishedAt: expect.any(String), signoff: { decision: 'approved', reason: null } });
      await get(`/api/notices/${submitted.id}`, 'villager').expect(200);
      await post(`/api/notices/${submitted.id}/signoff`, 'supervisor', { decision: 'approved' }).expect(409);
      for (const action of ['notice.submitted', 'notice.signoff.refused', 'notice.signoff.approved', 'notice.published']) {
        expect(await eventCount(t, action, submitted.id)).toBeGreaterThanOrEqual(1);
      }
    });

    it('does not let the author sign their own finance notice', async () => {
      // A 监委会 member who also sits on the village committee (OL art. 32 forbids it; the data may not).
      const extra = randomUUID();
      await t.dataSource.query(
        "INSERT INTO role_assignment (id, village_id, resident_id, role, started_on, one_shoulder, has_accounting_knowledge) VALUES (?, ?, ?, 'village_committee', '2024-12-20', ?, ?)",
        [extra, villageId, as.supervisor.me.resident?.id, false, false],
      );
      try {
        const own = await publishNotice(t, as.supervisor, { kind: 'finance', title: '监委会成员自己写的财务公开' });
        expect(own.can.signoff).toBe(false);
        const res = await post(`/api/notices/${own.id}/signoff`, 'supervisor', { decision: 'approved' }).expect(403);
        expect(res.body).toMatchObject({ code: 'NOTICE_SIGNER_IS_AUTHOR', message: expect.stringContaining('不能自己审核') });
        expect((await get(`/api/notices/${own.id}`, 'secretary').expect(200)).body.status).toBe('pending_signoff');
      } finally {
        await t.dataSource.query('DELETE FROM role_assignment WHERE id = ?', [extra]);
      }
    });
  });

  describe('corrections', () => {
    it('supersede the original once published; both stay visible; a second correction of the same is refused', async () => {
      const original = await publishNotice(t, as.secretary, { title: '2026年低保户评议结果公示' });
      const correction = (await post(`/api/notices/${original.id}/corrections`, 'secretary', { title: '2026年低保户评议结果公示（更正）' }).expect(201)).body as NoticeDetail;
      expect(correction).toMatchObject({ status: 'draft', supersedes: { id: original.id, title: original.title }, body: original.body });
      expect((await get(`/api/notices/${original.id}`, 'villager').expect(200)).body.supersededBy).toBeNull();

      await post(`/api/notices/${correction.id}/publish`, 'secretary').expect(200);
      const old = (await get(`/api/notices/${original.id}`, 'villager').expect(200)).body as NoticeDetail;
      expect(old).toMatchObject({ status: 'published', supersededBy: { id: correction.id, title: '2026年低保户评议结果公示（更正）' } });
      expect(old.can.correct).toBe(false);
      expect(await listIds('villager')).toEqual(expect.arrayContaining([original.id, correction.id]));
      expect((await post(`/api/notices/${original.id}/corrections`, 'secretary', {}).expect(409)).body.code).toBe('NOTICE_ALREADY_SUPERSEDED');
      expect(await eventCount(t, 'notice.superseded', original.id)).toBe(1);
      await post(`/api/notices/${correction.id}/corrections`, 'villager', {}).expect(403);
    });
  });

  describe('read receipts and awareness (知晓率)', () => {
    it('records a read once per resident, even for 20 parallel opens', async () => {
      const notice = await publishNotice(t, as.secretary, { title: '关于缴纳2027年城乡居民医保的通知' });
      const results = await Promise.all(Array.from({ length: 20 }, () => post(`/api/notices/${notice.id}/read`, 'villager')));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(results.filter((r) => r.body.firstRead === true)).toHaveLength(1);
      expect(await count(t, `SELECT COUNT(*) AS n FROM notice_read WHERE notice_id = '${notice.id}'`)).toBe(1);
      expect(await eventCount(t, 'notice.read', notice.id)).toBe(1);
      expect((await post(`/api/notices/${notice.id}/read`, 'villager').expect(200)).body.firstRead).toBe(false);
      expect((await get(`/api/notices/${notice.id}`, 'villager').expect(200)).body.read).toBe(true);
      const draft = await draftNotice(t, as.secretary);
      expect((await post(`/api/notices/${draft.id}/read`, 'secretary').expect(200)).body.firstRead).toBe(false);
    });

    it('counts households reached by reading or in person, exactly, per grid', async () => {
      const notice = await publishNotice(t, as.secretary, { title: '关于开展农村户厕改造摸底的通知' });
      const households = await count(t, "SELECT COUNT(*) AS n FROM household WHERE village_id = ? AND status = 'active'", [villageId]);
      const empty = (await get(`/api/notices/${notice.id}/awareness`, 'supervisor').expect(200)).body as NoticeAwareness;
      expect(empty).toMatchObject({ unit: 'household', total: households, reached: 0, toldInPerson: 0, rate: { numerator: 0, denominator: households } });
      expect(empty.byGrid.reduce((sum, g) => sum + g.total, 0)).toBe(households);

      for (const persona of ['villager', 'household_rep', 'grid_leader'] as const) await post(`/api/notices/${notice.id}/read`, persona).expect(200);
      const readerHouseholds = new Set(
        (await t.dataSource.query(`SELECT household_id FROM notice_read WHERE notice_id = '${notice.id}'`)).map((r: { household_id: string }) => r.household_id),
      );

      // The grid leader tells a household of their own grid; not one of another grid.
      const [ownGrid] = await t.dataSource.query('SELECT id FROM grid WHERE leader_resident_id = ?', [as.grid_leader.me.resident?.id]);
      const unreachedOwn = (await get(`/api/notices/${notice.id}/unreached?pageSize=50`, 'grid_leader').expect(200)).body;
      expect(unreachedOwn.items.length).toBeGreaterThan(0);
      expect(unreachedOwn.items.every((h: UnreachedHousehold) => h.grid.id === ownGrid.id)).toBe(true);
      const target = unreachedOwn.items[0] as UnreachedHousehold;
      expect(target).toMatchObject({ representativeName: expect.any(String), person: null });
      const [otherGridHousehold] = await t.dataSource.query(
        "SELECT id FROM household WHERE village_id = ? AND grid_id <> ? AND status = 'active' ORDER BY number LIMIT 1",
        [villageId, ownGrid.id],
      );
      const [otherGrid] = await t.dataSource.query('SELECT id FROM grid WHERE village_id = ? AND id <> ? ORDER BY sort_order LIMIT 1', [villageId, ownGrid.id]);
      await get(`/api/notices/${notice.id}/unreached?gridId=${otherGrid.id}`, 'grid_leader').expect(404);
      await post(`/api/notices/${notice.id}/in-person`, 'grid_leader', { householdId: otherGridHousehold.id }).expect(404);
      const told = (await post(`/api/notices/${notice.id}/in-person`, 'grid_leader', { householdId: target.householdId, note: '当面告知，电话 13912345678' }).expect(201)).body;
      expect(told).toMatchObject({ householdId: target.householdId, recordedBy: { id: as.grid_leader.me.resident?.id, name: expect.any(String) }, toldAt: expect.any(String), note: '当面告知，电话 139****5678' });
      expect((await post(`/api/notices/${notice.id}/in-person`, 'committee', { householdId: target.householdId }).expect(409)).body.code).toBe('NOTICE_ALREADY_REACHED');
      const readHousehold = [...readerHouseholds][0];
      await post(`/api/notices/${notice.id}/in-person`, 'committee', { householdId: readHousehold }).expect(409);
      // The committee may record any household.
      const [farHousehold] = await t.dataSource.query(
        `SELECT id FROM household WHERE village_id = ? AND grid_id <> ? AND status = 'active' AND id NOT IN (SELECT household_id FROM notice_read WHERE notice_id = '${notice.id}') ORDER BY number DESC LIMIT 1`,
        [villageId, ownGrid.id],
      );
      await post(`/api/notices/${notice.id}/in-person`, 'committee', { householdId: farHousehold.id }).expect(201);

      const figures = (await get(`/api/notices/${notice.id}/awareness`, 'secretary').expect(200)).body as NoticeAwareness;
      const reached = readerHouseholds.size + 2;
      expect(figures).toMatchObject({ total: households, reached, toldInPerson: 2, rate: { numerator: reached, denominator: households } });
      expect(figures.byGrid.reduce((sum, g) => sum + g.reached, 0)).toBe(reached);
      expect(figures.byGrid.find((g) => g.grid.id === ownGrid.id)?.toldInPerson).toBe(1);
      const unreached = (await get(`/api/notices/${notice.id}/unreached?pageSize=10&page=2`, 'committee').expect(200)).body;
      expect(unreached).toMatchObject({ total: households - reached, page: 2, pageSize: 10 });
      expect(unreached.items.map((h: UnreachedHousehold) => h.householdId)).not.toContain(target.householdId);
      await get(`/api/notices/${notice.id}/awareness`, 'villager').expect(403);
      expect(await eventCount(t, 'notice.in_person.recorded', notice.id)).toBe(2);
      const draft = await draftNotice(t, as.secretary);
      expect((await get(`/api/notices/${draft.id}/awareness`, 'secretary').expect(409)).body.code).toBe('NOTICE_NOT_PUBLISHED');
    });
  });

  describe('party-only notices', () => {
    it('are invisible (404) to non-members, counted per party member, told in person per member', async () => {
      const notice = await publishNotice(t, as.secretary, { kind: 'party', audience: 'party_members', title: '关于召开支部党员大会的通知' });
      await get(`/api/notices/${notice.id}`, 'villager').expect(404);
      await get(`/api/notices/${notice.id}`, 'committee').expect(404);
      await post(`/api/notices/${notice.id}/read`, 'villager').expect(404);
      await get(`/api/notices/${notice.id}/queries`, 'household_rep').expect(404);
      expect(await listIds('villager')).not.toContain(notice.id);
      expect(await listIds('grid_leader')).toContain(notice.id);
      await post(`/api/notices/${notice.id}/read`, 'grid_leader').expect(200);

      const members = await count(
        t,
        "SELECT COUNT(*) AS n FROM resident r JOIN household h ON h.id = r.household_id AND h.status = 'active' WHERE r.village_id = ? AND r.status = 'active' AND r.is_party_member = ?",
        [villageId, true],
      );
      const figures = (await get(`/api/notices/${notice.id}/awareness`, 'secretary').expect(200)).body as NoticeAwareness;
      expect(figures).toMatchObject({ unit: 'party_member', total: members, reached: 1 });
      const [member] = (await get(`/api/notices/${notice.id}/unreached`, 'secretary').expect(200)).body.items as UnreachedHousehold[];
      expect(member.person).toMatchObject({ id: expect.any(String), name: expect.any(String) });
      expect((await post(`/api/notices/${notice.id}/in-person`, 'secretary', { householdId: member.householdId }).expect(400)).body.code).toBe('NOTICE_PARTY_MEMBER_REQUIRED');
      await post(`/api/notices/${notice.id}/in-person`, 'secretary', { householdId: member.householdId, residentId: member.person?.id }).expect(201);
      expect((await get(`/api/notices/${notice.id}/awareness`, 'secretary').expect(200)).body).toMatchObject({ reached: 2, toldInPerson: 1 });
    });
  });

  describe('attachments', () => {
    let draft: NoticeDetail;
    const upload = (noticeId: string, file: Buffer, name: string, persona: Persona = 'secretary') =>
      t.http.post(`/api/notices/${noticeId}/attachments`).set(...bearer(as[persona])).attach('file', file, name);

    beforeAll(async () => {
      draft = await draftNotice(t, as.secretary, { title: '村级光伏电站收益分配方案' });
    });

    it('stores images and PDFs by content and serves them by signed link, with a Chinese file name', async () => {
      const png = (await upload(draft.id, FILES.png, '现场照片.png').expect(201)).body;
      expect(png).toMatchObject({ fileName: '现场照片.png', contentType: 'image/png', sizeBytes: FILES.png.length, url: expect.stringMatching(/^\/api\/notice-files\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]{43}$/) });
      const pdf = (await upload(draft.id, FILES.pdf, '收益分配明细.pdf').expect(201)).body;
      expect(pdf.contentType).toBe('application/pdf');
      const noName = (await upload(draft.id, FILES.jpeg, 'IMG').expect(201)).body;
      expect(noName).toMatchObject({ contentType: 'image/jpeg', fileName: 'IMG.jpg' });

      const file = await t.http.get(pdf.url).buffer(true).parse(binaryParser as never).expect(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('收益分配明细.pdf')}`);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(file.body as Buffer, FILES.pdf)).toBe(0);

      const detail = (await get(`/api/notices/${draft.id}`, 'secretary').expect(200)).body as NoticeDetail;
      expect(detail.attachments.map((a) => a.fileName)).toEqual(['现场照片.png', '收益分配明细.pdf', 'IMG.jpg']);
      expect(detail.attachmentCount).toBe(3);
      expect(await eventCount(t, 'notice.attachment.added', draft.id)).toBe(3);
    });

    it('refuses a forged, altered or expired link (403)', async () => {
      const [attachment] = (await get(`/api/notices/${draft.id}`, 'secretary').expect(200)).body.attachments;
      const url = new URL(attachment.url, 'http://server');
      const id = url.pathname.split('/').pop() as string;
      const exp = url.searchParams.get('exp') as string;
      const sig = url.searchParams.get('sig') as string;
      expect((await t.http.get(`/api/notice-files/${id}`).expect(403)).body.code).toBe('NOTICE_FILE_LINK_INVALID');
      await t.http.get(`/api/notice-files/${id}?exp=${Number(exp) + 600}&sig=${sig}`).expect(403);
      await t.http.get(`/api/notice-files/${randomUUID()}?exp=${exp}&sig=${sig}`).expect(403);
      const clock = t.app.get(Clock);
      const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() - 3 * 3_600_000));
      const old = t.app.get(NoticeFileLinks).url(id);
      spy.mockRestore();
      expect((await t.http.get(old).expect(403)).body).toMatchObject({ code: 'NOTICE_FILE_LINK_EXPIRED', message: expect.stringContaining('过期') });
    });

    it('refuses a file whose content is not what its name says (a .pdf that is not a PDF → 400)', async () => {
      const before = await count(t, 'SELECT COUNT(*) AS n FROM notice_attachment');
      const spoofed = await upload(draft.id, FILES.png, '财务明细.pdf').expect(400);
      expect(spoofed.body).toMatchObject({ code: 'NOTICE_ATTACHMENT_TYPE', message: expect.stringContaining('文件名是PDF 文件，但内容是PNG 图片') });
      expect((await upload(draft.id, FILES.html, '明细.pdf').expect(400)).body.message).toContain('不是 JPG、PNG 图片或 PDF');
      await upload(draft.id, FILES.html, 'page.html').expect(400);
      await upload(draft.id, FILES.pdf, 'photo.jpg').expect(400);
      const tooBig = Buffer.concat([FILES.png, Buffer.alloc(MAX_BYTES)]);
      expect((await upload(draft.id, tooBig, 'big.png').expect(413)).body.code).toBe('NOTICE_ATTACHMENT_TOO_LARGE');
      expect((await t.http.post(`/api/notices/${draft.id}/attachments`).set(...bearer(as.secretary)).field('x', '1').expect(400)).body.code).toBe('NOTICE_ATTACHMENT_MISSING');
      await upload(draft.id, FILES.png, 'a.png', 'villager').expect(403);
      expect(await count(t, 'SELECT COUNT(*) AS n FROM notice_attachment')).toBe(before);
    });

    it('allows at most 9 per notice, and removes one from a draft', async () => {
      const other = await draftNotice(t, as.secretary);
      for (let i = 0; i < 9; i += 1) await upload(other.id, FILES.png, `${i}.png`).expect(201);
      expect((await upload(other.id, FILES.png, '10.png').expect(409)).body.code).toBe('NOTICE_ATTACHMENT_LIMIT');
      const [first] = (await get(`/api/notices/${other.id}`, 'secretary').expect(200)).body.attachments;
      await t.http.delete(`/api/notices/${other.id}/attachments/${first.id}`).set(...bearer(as.secretary)).expect(204);
      await t.http.get(first.url).expect(404);
      await t.http.delete(`/api/notices/${other.id}/attachments/${first.id}`).set(...bearer(as.secretary)).expect(404);
      expect(await eventCount(t, 'notice.attachment.removed', other.id)).toBe(1);
    });
  });

  describe('queries (询问)', () => {
    let notice: NoticeDetail;
    beforeAll(async () => {
      notice = await publishNotice(t, as.secretary, { title: '2027年村集体经济发展项目征求意见' });
    });

    it('publishes a query that passes the content check, masks others’ names, and takes a public answer', async () => {
      const asked = (await post(`/api/notices/${notice.id}/queries`, 'villager', { text: '项目占地补偿怎么算？我的电话13812345678' }).expect(201)).body as NoticeQueryView;
      expect(asked).toMatchObject({ status: 'open', mine: true, text: '项目占地补偿怎么算？我的电话138****5678', statusReason: null, overdue: false });
      expect(t.wechat.secChecks.at(-1)).toMatchObject({ content: asked.text, suggest: 'pass' });
      const seenByOther = ((await get(`/api/notices/${notice.id}/queries`, 'household_rep').expect(200)).body.items as NoticeQueryView[]).find((q) => q.id === asked.id);
      expect(seenByOther?.askedBy.name).toMatch(/\*/);
      expect(seenByOther?.mine).toBe(false);
      expect(((await get(`/api/notices/${notice.id}/queries`, 'secretary').expect(200)).body.items as NoticeQueryView[])[0].askedBy.name).not.toMatch(/\*/);
      expect((await get(`/api/notices/${notice.id}`, 'villager').expect(200)).body.openQueryCount).toBe(1);

      await post(`/api/notice-queries/${asked.id}/answer`, 'villager', { text: '自问自答' }).expect(403);
      const answered = (await post(`/api/notice-queries/${asked.id}/answer`, 'committee', { text: '按县里统一标准，每亩每年 800 元。' }).expect(200)).body;
      expect(answered).toMatchObject({ status: 'answered', answer: { text: '按县里统一标准，每亩每年 800 元。', by: { id: as.committee.me.resident?.id } } });
      expect((await post(`/api/notice-queries/${asked.id}/answer`, 'committee', { text: '再答一次' }).expect(409)).body.code).toBe('NOTICE_QUERY_NOT_OPEN');
      const [event] = await t.dataSource.query("SELECT after_json FROM audit_event WHERE action = 'notice.query.asked' AND entity_id = ?", [asked.id]);
      expect(event.after_json).not.toContain('补偿');
      expect(await eventCount(t, 'notice.query.answered', asked.id)).toBe(1);
    });

    it('holds a query WeChat calls risky: 201 held, only its author sees it, with the reason', async () => {
      t.wechat.nextSecCheck('risky');
      const held = (await post(`/api/notices/${notice.id}/queries`, 'household_rep', { text: '一段被判为有风险的话' }).expect(201)).body as NoticeQueryView;
      expect(held).toMatchObject({ status: 'held', statusReason: expect.stringContaining('没有通过微信内容安全检查'), mine: true });
      const mine = (await get(`/api/notices/${notice.id}/queries`, 'household_rep').expect(200)).body.items as NoticeQueryView[];
      expect(mine.map((q) => q.id)).toContain(held.id);
      for (const persona of ['villager', 'secretary', 'supervisor'] as const) {
        const items = (await get(`/api/notices/${notice.id}/queries`, persona).expect(200)).body.items as NoticeQueryView[];
        expect(items.map((q) => q.id)).not.toContain(held.id);
      }
      await post(`/api/notice-queries/${held.id}/answer`, 'secretary', { text: '答复' }).expect(404);
    });

    it('sends a query WeChat wants reviewed (or cannot check) to the committee, who release or reject it', async () => {
      t.wechat.nextSecCheck('review');
      const pending = (await post(`/api/notices/${notice.id}/queries`, 'villager', { text: `请问能不能${'【待审】'}` }).expect(201)).body as NoticeQueryView;
      expect(pending.status).toBe('pending_review');
      expect(((await get(`/api/notices/${notice.id}/queries`, 'household_rep').expect(200)).body.items as NoticeQueryView[]).map((q) => q.id)).not.toContain(pending.id);
      const queue = (await get('/api/notice-queries?status=pending_review', 'supervisor').expect(200)).body.items as NoticeQueryView[];
      expect(queue.map((q) => q.id)).toContain(pending.id);
      await post(`/api/notice-queries/${pending.id}/answer`, 'secretary', { text: '答复' }).expect(409);
      const released = (await post(`/api/notice-queries/${pending.id}/review`, 'secretary', { decision: 'release' }).expect(200)).body;
      expect(released).toMatchObject({ status: 'open', statusReason: null });
      await post(`/api/notice-queries/${pending.id}/review`, 'secretary', { decision: 'release' }).expect(409);

      t.wechat.failNext(-1, 3);
      const unchecked = (await post(`/api/notices/${notice.id}/queries`, 'villager', { text: '微信暂时检查不了的时候呢？' }).expect(201)).body as NoticeQueryView;
      expect(unchecked).toMatchObject({ status: 'pending_review', statusReason: expect.stringContaining('暂时无法完成内容检查') });
      expect((await post(`/api/notice-queries/${unchecked.id}/review`, 'secretary', { decision: 'reject' }).expect(400)).body.code).toBe('NOTICE_REASON_REQUIRED');
      const rejected = (await post(`/api/notice-queries/${unchecked.id}/review`, 'secretary', { decision: 'reject', reason: '与本条公开无关，请直接联系村委会。' }).expect(200)).body;
      expect(rejected).toMatchObject({ status: 'rejected', statusReason: '与本条公开无关，请直接联系村委会。' });
      const own = ((await get(`/api/notices/${notice.id}/queries`, 'villager').expect(200)).body.items as NoticeQueryView[]).find((q) => q.id === unchecked.id);
      expect(own).toMatchObject({ status: 'rejected', statusReason: '与本条公开无关，请直接联系村委会。' });
      expect(await eventCount(t, 'notice.query.released', pending.id)).toBe(1);
      expect(await eventCount(t, 'notice.query.rejected', unchecked.id)).toBe(1);
    });

    it('flags open queries older than NOTICE_QUERY_ANSWER_DAYS to the 监委会', async () => {
      const late = (await post(`/api/notices/${notice.id}/queries`, 'household_rep', { text: '这个项目的账什么时候公开？' }).expect(201)).body as NoticeQueryView;
      expect(((await get('/api/notice-queries?overdue=true', 'supervisor').expect(200)).body.items as NoticeQueryView[]).map((q) => q.id)).not.toContain(late.id);
      await t.dataSource.query('UPDATE notice_query SET asked_at = ? WHERE id = ?', [sqlTime(new Date(Date.now() - 11 * 86_400_000)), late.id]);
      const overdue = (await get('/api/notice-queries?overdue=true', 'supervisor').expect(200)).body.items as NoticeQueryView[];
      expect(overdue.find((q) => q.id === late.id)).toMatchObject({ overdue: true, status: 'open' });
      expect(overdue.every((q) => q.overdue)).toBe(true);
      await get('/api/notice-queries', 'villager').expect(403);
      expect((await get('/api/notice-queries?status=held', 'secretary').expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('policy and cadence (OL art. 30)', () => {
    it('reads and changes the policy (audited), and applies the longer minimum window', async () => {
      expect((await get('/api/notices/policy', 'supervisor').expect(200)).body).toEqual({
        financeCadence: 'quarterly',
        minWindowDays: { party: 7, village: 7, finance: 7 },
      });
      const policy = { financeCadence: 'monthly', minWindowDays: { party: 7, village: 10, finance: 7 } };
      await t.http.put('/api/notices/policy').set(...bearer(as.supervisor)).send(policy).expect(403);
      const tooShort = await t.http.put('/api/notices/policy').set(...bearer(as.secretary)).send({ ...policy, minWindowDays: { party: 5, village: 7, finance: 7 } }).expect(400);
      expect(tooShort.body.message).toContain('不能少于 7 天');
      expect((await t.http.put('/api/notices/policy').set(...bearer(as.secretary)).send(policy).expect(200)).body).toEqual(policy);
      expect(await eventCount(t, 'notice.policy.changed', villageId)).toBe(1);
      const refused = await post('/api/notices', 'secretary', { kind: 'village', title: '七天的村务公开', body: '正文', window: noticeWindow(7) }).expect(400);
      expect(refused.body.message).toContain('至少 10 天');
      await post('/api/notices', 'secretary', { kind: 'party', title: '七天的党务公开', body: '正文', window: noticeWindow(7) }).expect(201);

      const cadence = (await get('/api/notices/cadence', 'supervisor').expect(200)).body;
      expect(cadence.village).toMatchObject({ id: villageId, name: '土岭底村' });
      expect(cadence.categories.map((c: { category: string }) => c.category)).toEqual(['party', 'village', 'finance']);
      const finance = cadence.categories[2];
      expect(finance).toMatchObject({ period: 'monthly', overdue: false, explanation: expect.stringContaining('财务公开每月一次') });
      expect(finance.dueBy > todayInChina()).toBe(true);
      await get('/api/notices/cadence', 'villager').expect(403);
      await t.http.put('/api/notices/policy').set(...bearer(as.secretary)).send({ financeCadence: 'quarterly', minWindowDays: { party: 7, village: 7, finance: 7 } }).expect(200);
    });

    it('shows the township every village of its township', async () => {
      const rows = (await get('/api/township/notice-cadence', 'township').expect(200)).body;
      expect(rows).toEqual([expect.objectContaining({ village: { id: villageId, name: '土岭底村' }, overdueCount: 0 })]);
      await get('/api/township/notice-cadence', 'secretary').expect(403);
    });
  });

  describe('printable sheet', () => {
    it('renders the notice as a PDF', async () => {
      const notice = await publishNotice(t, as.secretary, { title: '关于村民代表会议决议的公告' });
      const res = await get(`/api/notices/${notice.id}/sheet.pdf`, 'villager').buffer(true).parse(binaryParser as never).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(res.headers['content-disposition']).toContain('inline');
    });
  });

  describe('isolation', () => {
    let other: OtherVillage;
    let foreignId: string;

    beforeAll(async () => {
      other = await createOtherVillage(t.dataSource);
      foreignId = randomUUID();
      await t.dataSource.query(
        "INSERT INTO notice (id, village_id, kind, title, body, status, audience, pinned, starts_on, ends_on, published_at, created_at, updated_at, version) VALUES (?, ?, 'village', '邻村的公开', '正文', 'published', 'all', ?, ?, ?, ?, ?, ?, 1)",
        [foreignId, other.villageId, false, todayInChina(), todayInChina(), sqlTime(new Date()), sqlTime(new Date()), sqlTime(new Date())],
      );
    });

    it('answers 404 for another village’s notice, whatever the route', async () => {
      await get(`/api/notices/${foreignId}`, 'secretary').expect(404);
      await patch(`/api/notices/${foreignId}`, 'secretary', { title: '改别村的' }).expect(404);
      await post(`/api/notices/${foreignId}/read`, 'villager').expect(404);
      await post(`/api/notices/${foreignId}/archive`, 'secretary').expect(404);
      await post(`/api/notices/${foreignId}/corrections`, 'secretary').expect(404);
      await post(`/api/notices/${foreignId}/queries`, 'villager', { text: '问问邻村' }).expect(404);
      await get(`/api/notices/${foreignId}/awareness`, 'secretary').expect(404);
      await get(`/api/notices/${foreignId}/sheet.pdf`, 'secretary').expect(404);
      expect(await listIds('secretary')).not.toContain(foreignId);
    });
  });

  describe('audit checkpoints', () => {
    it('publishes each new checkpoint as a 记录存证 notice, and does not announce one that covers only that notice', async () => {
      await checkpointsSettled(t);
      const created = (await post('/api/audit/checkpoints', 'supervisor').expect(201)).body;
      await checkpointsSettled(t);
      const [row] = await t.dataSource.query("SELECT id FROM notice WHERE kind = 'audit_checkpoint' AND source_entity_id = ?", [created.id]);
      expect(row).toBeDefined();
      const notice = (await get(`/api/notices/${row.id}`, 'villager').expect(200)).body as NoticeDetail;
      expect(notice).toMatchObject({ kind: 'audit_checkpoint', status: 'published', author: { id: 'system' }, can: { correct: false, edit: false } });
      expect(notice.title).toContain(`第 ${created.treeSize} 条`);
      for (const figure of [created.rootHash, created.headHash, created.keyId, String(created.lastSeq)]) expect(notice.body).toContain(figure);
      expect(notice.blocks.some((b) => b.type === 'table')).toBe(true);
      expect(await listIds('villager', '&kind=audit_checkpoint')).toContain(row.id);

      // The only event since is that notice: a checkpoint over it is signed, but not announced again.
      const notices = await count(t, "SELECT COUNT(*) AS n FROM notice WHERE kind = 'audit_checkpoint'");
      const next = (await post('/api/audit/checkpoints', 'supervisor').expect(201)).body;
      expect(next.treeSize).toBe(created.treeSize + 1);
      await checkpointsSettled(t);
      expect(await count(t, "SELECT COUNT(*) AS n FROM notice WHERE kind = 'audit_checkpoint'")).toBe(notices);
      const verdict = (await get('/api/audit/verify', 'supervisor').expect(200)).body;
      expect(verdict).toMatchObject({ ok: true });
    });

    it('announces automatic checkpoints at most once a day, so reads cannot bury the 村务 notices', async () => {
      await checkpointsSettled(t);
      // A manual one is announced today (previous test); a new event makes the next checkpoint worth announcing.
      await publishNotice(t, as.secretary, { kind: 'village', title: '自动存证不重复公告' });
      const before = await count(t, "SELECT COUNT(*) AS n FROM notice WHERE kind = 'audit_checkpoint'");
      const checkpoints = t.app.get(AuditCheckpointService);
      const due = new Date(Date.now() + 2 * 24 * 3_600_000); // past the daily interval, same clock day for the notice check
      expect(await checkpoints.createDue(due)).toBeGreaterThan(0);
      await checkpointsSettled(t);
      expect(await count(t, "SELECT COUNT(*) AS n FROM notice WHERE kind = 'audit_checkpoint'")).toBe(before);
    });
  });

  describe('audit trail', () => {
    it('has an event for every notice written through the API, and one for the demo notices', async () => {
      const [seed] = await t.dataSource.query("SELECT after_json FROM audit_event WHERE action = 'notice.seeded'");
      const seeded = new Set((JSON.parse(seed.after_json).notices as { id: string }[]).map((n) => n.id));
      expect(seeded.size).toBe(7);
      const rows: { id: string; status: string }[] = await t.dataSource.query('SELECT id, status FROM notice WHERE village_id = ? AND source_entity_id IS NULL', [villageId]);
      const missing: string[] = [];
      for (const row of rows.filter((r) => !seeded.has(r.id))) {
        if ((await eventCount(t, 'notice.drafted', row.id)) !== 1) missing.push(`${row.id} drafted`);
        if (['published', 'archived'].includes(row.status) && (await eventCount(t, 'notice.published', row.id)) !== 1) missing.push(`${row.id} published`);
      }
      expect(missing).toEqual([]);
      expect(rows.length - seeded.size).toBeGreaterThan(15);
    });
  });
});
