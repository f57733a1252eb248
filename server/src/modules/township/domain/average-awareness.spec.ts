import { averageAwareness } from './average-awareness';

describe('averageAwareness', () => {
  const households = [
    { id: 'h1', villageId: 'v1', gridId: 'g1' },
    { id: 'h2', villageId: 'v1', gridId: 'g1' },
    { id: 'h3', villageId: 'v1', gridId: 'g2' },
    { id: 'h4', villageId: 'v1', gridId: 'g2' },
  ];

  it('averages the households reached per notice (reads counted once per household, in-person too)', () => {
    const result = averageAwareness({
      notices: [
        { id: 'n1', villageId: 'v1', audience: 'all' },
        { id: 'n2', villageId: 'v1', audience: 'all' },
      ],
      households,
      partyMembers: [],
      reads: [
        { noticeId: 'n1', householdId: 'h1', residentId: 'r1' },
        { noticeId: 'n1', householdId: 'h1', residentId: 'r1b' },
        { noticeId: 'n1', householdId: 'h2', residentId: 'r2' },
        { noticeId: 'n2', householdId: 'h3', residentId: 'r3' },
      ],
      inPerson: [{ noticeId: 'n1', subjectKey: 'h4' }],
    });
    // n1: 3/4, n2: 1/4 → 0.5
    expect(result.get('v1')).toBe(0.5);
  });

  it('counts party-only notices by party member, and leaves out villages without notices', () => {
    const result = averageAwareness({
      notices: [{ id: 'p1', villageId: 'v1', audience: 'party_members' }],
      households,
      partyMembers: [
        { id: 'm1', villageId: 'v1', householdId: 'h1' },
        { id: 'm2', villageId: 'v1', householdId: 'h1' },
      ],
      reads: [{ noticeId: 'p1', householdId: 'h1', residentId: 'm2' }],
      inPerson: [],
    });
    expect(result.get('v1')).toBe(0.5);
    expect(result.has('v2')).toBe(false);
  });
});
