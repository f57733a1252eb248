import type { RosterColumnKey } from '@village/shared';
import { parseRosterRow, type RowCells } from './roster-row';

const TODAY = new Date(2026, 10, 25);
const ALL = new Set<RosterColumnKey>([
  'householdNumber',
  'address',
  'villageGroup',
  'grid',
  'name',
  'gender',
  'birthDate',
  'relationToHead',
  'idNumber',
  'phone',
  'isPartyMember',
  'isVillagerRep',
  'isRepresentative',
]);

const good: RowCells = {
  householdNumber: '0012',
  address: '土岭底组12号',
  villageGroup: '土岭底组',
  grid: '第一网格',
  name: '郭建平',
  gender: '男',
  birthDate: '1968/3/12',
  relationToHead: '户主',
  idNumber: null,
  phone: '13812345678',
  isPartyMember: '√',
  isVillagerRep: '',
  isRepresentative: '是',
};

describe('parseRosterRow', () => {
  it('turns a good row into values', () => {
    expect(parseRosterRow(good, ALL, 5, TODAY)).toEqual({
      value: {
        row: 5,
        householdNumber: '0012',
        address: '土岭底组12号',
        villageGroup: '土岭底组',
        grid: '第一网格',
        name: '郭建平',
        gender: 'male',
        birthDate: '1968-03-12',
        relationToHead: '户主',
        idNumber: { kind: 'absent' },
        phone: { kind: 'value', phone: '13812345678' },
        isPartyMember: true,
        isVillagerRep: false,
        isRepresentative: true,
      },
      errors: [],
    });
  });

  it('reports every problem of a row, each with row number and column', () => {
    const { value, errors } = parseRosterRow(
      { ...good, name: '', birthDate: '1968-02-30', phone: '12345', isPartyMember: '也许', relationToHead: '' },
      ALL,
      12,
      TODAY,
    );
    expect(value).toBeNull();
    expect(errors.map((e) => e.message)).toEqual([
      '第 12 行「姓名」：不能为空',
      '第 12 行「与户主关系」：不能为空',
      '第 12 行「出生日期」：“1968-02-30”不是日历上存在的日期',
      '第 12 行「手机号」：手机号应为 11 位数字，以 13–19 开头（例如 13812345678）',
      '第 12 行「是否党员」：“也许”看不懂，只能填“是”“否”“√”或留空',
    ]);
    expect(errors.map((e) => e.column)).toEqual(['姓名', '与户主关系', '出生日期', '手机号', '是否党员']);
    expect(errors.every((e) => e.row === 12)).toBe(true);
  });

  it('takes gender and birth date from the ID number when left blank, and refuses disagreement', () => {
    const fromId = parseRosterRow({ ...good, gender: '', birthDate: '', idNumber: '11010519491231002X' }, ALL, 3, TODAY);
    expect(fromId.value).toMatchObject({ gender: 'female', birthDate: '1949-12-31' });

    const clash = parseRosterRow({ ...good, idNumber: '11010519491231002X' }, ALL, 4, TODAY);
    expect(clash.errors.map((e) => e.message)).toEqual([
      '第 4 行「性别」：与身份证号不一致（身份证号显示为女）',
      '第 4 行「出生日期」：与身份证号里的出生日期（1949-12-31）不一致',
    ]);
  });

  it('leaves flags undefined when the file has no such column', () => {
    const present = new Set([...ALL].filter((k) => k !== 'isPartyMember' && k !== 'isRepresentative'));
    const { value } = parseRosterRow(good, present, 3, TODAY);
    expect(value).toMatchObject({ isPartyMember: undefined, isVillagerRep: false, isRepresentative: false });
  });

  it('refuses over-long text and hidden characters', () => {
    const { errors } = parseRosterRow({ ...good, address: '很'.repeat(200), relationToHead: '户\u0007主' }, ALL, 7, TODAY);
    expect(errors.map((e) => e.message)).toEqual(['第 7 行「住址」：太长了（最多 128 个字）', '第 7 行「与户主关系」：含有换行或看不见的字符，请删掉后重新输入']);
  });
});

describe('parseRosterRow and numbers in the wrong column', () => {
  it('refuses a phone or ID number outside its column and never quotes it back', () => {
    const { errors } = parseRosterRow(
      { ...good, name: '13912345678', address: '电话 139 1234 5678', isVillagerRep: '11010519491231002X', gender: '13912345678' },
      ALL,
      8,
      TODAY,
    );
    expect(errors.map((e) => e.message)).toEqual([
      '第 8 行「住址」：像是填了手机号或身份证号，请把号码放到「手机号」「身份证号」列',
      '第 8 行「姓名」：像是填了手机号或身份证号，请把号码放到「手机号」「身份证号」列',
      '第 8 行「性别」：“139****5678”看不懂，只能填“男”或“女”',
      '第 8 行「是否村民代表」：“1101**********002X”看不懂，只能填“是”“否”“√”或留空',
    ]);
    expect(JSON.stringify(errors)).not.toMatch(/13912345678|11010519491231002X/);
  });
});
