/**
 * The rules behind the points pages, without rendering: the order QR's module grid, which points
 * work each role sees, why a product cannot be redeemed, the 记积分 draft kept on the phone with its
 * Idempotency-Key, and the 评议小组 / rule-book editor helpers of points-admin.
 */
import { formatPoints, REDEMPTION_QR_PREFIX, type ApiErrorBody, type RuleBookDetail } from '@village/shared';
import qrcode from 'qrcode-generator';
import * as taro from '../__mocks__/taro';
import { qrRuns } from '../src/packages/points/components/QrCode';
import { clearRecordDraft, readRecordDraft, saveRecordDraft, type RecordDraft } from '../src/packages/points/pages/record/draft';
import { blockedBecause } from '../src/packages/points/pages/shop';
import { checkEditor, hasProblems, inputsOf, rowsOf, serverProblems, type ItemRow } from '../src/packages/points-admin/utils/ruleBook';
import { adjustmentText, monthLabel, recentMonths } from '../src/packages/points-admin/utils/text';
import { homePointsWork, pointsWork } from '../src/pages/points/work';

describe('the order QR code', () => {
  const text = REDEMPTION_QR_PREFIX + 'K7QX3MZP';

  /** The grid the runs draw, dark = true, quiet zone included. */
  const gridOf = (t: string): boolean[][] => qrRuns(t).rows.map((runs) => runs.flatMap((run) => Array<boolean>(run.length).fill(run.dark)));

  it('draws a square grid: as many modules in every row as there are rows', () => {
    const { size, rows } = qrRuns(text);
    expect(rows).toHaveLength(size);
    for (const runs of rows) expect(runs.reduce((n, run) => n + run.length, 0)).toBe(size);
  });

  it('draws exactly the modules that encode village-points:<code>, inside a light quiet zone of 4', () => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const n = qr.getModuleCount();
    const grid = gridOf(text);
    expect(grid).toHaveLength(n + 8);
    for (let r = 0; r < n + 8; r += 1) {
      for (let c = 0; c < n + 8; c += 1) {
        const inside = r >= 4 && r < n + 4 && c >= 4 && c < n + 4;
        expect(grid[r][c]).toBe(inside ? qr.isDark(r - 4, c - 4) : false);
      }
    }
    // Another code is another picture.
    expect(gridOf(REDEMPTION_QR_PREFIX + 'K7QX3MZQ')).not.toEqual(grid);
  });

  it('merges neighbouring modules of one colour into runs', () => {
    for (const runs of qrRuns(text).rows) {
      for (let i = 1; i < runs.length; i += 1) expect(runs[i].dark).not.toBe(runs[i - 1].dark);
    }
  });
});

describe('points work by role', () => {
  const keys = (roles: Parameters<typeof pointsWork>[0]) => pointsWork(roles, null).map((row) => row.key);

  it('gives a plain villager or 户代表 no work', () => {
    expect(keys(['villager'])).toEqual([]);
    expect(keys(['villager', 'household_rep'])).toEqual([]);
  });

  it('gives each points role its own entries', () => {
    expect(keys(['villager', 'grid_leader'])).toEqual(['record']);
    expect(keys(['villager', 'supervisor', 'points_reviewer'])).toEqual(['review', 'appeals']);
    expect(keys(['villager', 'village_committee'])).toEqual(['rules', 'settings', 'board']);
    expect(keys(['villager', 'branch_committee'])).toEqual(['publish', 'rules', 'settings', 'board']);
    expect(keys(['villager', 'branch_committee', 'shopkeeper'])).toEqual(['publish', 'rules', 'settings', 'board', 'handover', 'products']);
  });

  it('lists a secretary who is also 网格员 once per entry', () => {
    const k = keys(['villager', 'secretary', 'branch_committee', 'grid_leader']);
    expect(new Set(k).size).toBe(k.length);
  });

  it('says how many records wait for the 评议小组 when that is known', () => {
    const review = (n: number | null) => pointsWork(['points_reviewer'], n).find((row) => row.key === 'review')?.title;
    expect(review(3)).toContain('3');
    expect(review(null)).not.toContain('null');
  });

  it('keeps one entry per role on 首页: the first thing each role does', () => {
    expect(homePointsWork(['villager', 'branch_committee', 'shopkeeper', 'points_reviewer', 'grid_leader'], 2).map((row) => row.key)).toEqual([
      'record',
      'review',
      'publish',
      'rules',
      'handover',
    ]);
    expect(homePointsWork(['villager'], null)).toEqual([]);
  });
});

describe('why a product cannot be redeemed', () => {
  it('says how many points are still missing', () => {
    expect(blockedBecause({ stock: 3, priceTenths: 50 }, 23)).toBe('积分还差 2.7 分。多参加村里的活动就能得积分。');
  });

  it('says it is sold out before anything about points', () => {
    expect(blockedBecause({ stock: 0, priceTenths: 50 }, 0)).toBe('已经换完了，等补货以后再来。');
  });

  it('lets a household with exactly the price redeem', () => {
    expect(blockedBecause({ stock: 1, priceTenths: 50 }, 50)).toBeNull();
    expect(blockedBecause({ stock: 1, priceTenths: 50 }, 51)).toBeNull();
  });
});

describe('the 记积分 draft on the phone', () => {
  const draft = (over: Partial<RecordDraft> = {}): RecordDraft => ({
    household: { id: 'h-1', number: '0012', label: '0012号 张*华家' },
    residentId: null,
    itemCode: 'A01',
    occurredOn: '2026-11-25',
    note: '打扫了村道',
    photos: [],
    key: 'key-1',
    ...over,
  });

  beforeEach(() => {
    clearRecordDraft('leader');
    clearRecordDraft('self');
  });

  it('is kept, with its Idempotency-Key, until the server accepts it', () => {
    saveRecordDraft('leader', draft());
    // The answer was lost: the page opens again and retries with the same key.
    expect(readRecordDraft('leader')).toEqual(draft());
    expect(readRecordDraft('leader')?.key).toBe('key-1');
    // Accepted: cleared, so the next record starts empty with a new key.
    clearRecordDraft('leader');
    expect(readRecordDraft('leader')).toBeNull();
  });

  it("keeps the 网格员's form and the villager's self-report apart", () => {
    saveRecordDraft('leader', draft());
    expect(readRecordDraft('self')).toBeNull();
    saveRecordDraft('self', draft({ key: 'key-2' }));
    expect(readRecordDraft('leader')?.key).toBe('key-1');
    expect(readRecordDraft('self')?.key).toBe('key-2');
  });

  it('restores nothing when nothing was typed (for a self-report the household does not count)', () => {
    saveRecordDraft('leader', draft({ household: null, itemCode: null, note: ' ' }));
    expect(readRecordDraft('leader')).toBeNull();
    saveRecordDraft('self', draft({ itemCode: null, note: '' }));
    expect(readRecordDraft('self')).toBeNull();
    saveRecordDraft('leader', draft({ itemCode: null, note: '' }));
    expect(readRecordDraft('leader')?.household?.id).toBe('h-1');
  });

  it('ignores what is not a draft, and a phone that refuses to store one', () => {
    taro.setStorageSync('village.points.recordDraft.leader', 'not json');
    expect(readRecordDraft('leader')).toBeNull();
    taro.setStorageSync('village.points.recordDraft.leader', JSON.stringify({ itemCode: 'A01' }));
    expect(readRecordDraft('leader')).toBeNull();
    taro.setStorageSync.mockImplementationOnce(() => {
      throw new Error('full');
    });
    expect(() => saveRecordDraft('leader', draft())).not.toThrow();
  });
});

describe('points-admin text helpers', () => {
  it('writes months as 2026年11月 and lists the recent ones newest first, across a new year', () => {
    expect(monthLabel('2026-11')).toBe('2026年11月');
    expect(monthLabel('2027-01')).toBe('2027年1月');
    expect(recentMonths('2027-02-03', 4)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
  });

  it('says what an appeal changes in words', () => {
    expect(adjustmentText(10, 20)).toBe('调整后 2 分，比原来多 1 分');
    expect(adjustmentText(20, 5)).toBe('调整后 0.5 分，比原来少 1.5 分');
    expect(adjustmentText(20, 20)).toBe('和原来一样');
  });
});

describe('the rule-book editor', () => {
  const book = {
    categories: [
      { name: '人居环境', items: [{ code: 'A01', description: '门前三包', pointsTenths: 4, evidenceRequired: false }] },
      { name: '负面清单', items: [{ code: 'N01', description: '乱倒垃圾', pointsTenths: -50, evidenceRequired: true }] },
    ],
  } as unknown as RuleBookDetail;
  let n = 0;
  const newKey = () => `k${(n += 1)}`;

  it('holds the points as typed and sends them back in tenths', () => {
    const rows = rowsOf(book, newKey);
    expect(rows.map((r) => [r.code, r.category, r.points])).toEqual([
      ['A01', '人居环境', '0.4'],
      ['N01', '负面清单', formatPoints(-50)], // the true minus sign, as everywhere points are shown
    ]);
    expect(inputsOf(rows).map((i) => [i.code, i.pointsTenths, i.evidenceRequired])).toEqual([
      ['A01', 4, false],
      ['N01', -50, true],
    ]);
  });

  it('names the row of a problem before saving, and finds none in a good book', () => {
    const rows = rowsOf(book, newKey);
    expect(hasProblems(checkEditor('2026 年积分细则', rows))).toBe(false);
    const bad: ItemRow[] = [rows[0], { ...rows[1], points: '五分' }];
    const problems = checkEditor('2026 年积分细则', bad);
    expect(hasProblems(problems)).toBe(true);
    expect(Object.keys(problems.rows)).toEqual(['1']);
  });

  it("reads the server's refusal by row, and nothing from an error without problems", () => {
    const error = { code: 'x', message: '有问题', details: { problems: [{ row: 2, message: '分值不对' }, { row: null, message: '标题不能为空' }, 'junk'] } } as unknown as ApiErrorBody;
    expect(serverProblems(error)).toEqual({ book: ['标题不能为空'], rows: { 1: ['分值不对'] } });
    expect(serverProblems({ code: 'x', message: 'y' } as ApiErrorBody)).toEqual({ book: [], rows: {} });
  });
});
