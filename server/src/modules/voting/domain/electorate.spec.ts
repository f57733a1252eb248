import { buildElectorate, type ElectorateSource } from './electorate';

describe('buildElectorate', () => {
  const source: ElectorateSource = {
    households: [
      { id: 'h2', number: '0002', representativeResidentId: 'r3' },
      { id: 'h1', number: '0001', representativeResidentId: 'r1' },
      { id: 'h3', number: '0003', representativeResidentId: null },
    ],
    residents: [
      { id: 'r1', householdId: 'h1', name: '郭建平', birthDate: '1968-03-12', isPartyMember: true, isVillagerRep: false },
      { id: 'r2', householdId: 'h1', name: '郭小龙', birthDate: '2008-11-25', isPartyMember: false, isVillagerRep: false },
      { id: 'r3', householdId: 'h2', name: '王秀英', birthDate: '1975-06-01', isPartyMember: false, isVillagerRep: true },
      { id: 'r4', householdId: 'h2', name: '王宇航', birthDate: '2008-11-26', isPartyMember: false, isVillagerRep: false },
      { id: 'r5', householdId: 'h3', name: '李欣怡', birthDate: '2015-01-01', isPartyMember: false, isVillagerRep: false },
    ],
    villageCommitteeIds: new Set(['r1']),
    twoCommitteesIds: new Set(['r1', 'r3']),
  };
  const keys = (electorate: Parameters<typeof buildElectorate>[0]) => buildElectorate(electorate, source, '2026-11-25').map((r) => r.voterKey);

  it('gives one vote per household with a representative, keyed by the household', () => {
    const rows = buildElectorate('households', source, '2026-11-25');
    expect(rows).toEqual([
      { voterKey: 'h1', householdId: 'h1', residentId: null, householdNumber: '0001', label: '0001 户（郭建平家）', isHouseholdRep: false },
      { voterKey: 'h2', householdId: 'h2', residentId: null, householdNumber: '0002', label: '0002 户（王秀英家）', isHouseholdRep: false },
    ]);
  });

  it('counts as adult whoever turns 18 on the Beijing day of opening, not the day after', () => {
    expect(keys('adult_residents')).toEqual(['r1', 'r2', 'r3']);
    expect(buildElectorate('adult_residents', source, '2026-11-25').find((r) => r.voterKey === 'r1')?.isHouseholdRep).toBe(true);
  });

  it('puts village-committee members on the 村民代表会议 beside the representatives', () => {
    expect(keys('villager_reps')).toEqual(['r1', 'r3']);
  });

  it('takes party members and the 两委 from the roster', () => {
    expect(keys('party_members')).toEqual(['r1']);
    expect(keys('committee_members')).toEqual(['r1', 'r3']);
  });
});
