import { idNumberCheckCharacter, ROSTER_SHEET_COLUMNS, type LoginResult, type RosterImportReport } from '@village/shared';
import { createOtherVillage } from '../factories/other-village';
import { bearer, loginAs } from '../support/auth';
import { auditEvents, auditTotal, count, download, editExport, rosterXlsx, sheetRows, upload } from '../support/roster';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

const withCheck = (first17: string): string => first17 + idNumberCheckCharacter(first17);
const HEADER = ROSTER_SHEET_COLUMNS.map((c) => c.header);

describe.each(testDatabaseKinds())('roster import and export on %s', (kind) => {
  let t: TestApp;
  let secretary: LoginResult;
  let supervisor: LoginResult;
  let villager: LoginResult;
  let villageId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretary = await loginAs(t, 'secretary');
    supervisor = await loginAs(t, 'supervisor');
    villager = await loginAs(t, 'villager');
    villageId = secretary.me.village?.id as string;
    await createOtherVillage(t.dataSource);
  });
  afterAll(() => t.close());

  const rosterSize = () =>
    count(t, 'SELECT (SELECT COUNT(*) FROM household WHERE village_id = ?) * 100000 + (SELECT COUNT(*) FROM resident WHERE village_id = ?) AS n', [villageId, villageId]);

  const exportXlsx = async (login: LoginResult = secretary): Promise<Buffer> => {
    const res = await download(t, '/api/roster/export.xlsx', login);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('downloads an import template with the import columns, dropdowns and instructions', async () => {
    const res = await download(t, '/api/roster/import-template.xlsx', secretary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const rows = await sheetRows(res.body);
    expect(rows[0][0]).toContain('导入模板');
    expect(rows[1]).toEqual(HEADER);
    expect(rows).toHaveLength(2);
    const notes = await sheetRows(res.body, '填写说明');
    expect(notes.some((r) => r.join('').includes('打码'))).toBe(true);
    expect((await download(t, '/api/roster/import-template.xlsx', supervisor)).status).toBe(403);
  });

  it('exports the roster with masked numbers, says so in the sheet, and audits the export', async () => {
    const before = (await auditEvents(t, 'roster.exported')).length;
    const rows = await sheetRows(await exportXlsx(supervisor));
    expect(rows[0][0]).toContain('身份证号、手机号已打码');
    expect(rows[1]).toEqual(HEADER);
    expect(rows.slice(2)).toHaveLength(256);
    expect(rows[2]).toEqual(expect.arrayContaining(['0001', '土岭底组1号', '土岭底组', '第一网格', '户主', '是']));
    expect(new Set(rows.slice(2).map((r) => r[0])).size).toBe(85);
    expect((await auditEvents(t, 'roster.exported')).length).toBe(before + 1);
    expect((await download(t, '/api/roster/export.xlsx', villager)).status).toBe(403);
  });

  it('round-trips: an unchanged export imports as unchanged, and committing it changes nothing', async () => {
    // Plant numbers so the export carries masked values that must be kept, not overwritten.
    const [someone] = await t.dataSource.query("SELECT id, version, birth_date, gender FROM resident WHERE village_id = ? AND relation_to_head = '户主' ORDER BY id LIMIT 1", [villageId]);
    await t.http
      .patch(`/api/roster/residents/${someone.id}`)
      .set(...bearer(secretary))
      .send({ version: someone.version, phone: '13511112222' })
      .expect(200);
    const file = await exportXlsx();
    const preview = await upload(t, secretary, file, 'roster.xlsx', 'dry-run').expect(200);
    const report = preview.body as RosterImportReport;
    expect(report).toMatchObject({
      mode: 'dry-run',
      committed: false,
      fileKind: 'xlsx',
      sheetName: '花名册',
      dataRows: 256,
      households: { create: 0, update: 0, unchanged: 85 },
      residents: { create: 0, update: 0, unchanged: 256 },
      representativeChanges: 0,
      errors: [],
      ignoredColumns: [],
    });
    expect(report.rows[0]).toMatchObject({ row: 3, action: 'unchanged' });

    const auditBefore = await auditTotal(t);
    const committed = await upload(t, secretary, file, 'roster.xlsx', 'commit').expect(200);
    expect(committed.body).toMatchObject({ committed: true, residents: { update: 0, create: 0 } });
    // Only the summary event: no household or resident changed.
    expect(await auditTotal(t)).toBe(auditBefore + 1);
    const [summary] = (await auditEvents(t, 'roster.imported')).slice(-1);
    expect(summary.after).toMatchObject({ fileKind: 'xlsx', dataRows: 256, residents: { unchanged: 256 } });
    const [row] = await t.dataSource.query('SELECT phone_enc FROM resident WHERE id = ?', [someone.id]);
    expect(row.phone_enc).toMatch(/^v1:/);
    const detail = await t.http.get(`/api/roster/residents/${someone.id}`).set(...bearer(secretary)).expect(200);
    expect(detail.body.phoneMasked).toBe('135****2222');
  });

  it('imports edits made to an export: new member, changed phone, flag, address and representative', async () => {
    const file = await exportXlsx();
    const rows = await sheetRows(file);
    const target = rows.slice(2).find((r, i, all) => r[7] === '户主' && all.filter((x) => x[0] === r[0]).length >= 2) as string[];
    const number = target[0];
    const newId = withCheck('14043120010101005');
    const edited = await editExport(
      file,
      (r) => {
        if (r['户号'] !== number) return r;
        if (r['与户主关系'] === '户主') return { ...r, 住址: '改过的地址8号', 手机号: '13622223333', 是否户代表: '否' };
        if (r['与户主关系'] === '配偶') return { ...r, 是否户代表: '√', 是否村民代表: '是' };
        return r;
      },
      [{ 户号: number, 姓名: '新添孙子', 性别: '', 出生日期: '', 与户主关系: '孙子', 身份证号: newId, 是否党员: '', 是否村民代表: '', 是否户代表: '' }],
    );
    const spouseRow = rows.slice(2).find((r) => r[0] === number && r[7] === '配偶');
    const preview = (await upload(t, secretary, edited, 'edited.xlsx', 'dry-run').expect(200)).body as RosterImportReport;
    expect(preview.errors).toEqual([]);
    expect(preview.households).toEqual({ create: 0, update: 1, unchanged: 84 });
    expect(preview.residents.create).toBe(1);
    expect(preview.residents.update).toBe(spouseRow ? 2 : 1);
    expect(preview.representativeChanges).toBe(spouseRow ? 1 : 0);
    const headRow = preview.rows.find((r) => r.householdNumber === number && r.changes.includes('手机号'));
    expect(headRow).toMatchObject({ action: 'update', householdAction: 'update' });
    expect(JSON.stringify(preview)).not.toContain('13622223333');

    const sizeBefore = await rosterSize();
    await upload(t, secretary, edited, 'edited.xlsx', 'commit').expect(200);
    expect(await rosterSize()).toBe(sizeBefore + 1);
    const [household] = await t.dataSource.query('SELECT id, address, representative_resident_id FROM household WHERE village_id = ? AND number = ?', [villageId, number]);
    expect(household.address).toBe('改过的地址8号');
    const [grandson] = await t.dataSource.query("SELECT gender, birth_date FROM resident WHERE household_id = ? AND name = '新添孙子'", [household.id]);
    expect(grandson).toMatchObject({ gender: 'male', birth_date: '2001-01-01' });
    if (spouseRow) {
      const [rep] = await t.dataSource.query('SELECT name FROM resident WHERE id = ?', [household.representative_resident_id]);
      expect(rep.name).toBe(spouseRow[4]);
      const [event] = (await auditEvents(t, 'household.representative.changed')).filter((e) => e.entityId === household.id).slice(-1);
      expect(event.before).toMatchObject({ representativeName: target[4] });
      expect(event.after).toMatchObject({ representativeName: spouseRow[4] });
    }
    expect((await auditEvents(t, 'household.updated')).some((e) => e.entityId === household.id)).toBe(true);
    expect((await auditEvents(t, 'resident.created')).some((e) => (e.after as { name: string }).name === '新添孙子')).toBe(true);
    const updated = (await auditEvents(t, 'resident.updated')).map((e) => JSON.stringify(e));
    expect(updated.some((e) => e.includes('136****3333'))).toBe(true);
    expect(updated.some((e) => e.includes('13622223333'))).toBe(false);
  });

  it('imports new households from a clerk’s CSV (UTF-8 with BOM, and GBK), tolerating date styles and column order', async () => {
    const csv =
      '\ufeff姓名,户号,性别,出生日期,与户主关系,住址,网格,村民小组,手机号,是否党员,是否户代表\r\n' +
      '赵大山,0301,男,1968/3/12,户主,南坪组301号,第三网格,南坪村民小组,139 0000 3011,√,\r\n' +
      '钱小花,0301,女,19700228,配偶,,,,,,\r\n' +
      '"孙,小宝",0301,男,2012年6月1日,子,,,,,,\r\n';
    const sizeBefore = await rosterSize();
    const res = await upload(t, secretary, Buffer.from(csv, 'utf8'), 'clerk.csv', 'commit').expect(200);
    expect(res.body).toMatchObject({ committed: true, fileKind: 'csv', households: { create: 1 }, residents: { create: 3 } });
    expect(await rosterSize()).toBe(sizeBefore + 100000 + 3);
    const [created] = await t.dataSource.query('SELECT h.id, h.village_id, r.name FROM household h JOIN resident r ON r.id = h.representative_resident_id WHERE h.number = ?', ['0301']);
    expect(created).toMatchObject({ village_id: villageId, name: '赵大山' });

    // 户号,姓名,性别,出生日期,与户主关系,住址,网格,村民小组 — 周大 in GBK
    const gbk = Buffer.concat([
      Buffer.from([0xbb, 0xa7, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x2c, 0xb3, 0xf6, 0xc9, 0xfa, 0xc8, 0xd5, 0xc6, 0xda, 0x2c]),
      Buffer.from([0xd3, 0xeb, 0xbb, 0xa7, 0xd6, 0xf7, 0xb9, 0xd8, 0xcf, 0xb5, 0x2c, 0xd7, 0xa1, 0xd6, 0xb7, 0x2c, 0xcd, 0xf8, 0xb8, 0xf1, 0x2c]),
      Buffer.from([0xb4, 0xe5, 0xc3, 0xf1, 0xd0, 0xa1, 0xd7, 0xe9, 0x0a]),
      Buffer.from('0302,'),
      Buffer.from([0xd6, 0xdc, 0xb4, 0xf3]),
      Buffer.from(','),
      Buffer.from([0xc4, 0xd0]),
      Buffer.from(',1980-01-01,'),
      Buffer.from([0xbb, 0xa7, 0xd6, 0xf7]),
      Buffer.from(',x,'),
      Buffer.from([0xb5, 0xda, 0xd2, 0xbb, 0xcd, 0xf8, 0xb8, 0xf1]),
      Buffer.from(','),
      Buffer.from([0xc4, 0xcf, 0xc6, 0xba, 0xd7, 0xe9]),
      Buffer.from('\n'),
    ]);
    const gbkRes = await upload(t, secretary, gbk, 'gbk.csv', 'commit');
    expect(gbkRes.body.errors ?? gbkRes.body.details?.errors).toEqual([]);
    expect(gbkRes.status).toBe(200);
    const [zhou] = await t.dataSource.query("SELECT r.name FROM resident r JOIN household h ON h.id = r.household_id WHERE h.number = '0302'");
    expect(zhou.name).toBe('周大');
  });

  it('lists every bad row with row and column, and a commit of that file writes nothing', async () => {
    const file = await rosterXlsx(HEADER, [
      ['0401', '北坡1号', '南坪组', '第三网格', '好人甲', '男', '1960-01-01', '户主', '', '', '否', '否', '是'],
      ['0401', '', '', '', '坏日期', '女', '1962-02-30', '配偶', '', '', '', '', ''],
      ['0402', '北坡2号', '南坪组', '第九网格', '错网格', '男', '1961-01-01', '户主', '', '', '', '', ''],
      ['0403', '北坡3号', '南坪组', '第三网格', '坏证件', '男', '', '户主', '110105194912310021', '12345', '也许', '', ''],
      ['0404', '北坡4号', '南坪组', '第三网格', '', '男', '1961-01-01', '', '', '', '', '', ''],
      ['0405', '北坡5号', '南坪组', '第三网格', '未成年户主', '男', new Date(Date.UTC(2015, 0, 1)), '户主', '', '', '', '', '是'],
      ['0001', '', '', '', '重复户代表', '男', '1980-01-01', '子', '', '', '', '', '是'],
    ]);
    const preview = (await upload(t, secretary, file, 'bad.xlsx', 'dry-run').expect(200)).body as RosterImportReport;
    const messages = preview.errors.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '第 4 行「出生日期」：“1962-02-30”不是日历上存在的日期',
        '第 5 行「网格」：本村没有“第九网格”，可填：第一网格、第二网格、第三网格',
        '第 6 行「身份证号」：身份证号的最后一位（校验位）对不上，可能有数字抄错了，请逐位核对',
        '第 6 行「手机号」：手机号应为 11 位数字，以 13–19 开头（例如 13812345678）',
        '第 6 行「是否党员」：“也许”看不懂，只能填“是”“否”“√”或留空',
        '第 7 行「姓名」：不能为空',
        '第 7 行「与户主关系」：不能为空',
        '第 8 行「是否户代表」：户代表须年满 18 周岁，未成年户主还未成年',
      ]),
    );
    expect(preview.errors.every((e) => e.row !== null && e.message.startsWith(`第 ${e.row} 行`))).toBe(true);
    expect(new Set(preview.errors.map((e) => e.row))).toEqual(new Set([4, 5, 6, 7, 8]));
    expect(preview.rows.find((r) => r.row === 3)).toMatchObject({ name: '好人甲', action: 'create', householdAction: 'error' });
    expect(preview.rows.find((r) => r.row === 9)).toMatchObject({ action: 'create', householdAction: 'update' }); // a new adult may become 0001's representative

    const auditBefore = await auditTotal(t);
    const sizeBefore = await rosterSize();
    const refused = await upload(t, secretary, file, 'bad.xlsx', 'commit').expect(400);
    expect(refused.body).toMatchObject({ code: 'IMPORT_HAS_ERRORS', message: expect.stringContaining('没有导入任何内容') });
    expect(refused.body.details.errors).toHaveLength(preview.errors.length);
    expect(await auditTotal(t)).toBe(auditBefore);
    expect(await rosterSize()).toBe(sizeBefore);
    expect(await count(t, "SELECT COUNT(*) AS n FROM household WHERE number IN ('0401', '0402', '0403', '0405')")).toBe(0);
  });

  it('reports a sheet without a header, and refuses files it cannot read', async () => {
    const noHeader = (await upload(t, secretary, Buffer.from('张三,男\n'), 'x.csv').expect(200)).body as RosterImportReport;
    expect(noHeader.errors).toEqual([{ row: null, column: null, message: expect.stringContaining('没有找到表头') }]);
    const missingColumn = (await upload(t, secretary, Buffer.from('户号,姓名\n0001,张三\n'), 'x.csv').expect(200)).body as RosterImportReport;
    expect(missingColumn.errors[0].message).toContain('缺少「与户主关系」列');

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const notSheet = await upload(t, secretary, png, 'roster.xlsx').expect(400);
    expect(notSheet.body).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', message: expect.stringContaining('不是 Excel') });
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await upload(t, secretary, xls, 'old.xls').expect(400)).body.message).toContain('另存为');

    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 0x41);
    const tooLarge = await upload(t, secretary, big, 'big.csv').expect(413);
    expect(tooLarge.body).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: expect.stringContaining('2 MB') });

    const none = await t.http.post('/api/roster/imports?mode=dry-run').set(...bearer(secretary)).expect(400);
    expect(none.body.code).toBe('IMPORT_FILE_MISSING');
    const noMode = await upload(t, secretary, Buffer.from('户号,姓名\n'), 'x.csv', null).expect(400);
    expect(noMode.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('mode=dry-run') });
    const wrongField = await t.http.post('/api/roster/imports?mode=dry-run').set(...bearer(secretary)).attach('upload', Buffer.from('a'), 'a.csv').expect(400);
    expect(wrongField.body.code).toBe('IMPORT_FILE_MISSING');
  });

  it('lets only the committee import', async () => {
    const file = Buffer.from('户号,姓名,与户主关系\n');
    const refused = await upload(t, supervisor, file, 'x.csv').expect(403);
    expect(refused.body.code).toBe('ROLE_REQUIRED');
    await upload(t, villager, file, 'x.csv').expect(403);
    await t.http.post('/api/roster/imports?mode=dry-run').attach('file', file, 'x.csv').expect(401);
  });
});
