import { randomUUID } from 'node:crypto';
import { addDays, chinaDay, type LoginResult, type NoticeAwareness, type TownshipConveningObligationView, type VillageCadence, type VillageOversightRow } from '@village/shared';
import { createOtherVillage } from '../factories/other-village';
import { createVillageInTownship, sqlTime, type TownshipVillage } from '../factories/township-village';
import { bearer, loginAs } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())('township oversight page on %s', (kind) => {
  let t: TestApp;
  let staff: LoginResult;
  let secretary: LoginResult;
  let demoVillageId: string;
  let second: TownshipVillage;
  const today = chinaDay(new Date());

  const get = (path: string, login: LoginResult = staff) => t.http.get(path).set(...bearer(login));

  async function notice(villageId: string, kind: string, status: string, publishedDaysAgo: number, audience = 'all'): Promise<string> {
    const id = randomUUID();
    const published = new Date(Date.now() - publishedDaysAgo * DAY_MS);
    const day = chinaDay(published);
    await t.dataSource.query(
      'INSERT INTO notice (id, village_id, kind, title, body, status, audience, pinned, starts_on, ends_on, published_at, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
      [id, villageId, kind, '测试公开', '正文', status, audience, false, day, addDays(day, 7), sqlTime(published), sqlTime(published), sqlTime(published)],
    );
    return id;
  }

  async function read(villageId: string, noticeId: string, residentId: string, householdId: string): Promise<void> {
    await t.dataSource.query('INSERT INTO notice_read (id, village_id, notice_id, resident_id, household_id, read_at) VALUES (?, ?, ?, ?, ?, ?)', [
      randomUUID(),
      villageId,
      noticeId,
      residentId,
      householdId,
      sqlTime(new Date()),
    ]);
  }

  async function matterWithOpinions(villageId: string, residentId: string, opinions: { blocking: boolean; lifted: boolean }[]): Promise<void> {
    const matterId = randomUUID();
    const now = sqlTime(new Date());
    await t.dataSource.query(
      "INSERT INTO matter (id, village_id, type_code, title, body, stage, stage_entered_on, current_revision, workflow_version, meetings_json, disclosures_json, created_by_resident_id, created_at, updated_at, version) VALUES (?, ?, 'general', '测试事项', '正文', 'committees_deliberation', ?, 1, 1, '[]', '[]', ?, ?, ?, 1)",
      [matterId, villageId, today, residentId, now, now],
    );
    for (const o of opinions) {
      await t.dataSource.query(
        "INSERT INTO matter_opinion (id, matter_id, village_id, stage, text, blocking, given_by_resident_id, given_at, given_on, lifted_by_resident_id, lifted_at) VALUES (?, ?, ?, 'committees_deliberation', '请补齐材料', ?, ?, ?, ?, ?, ?)",
        [randomUUID(), matterId, villageId, o.blocking, residentId, now, today, o.lifted ? residentId : null, o.lifted ? now : null],
      );
    }
  }

  async function petition(villageId: string, residentId: string, petitionedOn: string, dueBy: string): Promise<void> {
    await t.dataSource.query(
      "INSERT INTO convening_petition (id, village_id, body, petitioned_on, subject, source, adult_signer_ids_json, representative_signer_ids_json, photo_ids_json, adult_residents, representatives, due_by, created_by_resident_id, created_at) VALUES (?, ?, 'villager_assembly', ?, '修路', 'petition', '[]', '[]', '[]', 4, 0, ?, ?, ?)",
      [randomUUID(), villageId, petitionedOn, dueBy, residentId, sqlTime(new Date())],
    );
  }

  async function proposal(villageId: string, residentId: string, dueBy: string, answeredOn: string | null): Promise<void> {
    const now = sqlTime(new Date());
    await t.dataSource.query(
      "INSERT INTO proposal (id, village_id, title, body, category_code, status, text_check, raised_by_resident_id, raised_at, public_on, reply_days, reply_due_by, answered_on, cosign_count, steps_json, updated_at, version) VALUES (?, ?, '修水渠', '正文', 'water', 'raised', 'pass', ?, ?, ?, 10, ?, ?, 0, '[]', ?, 1)",
      [randomUUID(), villageId, residentId, now, addDays(dueBy, -10), dueBy, answeredOn, now],
    );
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
    staff = await loginAs(t, 'township');
    secretary = await loginAs(t, 'secretary');
    demoVillageId = secretary.me.village?.id as string;
    const [{ township_id: townshipId }] = await t.dataSource.query('SELECT township_id FROM village WHERE id = ?', [demoVillageId]);

    // 二村 in the same township: four households, a constructed situation.
    second = await createVillageInTownship(t.dataSource, townshipId, '140431203288', '二村', 4);
    const [a, b] = second.households;
    // 党务 last published 400 days ago: overdue (quarterly); 村务 10 days ago; 财务 never (not due yet).
    await notice(second.villageId, 'party', 'archived', 400);
    const recent = await notice(second.villageId, 'village', 'published', 10);
    const unread = await notice(second.villageId, 'finance', 'published', 89);
    await notice(second.villageId, 'village', 'archived', 120); // outside the 90 days: not averaged
    await notice(second.villageId, 'audit_checkpoint', 'published', 1); // a record, not averaged
    await read(second.villageId, recent, a.residentId, a.householdId);
    await read(second.villageId, recent, b.residentId, b.householdId);
    void unread; // nobody read it: 0/4
    // Awareness: (2/4 + 0/4) / 2 = 0.25
    await matterWithOpinions(second.villageId, a.residentId, [
      { blocking: true, lifted: false },
      { blocking: true, lifted: true },
      { blocking: false, lifted: false },
    ]);
    await petition(second.villageId, a.residentId, addDays(today, -40), addDays(today, 10)); // open
    await petition(second.villageId, a.residentId, addDays(today, -60), addDays(today, -5)); // overdue
    await proposal(second.villageId, a.residentId, addDays(today, -3), null); // overdue reply
    await proposal(second.villageId, a.residentId, addDays(today, 2), null); // still has time
    await proposal(second.villageId, a.residentId, addDays(today, -5), addDays(today, -6)); // answered

    // Another township's village with a blocking opinion: never on this page.
    const other = await createOtherVillage(t.dataSource);
    await matterWithOpinions(other.villageId, other.residentId, [{ blocking: true, lifted: false }]);
  });
  afterAll(() => t.close());

  it("shows the township's own villages only, with the constructed figures", async () => {
    const rows = (await get('/api/township/oversight').expect(200)).body as VillageOversightRow[];
    expect(rows.map((r) => r.village.name)).toEqual(['二村', '土岭底村']); // by name (pinyin) by default
    expect(rows[0]).toEqual({
      village: { id: second.villageId, name: '二村' },
      overdueDisclosures: 1,
      overdueProposalReplies: 1,
      openBlockingOpinions: 1,
      openConveningObligations: 1,
      overdueConveningObligations: 1,
      averageAwareness: 0.25,
    });
  });

  it("agrees with the township's other views and each notice's own 知晓率 for the demo village", async () => {
    const rows = (await get('/api/township/oversight').expect(200)).body as VillageOversightRow[];
    const demo = rows.find((r) => r.village.id === demoVillageId) as VillageOversightRow;
    const cadence = (await get('/api/township/notice-cadence').expect(200)).body as VillageCadence[];
    expect(demo.overdueDisclosures).toBe(cadence.find((c) => c.village.id === demoVillageId)?.overdueCount);
    const obligations = (await get('/api/township/convening-obligations').expect(200)).body as TownshipConveningObligationView[];
    const mine = obligations.filter((o) => o.village.id === demoVillageId);
    expect(demo.openConveningObligations).toBe(mine.filter((o) => o.status === 'open').length);
    expect(demo.overdueConveningObligations).toBe(mine.filter((o) => o.status === 'overdue').length);

    const since = sqlTime(new Date(Date.now() - 90 * DAY_MS));
    const recent: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM notice WHERE village_id = ? AND status IN ('published', 'archived') AND kind <> 'audit_checkpoint' AND published_at >= ?",
      [demoVillageId, since],
    );
    const rates: number[] = [];
    for (const { id } of recent) {
      const awareness = (await get(`/api/notices/${id}/awareness`, secretary).expect(200)).body as NoticeAwareness;
      if (awareness.rate.denominator > 0) rates.push(awareness.rate.numerator / awareness.rate.denominator);
    }
    const expected = rates.length ? rates.reduce((x, y) => x + y, 0) / rates.length : null;
    if (expected === null) expect(demo.averageAwareness).toBeNull();
    else expect(demo.averageAwareness).toBeCloseTo(expected, 10);
  });

  it('sorts by any column, worst first unless told otherwise', async () => {
    const sorted = async (query: string): Promise<string[]> =>
      ((await get(`/api/township/oversight?${query}`).expect(200)).body as VillageOversightRow[]).map((r) => r.village.name);
    const rows = (await get('/api/township/oversight').expect(200)).body as VillageOversightRow[];
    const [x, y] = rows;
    const byOverdueReplies = [...rows].sort((p, q) => q.overdueProposalReplies - p.overdueProposalReplies || p.village.name.localeCompare(q.village.name, 'zh-Hans-CN')).map((r) => r.village.name);
    expect(await sorted('sort=overdueProposalReplies')).toEqual(byOverdueReplies);
    expect(await sorted('sort=village&order=desc')).toEqual([y.village.name, x.village.name]);
    const bad = await get('/api/township/oversight?sort=name').expect(400);
    expect(bad.body.message).toContain('sort 只能是');
    await get('/api/township/oversight?order=up').expect(400);
  });

  it('exports the same rows as CSV for Excel: BOM, Chinese headers, 知晓率 in percent', async () => {
    const res = await get('/api/township/oversight.csv?sort=averageAwareness').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="township-oversight-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('村,逾期未公开类别数,超期未答复提议数,未解除的要求纠正监督意见数,待召开会议数（未到期）,逾期未召开会议数,近90天平均知晓率');
    expect(lines).toContain('二村,1,1,1,1,1,25.0%');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(2 + 2); // header, two villages, final CRLF
  });

  it('is for 乡镇干部 only', async () => {
    for (const persona of ['secretary', 'supervisor', 'villager', 'committee']) {
      const login = await loginAs(t, persona);
      expect((await get('/api/township/oversight', login)).status).toBe(403);
      expect((await get('/api/township/oversight.csv', login)).status).toBe(403);
    }
    await t.http.get('/api/township/oversight').expect(401);
  });
});
