import { POINTS_SETTINGS_DEFAULT, RULE_BOOK_ITEMS_MAX, type RuleItemInput } from '../types/points';
import { editsRuleBook, normalizeRuleItems, pointsSettingsProblems, ruleBookProblems, ruleCategories, seesRuleBook } from './points-rule-book';

const item = (code: string, pointsTenths = 10, category = '环境卫生', description = '打扫房前屋后一次'): RuleItemInput => ({ code, category, description, pointsTenths, evidenceRequired: false });

describe('ruleBookProblems', () => {
  it('accepts a book with a title and good items, negative-list ones included', () => {
    expect(ruleBookProblems({ title: '积分细则', items: [item('A01', 4), item('A02', 30), item('N01', -50, '负面清单', '参与封建迷信活动')] })).toEqual([]);
  });

  it('asks for a title and at least one item, and caps the number of items', () => {
    expect(ruleBookProblems({ title: ' ', items: [] }).map((p) => p.message)).toEqual(['请填写积分细则的名称', '积分细则里还没有条目，请至少加一条']);
    const many = Array.from({ length: RULE_BOOK_ITEMS_MAX + 1 }, (_, i) => item(`A${i}`));
    expect(ruleBookProblems({ title: 'x', items: many })).toEqual([{ row: null, code: null, message: expect.stringContaining(`最多 ${RULE_BOOK_ITEMS_MAX} 条`) }]);
    expect(ruleBookProblems({ title: '名'.repeat(61), items: [item('A01')] })[0].message).toContain('最多 60 个字');
  });

  it('lists every item problem with its row and code', () => {
    const problems = ruleBookProblems({
      title: '积分细则',
      items: [item('A01'), item('a01'), item('A 3'), item('', 5), item('A05', 0), item('A06', 201), item('A07', 2.5), item('A08', 10, ''), item('A09', 10, '类'.repeat(21)), item('A10', 10, '环境卫生', '')],
    });
    expect(problems).toEqual([
      { row: 2, code: 'a01', message: '第 2 条（a01）：编号和第 1 条重复了，请换一个编号' },
      { row: 3, code: 'A 3', message: expect.stringContaining('编号只能用字母、数字') },
      { row: 4, code: null, message: '第 4 条：请填写编号，例如 A01' },
      { row: 5, code: 'A05', message: expect.stringContaining('分值不能是 0') },
      { row: 6, code: 'A06', message: '第 6 条（A06）：分值要在 −20 到 20 分之间' },
      { row: 7, code: 'A07', message: expect.stringContaining('一位小数') },
      { row: 8, code: 'A08', message: expect.stringContaining('请填写类别') },
      { row: 9, code: 'A09', message: expect.stringContaining('类别最多 20 个字') },
      { row: 10, code: 'A10', message: expect.stringContaining('请填写内容') },
    ]);
  });

  it('numbers sheet rows as the sheet does', () => {
    expect(ruleBookProblems({ title: 'x', items: [item('A01'), item('A01')] }, { rows: [2, 5], rowWord: '行' })).toEqual([{ row: 5, code: 'A01', message: '第 5 行（A01）：编号和第 2 行重复了，请换一个编号' }]);
  });
});

describe('normalizeRuleItems and ruleCategories', () => {
  it('trims texts and groups items by category in first-seen order, flagging the negative list', () => {
    const items = normalizeRuleItems([item(' A01 ', 10, ' 环境卫生 '), item('N01', -50, '负面清单'), item('A02', 4)]);
    expect(items[0]).toEqual({ code: 'A01', category: '环境卫生', description: '打扫房前屋后一次', pointsTenths: 10, evidenceRequired: false });
    expect(ruleCategories(items).map((c) => [c.name, c.items.map((i) => `${i.code}${i.negative ? '-' : ''}`)])).toEqual([
      ['环境卫生', ['A01', 'A02']],
      ['负面清单', ['N01-']],
    ]);
  });
});

describe('pointsSettingsProblems', () => {
  const good = { ...POINTS_SETTINGS_DEFAULT };

  it('accepts the defaults', () => {
    expect(pointsSettingsProblems(good)).toEqual([]);
  });

  it('refuses thresholds out of order, shares over 50 %, a window outside 1–30 days', () => {
    expect(pointsSettingsProblems({ ...good, starThresholdsTenths: [10, 10] })).toEqual([expect.stringContaining('从低到高')]);
    expect(pointsSettingsProblems({ ...good, starThresholdsTenths: [0, 10] })).toEqual([expect.stringContaining('从低到高')]);
    expect(pointsSettingsProblems({ ...good, starThresholdsTenths: [] })).toEqual([expect.stringContaining('1 到 10 档')]);
    expect(pointsSettingsProblems({ ...good, redSharePercent: 51, blackSharePercent: -1 })).toHaveLength(2);
    expect(pointsSettingsProblems({ ...good, publicationWindowDays: 0 })).toEqual([expect.stringContaining('1 到 30 天')]);
    expect(pointsSettingsProblems({ ...good, publicationWindowDays: 31, blackBelowTenths: -1 })).toHaveLength(2);
  });
});

describe('who sees and edits a rule book', () => {
  it('shows drafts and books that did not pass only to the 两委 and the 监委会', () => {
    expect(seesRuleBook('adopted', ['villager'])).toBe(true);
    expect(seesRuleBook('proposed', ['villager'])).toBe(true);
    expect(seesRuleBook('superseded', ['villager'])).toBe(true);
    expect(seesRuleBook('draft', ['villager', 'grid_leader'])).toBe(false);
    expect(seesRuleBook('withdrawn', ['villager'])).toBe(false);
    expect(seesRuleBook('draft', ['villager', 'supervisor'])).toBe(true);
    expect(seesRuleBook('draft', ['village_committee'])).toBe(true);
  });

  it('lets only the 两委 edit, and only a draft', () => {
    expect(editsRuleBook('draft', ['secretary'])).toBe(true);
    expect(editsRuleBook('draft', ['supervisor'])).toBe(false);
    expect(editsRuleBook('proposed', ['secretary'])).toBe(false);
  });
});
