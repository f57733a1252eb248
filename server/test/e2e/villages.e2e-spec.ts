import { CORRELATION_HEADER, type VillageSummary } from '@village/shared';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

describe.each(testDatabaseKinds())('GET /api/villages/current on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('summarises the seeded demo village', async () => {
    const res = await t.http.get('/api/villages/current').expect(200);
    const body = res.body as VillageSummary;

    expect(body).toMatchObject({
      code: '140431203201',
      name: '土岭底村',
      township: { name: '聪子峪乡', county: '沁源县' },
      councilChannelName: '土岭底村村民议事群',
      households: 85,
      residents: 256,
      partyMembers: 15,
      villagerReps: 12,
      supervisors: 3,
    });
    expect(body.adultResidents).toBeGreaterThan(150);
    expect(body.adultResidents).toBeLessThan(256);
    expect(body.grids.map((g) => g.name)).toEqual(['第一网格', '第二网格', '第三网格']);
    expect(body.grids.map((g) => g.households)).toEqual([28, 28, 29]);
    expect(body.grids.every((g) => typeof g.leaderName === 'string' && g.leaderName.length >= 2)).toBe(true);
    expect(body.villageGroups).toEqual([
      expect.objectContaining({ name: '土岭底组', households: 56 }),
      expect.objectContaining({ name: '南坪组', households: 29 }),
    ]);
  });

  it('stops counting residents who moved out or died, and households that dissolved', async () => {
    const [resident] = await t.dataSource.query(
      "SELECT id, household_id FROM resident WHERE relation_to_head <> '户主' ORDER BY id LIMIT 1",
    );
    await t.dataSource.query("UPDATE resident SET status = 'moved_out' WHERE id = ?", [resident.id]);
    const before = (await t.http.get('/api/villages/current').expect(200)).body as VillageSummary;
    expect(before.residents).toBe(255);

    await t.dataSource.query("UPDATE resident SET status = 'active' WHERE id = ?", [resident.id]);
    expect(((await t.http.get('/api/villages/current')).body as VillageSummary).residents).toBe(256);
  });

  it('echoes a client correlation id', async () => {
    const res = await t.http.get('/api/villages/current').set(CORRELATION_HEADER, 'phone-1234abcd').expect(200);
    expect(res.headers[CORRELATION_HEADER]).toBe('phone-1234abcd');
  });
});

describe.each(testDatabaseKinds())('GET /api/villages/current with no such village on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { DEMO_SEED: 'false' });
  });
  afterAll(() => t.close());

  it('answers 404 in the one error shape, in Chinese', async () => {
    const res = await t.http.get('/api/villages/current').expect(404);
    expect(res.body).toEqual({
      code: 'VILLAGE_NOT_FOUND',
      message: expect.stringContaining('没有找到代码为 140431203201 的村'),
      correlationId: res.headers[CORRELATION_HEADER],
    });
  });
});
