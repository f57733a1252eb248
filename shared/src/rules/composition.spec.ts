import {
  checkSupervisorAppointment,
  checkSupervisorDeparture,
  checkSupervisoryCommittee,
  checkVillagerAssembly,
  describeIssues,
  type AssemblyRepresentative,
  type CommitteePerson,
  type SupervisoryMember,
} from './composition';

const reps = (women: number, men: number, group: string | null = 'g1'): AssemblyRepresentative[] => [
  ...Array.from({ length: women }, (_, i) => ({ residentId: `w${i}`, gender: 'female' as const, villageGroupId: group })),
  ...Array.from({ length: men }, (_, i) => ({ residentId: `m${i}`, gender: 'male' as const, villageGroupId: group })),
];
const committee = (n: number) => Array.from({ length: n }, (_, i) => ({ residentId: `c${i}`, gender: 'male' as const }));
const groups = [{ id: 'g1', name: '一组', households: 85 }];

describe('村民代表会议 composition (OL art. 25)', () => {
  it('is fine for the demo village: 12 representatives (5 women) and 3 committee members, one of them a representative', () => {
    const representatives = reps(5, 7);
    const { figures, issues } = checkVillagerAssembly({
      households: 85,
      representatives,
      villageCommittee: [...committee(2), { residentId: 'w0', gender: 'female' }],
      villageGroups: groups,
    });
    expect(figures).toEqual({ members: 14, representatives: 12, womenRepresentatives: 5, households: 85 });
    expect(issues).toEqual([]);
  });

  it('warns when nobody is a representative yet, and only that', () => {
    const { issues } = checkVillagerAssembly({ households: 85, representatives: [], villageCommittee: committee(3), villageGroups: groups });
    expect(issues.map((i) => i.rule)).toEqual(['assembly.no_representatives']);
    expect(issues[0].severity).toBe('warning');
  });

  it('decides 4/5 and 1/3 exactly: 12 of 15 and 5 of 15 pass, 11 of 14 and 4 of 13 fail', () => {
    const pass = checkVillagerAssembly({ households: 85, representatives: reps(5, 7), villageCommittee: committee(3), villageGroups: groups });
    expect(pass.figures.members).toBe(15);
    expect(pass.issues).toEqual([]);

    const fail = checkVillagerAssembly({ households: 60, representatives: reps(4, 7), villageCommittee: committee(3), villageGroups: groups });
    expect(fail.issues.map((i) => i.rule)).toEqual(['assembly.representative_share', 'assembly.women_share']);
    expect(fail.issues[0].message).toContain('11/14（79%）');
    expect(fail.issues[1].message).toContain('4/14（29%）');
    expect(fail.issues[0].basis).toBe('《村民委员会组织法》第二十五条');
  });

  it('warns about more than 15 or fewer than 5 households per representative, with exact bounds', () => {
    const at = (households: number) =>
      checkVillagerAssembly({ households, representatives: reps(4, 6), villageCommittee: [], villageGroups: [] }).issues.map((i) => i.rule);
    expect(at(150)).toEqual([]);
    expect(at(151)).toEqual(['assembly.too_few_representatives']);
    expect(at(50)).toEqual([]);
    expect(at(49)).toEqual(['assembly.too_many_representatives']);
  });

  it('names a 村民小组 that has households but no representative', () => {
    const { issues } = checkVillagerAssembly({
      households: 85,
      representatives: reps(5, 7, 'g1'),
      villageCommittee: [],
      villageGroups: [
        { id: 'g1', name: '土岭底组', households: 56 },
        { id: 'g2', name: '南坪组', households: 29 },
        { id: 'g3', name: '空组', households: 0 },
      ],
    });
    expect(issues).toEqual([expect.objectContaining({ rule: 'assembly.group_without_representative', message: expect.stringContaining('南坪组（29 户）') })]);
  });
});

describe('村务监督委员会 composition (OL art. 32)', () => {
  const member = (id: string, household: string, accounting = false): SupervisoryMember => ({
    residentId: id,
    name: `成员${id}`,
    householdId: household,
    hasAccountingKnowledge: accounting,
  });
  const villageCommittee: CommitteePerson[] = [
    { residentId: 'chair', name: '郭主任', householdId: 'h-chair' },
    { residentId: 'vice', name: '王副主任', householdId: 'h-vice' },
  ];
  const three = [member('a', 'h1', true), member('b', 'h2'), member('c', 'h3')];

  it('accepts a committee of 3 with an accountant and no ties to the village committee', () => {
    expect(checkSupervisoryCommittee(three, villageCommittee)).toEqual([]);
  });

  it('reports size, missing accountant, committee members and their household members', () => {
    const issues = checkSupervisoryCommittee([member('chair', 'h-chair'), member('x', 'h-vice')], villageCommittee);
    expect(issues.map((i) => i.rule)).toEqual([
      'supervisory.too_few_members',
      'supervisory.no_accounting_member',
      'supervisory.village_committee_member',
      'supervisory.close_relative',
    ]);
    expect(issues.every((i) => i.severity === 'violation' && i.basis === '《村民委员会组织法》第三十二条')).toBe(true);
    expect(issues[3].message).toContain('王副主任');
    expect(checkSupervisoryCommittee([], villageCommittee).map((i) => i.rule)).toEqual(['supervisory.too_few_members']);
    const six = [...three, member('d', 'h4'), member('e', 'h5'), member('f', 'h6')];
    expect(checkSupervisoryCommittee(six, villageCommittee).map((i) => i.rule)).toEqual(['supervisory.too_many_members']);
  });

  it('refuses appointing a village-committee member, a member of their household, or a sixth member', () => {
    expect(checkSupervisorAppointment(three, member('chair', 'h-chair'), villageCommittee).map((i) => i.rule)).toEqual([
      'supervisory.village_committee_member',
    ]);
    expect(checkSupervisorAppointment(three, member('wife', 'h-vice'), villageCommittee).map((i) => i.rule)).toEqual(['supervisory.close_relative']);
    const five = [...three, member('d', 'h4'), member('e', 'h5')];
    expect(checkSupervisorAppointment(five, member('f', 'h6'), villageCommittee).map((i) => i.rule)).toEqual(['supervisory.too_many_members']);
    expect(checkSupervisorAppointment(three, member('a', 'h1'), villageCommittee).map((i) => i.rule)).toEqual(['supervisory.already_member']);
  });

  it('lets the committee grow one by one, but not fill the last seat without an accountant', () => {
    expect(checkSupervisorAppointment([], member('a', 'h1'), villageCommittee)).toEqual([]);
    const four = [member('a', 'h1'), member('b', 'h2'), member('c', 'h3'), member('d', 'h4')];
    expect(checkSupervisorAppointment(four, member('e', 'h5'), villageCommittee).map((i) => i.rule)).toEqual(['supervisory.no_accounting_member']);
    expect(checkSupervisorAppointment(four, member('e', 'h5', true), villageCommittee)).toEqual([]);
  });

  it('refuses ending a term that leaves fewer than 3 or no accountant, unless the member is in conflict', () => {
    expect(checkSupervisorDeparture(three, 'b', villageCommittee).map((i) => i.rule)).toEqual(['supervisory.too_few_members']);
    const four = [...three, member('d', 'h4')];
    expect(checkSupervisorDeparture(four, 'b', villageCommittee)).toEqual([]);
    expect(checkSupervisorDeparture(four, 'a', villageCommittee).map((i) => i.rule)).toEqual(['supervisory.no_accounting_member']);
    const conflicted = [...three, member('x', 'h-chair')];
    expect(checkSupervisorDeparture(conflicted.slice(1), 'x', villageCommittee)).toEqual([]);
  });

  it('describes refusals in one line with the legal source once', () => {
    const issues = checkSupervisorAppointment(three, member('chair', 'h-chair'), villageCommittee);
    expect(describeIssues(issues)).toBe('成员chair是村民委员会成员，村民委员会成员及其近亲属不得担任村务监督委员会成员。（《村民委员会组织法》第三十二条）');
  });
});
