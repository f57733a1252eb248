import { ruleBookSheetRows, ruleItemsFromSheet, type RuleBookSheetRow } from './rule-book-sheet';

const sheet = (rows: (string | number | null)[][]): RuleBookSheetRow[] => rows.map((cells, i) => ({ rowNumber: i + 1, cells }));

describe('rule book sheet', () => {
  it('reads items under the header, in any column order, skipping blank rows', () => {
    const read = ruleItemsFromSheet(
      sheet([
        ['安家村村民积分细则'],
        ['类别', '编号', '内容', '分值', '需要证明'],
        ['环境卫生', 'A01', '参加村里组织的义务劳动一次', 1, '是'],
        [null, null, null, null, null],
        ['负面清单', 'N01', '参与封建迷信活动', '-5', '否'],
        ['日常行为', 'B01', '主动调解邻里纠纷', '0.4', ''],
      ]),
    );
    expect(read.problems).toEqual([]);
    expect(read.itemRows).toEqual([3, 5, 6]);
    expect(read.items).toEqual([
      { code: 'A01', category: '环境卫生', description: '参加村里组织的义务劳动一次', pointsTenths: 10, evidenceRequired: true },
      { code: 'N01', category: '负面清单', description: '参与封建迷信活动', pointsTenths: -50, evidenceRequired: false },
      { code: 'B01', category: '日常行为', description: '主动调解邻里纠纷', pointsTenths: 4, evidenceRequired: false },
    ]);
  });

  it('names the row of points that are not a number and of an unclear 需要证明', () => {
    const read = ruleItemsFromSheet(sheet([['编号', '类别', '内容', '分值', '需要证明'], ['A01', '环境卫生', '打扫卫生', '一分', '是'], ['A02', '环境卫生', '打扫卫生', '0.45', '也许']]));
    expect(read.problems.map((p) => p.message)).toEqual(['第 2 行（A01）：分值“一分”不是数字，请填写如 0.4、3、-5', '第 3 行（A02）：分值“0.45”最多保留一位小数，请填写如 0.4、3、-5', '第 3 行（A02）：“需要证明”请填“是”或“否”']);
  });

  it('asks for the header when there is none', () => {
    expect(ruleItemsFromSheet(sheet([['A01', '环境卫生', '打扫卫生', 1, '是']])).problems).toEqual([{ row: null, code: null, message: expect.stringContaining('编号、类别、内容、分值、需要证明') }]);
  });

  it('writes what it reads back', () => {
    const items = [
      { code: 'A01', category: '环境卫生', description: '打扫卫生', pointsTenths: 4, evidenceRequired: true },
      { code: 'N01', category: '负面清单', description: '参与封建迷信活动', pointsTenths: -50, evidenceRequired: false },
    ];
    const rows = ruleBookSheetRows(items);
    expect(rows[2]).toEqual(['N01', '负面清单', '参与封建迷信活动', '-5', '否']);
    expect(ruleItemsFromSheet(sheet(rows)).items).toEqual(items);
  });
});
