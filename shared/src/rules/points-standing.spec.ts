import {
  BOARD_REASON_MAX,
  earnedTotals,
  quarterTotals,
  quartersOfYear,
  rankHouseholds,
  recentQuarters,
  seesBoardFollowUp,
  selectBoard,
  shareCount,
  starsFor,
  type BoardRules,
  type HouseholdTotal,
  type LedgerSum,
} from './points-standing';

const RULES: BoardRules = { redSharePercent: 10, blackSharePercent: 0, blackBelowTenths: null, blackOnNegativeItem: true };

/** Households "1", "2", … with the given totals (tenths). */
const households = (...totals: number[]): HouseholdTotal[] => totals.map((totalTenths, i) => ({ householdId: `h${i + 1}`, number: String(i + 1), totalTenths }));
const ids = (picks: { householdId: string }[]): string[] => picks.map((p) => p.householdId);

describe('stars (每季按分授星)', () => {
  const thresholds = [10, 30, 50, 80, 120];

  it('gives one star per threshold reached, the threshold itself included', () => {
    expect(starsFor(0, thresholds)).toBe(0);
    expect(starsFor(9, thresholds)).toBe(0);
    expect(starsFor(10, thresholds)).toBe(1);
    expect(starsFor(49, thresholds)).toBe(2);
    expect(starsFor(50, thresholds)).toBe(3);
    expect(starsFor(120, thresholds)).toBe(5);
    expect(starsFor(999, thresholds)).toBe(5);
  });

  it('gives none for a negative quarter or without thresholds', () => {
    expect(starsFor(-50, thresholds)).toBe(0);
    expect(starsFor(100, [])).toBe(0);
  });
});

describe('earned totals', () => {
  const sums: LedgerSum[] = [
    { householdId: 'a', kind: 'record', quarter: '2026-Q3', amountTenths: 124 },
    { householdId: 'a', kind: 'adjustment', quarter: '2026-Q3', amountTenths: -4 },
    { householdId: 'a', kind: 'redemption', quarter: null, amountTenths: -100 },
    { householdId: 'a', kind: 'refund', quarter: null, amountTenths: 30 },
    { householdId: 'a', kind: 'record', quarter: '2025-Q4', amountTenths: 50 },
    { householdId: 'b', kind: 'record', quarter: '2026-Q1', amountTenths: 50 },
    { householdId: 'b', kind: 'adjustment', quarter: '2026-Q1', amountTenths: -50 },
    { householdId: 'c', kind: 'redemption', quarter: null, amountTenths: -20 },
  ];

  it('counts records and adjustments of the quarters asked for; redemptions never lower a total', () => {
    const totals = earnedTotals(sums, quartersOfYear(2026));
    expect(totals.get('a')).toBe(120);
    // Published, then adjusted to nothing: still ranked (something was published), at 0.
    expect(totals.get('b')).toBe(0);
    // Only shop entries: nothing was published, so not ranked at all.
    expect(totals.has('c')).toBe(false);
    expect(earnedTotals(sums, ['2025-Q4'])).toEqual(new Map([['a', 50]]));
  });

  it('gives a household its quarters with stars, 0 where nothing was published', () => {
    expect(quarterTotals(sums, 'a', ['2026-Q2', '2026-Q3'], [10, 100])).toEqual([
      { quarter: '2026-Q2', totalTenths: 0, stars: 0 },
      { quarter: '2026-Q3', totalTenths: 120, stars: 2 },
    ]);
  });

  it('lists the recent quarters oldest first, across a year boundary', () => {
    expect(recentQuarters('2026-Q4', 4)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(recentQuarters('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('ranking', () => {
  it('shares a rank on a tie and skips the next (1, 1, 3)', () => {
    const ranked = rankHouseholds(households(50, 80, 80, 10));
    expect(ranked.map((r) => [r.householdId, r.rank])).toEqual([
      ['h2', 1],
      ['h3', 1],
      ['h1', 3],
      ['h4', 4],
    ]);
  });

  it('orders equal totals by 户号 numerically, whatever the input order', () => {
    const input: HouseholdTotal[] = [
      { householdId: 'x', number: '10', totalTenths: 30 },
      { householdId: 'y', number: '9', totalTenths: 30 },
      { householdId: 'z', number: '0002', totalTenths: 30 },
    ];
    const expected = ['z', 'y', 'x'];
    expect(ids(rankHouseholds(input))).toEqual(expected);
    expect(ids(rankHouseholds([...input].reverse()))).toEqual(expected);
    expect(rankHouseholds(input).map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('ranks negative totals below zero and keeps the input untouched', () => {
    const input = households(0, -50, 12);
    expect(rankHouseholds(input).map((r) => [r.householdId, r.rank])).toEqual([
      ['h3', 1],
      ['h1', 2],
      ['h2', 3],
    ]);
    expect(input.map((r) => r.householdId)).toEqual(['h1', 'h2', 'h3']);
    expect(rankHouseholds([])).toEqual([]);
  });
});

describe('share of households', () => {
  it('rounds down but names at least one when a share is set', () => {
    expect(shareCount(25, 10)).toBe(2);
    expect(shareCount(5, 10)).toBe(1);
    expect(shareCount(0, 10)).toBe(0);
    expect(shareCount(25, 0)).toBe(0);
    expect(shareCount(4, 250)).toBe(4);
  });
});

describe('红黑榜', () => {
  it('puts the top 10% with a positive total on the red list, highest first, with the reason', () => {
    const totals = households(...Array.from({ length: 20 }, (_, i) => (i + 1) * 5));
    const { red, black } = selectBoard(totals, [], RULES);
    expect(red).toEqual([
      { householdId: 'h20', list: 'red', totalTenths: 100, reason: '本季 10 分，全村第 1 名（红榜取前 10%）' },
      { householdId: 'h19', list: 'red', totalTenths: 95, reason: '本季 9.5 分，全村第 2 名（红榜取前 10%）' },
    ]);
    expect(black).toEqual([]);
  });

  it('names at least one when anyone qualifies and includes every tie at the cut-off', () => {
    expect(ids(selectBoard(households(124, 30, 20), [], RULES).red)).toEqual(['h1']);
    expect(ids(selectBoard(households(30, 124, 124, 20), [], RULES).red)).toEqual(['h2', 'h3']);
    const tiedAtCut = households(90, 80, 80, 80, ...Array.from({ length: 16 }, () => 10));
    expect(ids(selectBoard(tiedAtCut, [], RULES).red)).toEqual(['h1', 'h2', 'h3', 'h4']);
  });

  it('never honours a household without a positive total, nor anyone when the share is 0', () => {
    expect(selectBoard(households(0, -50), [], RULES).red).toEqual([]);
    expect(selectBoard(households(50, 20), [], { ...RULES, redSharePercent: 0 }).red).toEqual([]);
    expect(selectBoard([], [], RULES)).toEqual({ red: [], black: [] });
  });

  it('puts a household with a negative-list record on the black list, naming the items', () => {
    const { black } = selectBoard(households(30, -20, 15), [
      { householdId: 'h2', itemCode: 'N02', itemDescription: '参与封建迷信活动' },
      { householdId: 'h2', itemCode: 'N05', itemDescription: '乱倒垃圾屡教不改' },
    ], RULES);
    expect(black).toEqual([{ householdId: 'h2', list: 'black', totalTenths: -20, reason: '本季有负面清单记录：N02 参与封建迷信活动、N05 乱倒垃圾屡教不改' }]);
  });

  it('ignores negative-list records when the village turned that rule off', () => {
    const negatives = [{ householdId: 'h2', itemCode: 'N02', itemDescription: '参与封建迷信活动' }];
    expect(selectBoard(households(30, -20), negatives, { ...RULES, blackOnNegativeItem: false }).black).toEqual([]);
  });

  it('blacklists totals below the line (安家村: below 7 分), the line itself not', () => {
    const { black } = selectBoard(households(70, 69, 120, 0), [], { ...RULES, blackBelowTenths: 70 });
    expect(black).toEqual([
      { householdId: 'h2', list: 'black', totalTenths: 69, reason: '本季 6.9 分，低于 7 分' },
      { householdId: 'h4', list: 'black', totalTenths: 0, reason: '本季 0 分，低于 7 分' },
    ]);
  });

  it('takes the bottom share with ties at the cut-off, listed by 户号 rather than worst first', () => {
    const totals = households(...Array.from({ length: 10 }, (_, i) => 100 - i * 10));
    // h10 has 1 分; with 20% of 10 the two lowest are named.
    const { black } = selectBoard(totals, [], { ...RULES, blackSharePercent: 20 });
    expect(black.map((b) => [b.householdId, b.reason])).toEqual([
      ['h9', '本季 2 分，在全村积分最少的 20% 之内'],
      ['h10', '本季 1 分，在全村积分最少的 20% 之内'],
    ]);
    const tied = households(50, 40, 10, 10, 10);
    expect(ids(selectBoard(tied, [], { ...RULES, blackSharePercent: 20 }).black)).toEqual(['h3', 'h4', 'h5']);
  });

  it('gives every reason that applies, joined', () => {
    const { black } = selectBoard(households(100, 90, -30), [{ householdId: 'h3', itemCode: 'N01', itemDescription: '参与赌博' }], {
      ...RULES,
      blackBelowTenths: 70,
      blackSharePercent: 10,
    });
    expect(black).toEqual([
      { householdId: 'h3', list: 'black', totalTenths: -30, reason: '本季有负面清单记录：N01 参与赌博；本季 −3 分，低于 7 分；本季 −3 分，在全村积分最少的 10% 之内' },
    ]);
  });

  it('keeps a household off the red list when it is on the black one, and the next household takes the red place', () => {
    const negatives = [{ householdId: 'h1', itemCode: 'N02', itemDescription: '参与封建迷信活动' }];
    const { red, black } = selectBoard(households(150, 90, 40), negatives, RULES);
    expect(ids(black)).toEqual(['h1']);
    expect(red).toEqual([{ householdId: 'h2', list: 'red', totalTenths: 90, reason: '本季 9 分，全村第 2 名（红榜取前 10%）' }]);
  });

  it('puts a lone household in both shares on the black list only', () => {
    const { red, black } = selectBoard(households(50), [], { ...RULES, blackSharePercent: 10 });
    expect(red).toEqual([]);
    expect(ids(black)).toEqual(['h1']);
  });

  it('clips a long reason to what the board stores', () => {
    const negatives = Array.from({ length: 12 }, (_, i) => ({ householdId: 'h1', itemCode: `N${i}`, itemDescription: '长期占用公共道路堆放杂物' }));
    const [entry] = selectBoard(households(-60), negatives, RULES).black;
    expect([...entry.reason]).toHaveLength(BOARD_REASON_MAX);
    expect(entry.reason.endsWith('…')).toBe(true);
  });
});

describe('who sees a 帮扶 note', () => {
  it('the 两委, the 监委会 and the household itself; nobody else', () => {
    expect(seesBoardFollowUp(['villager', 'secretary'], null, 'h1')).toBe(true);
    expect(seesBoardFollowUp(['villager', 'branch_committee'], 'h2', 'h1')).toBe(true);
    expect(seesBoardFollowUp(['villager', 'supervisor'], 'h2', 'h1')).toBe(true);
    expect(seesBoardFollowUp(['villager', 'household_rep'], 'h1', 'h1')).toBe(true);
    expect(seesBoardFollowUp(['villager'], 'h2', 'h1')).toBe(false);
    expect(seesBoardFollowUp(['villager', 'grid_leader', 'points_reviewer'], 'h2', 'h1')).toBe(false);
  });
});
