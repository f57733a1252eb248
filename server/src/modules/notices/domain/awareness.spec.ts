import { computeAwareness } from './awareness';

const grids = [
  { id: 'g1', name: '第一网格' },
  { id: 'g2', name: '第二网格' },
];

describe('computeAwareness', () => {
  const households = [
    { id: 'h1', gridId: 'g1' },
    { id: 'h2', gridId: 'g1' },
    { id: 'h3', gridId: 'g1' },
    { id: 'h4', gridId: 'g2' },
    { id: 'h5', gridId: 'g2' },
  ];

  it('is 0/total before anyone is reached, with every grid listed', () => {
    const figures = computeAwareness({ unit: 'household', subjects: households, grids, readBy: [], toldInPerson: [] });
    expect(figures).toMatchObject({ total: 5, reached: 0, toldInPerson: 0, rate: { numerator: 0, denominator: 5 } });
    expect(figures.byGrid).toEqual([
      { grid: grids[0], total: 3, reached: 0, toldInPerson: 0 },
      { grid: grids[1], total: 2, reached: 0, toldInPerson: 0 },
    ]);
    expect(figures.unreached).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
  });

  it('counts a household once however many members read, and adds in-person households', () => {
    const figures = computeAwareness({
      unit: 'household',
      subjects: households,
      grids,
      readBy: ['h1', 'h1', 'h1', 'h4'],
      toldInPerson: ['h2'],
    });
    expect(figures).toMatchObject({ total: 5, reached: 3, toldInPerson: 1, rate: { numerator: 3, denominator: 5 } });
    expect(figures.byGrid).toEqual([
      { grid: grids[0], total: 3, reached: 2, toldInPerson: 1 },
      { grid: grids[1], total: 2, reached: 1, toldInPerson: 0 },
    ]);
    expect(figures.unreached).toEqual(['h3', 'h5']);
  });

  it('counts a household both read and told in person once, as told in person', () => {
    const figures = computeAwareness({ unit: 'household', subjects: households, grids, readBy: ['h4'], toldInPerson: ['h4'] });
    expect(figures).toMatchObject({ reached: 1, toldInPerson: 1 });
  });

  it('ignores reads from households that are no longer active (not in the subjects)', () => {
    const figures = computeAwareness({ unit: 'household', subjects: households, grids, readBy: ['h9', 'h1'], toldInPerson: ['h8'] });
    expect(figures).toMatchObject({ total: 5, reached: 1, toldInPerson: 0 });
  });

  it('counts persons for a party-only notice', () => {
    const members = [
      { id: 'r1', gridId: 'g1' },
      { id: 'r2', gridId: 'g1' },
      { id: 'r3', gridId: 'g2' },
    ];
    const figures = computeAwareness({ unit: 'party_member', subjects: members, grids, readBy: ['r2'], toldInPerson: ['r3'] });
    expect(figures).toMatchObject({ unit: 'party_member', total: 3, reached: 2, toldInPerson: 1, rate: { numerator: 2, denominator: 3 } });
    expect(figures.unreached).toEqual(['r1']);
  });

  it('answers 0/0 for a village with nobody to reach, and keeps a subject in an unknown grid', () => {
    expect(computeAwareness({ unit: 'household', subjects: [], grids, readBy: ['h1'], toldInPerson: [] }).rate).toEqual({
      numerator: 0,
      denominator: 0,
    });
    const figures = computeAwareness({ unit: 'household', subjects: [{ id: 'h1', gridId: 'gx' }], grids: [], readBy: ['h1'], toldInPerson: [] });
    expect(figures.byGrid).toEqual([{ grid: { id: 'gx', name: '' }, total: 1, reached: 1, toldInPerson: 0 }]);
  });

  it('counts a subject listed twice once', () => {
    const figures = computeAwareness({ unit: 'household', subjects: [households[0], households[0]], grids, readBy: [], toldInPerson: [] });
    expect(figures.total).toBe(1);
  });
});
