import { assessCadence, cadencePeriodFor, periodEnd } from './notice-cadence';

describe('periodEnd', () => {
  it.each([
    ['2026-11-25', 'monthly', '2026-11-30'],
    ['2028-02-03', 'monthly', '2028-02-29'],
    ['2026-02-03', 'monthly', '2026-02-28'],
    ['2026-01-01', 'quarterly', '2026-03-31'],
    ['2026-04-01', 'quarterly', '2026-06-30'],
    ['2026-09-30', 'quarterly', '2026-09-30'],
    ['2026-10-01', 'quarterly', '2026-12-31'],
  ] as const)('%s %s → %s', (day, period, end) => {
    expect(periodEnd(day, period)).toBe(end);
  });

  it('refuses a day that does not exist', () => {
    expect(() => periodEnd('2026-02-30', 'monthly')).toThrow(RangeError);
  });
});

describe('cadencePeriodFor', () => {
  it('follows the village setting for finance only', () => {
    expect(cadencePeriodFor('finance', 'monthly')).toBe('monthly');
    expect(cadencePeriodFor('finance', 'quarterly')).toBe('quarterly');
    expect(cadencePeriodFor('party', 'monthly')).toBe('quarterly');
    expect(cadencePeriodFor('village', 'monthly')).toBe('quarterly');
  });
});

describe('assessCadence', () => {
  it('says how late a monthly finance disclosure is, in the contract’s words', () => {
    expect(assessCadence({ category: 'finance', period: 'monthly', lastPublishedOn: '2026-09-30', today: '2026-11-25' })).toEqual({
      dueBy: '2026-10-31',
      overdue: true,
      overdueDays: 25,
      explanation: '财务公开每月一次，上次 2026-09-30，已逾期 25 天',
    });
  });

  it('gives until the end of the following quarter', () => {
    const verdict = assessCadence({ category: 'village', period: 'quarterly', lastPublishedOn: '2026-08-02', today: '2026-11-25' });
    expect(verdict).toMatchObject({ dueBy: '2026-12-31', overdue: false, overdueDays: 0 });
    expect(verdict.explanation).toBe('村务公开每季度一次，上次 2026-08-02，下次最迟 2026-12-31 公开');
  });

  it('is not overdue on the last day itself, and says so', () => {
    const verdict = assessCadence({ category: 'party', period: 'quarterly', lastPublishedOn: '2026-09-01', today: '2026-12-31' });
    expect(verdict).toMatchObject({ dueBy: '2026-12-31', overdue: false });
    expect(verdict.explanation).toContain('今天（2026-12-31）是最后期限');
    expect(assessCadence({ category: 'party', period: 'quarterly', lastPublishedOn: '2026-09-01', today: '2027-01-01' })).toMatchObject({
      overdue: true,
      overdueDays: 1,
    });
  });

  it('gives a village that never published until the end of the current period', () => {
    const verdict = assessCadence({ category: 'finance', period: 'monthly', lastPublishedOn: null, today: '2026-11-25' });
    expect(verdict).toEqual({
      dueBy: '2026-11-30',
      overdue: false,
      overdueDays: 0,
      explanation: '财务公开每月一次，还没有公开过，下次最迟 2026-11-30 公开',
    });
  });

  it('rolls over the year end', () => {
    expect(assessCadence({ category: 'finance', period: 'monthly', lastPublishedOn: '2026-12-05', today: '2027-01-10' }).dueBy).toBe('2027-01-31');
    expect(assessCadence({ category: 'village', period: 'quarterly', lastPublishedOn: '2026-11-05', today: '2027-01-10' }).dueBy).toBe('2027-03-31');
  });
});
