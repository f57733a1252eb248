import { idNumberCheckCharacter, type HouseholdDetail, type LoginResult, type RosterResident } from '@village/shared';
import { createOtherVillage, type OtherVillage } from '../factories/other-village';
import { bearer, loginAs } from '../support/auth';
import { auditEvents, auditTotal, count } from '../support/roster';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const withCheck = (first17: string): string => first17 + idNumberCheckCharacter(first17);

describe.each(testDatabaseKinds())('roster management on %s', (kind) => {
  let t: TestApp;
  let secretary: LoginResult;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let gridLeader: LoginResult;
  let householdRep: LoginResult;
  let villager: LoginResult;
  let other: OtherVillage;
  let villageId: string;
  let grids: { id: string; name: string; leader_resident_id: string | null }[];
  let groups: { id: string; name: string }[];
  let numberSeq = 500;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    gridLeader = await loginAs(t, 'grid_leader');
    householdRep = await loginAs(t, 'household_rep');
    villager = await loginAs(t, 'villager');
    other = await createOtherVillage(t.dataSource);
    villageId = secretary.me.village?.id as string;
    grids = await t.dataSource.query('SELECT id, name, leader_resident_id FROM grid WHERE village_id = ? ORDER BY sort_order', [villageId]);
    groups = await t.dataSource.query('SELECT id, name FROM village_group WHERE village_id = ? ORDER BY sort_order', [villageId]);
  });
  afterAll(() => t.close());

  const as = (login: LoginResult) => ({
    get: (path: string) => t.http.get(path).set(...bearer(login)),
    post: (path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body),
    patch: (path: string, body: object) => t.http.patch(path).set(...bearer(login)).send(body),
  });

  const person = (over: Record<string, unknown> = {}) => ({
    name: '测试户主',
    gender: 'male',
    birthDate: '1970-06-01',
    relationToHead: '户主',
    ...over,
  });

  const newHousehold = async (firstMember: Record<string, unknown> = {}, over: Record<string, unknown> = {}): Promise<HouseholdDetail> => {
    numberSeq += 1;
    const res = await as(secretary)
      .post('/api/roster/households', {
        number: String(numberSeq).padStart(4, '0'),
        address: `测试组${numberSeq}号`,
        gridId: grids[0].id,
        villageGroupId: groups[0].id,
        firstMember: person(firstMember),
        ...over,
      })
      .expect(201);
    return res.body as HouseholdDetail;
  };

  const addMember = async (householdId: string, over: Record<string, unknown> = {}): Promise<RosterResident> =>
    (await as(secretary).post(`/api/roster/households/${householdId}/residents`, person({ name: '测试成员', relationToHead: '子', ...over })).expect(201))
      .body as RosterResident;

  /** Runs a refused request and checks that it wrote nothing at all. */
  const refusedWithoutWrites = async (request: () => Promise<{ status: number; body: { code: string; message: string } }>, status: number, code: string) => {
    const before = await auditTotal(t);
    const rows = await count(t, 'SELECT (SELECT COUNT(*) FROM household) + (SELECT COUNT(*) FROM resident) + (SELECT COUNT(*) FROM role_assignment) AS n');
    const res = await request();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(await auditTotal(t)).toBe(before);
    expect(await count(t, 'SELECT (SELECT COUNT(*) FROM household) + (SELECT COUNT(*) FROM resident) + (SELECT COUNT(*) FROM role_assignment) AS n')).toBe(rows);
    return res.body;
  };

  describe('reading the roster', () => {
    it('lists, searches and pages households for the committee', async () => {
      const all = await as(secretary).get('/api/roster/households?pageSize=100').expect(200);
      expect(all.body).toMatchObject({ total: 85, page: 1, pageSize: 100 });
      expect(all.body.items).toHaveLength(85);
      expect(all.body.items[0]).toMatchObject({ number: '0001', grid: { name: '第一网格' }, villageGroup: { name: '土岭底组' }, status: 'active' });
      expect(all.body.items.every((h: { representative: unknown; activeMembers: number }) => h.representative && h.activeMembers >= 1)).toBe(true);

      const page2 = await as(secretary).get('/api/roster/households?page=2&pageSize=10').expect(200);
      expect(page2.body.items.map((h: { number: string }) => h.number)).toEqual(all.body.items.slice(10, 20).map((h: { number: string }) => h.number));

      const member = all.body.items[40].representative.name as string;
      const byName = await as(secretary).get(`/api/roster/households?q=${encodeURIComponent(member)}`).expect(200);
      expect(byName.body.items.map((h: { id: string }) => h.id)).toContain(all.body.items[40].id);

      const byNumber = await as(secretary).get('/api/roster/households?q=008').expect(200);
      expect(byNumber.body.items.map((h: { number: string }) => h.number)).toEqual(['0080', '0081', '0082', '0083', '0084', '0085']);

      const inGrid = await as(secretary).get(`/api/roster/households?gridId=${grids[2].id}&pageSize=100`).expect(200);
      expect(inGrid.body.total).toBe(29);
      const inGroup = await as(secretary).get(`/api/roster/households?villageGroupId=${groups[1].id}`).expect(200);
      expect(inGroup.body.total).toBe(29);
      expect((await as(secretary).get('/api/roster/households?q=%25').expect(200)).body.total).toBe(0);
    });

    it('filters residents by flags, role, gender and age band', async () => {
      const get = async (query: string) => (await as(secretary).get(`/api/roster/residents?${query}`).expect(200)).body;
      expect((await get('pageSize=1')).total).toBe(256);
      expect((await get('isPartyMember=true')).total).toBe(15);
      expect((await get('isVillagerRep=1')).total).toBe(12);
      expect((await get('isRepresentative=true')).total).toBe(85);
      expect((await get('isRepresentative=false')).total).toBe(171);
      const women = await get('gender=female&pageSize=100');
      expect(women.items.every((r: { gender: string }) => r.gender === 'female')).toBe(true);
      const minors = await get('ageBand=minor&pageSize=100');
      expect(minors.total).toBeGreaterThan(0);
      expect(minors.items.every((r: { age: number }) => r.age < 18)).toBe(true);
      const oldest = await get('ageBand=oldest&pageSize=100');
      expect(oldest.items.every((r: { age: number }) => r.age >= 80)).toBe(true);
      const bands = await Promise.all(['minor', 'adult', 'senior', 'oldest'].map((b) => get(`ageBand=${b}&pageSize=1`)));
      expect(bands.reduce((sum, b) => sum + b.total, 0)).toBe(256);
      const first = (await get('pageSize=1')).items[0];
      expect(first).toMatchObject({ householdNumber: '0001', grid: { name: '第一网格' }, villageGroup: { name: '土岭底组' }, phoneMasked: null });
      const detail = await as(secretary).get(`/api/roster/residents/${first.id}`).expect(200);
      expect(detail.body).toMatchObject({ id: first.id, name: first.name });
    });

    it('refuses bad list queries with 400 in Chinese', async () => {
      const res = await as(secretary).get('/api/roster/households?pageSize=101').expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('每页最多 100 条') });
      await as(secretary).get('/api/roster/residents?ageBand=young').expect(400);
      await as(secretary).get('/api/roster/residents?isPartyMember=maybe').expect(400);
      await as(secretary).get('/api/roster/households?gridId=not-a-uuid').expect(400);
      await as(secretary).get('/api/roster/households/not-a-uuid').expect(400);
    });

    it('shows a household with its members, representative first', async () => {
      const list = await as(secretary).get('/api/roster/households?pageSize=100').expect(200);
      const big = list.body.items.find((h: { activeMembers: number }) => h.activeMembers >= 4);
      const res = await as(secretary).get(`/api/roster/households/${big.id}`).expect(200);
      expect(res.body.members).toHaveLength(big.activeMembers);
      expect(res.body.members[0]).toMatchObject({ relationToHead: '户主', isRepresentative: true });
      expect(res.body.members.filter((m: { isRepresentative: boolean }) => m.isRepresentative)).toHaveLength(1);
    });

    it('lets a grid leader read only the households of their own grid', async () => {
      const led = grids.filter((g) => g.leader_resident_id === gridLeader.me.resident?.id).map((g) => g.id);
      expect(led).toHaveLength(1);
      const expected = await count(t, "SELECT COUNT(*) AS n FROM household WHERE grid_id = ? AND status = 'active'", [led[0]]);
      const mine = await as(gridLeader).get('/api/roster/households?pageSize=100').expect(200);
      expect(mine.body.total).toBe(expected);
      expect(mine.body.items.every((h: { grid: { id: string } }) => h.grid.id === led[0])).toBe(true);
      await as(gridLeader).get(`/api/roster/households/${mine.body.items[0].id}`).expect(200);

      const otherGrid = grids.find((g) => g.id !== led[0]) as { id: string };
      const [outside] = await t.dataSource.query('SELECT id FROM household WHERE grid_id = ? LIMIT 1', [otherGrid.id]);
      const refused = await as(gridLeader).get(`/api/roster/households/${outside.id}`).expect(404);
      expect(refused.body.code).toBe('HOUSEHOLD_NOT_FOUND');
      expect((await as(gridLeader).get(`/api/roster/households?gridId=${otherGrid.id}`).expect(200)).body.total).toBe(0);
      const residents = await as(gridLeader).get('/api/roster/residents?pageSize=100').expect(200);
      expect(residents.body.items.every((r: { grid: { id: string } }) => r.grid.id === led[0])).toBe(true);
      await as(gridLeader).post('/api/roster/households', {}).expect(403);
    });

    it('lets supervisors read but not write, and keeps villagers out', async () => {
      await as(supervisor).get('/api/roster/households').expect(200);
      await as(supervisor).get('/api/roster/residents').expect(200);
      const write = await as(supervisor).post('/api/roster/households', {}).expect(403);
      expect(write.body).toMatchObject({ code: 'ROLE_REQUIRED', message: expect.stringContaining('书记') });
      for (const login of [householdRep, villager]) {
        await as(login).get('/api/roster/households').expect(403);
        await as(login).get('/api/roster/residents').expect(403);
      }
      await t.http.get('/api/roster/households').expect(401);
    });

    it('never shows another village', async () => {
      await as(secretary).get(`/api/roster/households/${other.householdId}`).expect(404);
      await as(secretary).get(`/api/roster/residents/${other.residentId}`).expect(404);
      expect((await as(secretary).get(`/api/roster/residents?householdId=${other.householdId}`).expect(200)).body.total).toBe(0);
      const [foreignGrid] = await t.dataSource.query('SELECT id FROM grid WHERE village_id = ?', [other.villageId]);
      expect((await as(secretary).get(`/api/roster/households?gridId=${foreignGrid.id}`).expect(200)).body.total).toBe(0);
      expect((await as(secretary).get('/api/roster/residents?q=外村人').expect(200)).body.total).toBe(0);
    });
  });

  describe('households', () => {
    it('creates a household with its first member as representative, audited, numbers masked', async () => {
      const id = withCheck('14043119700601001');
      const created = await newHousehold({ phone: '139 0000 1111', idNumber: id.toLowerCase() });
      expect(created).toMatchObject({ status: 'active', activeMembers: 1, grid: { id: grids[0].id }, representative: { name: '测试户主' } });
      expect(created.members[0]).toMatchObject({ isRepresentative: true, phoneMasked: '139****1111', idNumberMasked: `1404**********${id.slice(-4)}` });
      const [event] = (await auditEvents(t, 'household.created')).filter((e) => e.entityId === created.id);
      expect(event.after).toMatchObject({ number: created.number, representativeName: '测试户主', gridName: grids[0].name });
      const [residentEvent] = (await auditEvents(t, 'resident.created')).filter((e) => e.entityId === created.members[0].id);
      expect(residentEvent.after).toMatchObject({ phone: '139****1111', idNumber: `1404**********${id.slice(-4)}` });
      const [stored] = await t.dataSource.query('SELECT phone_enc, id_number_enc FROM resident WHERE id = ?', [created.members[0].id]);
      expect(stored.phone_enc).toMatch(/^v1:/);
      expect(stored.id_number_enc).not.toContain(id);
    });

    it('refuses bad households and writes nothing', async () => {
      const base = { number: '0999', address: '测试组', gridId: grids[0].id, villageGroupId: groups[0].id };
      const post = (body: object) => () => as(secretary).post('/api/roster/households', body);

      const minor = await refusedWithoutWrites(post({ ...base, firstMember: person({ birthDate: '2015-01-01' }) }), 409, 'REPRESENTATIVE_MUST_BE_ADULT');
      expect(minor.message).toContain('年满 18 周岁');
      await refusedWithoutWrites(post({ ...base, number: '0001', firstMember: person() }), 409, 'HOUSEHOLD_NUMBER_TAKEN');
      const badId = await refusedWithoutWrites(post({ ...base, firstMember: person({ idNumber: '110105194912310021' }) }), 400, 'VALIDATION_FAILED');
      expect(badId.message).toContain('校验位');
      const badPhone = await refusedWithoutWrites(post({ ...base, firstMember: person({ phone: '1381234567' }) }), 400, 'VALIDATION_FAILED');
      expect(badPhone.message).toContain('手机号应为 11 位');
      const mismatch = await refusedWithoutWrites(post({ ...base, firstMember: person({ idNumber: '11010519491231002X' }) }), 400, 'ID_NUMBER_MISMATCH');
      expect(mismatch.message).toContain('1949-12-31');
      await refusedWithoutWrites(post({ ...base, firstMember: person({ birthDate: '1970-02-30' }) }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(post({ ...base, firstMember: person({ gender: 'unknown' }) }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(post({ ...base }), 400, 'VALIDATION_FAILED');
      const [foreignGrid] = await t.dataSource.query('SELECT id FROM grid WHERE village_id = ?', [other.villageId]);
      await refusedWithoutWrites(post({ ...base, gridId: foreignGrid.id, firstMember: person() }), 404, 'GRID_NOT_FOUND');
      await refusedWithoutWrites(() => as(committee).post('/api/roster/households', {}).then((r) => r), 400, 'VALIDATION_FAILED');
    });

    it('refuses an ID number already on the roster', async () => {
      const id = withCheck('14043119750101001');
      await newHousehold({ idNumber: id, birthDate: '1975-01-01' });
      const res = await refusedWithoutWrites(
        () => as(secretary).post('/api/roster/households', { number: '0998', address: 'x', gridId: grids[0].id, villageGroupId: groups[0].id, firstMember: person({ idNumber: id, birthDate: '1975-01-01' }) }),
        409,
        'ID_NUMBER_TAKEN',
      );
      expect(res.message).toContain('1404**********');
      expect(res.message).not.toContain(id);
    });

    it('edits and moves a household with optimistic locking', async () => {
      const h = await newHousehold();
      const edited = await as(secretary).patch(`/api/roster/households/${h.id}`, { version: h.version, address: '新地址1号' }).expect(200);
      expect(edited.body).toMatchObject({ address: '新地址1号', version: h.version + 1 });

      const stale = await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/households/${h.id}`, { version: h.version, address: '又一个地址' }), 409, 'VERSION_CONFLICT');
      expect(stale.message).toContain('已被别人修改，请刷新');

      const moved = await as(committee)
        .post(`/api/roster/households/${h.id}/move`, { version: edited.body.version, gridId: grids[2].id, villageGroupId: groups[1].id })
        .expect(200);
      expect(moved.body).toMatchObject({ grid: { id: grids[2].id }, villageGroup: { id: groups[1].id } });
      const [event] = (await auditEvents(t, 'household.moved')).filter((e) => e.entityId === h.id);
      expect(event.before).toMatchObject({ gridName: grids[0].name });
      expect(event.after).toMatchObject({ gridName: grids[2].name, villageGroupName: groups[1].name });

      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/move`, { version: moved.body.version, gridId: '5f0c0c0c-0c0c-4c0c-8c0c-0c0c0c0c0c0c' }), 404, 'GRID_NOT_FOUND');
      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/households/${h.id}`, { version: moved.body.version, number: '0001' }), 409, 'HOUSEHOLD_NUMBER_TAKEN');
      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/households/${other.householdId}`, { version: 1, address: 'x' }), 404, 'HOUSEHOLD_NOT_FOUND');
      await refusedWithoutWrites(() => as(supervisor).patch(`/api/roster/households/${h.id}`, { version: moved.body.version, address: 'x' }), 403, 'ROLE_REQUIRED');
    });

    it('changes the representative to another adult member, audited with both names, one at a time', async () => {
      const h = await newHousehold({ name: '老户主' });
      const spouse = await addMember(h.id, { name: '新代表', gender: 'female', relationToHead: '配偶', birthDate: '1972-02-02' });
      const child = await addMember(h.id, { name: '小孩子', birthDate: '2015-05-05' });

      const res = await as(secretary).post(`/api/roster/households/${h.id}/representative`, { version: h.version, residentId: spouse.id }).expect(200);
      expect(res.body.representative).toEqual({ id: spouse.id, name: '新代表' });
      expect(res.body.members.filter((m: { isRepresentative: boolean }) => m.isRepresentative).map((m: { id: string }) => m.id)).toEqual([spouse.id]);
      const [event] = (await auditEvents(t, 'household.representative.changed')).filter((e) => e.entityId === h.id);
      expect(event.before).toMatchObject({ representativeName: '老户主', representativeResidentId: h.members[0].id });
      expect(event.after).toMatchObject({ representativeName: '新代表', representativeResidentId: spouse.id });
      const [row] = await t.dataSource.query("SELECT actor_role FROM audit_event WHERE action = 'household.representative.changed' AND entity_id = ?", [h.id]);
      expect(row.actor_role).toBe('secretary');

      const version = res.body.version;
      const minor = await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/representative`, { version, residentId: child.id }), 409, 'REPRESENTATIVE_MUST_BE_ADULT');
      expect(minor.message).toContain('小孩子');
      const [outsider] = await t.dataSource.query("SELECT id FROM resident WHERE village_id = ? AND household_id <> ? AND status = 'active' LIMIT 1", [villageId, h.id]);
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/representative`, { version, residentId: outsider.id }), 409, 'REPRESENTATIVE_NOT_ELIGIBLE');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/representative`, { version, residentId: other.residentId }), 404, 'RESIDENT_NOT_FOUND');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/representative`, { version: version - 1, residentId: h.members[0].id }), 409, 'VERSION_CONFLICT');
      await refusedWithoutWrites(() => as(householdRep).post(`/api/roster/households/${h.id}/representative`, { version, residentId: h.members[0].id }), 403, 'ROLE_REQUIRED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${other.householdId}/representative`, { version: 1, residentId: other.residentId }), 404, 'HOUSEHOLD_NOT_FOUND');
    });

    it('dissolves a household only when nobody active is left in it', async () => {
      const h = await newHousehold({ name: '独居老人', birthDate: '1940-01-01' });
      const notEmpty = await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/dissolve`, { version: h.version, reason: '测试' }), 409, 'HOUSEHOLD_NOT_EMPTY');
      expect(notEmpty.message).toContain('独居老人');

      // The last member (the representative) dies: nobody adult to succeed, so the post falls vacant.
      await as(secretary).post(`/api/roster/residents/${h.members[0].id}/departure`, { version: 1, status: 'deceased', date: '2026-01-02' }).expect(200);
      const empty = (await as(secretary).get(`/api/roster/households/${h.id}`).expect(200)).body as HouseholdDetail;
      expect(empty).toMatchObject({ representative: null, activeMembers: 0 });

      const dissolved = await as(secretary).post(`/api/roster/households/${h.id}/dissolve`, { version: empty.version, reason: '户主去世，无其他成员' }).expect(200);
      expect(dissolved.body).toMatchObject({ status: 'dissolved', members: [expect.objectContaining({ status: 'deceased', departedOn: '2026-01-02' })] });
      expect((await auditEvents(t, 'household.dissolved')).filter((e) => e.entityId === h.id)[0].after).toMatchObject({ status: 'dissolved', reason: '户主去世，无其他成员' });
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/residents`, person()), 409, 'HOUSEHOLD_DISSOLVED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/dissolve`, { version: dissolved.body.version, reason: '再来' }), 409, 'HOUSEHOLD_DISSOLVED');
      expect((await as(secretary).get('/api/roster/households?status=dissolved').expect(200)).body.items.map((x: { id: string }) => x.id)).toContain(h.id);
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${h.id}/dissolve`, {}), 400, 'VALIDATION_FAILED');
    });
  });

  describe('residents', () => {
    it('adds and edits a resident, audited with masked numbers; null clears a number', async () => {
      const h = await newHousehold();
      const member = await addMember(h.id, { name: '二儿子', birthDate: '1995-03-03', phone: '13700001111' });
      expect(member).toMatchObject({ householdNumber: h.number, phoneMasked: '137****1111', isRepresentative: false });

      const id = withCheck('14043119950303003');
      const edited = await as(secretary)
        .patch(`/api/roster/residents/${member.id}`, { version: member.version, name: '二儿子改名', isPartyMember: true, idNumber: id, phone: null })
        .expect(200);
      expect(edited.body).toMatchObject({ name: '二儿子改名', isPartyMember: true, phoneMasked: null, idNumberMasked: `1404**********${id.slice(-4)}`, version: member.version + 1 });
      const [event] = (await auditEvents(t, 'resident.updated')).filter((e) => e.entityId === member.id);
      expect(event.before).toMatchObject({ name: '二儿子', phone: '137****1111', idNumber: null, isPartyMember: false });
      expect(event.after).toMatchObject({ name: '二儿子改名', phone: null, idNumber: `1404**********${id.slice(-4)}` });

      const unchanged = await as(secretary).patch(`/api/roster/residents/${member.id}`, { version: edited.body.version, name: '二儿子改名' }).expect(200);
      expect(unchanged.body.version).toBe(edited.body.version);

      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/residents/${member.id}`, { version: member.version, name: 'x' }), 409, 'VERSION_CONFLICT');
      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/residents/${member.id}`, { version: edited.body.version, name: null }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/residents/${member.id}`, { version: edited.body.version, birthDate: '1996-01-01' }), 400, 'ID_NUMBER_MISMATCH');
      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/residents/${member.id}`, { version: edited.body.version, idNumber: '140431199503030031' }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/residents/${member.id}`, { name: 'x' }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/residents/${other.residentId}`, { version: 1, name: 'x' }), 404, 'RESIDENT_NOT_FOUND');
      await refusedWithoutWrites(() => as(gridLeader).patch(`/api/roster/residents/${member.id}`, { version: edited.body.version, name: 'x' }), 403, 'ROLE_REQUIRED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/households/${other.householdId}/residents`, person()), 404, 'HOUSEHOLD_NOT_FOUND');
    });

    it('needs a new representative when the representative leaves and another adult remains', async () => {
      const h = await newHousehold({ name: '要迁出的户主' });
      const wife = await addMember(h.id, { name: '留下的妻子', gender: 'female', relationToHead: '配偶' });
      const rep = h.members[0];

      const refused = await refusedWithoutWrites(() => as(secretary).post(`/api/roster/residents/${rep.id}/departure`, { version: rep.version, status: 'moved_out' }), 409, 'REPRESENTATIVE_SUCCESSOR_REQUIRED');
      expect(refused.message).toContain('请同时指定新的户代表');
      expect(refused.message).toContain('留下的妻子');

      const res = await as(secretary)
        .post(`/api/roster/residents/${rep.id}/departure`, { version: rep.version, status: 'moved_out', newRepresentativeResidentId: wife.id, note: '迁往太原' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'moved_out', isRepresentative: false });
      const after = (await as(secretary).get(`/api/roster/households/${h.id}`).expect(200)).body as HouseholdDetail;
      expect(after.representative).toEqual({ id: wife.id, name: '留下的妻子' });
      const [event] = (await auditEvents(t, 'household.representative.changed')).filter((e) => e.entityId === h.id);
      expect(event.before).toMatchObject({ representativeName: '要迁出的户主' });
      expect(event.after).toMatchObject({ representativeName: '留下的妻子' });
      expect((await auditEvents(t, 'resident.departed')).filter((e) => e.entityId === rep.id)[0].after).toMatchObject({ status: 'moved_out', note: '迁往太原' });

      await refusedWithoutWrites(() => as(secretary).patch(`/api/roster/residents/${rep.id}`, { version: res.body.version, name: 'x' }), 409, 'RESIDENT_INACTIVE');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/residents/${rep.id}/departure`, { version: res.body.version, status: 'deceased' }), 409, 'RESIDENT_INACTIVE');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/residents/${wife.id}/departure`, { version: wife.version, status: 'gone' }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/residents/${wife.id}/departure`, { version: wife.version, status: 'deceased', date: '2999-01-01' }), 400, 'VALIDATION_FAILED');
      expect((await as(secretary).get('/api/roster/residents?status=moved_out').expect(200)).body.items.map((r: { id: string }) => r.id)).toContain(rep.id);
    });

    it('ends the offices of someone who dies, and leaves their grid without a leader', async () => {
      const h = await newHousehold({ name: '临时网格员' });
      const grid = (await as(secretary).get('/api/roster/grids').expect(200)).body.find((g: { id: string }) => g.id === grids[1].id);
      // Not the grid_leader persona's grid: other tests still sign in as them.
      expect(grid.leader.id).not.toBe(gridLeader.me.resident?.id);
      await as(secretary).post(`/api/roster/grids/${grids[1].id}/leader`, { version: grid.version, residentId: h.members[0].id }).expect(200);

      await as(secretary).post(`/api/roster/residents/${h.members[0].id}/departure`, { version: 1, status: 'deceased' }).expect(200);
      const [row] = await t.dataSource.query('SELECT leader_resident_id FROM grid WHERE id = ?', [grids[1].id]);
      expect(row.leader_resident_id).toBeNull();
      expect(await count(t, "SELECT COUNT(*) AS n FROM role_assignment WHERE resident_id = ? AND ended_on IS NULL", [h.members[0].id])).toBe(0);
      expect((await auditEvents(t, 'role_assignment.ended')).some((e) => (e.after as { residentId: string }).residentId === h.members[0].id)).toBe(true);

      // Put the demo leader back for the tests that follow.
      const vacant = (await as(secretary).get('/api/roster/grids').expect(200)).body.find((g: { id: string }) => g.id === grids[1].id);
      expect(vacant.leader).toBeNull();
      await as(secretary).post(`/api/roster/grids/${grids[1].id}/leader`, { version: vacant.version, residentId: grid.leader.id }).expect(200);
    });
  });

  describe('grids', () => {
    it('lists grids with their leaders and sizes', async () => {
      const res = await as(gridLeader).get('/api/roster/grids').expect(200);
      expect(res.body.map((g: { name: string }) => g.name)).toEqual(['第一网格', '第二网格', '第三网格']);
      expect(res.body.every((g: { leader: { name: string } | null; households: number; residents: number }) => g.leader && g.households >= 28 && g.residents > g.households)).toBe(true);
      await as(villager).get('/api/roster/grids').expect(403);
    });

    it('appoints a grid leader: the office follows, the old leader’s ends, all audited', async () => {
      const h = await newHousehold({ name: '新网格员' });
      // A grid the grid_leader persona does not lead: other tests still sign in as them.
      const target = grids.find((g) => g.leader_resident_id !== gridLeader.me.resident?.id && g.id !== grids[1].id) as { id: string };
      const before = (await as(secretary).get('/api/roster/grids').expect(200)).body.find((g: { id: string }) => g.id === target.id);
      const oldLeader = before.leader.id as string;

      const res = await as(committee).post(`/api/roster/grids/${target.id}/leader`, { version: before.version, residentId: h.members[0].id }).expect(200);
      expect(res.body).toMatchObject({ leader: { id: h.members[0].id, name: '新网格员', householdNumber: h.number }, version: before.version + 1 });
      expect(await count(t, "SELECT COUNT(*) AS n FROM role_assignment WHERE resident_id = ? AND role = 'grid_leader' AND ended_on IS NULL", [h.members[0].id])).toBe(1);
      expect(await count(t, "SELECT COUNT(*) AS n FROM role_assignment WHERE resident_id = ? AND role = 'grid_leader' AND ended_on IS NULL", [oldLeader])).toBe(0);
      const [event] = (await auditEvents(t, 'grid.leader.changed')).filter((e) => e.entityId === target.id).slice(-1);
      expect(event.after).toMatchObject({ leaderName: '新网格员' });

      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/grids/${target.id}/leader`, { version: before.version, residentId: oldLeader }), 409, 'VERSION_CONFLICT');
      const child = await addMember(h.id, { name: '孩子', birthDate: '2016-01-01' });
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/grids/${target.id}/leader`, { version: res.body.version, residentId: child.id }), 409, 'OFFICE_HOLDER_NOT_ELIGIBLE');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/grids/${target.id}/leader`, { version: res.body.version, residentId: other.residentId }), 404, 'RESIDENT_NOT_FOUND');
      const [foreignGrid] = await t.dataSource.query('SELECT id FROM grid WHERE village_id = ?', [other.villageId]);
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/grids/${foreignGrid.id}/leader`, { version: 1, residentId: null }), 404, 'GRID_NOT_FOUND');
      await refusedWithoutWrites(() => as(gridLeader).post(`/api/roster/grids/${target.id}/leader`, { version: res.body.version, residentId: oldLeader }), 403, 'ROLE_REQUIRED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/grids/${target.id}/leader`, { residentId: oldLeader }), 400, 'VALIDATION_FAILED');

      // Back to the demo leader; the new one, leading no grid now, loses the office again.
      await as(secretary).post(`/api/roster/grids/${target.id}/leader`, { version: res.body.version, residentId: oldLeader }).expect(200);
      expect(await count(t, "SELECT COUNT(*) AS n FROM role_assignment WHERE resident_id = ? AND role = 'grid_leader' AND ended_on IS NULL", [h.members[0].id])).toBe(0);
    });
  });

  describe('composition (OL art. 25, 32)', () => {
    const report = async (login: LoginResult = secretary) => (await as(login).get('/api/roster/composition').expect(200)).body;
    const supervisors = async () => (await report()).supervisoryCommittee.members as { assignmentId: string; residentId: string; hasAccountingKnowledge: boolean }[];

    it('reports the demo village as composed within the law', async () => {
      const body = await report(supervisor);
      expect(body.villagerAssembly.figures).toEqual({ members: 14, representatives: 12, womenRepresentatives: 5, households: expect.any(Number) });
      expect(body.villagerAssembly.issues).toEqual([]);
      expect(body.supervisoryCommittee.members).toHaveLength(3);
      expect(body.supervisoryCommittee.members.filter((m: { hasAccountingKnowledge: boolean }) => m.hasAccountingKnowledge)).toHaveLength(1);
      expect(body.supervisoryCommittee.issues).toEqual([]);
      await as(gridLeader).get('/api/roster/composition').expect(403);
    });

    it('refuses appointing a village-committee member or someone from their household (art. 32), 409 naming the rule', async () => {
      const [chair] = await t.dataSource.query(
        "SELECT r.id, r.household_id FROM role_assignment a JOIN resident r ON r.id = a.resident_id WHERE a.role = 'village_committee' AND a.village_id = ? AND a.ended_on IS NULL ORDER BY a.id LIMIT 1",
        [villageId],
      );
      const self = await refusedWithoutWrites(() => as(secretary).post('/api/roster/supervisors', { residentId: chair.id, hasAccountingKnowledge: true }), 409, 'COMPOSITION_VIOLATION');
      expect(self.message).toContain('村民委员会成员及其近亲属不得担任村务监督委员会成员');
      expect(self.message).toContain('《村民委员会组织法》第三十二条');

      const relative = await addMember(chair.household_id, { name: '委员的儿子', birthDate: '1990-01-01' });
      const res = await refusedWithoutWrites(() => as(secretary).post('/api/roster/supervisors', { residentId: relative.id, hasAccountingKnowledge: false }), 409, 'COMPOSITION_VIOLATION');
      expect(res.message).toContain('同户');
    });

    it('keeps the committee at 3–5 with an accountant when appointing and ending terms', async () => {
      const people: RosterResident[] = [];
      for (const [i, suffix] of ['甲', '乙', '丙'].entries()) {
        people.push((await newHousehold({ name: `监委候选${suffix}`, birthDate: `196${i + 1}-01-01` })).members[0]);
      }
      const current = await supervisors();
      expect(current).toHaveLength(3);
      // Not the supervisor persona's own seat: other tests still sign in as them.
      const plain = current.find((m) => !m.hasAccountingKnowledge && m.residentId !== supervisor.me.resident?.id) as { assignmentId: string };
      const accountant = current.find((m) => m.hasAccountingKnowledge) as { assignmentId: string };

      const tooFew = await refusedWithoutWrites(() => as(secretary).post(`/api/roster/supervisors/${plain.assignmentId}/end`, { reason: '辞职' }), 409, 'COMPOSITION_VIOLATION');
      expect(tooFew.message).toContain('请先任命接替的成员');

      const appointed = await as(secretary).post('/api/roster/supervisors', { residentId: people[0].id, hasAccountingKnowledge: false, title: '委员' }).expect(201);
      expect(appointed.body).toMatchObject({ residentId: people[0].id, name: '监委候选甲', title: '委员', hasAccountingKnowledge: false });
      expect((await auditEvents(t, 'supervisor.appointed')).slice(-1)[0].after).toMatchObject({ residentName: '监委候选甲', membersAfter: 4 });
      await refusedWithoutWrites(() => as(secretary).post('/api/roster/supervisors', { residentId: people[0].id, hasAccountingKnowledge: false }), 409, 'COMPOSITION_VIOLATION');

      const noAccountant = await refusedWithoutWrites(() => as(secretary).post(`/api/roster/supervisors/${accountant.assignmentId}/end`, { reason: '调走' }), 409, 'COMPOSITION_VIOLATION');
      expect(noAccountant.message).toContain('财会');

      const ended = await as(secretary).post(`/api/roster/supervisors/${plain.assignmentId}/end`, { reason: '本人辞职', endedOn: '2026-11-01' }).expect(200);
      expect(ended.body.assignmentId).toBe(plain.assignmentId);
      expect((await auditEvents(t, 'supervisor.ended')).slice(-1)[0].after).toMatchObject({ reason: '本人辞职', endedOn: '2026-11-01' });
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/supervisors/${plain.assignmentId}/end`, { reason: '再次' }), 409, 'ASSIGNMENT_ENDED');

      await as(secretary).post('/api/roster/supervisors', { residentId: people[1].id, hasAccountingKnowledge: false }).expect(201);
      await as(secretary).post('/api/roster/supervisors', { residentId: people[2].id, hasAccountingKnowledge: true }).expect(201);
      expect(await supervisors()).toHaveLength(5);
      const [extra] = await t.dataSource.query(
        "SELECT r.id FROM resident r WHERE r.village_id = ? AND r.status = 'active' AND r.birth_date < '1990-01-01' AND NOT EXISTS (SELECT 1 FROM role_assignment a WHERE a.resident_id = r.id) AND r.household_id NOT IN (SELECT x.household_id FROM resident x JOIN role_assignment a ON a.resident_id = x.id AND a.role IN ('village_committee', 'secretary')) ORDER BY r.id LIMIT 1",
        [villageId],
      );
      const full = await refusedWithoutWrites(() => as(secretary).post('/api/roster/supervisors', { residentId: extra.id, hasAccountingKnowledge: true }), 409, 'COMPOSITION_VIOLATION');
      expect(full.message).toContain('3 至 5 人');
      expect((await report()).supervisoryCommittee.issues).toEqual([]);
    });

    it('refuses other villages, wrong roles and bad input', async () => {
      const [foreign] = await t.dataSource.query('SELECT id FROM resident WHERE village_id = ?', [other.villageId]);
      await refusedWithoutWrites(() => as(secretary).post('/api/roster/supervisors', { residentId: foreign.id, hasAccountingKnowledge: false }), 404, 'RESIDENT_NOT_FOUND');
      const foreignAssignment = '0b7c8f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
      await t.dataSource.query("INSERT INTO role_assignment (id, village_id, resident_id, role, started_on) VALUES (?, ?, ?, 'supervisor', '2024-01-01')", [
        foreignAssignment,
        other.villageId,
        other.residentId,
      ]);
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/supervisors/${foreignAssignment}/end`, { reason: 'x' }), 404, 'ASSIGNMENT_NOT_FOUND');
      const [member] = (await supervisors()) as { assignmentId: string }[];
      await refusedWithoutWrites(() => as(supervisor).post(`/api/roster/supervisors/${member.assignmentId}/end`, { reason: 'x' }), 403, 'ROLE_REQUIRED');
      await refusedWithoutWrites(() => as(secretary).post('/api/roster/supervisors', { residentId: foreign.id }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/supervisors/${member.assignmentId}/end`, {}), 400, 'VALIDATION_FAILED');
    });

    it('warns, without blocking, when women are under a third of the assembly', async () => {
      const reps: RosterResident[] = (await as(secretary).get('/api/roster/residents?isVillagerRep=true&gender=female').expect(200)).body.items;
      for (const rep of reps.slice(0, 2)) {
        await as(secretary).patch(`/api/roster/residents/${rep.id}`, { version: rep.version, isVillagerRep: false }).expect(200);
      }
      const body = await report();
      expect(body.villagerAssembly.issues.map((i: { rule: string }) => i.rule)).toContain('assembly.women_share');
      const issue = body.villagerAssembly.issues.find((i: { rule: string }) => i.rule === 'assembly.women_share');
      expect(issue).toMatchObject({ severity: 'warning', basis: '《村民委员会组织法》第二十五条', message: expect.stringContaining('三分之一') });
    });
  });

  describe('personal data correction requests (PIPL art. 46)', () => {
    it('lets a villager ask, the committee answer once, all audited; long numbers are masked', async () => {
      const asked = await as(villager).post('/api/me/correction-requests', { field: 'phone', message: '我的手机号换成了 13966667777，请更正' }).expect(201);
      expect(asked.body).toMatchObject({ field: 'phone', status: 'open', message: '我的手机号换成了 139****7777，请更正', resident: { id: villager.me.resident?.id } });
      expect(JSON.stringify(asked.body)).not.toContain('13966667777');

      const mine = await as(villager).get('/api/me/correction-requests').expect(200);
      expect(mine.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);
      const open = await as(supervisor).get('/api/roster/correction-requests?status=open').expect(200);
      expect(open.body.items.map((r: { id: string }) => r.id)).toContain(asked.body.id);

      const answered = await as(secretary)
        .post(`/api/roster/correction-requests/${asked.body.id}/answer`, { version: asked.body.version, outcome: 'corrected', answer: '已核对并更正手机号' })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'answered', outcome: 'corrected', answeredBy: { id: secretary.me.resident?.id } });
      expect((await as(villager).get('/api/me/correction-requests?status=answered').expect(200)).body.items[0]).toMatchObject({ answer: '已核对并更正手机号' });
      expect((await auditEvents(t, 'resident.correction.requested')).slice(-1)[0].after).toMatchObject({ field: 'phone', message: '我的手机号换成了 139****7777，请更正' });
      expect((await auditEvents(t, 'resident.correction.answered')).slice(-1)[0].after).toMatchObject({ outcome: 'corrected' });

      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/correction-requests/${asked.body.id}/answer`, { version: answered.body.version, outcome: 'declined', answer: '再答一次' }), 409, 'CORRECTION_ANSWERED');
    });

    it('refuses wrong callers, other villages, bad input and too many open requests', async () => {
      const newUser = await loginAs(t, 'new');
      await as(newUser).post('/api/me/correction-requests', { field: 'name', message: '名字错了' }).expect(403);
      await refusedWithoutWrites(() => as(villager).post('/api/me/correction-requests', { field: 'salary', message: '名字错了' }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(() => as(villager).post('/api/me/correction-requests', { field: 'name' }), 400, 'VALIDATION_FAILED');
      const asked = await as(householdRep).post('/api/me/correction-requests', { field: 'birth_date', message: '出生日期应为 1961-02-03' }).expect(201);
      await refusedWithoutWrites(() => as(villager).post(`/api/roster/correction-requests/${asked.body.id}/answer`, { version: 1, outcome: 'declined', answer: '不行' }), 403, 'ROLE_REQUIRED');
      await refusedWithoutWrites(() => as(supervisor).post(`/api/roster/correction-requests/${asked.body.id}/answer`, { version: 1, outcome: 'declined', answer: '不行' }), 403, 'ROLE_REQUIRED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/correction-requests/${asked.body.id}/answer`, { version: 1, outcome: 'maybe', answer: '不行' }), 400, 'VALIDATION_FAILED');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/correction-requests/${asked.body.id}/answer`, { version: 7, outcome: 'declined', answer: '户口簿上就是这个日期' }), 409, 'VERSION_CONFLICT');
      await refusedWithoutWrites(() => as(secretary).post(`/api/roster/correction-requests/${other.residentId}/answer`, { version: 1, outcome: 'declined', answer: '不行不行' }), 404, 'CORRECTION_REQUEST_NOT_FOUND');
      await as(villager).get('/api/roster/correction-requests').expect(403);
      // Each villager sees only their own requests.
      expect((await as(villager).get('/api/me/correction-requests').expect(200)).body.items.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);

      for (let i = (await as(householdRep).get('/api/me/correction-requests?status=open').expect(200)).body.total; i < 5; i += 1) {
        await as(householdRep).post('/api/me/correction-requests', { field: 'other', message: `第 ${i} 条` }).expect(201);
      }
      await refusedWithoutWrites(() => as(householdRep).post('/api/me/correction-requests', { field: 'other', message: '第六条' }), 409, 'CORRECTION_LIMIT_REACHED');
    });
  });
});
