import { Workbook } from 'exceljs';
import { quarterDays, quarterOf, shiftQuarter, type LoginResult, type PointsSettings, type RuleBookDetail, type RuleBookList, type RuleItemInput } from '@village/shared';
import type { VillageActor } from '../../src/common/auth/actor';
import { UnitOfWork } from '../../src/modules/audit/unit-of-work';
import { effectiveRuleBook } from '../../src/modules/points/rule-books/effective-rule-book';
import { PointsPhotos } from '../../src/modules/points/files';
import { bearer, loginAs } from '../support/auth';
import { signInTellers, today, uploadPhoto, type MatterCrew } from '../support/matters';
import { startTestAppWithPush } from '../support/media-check';
import { eventCount, FILES } from '../support/notices';
import { adoptRuleBook, getMatter, resolveRuleBookMatter, ruleBookInput } from '../support/points';
import type { TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const itemsOf = (book: RuleBookDetail): RuleItemInput[] => book.categories.flatMap((c) => c.items.map(({ negative: _n, ...item }) => item));

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('积分细则').addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testDatabaseKinds())('points rule books, settings and photos on %s', (kind) => {
  let t: TestApp & { baseUrl: string };
  let villageId: string;
  let secretary: LoginResult;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let villager: LoginResult;
  let gridLeader: LoginResult;
  let crew: MatterCrew;

  beforeAll(async () => {
    t = await startTestAppWithPush(kind);
    secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    villager = await loginAs(t, 'villager');
    gridLeader = await loginAs(t, 'grid_leader');
    villageId = secretary.me.village?.id as string;
    const [teller, scrutineer] = await signInTellers(t, villageId, `points-rules-${kind}`);
    crew = { secretary, teller, scrutineer, photo: await uploadPhoto(t, secretary) };
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body);
  const put = (login: LoginResult, path: string, body: object = {}) => t.http.put(path).set(...bearer(login)).send(body);
  const count = async (sql: string, params: unknown[] = [villageId]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
  const books = () => count('SELECT COUNT(*) AS n FROM points_rule_book WHERE village_id = ?');
  const effective = async () => (await effectiveRuleBook(t.dataSource.manager, villageId))?.book.id ?? null;
  const importFile = (login: LoginResult, file: Buffer, name = '积分细则.xlsx') => t.http.post('/api/points/rule-books/import').set(...bearer(login)).attach('file', file, name);

  it('seeds the demo book like 安家村’s, adopted through a 村规民约 matter the workflow resolved', async () => {
    const list: RuleBookList = (await get(villager, '/api/points/rule-books').expect(200)).body;
    expect(list.effective).toMatchObject({ number: 1, status: 'adopted', statusLabel: '正在执行', itemCount: 44, negativeCount: 10 });
    expect(list.books).toHaveLength(1);
    const book: RuleBookDetail = (await get(villager, `/api/points/rule-books/${list.effective?.id}`).expect(200)).body;
    expect(book.canEdit).toBe(false);
    expect(book.categories.map((c) => [c.name, c.items.length])).toEqual([
      ['遵纪守法', 5],
      ['环境卫生', 7],
      ['日常行为', 6],
      ['社会服务', 6],
      ['乡风文明', 5],
      ['村务参与', 5],
      ['负面清单', 10],
    ]);
    const rewards = book.categories.flatMap((c) => c.items).filter((i) => !i.negative);
    expect(rewards.every((i) => i.pointsTenths >= 4 && i.pointsTenths <= 30)).toBe(true);
    expect(book.categories[6].items.every((i) => i.negative && i.pointsTenths === -50)).toBe(true);
    const matter = await getMatter(t, villager, book.adoptingMatter?.id as string);
    expect(matter).toMatchObject({ type: { code: 'village_rules' }, stage: 'implementation' });
    expect(matter.timeline.map((e) => e.event)).toEqual(['propose', 'record_merged_meeting', 'record_party_review', 'record_assembly_resolution', 'start_implementation']);
    // Adopted before last quarter began, so last quarter's demo records were made under it.
    expect((book.adoptedOn ?? '') < quarterDays(shiftQuarter(quarterOf(today()), -1))[0]).toBe(true);
    expect(await effective()).toBe(book.id);
  });

  it('settings: every villager reads them; the 两委 change them with a version; refusals change nothing', async () => {
    const defaults: PointsSettings = (await get(villager, '/api/points/settings').expect(200)).body;
    expect(defaults).toMatchObject({ starThresholdsTenths: [10, 30, 50, 80, 120], redSharePercent: 10, publicationWindowDays: 7, redeemers: 'representative', version: 0 });
    const wanted = { ...defaults, starThresholdsTenths: [20, 40, 70], blackBelowTenths: 70, publicationWindowDays: 10 };

    expect((await put(villager, '/api/points/settings', wanted)).status).toBe(403);
    expect((await put(gridLeader, '/api/points/settings', wanted)).status).toBe(403);
    const bad = await put(committee, '/api/points/settings', { ...wanted, starThresholdsTenths: [40, 20], redSharePercent: 60, publicationWindowDays: 31 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'POINTS_INVALID', message: expect.stringContaining('从低到高') });
    expect(bad.body.details.problems).toHaveLength(3);
    expect((await put(committee, '/api/points/settings', {})).status).toBe(400);
    expect(await count('SELECT COUNT(*) AS n FROM points_settings WHERE village_id = ?')).toBe(0);

    const saved: PointsSettings = (await put(committee, '/api/points/settings', wanted).expect(200)).body;
    expect(saved).toMatchObject({ starThresholdsTenths: [20, 40, 70], blackBelowTenths: 70, publicationWindowDays: 10, version: 1 });
    const stale = await put(secretary, '/api/points/settings', { ...wanted, redSharePercent: 20 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'POINTS_VERSION_CONFLICT', message: '积分设置已被别人改过，请刷新后再改' });
    expect((await put(secretary, '/api/points/settings', { ...saved, redSharePercent: 20 }).expect(200)).body).toMatchObject({ redSharePercent: 20, version: 2 });
    expect((await get(villager, '/api/points/settings').expect(200)).body).toMatchObject({ redSharePercent: 20, starThresholdsTenths: [20, 40, 70], version: 2 });
    expect(await eventCount(t, 'points.settings.changed', villageId)).toBe(2);
  });

  it('photos: JPEG or PNG by content, a signed link, WeChat’s check; attached once, by their uploader, risky ones left out', async () => {
    const bad = await t.http.post('/api/points/files').set(...bearer(villager)).attach('file', FILES.pdf, '证明.jpg');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'POINTS_FILE_TYPE', message: expect.stringContaining('不是 JPG 或 PNG') });
    const renamed = await t.http.post('/api/points/files').set(...bearer(villager)).attach('file', FILES.png, '证明.jpg');
    expect(renamed.body.code).toBe('POINTS_FILE_TYPE');
    expect((await t.http.post('/api/points/files').set(...bearer(villager))).body.code).toBe('POINTS_FILE_MISSING');

    const upload = async (login: LoginResult, file = FILES.jpeg, name = '证明.jpg'): Promise<{ id: string; url: string }> => (await t.http.post('/api/points/files').set(...bearer(login)).attach('file', file, name).expect(201)).body;
    const photo = await upload(villager);
    expect(photo.url).toMatch(new RegExp(`^/api/points/files/${photo.id}\\?exp=\\d+&sig=`));
    expect(t.wechat.mediaChecks.at(-1)?.mediaUrl).toContain(`${t.baseUrl}/api/points/files/${photo.id}?exp=`);
    const opened = await t.http.get(photo.url).expect(200);
    expect(opened.headers['content-type']).toBe('image/jpeg');
    expect((await t.http.get(photo.url.replace(/sig=[^&]+/, 'sig=forged'))).body.code).toBe('POINTS_FILE_LINK_INVALID');
    const png = await upload(villager, FILES.png, 'a.png');
    t.wechat.nextMediaCheck('pass');
    t.wechat.nextMediaCheck('risky');
    expect((await t.wechat.flushMediaChecks()).map((c) => c.suggest)).toEqual(['pass', 'risky']);
    const checks = await t.dataSource.query('SELECT id, media_check AS c FROM points_photo WHERE id IN (?, ?)', [photo.id, png.id]);
    expect(Object.fromEntries(checks.map((r: { id: string; c: string }) => [r.id, r.c]))).toEqual({ [photo.id]: 'pass', [png.id]: 'risky' });

    const photos = t.app.get(PointsPhotos);
    const uow = t.app.get(UnitOfWork);
    const actor = (login: LoginResult): VillageActor => ({ accountId: login.me.account.id, sessionId: 's', villageId, residentId: login.me.resident?.id as string, townshipId: null, roles: login.me.roles, correlationId: 'test' });
    const attach = (login: LoginResult, owner: string, ids: string[], anyUploader = false) =>
      uow.run({ villageId, actorId: actor(login).residentId, actorRole: 'villager', correlationId: 'test' }, (work) => photos.attach(work, actor(login), owner, ids, { anyUploader }));
    const owner = '00000000-0000-4000-8000-000000000001';
    await expect(attach(gridLeader, owner, [photo.id])).rejects.toMatchObject({ code: 'POINTS_FORBIDDEN' });
    await expect(attach(villager, owner, [png.id])).rejects.toMatchObject({ code: 'POINTS_REFUSED' });
    await expect(attach(villager, owner, ['00000000-0000-4000-8000-00000000000f'])).rejects.toMatchObject({ code: 'POINTS_NOT_FOUND' });
    const second = await upload(villager);
    expect((await attach(villager, owner, [second.id, photo.id])).map((p) => p.id)).toEqual([second.id, photo.id]);
    await expect(attach(villager, '00000000-0000-4000-8000-000000000002', [photo.id])).rejects.toMatchObject({ code: 'POINTS_REFUSED' });
    expect((await attach(gridLeader, '00000000-0000-4000-8000-000000000003', [photo.id], true).catch((e: { code: string }) => e.code))).toBe('POINTS_REFUSED');
    const views = await photos.views(t.dataSource.manager, [owner, '00000000-0000-4000-8000-000000000004']);
    expect(views.get(owner)?.map((p) => p.id)).toEqual([second.id, photo.id]);
    expect(views.get('00000000-0000-4000-8000-000000000004')).toEqual([]);
    expect(await eventCount(t, 'points.file.attached', owner)).toBe(1);
  });

  it('drafts: the 两委 write and edit them, seen by the 两委 and the 监委会 only; every refusal writes nothing', async () => {
    const before = await books();
    expect((await post(villager, '/api/points/rule-books', ruleBookInput())).status).toBe(403);
    expect((await post(supervisor, '/api/points/rule-books', ruleBookInput())).status).toBe(403);
    expect((await post(secretary, '/api/points/rule-books', {})).status).toBe(400);
    const input = ruleBookInput();
    const invalid = await post(secretary, '/api/points/rule-books', {
      title: '有错的细则',
      items: [input.items[0], { ...input.items[1], code: 'a01' }, { ...input.items[2], pointsTenths: 0 }, { ...input.items[3], pointsTenths: -2.5, category: '' }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('POINTS_INVALID');
    expect(invalid.body.details.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [2, 'a01'],
      [3, 'B01'],
      [4, 'N01'],
      [4, 'N01'],
    ]);
    expect(invalid.body.message).toContain('第 2 条（a01）：编号和第 1 条重复了');
    expect(await books()).toBe(before);

    const draft: RuleBookDetail = (await post(committee, '/api/points/rule-books', input).expect(201)).body;
    expect(draft).toMatchObject({ number: before + 1, status: 'draft', statusLabel: '草稿', itemCount: 4, negativeCount: 1, canEdit: true, version: 1, adoptingMatter: null });
    expect(draft.categories.map((c) => c.name)).toEqual(['社会服务', '环境卫生', '负面清单']);
    expect((await get(villager, `/api/points/rule-books/${draft.id}`)).status).toBe(404);
    expect((await get(villager, '/api/points/rule-books').expect(200)).body.books.map((b: { id: string }) => b.id)).not.toContain(draft.id);
    expect((await get(supervisor, `/api/points/rule-books/${draft.id}`).expect(200)).body).toMatchObject({ status: 'draft', canEdit: false });
    expect((await get(supervisor, '/api/points/rule-books').expect(200)).body.books.map((b: { id: string }) => b.id)).toContain(draft.id);

    const edited = { title: '测试细则（修改）', items: [...input.items, { code: 'C01', category: '日常行为', description: '主动调解邻里纠纷一次', pointsTenths: 10, evidenceRequired: false }], version: 1 };
    expect((await put(villager, `/api/points/rule-books/${draft.id}`, edited)).status).toBe(403);
    const badEdit = await put(secretary, `/api/points/rule-books/${draft.id}`, { ...edited, items: [] });
    expect(badEdit.body).toMatchObject({ code: 'POINTS_INVALID', message: expect.stringContaining('至少加一条') });
    const saved: RuleBookDetail = (await put(secretary, `/api/points/rule-books/${draft.id}`, edited).expect(200)).body;
    expect(saved).toMatchObject({ title: '测试细则（修改）', itemCount: 5, version: 2 });
    const stale = await put(committee, `/api/points/rule-books/${draft.id}`, { ...edited, title: '别人的修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('POINTS_VERSION_CONFLICT');
    expect((await get(secretary, `/api/points/rule-books/${draft.id}`).expect(200)).body).toMatchObject({ title: '测试细则（修改）', version: 2 });
    expect((await get(secretary, '/api/points/rule-books/00000000-0000-4000-8000-000000000009')).status).toBe(404);
    expect(await eventCount(t, 'points.rule_book.edited', draft.id)).toBe(1);

    // A new version starts from the book in force.
    const list: RuleBookList = (await get(secretary, '/api/points/rule-books').expect(200)).body;
    const copy: RuleBookDetail = (await post(secretary, '/api/points/rule-books', { copyFrom: list.effective?.id }).expect(201)).body;
    expect(copy).toMatchObject({ status: 'draft', itemCount: 44, negativeCount: 10, title: list.effective?.title });
  });

  it('imports a sheet as a draft, refuses a bad one listing every row, and exports what it imports', async () => {
    const list: RuleBookList = (await get(secretary, '/api/points/rule-books').expect(200)).body;
    const exported = await get(villager, `/api/points/rule-books/${list.effective?.id}/export`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    expect(exported.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('土岭底村村民积分细则（第1版）.xlsx')}`);
    const imported: RuleBookDetail = (await importFile(secretary, exported.body as Buffer).expect(201)).body;
    const original: RuleBookDetail = (await get(secretary, `/api/points/rule-books/${list.effective?.id}`).expect(200)).body;
    expect(imported).toMatchObject({ status: 'draft', itemCount: 44, title: `积分细则（第 ${imported.number} 版）` });
    expect(itemsOf(imported)).toEqual(itemsOf(original));

    const before = await books();
    const events = await eventCount(t, 'points.rule_book.created');
    const bad = await xlsx([
      ['编号', '类别', '内容', '分值', '需要证明'],
      ['A01', '环境卫生', '打扫卫生', '1', '是'],
      [null, null, null, null, null],
      ['A01', '环境卫生', '再打扫一次', '一分', '否'],
      ['A03', '', '参加义务劳动', '0.45', '也许'],
    ]);
    const refused = await importFile(secretary, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.details.problems.map((p: { row: number; message: string }) => p.message)).toEqual([
      '第 4 行（A01）：分值“一分”不是数字，请填写如 0.4、3、-5',
      '第 4 行（A01）：编号和第 2 行重复了，请换一个编号',
      '第 5 行（A03）：分值“0.45”最多保留一位小数，请填写如 0.4、3、-5',
      '第 5 行（A03）：“需要证明”请填“是”或“否”',
      '第 5 行（A03）：请填写类别，例如“环境卫生”',
    ]);
    expect((await importFile(secretary, FILES.pdf, 'x.xlsx')).body).toMatchObject({ code: 'POINTS_INVALID', message: expect.stringContaining('不是 Excel') });
    expect((await importFile(secretary, await xlsx([['A01', '环境卫生', '打扫卫生', 1, '是']]))).body.message).toContain('编号、类别、内容、分值、需要证明');
    expect((await importFile(villager, bad)).status).toBe(403);
    expect((await t.http.post('/api/points/rule-books/import').set(...bearer(secretary))).body.code).toBe('POINTS_FILE_MISSING');
    expect(await books()).toBe(before);
    expect(await eventCount(t, 'points.rule_book.created')).toBe(events);

    const titled = await t.http.post('/api/points/rule-books/import').set(...bearer(committee)).field('title', '二〇二七年积分细则').attach('file', await xlsx([['编号', '类别', '内容', '分值', '需要证明'], ['A01', '环境卫生', '打扫卫生', 1, '是'], ['N01', '负面清单', '聚众赌博', -5, '否']]), '细则.xlsx');
    expect(titled.status).toBe(201);
    expect(titled.body).toMatchObject({ title: '二〇二七年积分细则', itemCount: 2, negativeCount: 1 });
  });

  it('a proposed book is frozen and not in force until its 村规民约 matter passes the 村民会议; then the old one is superseded', async () => {
    const old = await effective();
    const draft: RuleBookDetail = (await post(secretary, '/api/points/rule-books', ruleBookInput('第二版积分细则')).expect(201)).body;
    expect((await post(villager, `/api/points/rule-books/${draft.id}/propose`, { body: '提请表决' })).status).toBe(403);
    expect((await post(secretary, `/api/points/rule-books/${draft.id}/propose`, {})).status).toBe(400);
    const proposed: RuleBookDetail = (await post(secretary, `/api/points/rule-books/${draft.id}/propose`, { body: '提请村民会议表决第二版积分细则。' }).expect(200)).body;
    expect(proposed).toMatchObject({ status: 'proposed', statusLabel: '待村民（代表）会议通过', canEdit: false, adoptingMatter: { name: '第二版积分细则' } });
    const matter = await getMatter(t, villager, proposed.adoptingMatter?.id as string);
    expect(matter).toMatchObject({ type: { code: 'village_rules' }, stage: 'branch_proposal', body: expect.stringContaining('A02 见义勇为、抢险救灾：加 3 分（需要证明）') });
    expect(matter.body).toContain('N01 乱倒垃圾，经劝阻不改：扣 5 分');
    expect((await get(villager, `/api/points/rule-books/${draft.id}`).expect(200)).body.status).toBe('proposed');

    // Frozen, and not in force: recording still uses the old book.
    const edit = await put(secretary, `/api/points/rule-books/${draft.id}`, { ...ruleBookInput('改一下'), version: proposed.version });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'POINTS_REFUSED', message: expect.stringContaining('待村民（代表）会议通过，不能再改') });
    expect((await post(secretary, `/api/points/rule-books/${draft.id}/propose`, { body: '再提一次' })).status).toBe(409);
    expect(await effective()).toBe(old);
    expect((await get(villager, '/api/points/rule-books').expect(200)).body.effective.id).toBe(old);

    const resolved = await resolveRuleBookMatter(t, crew, matter.id);
    expect(resolved.stage).toBe('resolution_disclosure');
    const adopted: RuleBookDetail = (await get(villager, `/api/points/rule-books/${draft.id}`).expect(200)).body;
    expect(adopted).toMatchObject({ status: 'adopted', adoptedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(await effective()).toBe(draft.id);
    expect((await get(villager, `/api/points/rule-books/${old}`).expect(200)).body.status).toBe('superseded');
    expect(await eventCount(t, 'points.rule_book.adopted', draft.id)).toBe(1);
    expect(await eventCount(t, 'points.rule_book.superseded', old as string)).toBe(1);
  });

  it('a book whose matter the 村民会议 rejects is not adopted; adoptRuleBook adopts one for other tests', async () => {
    const before = await effective();
    const draft: RuleBookDetail = (await post(secretary, '/api/points/rule-books', ruleBookInput('没通过的细则')).expect(201)).body;
    const proposed: RuleBookDetail = (await post(secretary, `/api/points/rule-books/${draft.id}/propose`, { body: '提请表决。', matterTitle: '村民积分细则（第三版）' }).expect(200)).body;
    expect(proposed.adoptingMatter?.name).toBe('村民积分细则（第三版）');
    expect((await resolveRuleBookMatter(t, crew, proposed.adoptingMatter?.id as string, false)).stage).toBe('rejected');
    expect((await get(secretary, `/api/points/rule-books/${draft.id}`).expect(200)).body).toMatchObject({ status: 'withdrawn', statusLabel: '未通过', adoptedOn: null });
    expect((await get(villager, `/api/points/rule-books/${draft.id}`)).status).toBe(404);
    expect(await effective()).toBe(before);

    const adopted = await adoptRuleBook(t, crew, ruleBookInput('第四版积分细则'));
    expect(await effective()).toBe(adopted.id);
    expect((await get(villager, '/api/points/rule-books').expect(200)).body.books.filter((b: { status: string }) => b.status === 'adopted')).toHaveLength(1);
  });

  it('leaves a valid audit chain', async () => {
    const verdict = await get(supervisor, '/api/audit/verify').expect(200);
    expect(verdict.body.ok).toBe(true);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE entity_type = 'points_rule_book' AND village_id = ?")).toBeGreaterThan(10);
  });
});
