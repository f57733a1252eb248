import type { VillageSummary } from '@village/shared';

/** A VillageSummary like the demo village's; override what a test cares about. */
export function makeVillageSummary(overrides: Partial<VillageSummary> = {}): VillageSummary {
  return {
    id: 'v-1',
    code: '140431203201',
    name: '土岭底村',
    township: { id: 't-1', name: '聪子峪乡', county: '沁源县' },
    councilChannelName: '土岭底村村民议事群',
    households: 85,
    residents: 256,
    adultResidents: 228,
    partyMembers: 15,
    villagerReps: 12,
    supervisors: 3,
    grids: [
      { id: 'g-1', name: '第一网格', leaderName: '闫保平', households: 28 },
      { id: 'g-2', name: '第二网格', leaderName: '赵红霞', households: 28 },
      { id: 'g-3', name: '第三网格', leaderName: '刘凤英', households: 29 },
    ],
    villageGroups: [
      { id: 'vg-1', name: '土岭底组', households: 56 },
      { id: 'vg-2', name: '南坪组', households: 29 },
    ],
    ...overrides,
  };
}
