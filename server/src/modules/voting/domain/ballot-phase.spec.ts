import { phaseOf, votingWindowProblem } from './ballot-phase';

describe('ballot phase and voting window', () => {
  const opensAt = new Date('2026-11-25T00:00:00.000Z');
  const closesAt = new Date('2026-11-30T10:00:00.000Z');
  const at = (iso: string) => new Date(iso);

  it.each([
    ['draft', '2026-11-26T00:00:00.000Z', 'draft'],
    ['open', '2026-11-24T23:59:59.000Z', 'upcoming'],
    ['open', '2026-11-25T00:00:00.000Z', 'voting'],
    ['open', '2026-11-30T09:59:59.000Z', 'voting'],
    ['open', '2026-11-30T10:00:00.000Z', 'counting'],
    ['closed', '2026-11-26T00:00:00.000Z', 'closed'],
    ['cancelled', '2026-11-26T00:00:00.000Z', 'cancelled'],
  ] as const)('%s at %s is %s', (status, now, phase) => {
    expect(phaseOf({ status, opensAt, closesAt }, at(now))).toBe(phase);
  });

  it('says when voting starts or ended, in Beijing time', () => {
    expect(votingWindowProblem({ status: 'open', opensAt, closesAt }, at('2026-11-24T12:00:00.000Z'))).toEqual({
      kind: 'not_open_yet',
      message: '表决还没开始，11月25日 08:00 开始投票',
    });
    expect(votingWindowProblem({ status: 'open', opensAt, closesAt }, at('2026-11-30T10:00:00.000Z'))).toEqual({
      kind: 'closed',
      message: '表决已在 11月30日 18:00 结束，不能再投票',
    });
    expect(votingWindowProblem({ status: 'open', opensAt, closesAt }, at('2026-11-26T00:00:00.000Z'))).toBeNull();
  });
});
