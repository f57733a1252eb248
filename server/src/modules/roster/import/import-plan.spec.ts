import { idNumberCheckCharacter } from '@village/shared';
import { planImport, type ExistingHousehold, type ExistingResident, type FailedRow, type ImportContext } from './import-plan';
import type { RosterRow } from './roster-row';

const TODAY = new Date(2026, 10, 25);
const withCheck = (first17: string): string => first17 + idNumberCheckCharacter(first17);
const ID_GUO = withCheck('14043119680312001');
const ID_WANG = withCheck('14043119700501002');

const household: ExistingHousehold = {
  id: 'h12',
  number: '0012',
  address: '土岭底组12号',
  gridId: 'g1',
  villageGroupId: 'vg1',
  representativeResidentId: 'r-guo',
  status: 'active',
};
const guo: ExistingResident = {
  id: 'r-guo',
  householdId: 'h12',
  name: '郭建平',
  gender: 'male',
  birthDate: '1968-03-12',
  relationToHead: '户主',
  isPartyMember: true,
  isVillagerRep: false,
  status: 'active',
  phone: '13812345678',
  idNumber: ID_GUO,
};
const wang: ExistingResident = {
  ...guo,
  id: 'r-wang',
  name: '王秀英',
  gender: 'female',
  birthDate: '1970-05-01',
  relationToHead: '配偶',
  isPartyMember: false,
  phone: null,
  idNumber: null,
};

const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  grids: [
    { id: 'g1', name: '第一网格' },
    { id: 'g2', name: '第二网格' },
  ],
  villageGroups: [
    { id: 'vg1', name: '土岭底组' },
    { id: 'vg2', name: '南坪组' },
  ],
  households: [household],
  residents: [guo, wang],
  today: TODAY,
  ...over,
});

const row = (r: number, over: Partial<RosterRow>): RosterRow => ({
  row: r,
  householdNumber: '0012',
  address: null,
  villageGroup: null,
  grid: null,
  name: '郭建平',
  gender: 'male',
  birthDate: '1968-03-12',
  relationToHead: '户主',
  idNumber: { kind: 'absent' },
  phone: { kind: 'absent' },
  isPartyMember: true,
  isVillagerRep: false,
  isRepresentative: false,
  ...over,
});

/** The rows an export of household 0012 produces, with masked numbers. */
const exported = (): RosterRow[] => [
  row(3, {
    address: '土岭底组12号',
    villageGroup: '土岭底组',
    grid: '第一网格',
    idNumber: { kind: 'masked', text: `${ID_GUO.slice(0, 4)}**********${ID_GUO.slice(-4)}` },
    phone: { kind: 'masked', text: '138****5678' },
    isRepresentative: true,
  }),
  row(4, { name: '王秀英', gender: 'female', birthDate: '1970-05-01', relationToHead: '配偶', isPartyMember: false, address: '土岭底组12号', villageGroup: '土岭底组', grid: '第一网格' }),
];

describe('planImport', () => {
  it('finds nothing to do when an export comes back unchanged (masked numbers kept)', () => {
    const plan = planImport(exported(), [], ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toEqual({ households: { create: 0, update: 0, unchanged: 1 }, residents: { create: 0, update: 0, unchanged: 2 } });
    expect(plan.households[0].residents.map((r) => [r.phone, r.idNumber])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it('matches by ID number even when the name changed, and by name + birth date without one', () => {
    const rows = exported();
    rows[0] = { ...rows[0], name: '郭建平平', idNumber: { kind: 'value', idNumber: ID_GUO, birthDate: '1968-03-12', gender: 'male' } };
    rows[1] = { ...rows[1], phone: { kind: 'value', phone: '13900000000' }, isVillagerRep: true };
    const plan = planImport(rows, [], ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => [r.action, r.changes])).toEqual([
      ['update', ['姓名']],
      ['update', ['手机号', '是否村民代表']],
    ]);
    expect(plan.households[0].residents[1]).toMatchObject({ existing: wang, phone: '13900000000' });
  });

  it('adds a new member and a new household; a new household without a marked representative takes its 户主', () => {
    const plan = planImport(
      [
        row(5, { name: '郭小军', birthDate: '2010-01-01', relationToHead: '子', isPartyMember: false }),
        row(6, { householdNumber: '0100', name: '李新', address: '南坪组1号', grid: '第二网格', villageGroup: '南坪村民小组' }),
        row(7, { householdNumber: '0100', name: '李新妻', gender: 'female', relationToHead: '配偶' }),
      ],
      [],
      ctx(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.counts.households).toEqual({ create: 1, update: 0, unchanged: 1 });
    expect(plan.counts.residents).toEqual({ create: 3, update: 0, unchanged: 0 });
    const created = plan.households.find((h) => h.number === '0100');
    expect(created).toMatchObject({ action: 'create', address: '南坪组1号', gridId: 'g2', villageGroupId: 'vg2', representativeRow: 6 });
  });

  it('changes the representative when another adult member is marked', () => {
    const rows = exported();
    rows[0] = { ...rows[0], isRepresentative: false };
    rows[1] = { ...rows[1], isRepresentative: true };
    const plan = planImport(rows, [], ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.households[0]).toMatchObject({ action: 'update', changes: ['户代表'], representativeRow: 4 });
    expect(plan.representativeChanges).toBe(1);
  });

  it('takes an address changed on one row of an exported household; the others still show the stored one', () => {
    const rows = exported();
    rows[1] = { ...rows[1], address: '东头1号' };
    const plan = planImport(rows, [], ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.households[0]).toMatchObject({ action: 'update', address: '东头1号', changes: ['住址'] });
  });

  it('moves a household to another grid when its rows say so', () => {
    const rows = exported().map((r) => ({ ...r, grid: '第二网格' }));
    const plan = planImport(rows, [], ctx());
    expect(plan.households[0]).toMatchObject({ action: 'update', gridId: 'g2', changes: ['网格'] });
  });

  it('reports every matching problem with row and column', () => {
    const plan = planImport(
      [
        row(3, { address: '东头1号' }),
        row(4, { name: '王秀英', gender: 'female', birthDate: '1970-05-01', relationToHead: '配偶', address: '别处', isRepresentative: true }),
        row(5, { name: '郭建平', isRepresentative: true }),
        row(6, { householdNumber: '0200', name: '赵一', grid: '第九网格', villageGroup: '土岭底组', address: 'x' }),
        row(7, { householdNumber: '0201', name: '孙二', relationToHead: '子', birthDate: '2015-01-01', isRepresentative: true, address: 'y', grid: '第一网格', villageGroup: '土岭底组' }),
        row(8, { householdNumber: '0202', name: '钱三', idNumber: { kind: 'value', idNumber: ID_GUO, birthDate: '1968-03-12', gender: 'male' }, address: 'z', grid: '第一网格', villageGroup: '土岭底组' }),
        row(9, { householdNumber: '0203', name: '周四', idNumber: { kind: 'masked', text: '1404**********1234' }, address: 'w', grid: '第一网格', villageGroup: '土岭底组' }),
        row(10, { householdNumber: '0204', name: '吴五', relationToHead: '子' }),
      ],
      [],
      ctx(),
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      '第 4 行「住址」：与第 3 行不一致（同一户的住址应相同；只需在一行填写，其他行可以留空）',
      '第 5 行：与第 3 行是同一个人（郭建平），同一个人只能有一行',
      '第 5 行「是否户代表」：一户只能有一位户代表，第 4 行已经标了“是”',
      '第 6 行「网格」：本村没有“第九网格”，可填：第一网格、第二网格',
      '第 7 行「是否户代表」：户代表须年满 18 周岁，孙二还未成年',
      `第 8 行「身份证号」：${ID_GUO.slice(0, 4)}**********${ID_GUO.slice(-4)} 已登记在户号 0012 的郭建平名下。人员在户之间迁移请在系统里逐个办理，不能通过导入。`,
      '第 9 行「身份证号」：打码的号码不能导入，请填写完整号码或留空',
      '第 10 行「住址」：新户（户号 0204）必须填写住址',
      '第 10 行「网格」：新户（户号 0204）必须填写所属网格',
      '第 10 行「村民小组」：新户（户号 0204）必须填写所属村民小组',
      '第 10 行「是否户代表」：新户（户号 0204）须有一位户代表：请给一位成年成员的「是否户代表」填“是”',
    ]);
    expect(plan.rows.find((r) => r.row === 3)).toMatchObject({ action: 'unchanged', householdAction: 'error' });
    expect(plan.households[0].address).toBe('东头1号');
    expect(plan.rows.find((r) => r.row === 5)).toMatchObject({ action: 'error' });
  });

  it('refuses a masked number that is not the stored one, and rows for departed residents or dissolved households', () => {
    const plan = planImport(
      [
        row(3, { phone: { kind: 'masked', text: '139****0000' } }),
        row(4, { householdNumber: '0099', name: '已注销户的人', address: 'a', grid: '第一网格', villageGroup: '土岭底组' }),
        row(5, { name: '王秀英', gender: 'female', birthDate: '1970-05-01', relationToHead: '配偶' }),
      ],
      [],
      ctx({
        households: [household, { ...household, id: 'h99', number: '0099', status: 'dissolved' }],
        residents: [guo, { ...wang, status: 'deceased' }],
      }),
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      '第 3 行「手机号」：是打码的号码，与名册里登记的不一致。要修改请填写完整号码；不修改请保留导出时的样子或留空。',
      '第 4 行「户号」：户号 0099 已注销，不能再导入成员。新立户请换一个户号。',
      '第 5 行：名册里的王秀英已登记为已故，不能通过导入改回在册',
    ]);
  });

  it('finds household 0012 from "12" when that is the only household it can mean', () => {
    const plan = planImport(exported().map((r) => ({ ...r, householdNumber: '12' })), [], ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.households[0]).toMatchObject({ number: '0012', action: 'unchanged' });
  });

  it('checks grid names of rows that failed their own checks, and keeps them in the preview', () => {
    const failed: FailedRow[] = [{ row: 9, householdNumber: '0300', name: '坏行', grid: '第十网格', villageGroup: null }];
    const plan = planImport([], failed, ctx());
    expect(plan.errors.map((e) => e.message)).toEqual(['第 9 行「网格」：本村没有“第十网格”，可填：第一网格、第二网格']);
    expect(plan.rows).toEqual([{ row: 9, householdNumber: '0300', name: '坏行', action: 'error', householdAction: 'error', changes: [] }]);
  });

  it('takes a new ID number for a resident matched by name and birth date', () => {
    const rows = exported();
    rows[1] = { ...rows[1], idNumber: { kind: 'value', idNumber: ID_WANG, birthDate: '1970-05-01', gender: 'female' } };
    const plan = planImport(rows, [], ctx());
    expect(plan.errors).toEqual([]);
    expect(plan.households[0].residents[1]).toMatchObject({ action: 'update', idNumber: ID_WANG, changes: ['身份证号'] });
  });
});
