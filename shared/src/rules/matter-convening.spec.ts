import { assessConveningPetition, obligationStatus } from './matter-convening';

describe('assessConveningPetition', () => {
  const villagers = (adultSigners: number, representativeSigners = 0) =>
    assessConveningPetition({ body: 'villager_assembly', petitionedOn: '2026-11-01', adultSigners, representativeSigners, adultResidents: 300, representatives: 15 });

  it('1/10 of adult villagers obliges a 村民会议 (以上 includes 30/300)', () => {
    const met = villagers(30);
    expect(met).toMatchObject({ obliged: true, dueBy: '2026-12-01' });
    expect(met.explanation).toBe('应当召集村民会议：提议村民 30/300（10%），达到十分之一？是，最迟 2026年12月1日 召开');
    const short = villagers(29);
    expect(short.obliged).toBe(false);
    expect(short.explanation).toBe('尚未达到必须召集村民会议的人数：提议村民 29/300（10%），达到十分之一？否（至少要 30 人）；提议村民代表 0/15（0%），达到三分之一？否（至少要 5 人）');
  });

  it('or 1/3 of the representatives (5/15 yes, 4/15 no)', () => {
    expect(villagers(0, 5).obliged).toBe(true);
    expect(villagers(0, 4).obliged).toBe(false);
  });

  it('1/5 of representatives obliges a 村民代表会议; the deadline is configurable', () => {
    const reps = (n: number) => assessConveningPetition({ body: 'representative_assembly', petitionedOn: '2026-11-01', adultSigners: 0, representativeSigners: n, adultResidents: 300, representatives: 15 }, 15);
    expect(reps(3)).toMatchObject({ obliged: true, dueBy: '2026-11-16', basis: '《村民委员会组织法》第二十六条' });
    expect(reps(2).obliged).toBe(false);
  });
});

describe('obligationStatus', () => {
  it.each([
    ['2026-11-20', null, 'open', '还剩 5 天（11月25日 前召开）'],
    ['2026-11-25', null, 'open', '今天是最后期限'],
    ['2026-11-28', null, 'overdue', '已逾期 3 天（应在 11月25日 前召开）'],
    ['2026-11-28', '2026-11-24', 'met', '已于 11月24日 召开'],
  ])('today %s, met %s → %s', (today, metOn, status, text) => {
    expect(obligationStatus('2026-11-25', metOn, today)).toEqual({ status, text });
  });
});
