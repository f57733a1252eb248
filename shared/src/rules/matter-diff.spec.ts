import { applyDiff, diffRevisions, diffText } from './matter-diff';

describe('diffText', () => {
  it('marks a changed figure inside an otherwise equal line', () => {
    const d = diffText('每人筹资 50 元。\n由村委会组织实施。\n', '每人筹资 30 元。\n由村委会组织实施。\n');
    expect(d.segments).toEqual([
      { op: 'equal', text: '每人筹资 ' },
      { op: 'delete', text: '5' },
      { op: 'insert', text: '3' },
      { op: 'equal', text: '0 元。\n由村委会组织实施。\n' },
    ]);
    expect([d.inserted, d.deleted]).toEqual([1, 1]);
  });

  it('shows an added paragraph as inserted', () => {
    const d = diffText('一、修路。\n', '一、修路。\n二、装路灯。\n');
    expect(d.segments).toEqual([
      { op: 'equal', text: '一、修路。\n' },
      { op: 'insert', text: '二、装路灯。\n' },
    ]);
  });

  it('counts rare characters as one', () => {
    const d = diffText('𠮷祥', '吉祥');
    expect([d.inserted, d.deleted]).toEqual([1, 1]);
  });

  it('is faithful both ways on many random texts', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['村', '民', '议', '事', '\n', '。', '1', '2'];
    const text = (): string => Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const [a, b] = [text(), text()];
      const d = diffText(a, b);
      expect(applyDiff(d.segments, 'before')).toBe(a);
      expect(applyDiff(d.segments, 'after')).toBe(b);
    }
  });
});

describe('diffRevisions', () => {
  it('reports only what changed', () => {
    const before = { title: '村道硬化', body: '长 1 公里', budgetFen: 100_000_00 };
    expect(diffRevisions(before, before)).toEqual({ title: null, body: null, budget: null, changed: false });
    const d = diffRevisions(before, { ...before, budgetFen: 90_000_00 });
    expect(d).toEqual({ title: null, body: null, budget: { fromFen: 100_000_00, toFen: 90_000_00 }, changed: true });
    expect(diffRevisions(before, { ...before, title: '村道硬化工程' }).title?.segments).toEqual([
      { op: 'equal', text: '村道硬化' },
      { op: 'insert', text: '工程' },
    ]);
  });
});
