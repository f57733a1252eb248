import { idNumberCheckCharacter, type HouseholdDetail, type LoginResult } from '@village/shared';
import { bearer, loginAs } from '../support/auth';
import { allCellText, download, upload } from '../support/roster';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const withCheck = (first17: string): string => first17 + idNumberCheckCharacter(first17);

/** Numbers planted in the roster; none may ever leave the server in full. */
const PHONES = ['13911110001', '13911110002', '13911110003', '13911110004', '13911110005'];
const IDS = [
  withCheck('14043119700601001'),
  withCheck('14043119720202002'),
  withCheck('14043119650505003'),
  withCheck('14043119800808004'),
  withCheck('14043119900909005'),
];

/** Unmasked mainland mobiles or 18-digit ID numbers anywhere (not inside uuids or other tokens). */
const UNMASKED = /(?<![0-9A-Za-z-])(?:1[3-9]\d{9}|\d{17}[\dX])(?![0-9A-Za-z])/;

describe.each(testDatabaseKinds())('roster responses never carry unmasked phone or ID numbers on %s', (kind) => {
  let t: TestApp;
  let secretary: LoginResult;
  let supervisor: LoginResult;
  let gridLeader: LoginResult;
  let villager: LoginResult;
  const seen: { what: string; text: string }[] = [];

  const keep = (what: string, res: { status: number; text: string }): void => {
    if (res.status >= 500) throw new Error(`${what} → ${res.status} ${res.text}`);
    seen.push({ what, text: res.text });
  };
  const get = async (login: LoginResult, path: string) => {
    const res = await t.http.get(path).set(...bearer(login));
    keep(`GET ${path}`, res);
    return res;
  };
  const send = async (login: LoginResult, method: 'post' | 'patch', path: string, body: object) => {
    const res = await t.http[method](path).set(...bearer(login)).send(body);
    keep(`${method.toUpperCase()} ${path}`, res);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretary = await loginAs(t, 'secretary');
    supervisor = await loginAs(t, 'supervisor');
    gridLeader = await loginAs(t, 'grid_leader');
    villager = await loginAs(t, 'villager');
    const villageId = secretary.me.village?.id as string;
    const [grid] = await t.dataSource.query('SELECT id FROM grid WHERE village_id = ? ORDER BY sort_order LIMIT 1', [villageId]);
    const [group] = await t.dataSource.query('SELECT id FROM village_group WHERE village_id = ? ORDER BY sort_order LIMIT 1', [villageId]);

    // 1. A new household and member through the forms, and a refused duplicate (its error names the holder).
    const created = await send(secretary, 'post', '/api/roster/households', {
      number: '0701',
      address: '隐私测试1号',
      gridId: grid.id,
      villageGroupId: group.id,
      firstMember: { name: '隐私甲', gender: 'male', birthDate: '1970-06-01', relationToHead: '户主', phone: PHONES[0], idNumber: IDS[0] },
    });
    expect(created.status).toBe(201);
    const household = created.body as HouseholdDetail;
    await send(secretary, 'post', `/api/roster/households/${household.id}/residents`, {
      name: '隐私乙',
      gender: 'female',
      birthDate: '1972-02-02',
      relationToHead: '配偶',
      phone: PHONES[1],
      idNumber: IDS[1],
    });
    await send(secretary, 'post', `/api/roster/households/${household.id}/residents`, {
      name: '重复的人',
      gender: 'female',
      birthDate: '1972-02-02',
      relationToHead: '女',
      idNumber: IDS[1],
    });

    // 2. The grid leader persona and the villager persona get numbers through edits.
    for (const [login, i] of [
      [gridLeader, 2],
      [villager, 3],
    ] as const) {
      const me = await get(secretary, `/api/roster/residents/${login.me.resident?.id}`);
      // The ID number must agree with the record: birth date inside, odd sequence for men, even for women.
      IDS[i] = withCheck(`140431${me.body.birthDate.replace(/-/g, '')}0${i}${me.body.gender === 'male' ? 1 : 2}`);
      const edited = await send(secretary, 'patch', `/api/roster/residents/${login.me.resident?.id}`, {
        version: me.body.version,
        phone: PHONES[i],
        idNumber: IDS[i],
      });
      expect(edited.status).toBe(200);
    }

    // 3. A roster file with full numbers, previewed and committed.
    const csv = `户号,姓名,性别,出生日期,与户主关系,住址,网格,村民小组,身份证号,手机号\n0702,隐私丙,男,,户主,隐私测试2号,第一网格,土岭底组,${IDS[4]},${PHONES[4]}\n`;
    for (const mode of ['dry-run', 'commit'] as const) {
      const res = await upload(t, secretary, Buffer.from(csv), 'p.csv', mode);
      expect(res.body.errors).toEqual([]);
      keep(`import ${mode}`, res);
    }
    // …and a file whose columns slipped, so numbers sit in the wrong columns.
    const slipped = `户号,姓名,性别,出生日期,与户主关系\n0703,${PHONES[4]},${IDS[4]},${PHONES[4]},户主\n`;
    keep('import slipped', await upload(t, secretary, Buffer.from(slipped), 'slipped.csv', 'dry-run'));

    // 4. A correction request that quotes a number.
    await send(villager, 'post', '/api/me/correction-requests', { field: 'id_number', message: `身份证号应为 ${IDS[3]}，电话 ${PHONES[3]}` });
  });
  afterAll(() => t.close());

  it('masks them in every read the roster offers, to every role that may read it', async () => {
    const [anyHousehold] = await t.dataSource.query("SELECT household_id AS id FROM resident WHERE name = '隐私甲'");
    for (const login of [secretary, supervisor, gridLeader]) {
      await get(login, '/api/roster/households?pageSize=100');
      await get(login, '/api/roster/households?q=0701');
      await get(login, `/api/roster/households/${anyHousehold.id}`);
      for (let page = 1; page <= 3; page += 1) await get(login, `/api/roster/residents?pageSize=100&page=${page}`);
      await get(login, '/api/roster/residents?q=隐私');
      await get(login, `/api/roster/residents/${gridLeader.me.resident?.id}`);
      await get(login, `/api/roster/residents/${villager.me.resident?.id}`);
      await get(login, '/api/roster/grids');
    }
    await get(secretary, '/api/roster/composition');
    await get(secretary, '/api/roster/correction-requests');
    await get(villager, '/api/me/correction-requests');
    await get(villager, '/api/me');

    const masked = seen.filter((s) => s.text.includes('139****0001') || s.text.includes('139****0003'));
    expect(masked.length).toBeGreaterThan(5);
    const leaks = seen.filter((s) => [...PHONES, ...IDS].some((n) => s.text.includes(n)) || UNMASKED.test(s.text)).map((s) => s.what);
    expect(leaks).toEqual([]);
  });

  it('masks them in the exported spreadsheet', async () => {
    const text = await allCellText((await download(t, '/api/roster/export.xlsx', secretary)).body);
    expect(text).toContain('139****0001');
    expect(text).toContain(`1404**********${IDS[0].slice(-4)}`);
    for (const n of [...PHONES, ...IDS]) expect(text).not.toContain(n);
    expect(UNMASKED.test(text)).toBe(false);
  });

  it('masks them in the audit trail and stores them encrypted', async () => {
    const events: { before_json: string | null; after_json: string | null }[] = await t.dataSource.query('SELECT before_json, after_json FROM audit_event');
    const trail = events.map((e) => `${e.before_json ?? ''}${e.after_json ?? ''}`).join('\n');
    expect(trail).toContain('139****0002');
    for (const n of [...PHONES, ...IDS]) expect(trail).not.toContain(n);
    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM resident');
    const table = JSON.stringify(rows);
    for (const n of [...PHONES, ...IDS]) expect(table).not.toContain(n);
    const requests = JSON.stringify(await t.dataSource.query('SELECT * FROM correction_request'));
    expect(requests).not.toContain(PHONES[3]);
    expect(requests).not.toContain(IDS[3]);
  });
});
