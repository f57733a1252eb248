import { quarterLabel, quarterOf } from './quarter';
import { assessRepresentativeCadence, quartersWithoutRepresentativeMeeting } from './representative-cadence';

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1', '2026年第一季度'],
    ['2026-06-30', '2026-Q2', '2026年第二季度'],
    ['2026-07-01', '2026-Q3', '2026年第三季度'],
    ['2026-11-05', '2026-Q4', '2026年第四季度'],
  ])('%s is %s (%s)', (day, quarter, label) => {
    expect(quarterOf(day)).toBe(quarter);
    expect(quarterLabel(quarter)).toBe(label);
  });

  it('lists finished quarters without a 村民代表会议, across a year end', () => {
    expect(quartersWithoutRepresentativeMeeting(['2026-02-10', '2026-08-01'], '2025-12-01', '2026-11-05')).toEqual(['2025-Q4', '2026-Q2']);
  });
});

describe('assessRepresentativeCadence', () => {
  it('says the current quarter still needs one, by its last day', () => {
    expect(assessRepresentativeCadence({ heldOn: [], since: '2026-11-20', today: '2026-11-25' })).toEqual({
      missingQuarters: [],
      lastHeldOn: null,
      currentQuarter: { label: '2026年第四季度', held: false, endsOn: '2026-12-31' },
      statusText: '本季度还没有开村民代表会议（12月31日前）',
      legalBasis: '《村民委员会组织法》第二十六条',
    });
  });

  it('counts a meeting of any matter in the quarter, and names the missed quarters', () => {
    const view = assessRepresentativeCadence({ heldOn: ['2026-11-03', '2026-04-20', '2026-02-01'], since: '2025-03-01', today: '2026-11-25' });
    expect(view).toMatchObject({
      missingQuarters: ['2025年第四季度', '2026年第三季度'],
      lastHeldOn: '2026-11-03',
      currentQuarter: { label: '2026年第四季度', held: true, endsOn: '2026-12-31' },
      statusText: '本季度已于11月3日召开村民代表会议；2025年第四季度、2026年第三季度没有召开',
    });
  });

  it('looks back four finished quarters at most', () => {
    expect(assessRepresentativeCadence({ heldOn: [], since: '2020-01-01', today: '2026-02-10' }).missingQuarters).toEqual([
      '2025年第一季度',
      '2025年第二季度',
      '2025年第三季度',
      '2025年第四季度',
    ]);
  });

  it('does not hold a village to quarters before it joined, but does to the quarter it joined in', () => {
    expect(assessRepresentativeCadence({ heldOn: [], since: '2026-09-28', today: '2026-11-25' }).missingQuarters).toEqual(['2026年第三季度']);
  });

  it('ignores a recorded meeting dated after today', () => {
    const view = assessRepresentativeCadence({ heldOn: ['2026-12-20'], since: '2026-10-01', today: '2026-11-25' });
    expect(view).toMatchObject({ lastHeldOn: null, currentQuarter: { held: false } });
  });
});
