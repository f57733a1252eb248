import type { Me, TownshipVillageRow } from '@village/shared';
import { createOtherVillage } from '../factories/other-village';
import { bearer, loginAs } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

describe.each(testDatabaseKinds())('township oversight on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('signs a 乡镇干部 in with the township and no village', async () => {
    const staff = await loginAs(t, 'township');
    const me = (await t.http.get('/api/me').set(...bearer(staff)).expect(200)).body as Me;
    expect(me.roles).toEqual(['township_admin']);
    expect(me.village).toBeNull();
    expect(me.township).toMatchObject({ name: '聪子峪乡', staffName: '常建军', staffTitle: '包村干部' });
  });

  it("lists the township's villages only, with how many households can be reached online", async () => {
    const other = await createOtherVillage(t.dataSource); // another township
    await loginAs(t, 'household_rep'); // binds one representative's WeChat
    const staff = await loginAs(t, 'township');
    const rows = (await t.http.get('/api/township/villages').set(...bearer(staff)).expect(200)).body as TownshipVillageRow[];
    expect(rows).toEqual([
      expect.objectContaining({ name: '土岭底村', households: 85, residents: 256, councilChannelBound: false }),
    ]);
    expect(rows[0].householdsOnline).toBeGreaterThanOrEqual(1);

    const summary = await t.http.get(`/api/township/villages/${rows[0].id}`).set(...bearer(staff)).expect(200);
    expect(summary.body.name).toBe('土岭底村');
    const foreign = await t.http.get(`/api/township/villages/${other.villageId}`).set(...bearer(staff)).expect(404);
    expect(foreign.body.code).toBe('VILLAGE_NOT_IN_TOWNSHIP');
  });

  it('keeps villagers and committee out of the township view, and staff out of village work', async () => {
    const secretary = await loginAs(t, 'secretary');
    const refused = await t.http.get('/api/township/villages').set(...bearer(secretary)).expect(403);
    expect(refused.body.code).toBe('ROLE_REQUIRED');
    const staff = await loginAs(t, 'township');
    const [resident] = await t.dataSource.query('SELECT id FROM resident ORDER BY id LIMIT 1');
    await t.http.post(`/api/residents/${resident.id}/binding-codes`).set(...bearer(staff)).expect(403);
  });
});
