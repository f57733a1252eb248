import { RosterErrorCode, RosterException } from '../roster.exception';
import { assertAdultRepresentative, assertIdentityMatches, assertVersion, isoDay } from './roster-rules';

const codeOf = (fn: () => void): RosterErrorCode | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as RosterException).code;
  }
};

describe('roster preconditions', () => {
  it('refuses a stale version with the words a clerk needs', () => {
    expect(() => assertVersion(3, 3, '这一户')).not.toThrow();
    expect(() => assertVersion(4, 3, '这一户')).toThrow('这一户已被别人修改，请刷新后再改');
    expect(codeOf(() => assertVersion(4, 3, '这一户'))).toBe(RosterErrorCode.VersionConflict);
  });

  it('checks that an ID number agrees with birth date and gender', () => {
    expect(() => assertIdentityMatches('11010519491231002X', '1949-12-31', 'female')).not.toThrow();
    expect(() => assertIdentityMatches(null, '1949-12-31', 'male')).not.toThrow();
    expect(() => assertIdentityMatches('11010519491231002X', '1949-12-30', 'female')).toThrow('出生日期是 1949-12-31');
    expect(() => assertIdentityMatches('11010519491231002X', '1949-12-31', 'male')).toThrow('性别为女');
    expect(codeOf(() => assertIdentityMatches('11010519491231002X', '1949-12-31', 'male'))).toBe(RosterErrorCode.IdNumberMismatch);
  });

  it('wants representatives of age on the day', () => {
    const today = new Date(2026, 10, 25);
    expect(() => assertAdultRepresentative('甲', '2008-11-25', today)).not.toThrow();
    expect(() => assertAdultRepresentative('乙', '2008-11-26', today)).toThrow('乙今年 17 岁');
    expect(isoDay(today)).toBe('2026-11-25');
  });
});
