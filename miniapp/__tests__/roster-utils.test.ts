import type { ApiErrorBody } from '@village/shared';
import { relationLabel } from '../src/constants/relations';
import { canOverseeRoster, canReadRoster, isCommittee, roleLabels } from '../src/constants/roles';
import { base64Ascii, expiryText, normaliseDateInput, svgDataUri } from '../src/packages/roster/utils/dates';
import { fieldErrorsOf } from '../src/packages/roster/utils/fieldErrors';
import { checkRosterFile, reportOfError } from '../src/packages/roster/utils/importFile';
import { addRequestOf, EMPTY_DRAFT, missingFields, updateRequestOf } from '../src/packages/roster/utils/residentForm';
import { makeImportReport } from './factories/roster';

describe('dates as clerks type them', () => {
  it('turns 19680312, 1968/3/12, 1968.3.12 and 1968年3月12日 into 1968-03-12', () => {
    for (const input of ['19680312', '1968/3/12', '1968.3.12', '1968年3月12日', ' 1968-3-12 ', '1968-03-12']) {
      expect(normaliseDateInput(input)).toBe('1968-03-12');
    }
    expect(normaliseDateInput('三月十二')).toBe('三月十二'); // the server explains what is wrong
  });

  it('writes the expiry as 12月2日 with the time, and the year only when it is not this year', () => {
    const today = new Date(2026, 10, 25);
    expect(expiryText(new Date(2026, 11, 2, 16, 5).toISOString(), today)).toBe('12月2日 16:05');
    expect(expiryText(new Date(2027, 0, 3, 9, 30).toISOString(), today)).toBe('2027年1月3日 09:30');
  });
});

describe('QR image', () => {
  it('encodes base64 like btoa does', () => {
    for (const text of ['', 'a', 'ab', 'abc', '<svg viewBox="0 0 33 33"/>']) {
      expect(base64Ascii(text)).toBe(Buffer.from(text, 'latin1').toString('base64'));
    }
  });

  it('gives a viewBox-only SVG a square size so it is not stretched', () => {
    const uri = svgDataUri('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 33 33"><path d="M0 0h1"/></svg>');
    const svg = Buffer.from(uri.replace('data:image/svg+xml;base64,', ''), 'base64').toString('latin1');
    expect(svg.startsWith('<svg width="512" height="512" xmlns=')).toBe(true);
    const sized = svgDataUri('<svg width="10" height="10"></svg>');
    expect(Buffer.from(sized.split(',')[1], 'base64').toString('latin1')).toBe('<svg width="10" height="10"></svg>');
  });
});

describe("the server's per-field messages", () => {
  it('maps VALIDATION_FAILED details to fields (nested names on their last part)', () => {
    const error: ApiErrorBody = {
      code: 'VALIDATION_FAILED',
      message: '填写的内容有误：…（共 2 处）',
      correlationId: 'c',
      details: [
        { field: 'birthDate', messages: ['出生日期应写成 1968-03-12 这样的格式，且是日历上存在的日期'] },
        { field: 'firstMember.name', messages: ['姓名应为 1–32 个字'] },
      ],
    };
    expect(fieldErrorsOf(error)).toEqual({
      birthDate: '出生日期应写成 1968-03-12 这样的格式，且是日历上存在的日期',
      name: '姓名应为 1–32 个字',
    });
  });

  it('puts ID number conflicts under the ID number, and leaves other errors to the page', () => {
    expect(fieldErrorsOf({ code: 'ID_NUMBER_MISMATCH', message: '身份证号与出生日期不一致', correlationId: 'c' })).toEqual({
      idNumber: '身份证号与出生日期不一致',
    });
    expect(fieldErrorsOf({ code: 'VERSION_CONFLICT', message: '已被别人修改，请刷新后再改', correlationId: 'c' })).toEqual({});
  });
});

describe('resident form payloads', () => {
  const original = {
    id: 'r-3',
    householdId: 'h',
    householdNumber: '0002',
    name: '任丽娟',
    gender: 'female' as const,
    birthDate: '2001-09-02',
    age: 25,
    relationToHead: '女',
    isPartyMember: false,
    isVillagerRep: false,
    isRepresentative: false,
    status: 'active' as const,
    departedOn: null,
    phoneMasked: '138****5678',
    idNumberMasked: null,
    version: 4,
    grid: { id: 'g', name: '第一网格' },
    villageGroup: { id: 'vg', name: '土岭底组' },
  };

  it('says which required fields are missing', () => {
    expect(Object.keys(missingFields(EMPTY_DRAFT)).sort()).toEqual(['birthDate', 'gender', 'name', 'relationToHead']);
  });

  it('a new member: trimmed, the date normalised, no ID number unless the reason was given', () => {
    const draft = { ...EMPTY_DRAFT, name: ' 任小雨 ', gender: 'female' as const, birthDate: '20100315', relationToHead: '孙女', idNumber: '1404' };
    expect(addRequestOf(draft, false)).toEqual({
      name: '任小雨',
      gender: 'female',
      birthDate: '2010-03-15',
      relationToHead: '孙女',
      isPartyMember: false,
      isVillagerRep: false,
    });
    expect(addRequestOf({ ...draft, phone: '13800001111' }, true)).toMatchObject({ phone: '13800001111', idNumber: '1404' });
  });

  it('an edit sends only what changed, with the version read; an empty phone keeps the old one', () => {
    const draft = {
      ...EMPTY_DRAFT,
      name: '任丽娟',
      gender: 'female' as const,
      birthDate: '2001/9/2',
      relationToHead: '女',
      isPartyMember: true,
    };
    expect(updateRequestOf(original, draft, false)).toEqual({ version: 4, isPartyMember: true });
    expect(updateRequestOf(original, { ...draft, clearPhone: true }, false)).toEqual({ version: 4, isPartyMember: true, phone: null });
  });
});

describe('roster file checks', () => {
  it('accepts .xlsx and .csv up to 2 MB, and says why otherwise', () => {
    expect(checkRosterFile({ name: '花名册.xlsx', size: 1000 })).toBeNull();
    expect(checkRosterFile({ name: 'roster.CSV', size: 1000 })).toBeNull();
    expect(checkRosterFile({ name: '花名册.xls', size: 1000 })).toContain('只能导入 .xlsx 或 .csv 文件');
    expect(checkRosterFile({ name: '花名册.xlsx', size: 3 * 1024 * 1024 })).toBe('文件太大了，不能超过 2 MB。请分成几个文件导入。');
  });

  it('reads the fresh preview out of a refused commit', () => {
    const report = makeImportReport({ errors: [{ row: 2, column: '户号', message: '第 2 行「户号」：已注销' }] });
    expect(reportOfError({ code: 'IMPORT_HAS_ERRORS', message: '有错误', correlationId: 'c', details: report })).toEqual(report);
    expect(reportOfError({ code: 'IMPORT_FILE_UNREADABLE', message: '读不出', correlationId: 'c' })).toBeNull();
  });
});

describe('roles and words', () => {
  it('lists roles in Chinese, most senior first, once each', () => {
    expect(roleLabels(['villager', 'household_rep', 'secretary', 'party_member', 'villager'])).toEqual(['书记', '党员', '户代表', '村民']);
  });

  it('knows who may use the roster', () => {
    expect(isCommittee(['villager', 'village_committee'])).toBe(true);
    expect(isCommittee(['supervisor'])).toBe(false);
    expect(canOverseeRoster(['supervisor'])).toBe(true);
    expect(canReadRoster(['grid_leader'])).toBe(true);
    expect(canReadRoster(['villager', 'household_rep'])).toBe(false);
  });

  it('says 女儿 and 儿子 where the register writes 女 and 子', () => {
    expect(relationLabel('女')).toBe('女儿');
    expect(relationLabel('子')).toBe('儿子');
    expect(relationLabel('配偶')).toBe('配偶');
    expect(relationLabel('长子')).toBe('长子');
  });
});
