import type { Role } from '@village/shared';
import type { Gender } from '../modules/villages/entities';
import { seededRandom, stableId } from './stable-id';

/*
 * The demo village is shaped on 土岭底村 (沁源县聪子峪乡) from the seed reports: 85 households and
 * 256 people in 3 grids of about 25–30 households, party members each looking after 5–10 households.
 * Names and people are invented. Everything is derived from a fixed seed, so every machine gets the
 * same village with the same ids.
 */
export const DEMO = {
  township: { code: '140431203', name: '聪子峪乡', county: '沁源县' },
  village: { code: '140431203201', name: '土岭底村' },
  councilChannelName: '土岭底村村民议事群',
  /** The township cadre who looks after this village (包村干部). */
  townshipStaff: { name: '常建军', title: '包村干部' },
  households: 85,
  residents: 256,
  villageGroups: ['土岭底组', '南坪组'],
  /** Grid name, its 村民小组 (index into villageGroups), and how many households it holds. */
  grids: [
    { name: '第一网格', group: 0, households: 28 },
    { name: '第二网格', group: 0, households: 28 },
    { name: '第三网格', group: 1, households: 29 },
  ],
  partyMembers: 15,
  villagerReps: 12,
  /** Birth dates are computed from this day, not from "today", so the data never drifts. */
  referenceYear: 2026,
} as const;

const SURNAMES = ['郭', '王', '李', '张', '赵', '杨', '刘', '任', '韩', '史', '武', '段', '梁', '闫', '贾', '卫', '范', '田'];
const MALE_NAMES = [
  '建平', '国强', '志刚', '保平', '永红', '新民', '海军', '金锁', '二虎', '春生', '俊峰', '文斌', '跃进', '宝山',
  '满仓', '铁柱', '晋生', '志勇', '小龙', '浩然', '子轩', '宇航', '晨阳', '家乐', '明亮', '国庆', '卫东', '拴柱',
];
const FEMALE_NAMES = [
  '秀英', '桂兰', '玉梅', '翠花', '丽娟', '春梅', '凤英', '巧云', '金花', '红霞', '海燕', '晓燕', '丽萍', '月娥',
  '美玲', '雪梅', '小芳', '欣怡', '梓涵', '雨婷', '佳琪', '思雨', '慧敏', '彩霞', '改莲', '润梅', '爱珍', '素琴',
];

export interface DemoResident {
  id: string;
  householdId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  relationToHead: string;
  isPartyMember: boolean;
  isVillagerRep: boolean;
}

export interface DemoHousehold {
  id: string;
  number: string;
  address: string;
  gridId: string;
  villageGroupId: string;
  representativeResidentId: string;
}

export interface DemoRoleAssignment {
  id: string;
  residentId: string;
  role: Role;
  title: string | null;
  oneShoulder: boolean;
  hasAccountingKnowledge: boolean;
  startedOn: string;
}

export interface DemoVillage {
  townshipId: string;
  villageId: string;
  councilChannelId: string;
  villageGroups: { id: string; name: string; sortOrder: number }[];
  grids: { id: string; name: string; sortOrder: number; leaderResidentId: string }[];
  households: DemoHousehold[];
  residents: DemoResident[];
  roles: DemoRoleAssignment[];
}

/** Household sizes summing exactly to DEMO.residents, spread like a hill-village census (many 2–4). */
function householdSizes(random: () => number): number[] {
  const weights: [number, number][] = [[1, 8], [2, 22], [3, 30], [4, 25], [5, 10], [6, 5]];
  const pick = (): number => {
    let r = random() * 100;
    for (const [size, weight] of weights) {
      r -= weight;
      if (r < 0) return size;
    }
    return 3;
  };
  const sizes = Array.from({ length: DEMO.households }, pick);
  let diff = DEMO.residents - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 7) % sizes.length) {
    if (diff > 0 && sizes[i] < 6) {
      sizes[i] += 1;
      diff -= 1;
    } else if (diff < 0 && sizes[i] > 1) {
      sizes[i] -= 1;
      diff += 1;
    }
  }
  return sizes;
}

export function buildDemoVillage(): DemoVillage {
  const random = seededRandom(20261125);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const birthDate = (age: number): string => `${DEMO.referenceYear - age}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const usedNames = new Set<string>();
  const uniqueName = (surname: string, gender: Gender): string => {
    for (;;) {
      const name = surname + pick(gender === 'male' ? MALE_NAMES : FEMALE_NAMES);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const villageId = stableId(`village:${DEMO.village.code}`);
  const villageGroups = DEMO.villageGroups.map((name, i) => ({ id: stableId(`group:${name}`), name, sortOrder: i + 1 }));
  const gridIds = DEMO.grids.map((g) => stableId(`grid:${g.name}`));

  const households: DemoHousehold[] = [];
  const residents: DemoResident[] = [];
  const sizes = householdSizes(random);
  let householdIndex = 0;

  DEMO.grids.forEach((grid, gridIndex) => {
    const group = villageGroups[grid.group];
    for (let k = 0; k < grid.households; k += 1, householdIndex += 1) {
      const number = String(householdIndex + 1).padStart(4, '0');
      const householdId = stableId(`household:${number}`);
      const size = sizes[householdIndex];
      const surname = pick(SURNAMES);
      const headGender: Gender = random() < 0.85 ? 'male' : 'female';
      const headAge = size === 1 ? int(55, 88) : int(32, 78);
      const members: Omit<DemoResident, 'id' | 'householdId' | 'isPartyMember' | 'isVillagerRep'>[] = [
        { name: uniqueName(surname, headGender), gender: headGender, birthDate: birthDate(headAge), relationToHead: '户主' },
      ];
      if (size >= 2) {
        const g: Gender = headGender === 'male' ? 'female' : 'male';
        const age = Math.max(20, headAge + int(-4, 3));
        members.push({ name: uniqueName(pick(SURNAMES), g), gender: g, birthDate: birthDate(age), relationToHead: '配偶' });
      }
      // Older heads live with a married child and grandchildren; younger heads with their children.
      const threeGenerations = headAge >= 58 && size >= 4;
      for (let m = members.length; m < size; m += 1) {
        const g: Gender = random() < 0.5 ? 'male' : 'female';
        if (threeGenerations && m === 2) {
          members.push({ name: uniqueName(surname, 'male'), gender: 'male', birthDate: birthDate(headAge - int(24, 30)), relationToHead: '子' });
        } else if (threeGenerations && m === 3) {
          members.push({ name: uniqueName(pick(SURNAMES), 'female'), gender: 'female', birthDate: birthDate(headAge - int(24, 30)), relationToHead: '儿媳' });
        } else if (threeGenerations) {
          members.push({ name: uniqueName(surname, g), gender: g, birthDate: birthDate(int(2, 16)), relationToHead: g === 'male' ? '孙子' : '孙女' });
        } else {
          const age = Math.max(0, headAge - int(22, 32));
          members.push({ name: uniqueName(surname, g), gender: g, birthDate: birthDate(age), relationToHead: g === 'male' ? '子' : '女' });
        }
      }
      const memberRows = members.map((m, i) => ({
        ...m,
        id: stableId(`resident:${number}:${i}`),
        householdId,
        isPartyMember: false,
        isVillagerRep: false,
      }));
      residents.push(...memberRows);
      households.push({
        id: householdId,
        number,
        address: `${group.name}${k + 1}号`,
        gridId: gridIds[gridIndex],
        villageGroupId: group.id,
        representativeResidentId: memberRows[0].id,
      });
    }
  });

  const adultsByAge = (minAge: number, maxAge: number): DemoResident[] =>
    residents.filter((r) => {
      const age = DEMO.referenceYear - Number(r.birthDate.slice(0, 4));
      return age >= minAge && age <= maxAge;
    });

  // Party members: heads and spouses of working age, spread over the grids (党员联户).
  const partyCandidates = adultsByAge(30, 75).filter((r) => r.relationToHead === '户主' || r.relationToHead === '配偶');
  const party = pickSpread(partyCandidates, DEMO.partyMembers, random);
  party.forEach((r) => (r.isPartyMember = true));

  // Villager representatives: one per ~7 households, at least a third women (OL art. 25).
  const reps = [
    ...pickSpread(adultsByAge(25, 75).filter((r) => r.gender === 'female' && r.relationToHead !== '儿媳'), 5, random),
    ...pickSpread(adultsByAge(25, 75).filter((r) => r.gender === 'male' && r.relationToHead === '户主'), DEMO.villagerReps - 5, random),
  ];
  reps.forEach((r) => (r.isVillagerRep = true));

  const startedOn = '2024-12-20'; // this term's election (换届)
  const roles: DemoRoleAssignment[] = [];
  const assign = (resident: DemoResident, role: Role, title: string | null, oneShoulder = false): void => {
    const hasAccountingKnowledge = role === 'supervisor' && (title ?? '').includes('会计');
    roles.push({ id: stableId(`role:${role}:${resident.id}`), residentId: resident.id, role, title, oneShoulder, hasAccountingKnowledge, startedOn });
  };

  // 书记兼主任（一肩挑）and the two committees, crossing as the reports describe (交叉任职).
  const [secretary, deputySecretary, branchMember] = party.filter((r) => r.relationToHead === '户主');
  assign(secretary, 'secretary', '书记兼村委会主任', true);
  assign(secretary, 'branch_committee', '书记');
  assign(deputySecretary, 'branch_committee', '副书记');
  assign(branchMember, 'branch_committee', '委员');
  assign(secretary, 'village_committee', '主任');
  assign(deputySecretary, 'village_committee', '副主任');
  const womenCommitteeMember = residents.find(
    (r) => r.gender === 'female' && r.isVillagerRep && r.householdId !== secretary.householdId && r.householdId !== deputySecretary.householdId,
  );
  if (!womenCommitteeMember) throw new Error('demo village has no woman for the village committee');
  assign(womenCommitteeMember, 'village_committee', '委员（妇联主席）');

  // 村务监督委员会: 3 members from households with no village-committee member (OL art. 32).
  const committeeHouseholds = new Set(
    roles.filter((a) => a.role === 'village_committee').map((a) => residents.find((r) => r.id === a.residentId)?.householdId),
  );
  const supervisors = adultsByAge(35, 70)
    .filter((r) => r.relationToHead === '户主' && !committeeHouseholds.has(r.householdId) && !r.isPartyMember)
    .slice(0, 3);
  assign(supervisors[0], 'supervisor', '主任');
  assign(supervisors[1], 'supervisor', '委员（会计）');
  assign(supervisors[2], 'supervisor', '委员');

  // 积分评议小组 (安家村: 监委会成员、老党员 … as its 理事会) and the 积分超市's keeper: people who
  // already serve, so no household gains an office it would not have in a small village.
  assign(supervisors[0], 'points_reviewer', '积分评议小组组长');
  assign(supervisors[1], 'points_reviewer', '积分评议小组成员');
  assign(branchMember, 'shopkeeper', '积分超市管理员');

  // 网格员: a party member living in each grid.
  const grids = DEMO.grids.map((g, i) => {
    const inGrid = new Set(households.filter((h) => h.gridId === gridIds[i]).map((h) => h.id));
    const leader =
      party.find((r) => inGrid.has(r.householdId) && !roles.some((a) => a.residentId === r.id)) ??
      party.find((r) => inGrid.has(r.householdId));
    if (!leader) throw new Error(`demo grid ${g.name} has no party member to lead it`);
    assign(leader, 'grid_leader', null);
    return { id: gridIds[i], name: g.name, sortOrder: i + 1, leaderResidentId: leader.id };
  });

  return {
    townshipId: stableId(`township:${DEMO.township.code}`),
    villageId,
    councilChannelId: stableId(`channel:${DEMO.village.code}`),
    villageGroups,
    grids,
    households,
    residents,
    roles,
  };
}

/** `count` distinct items drawn at random (seeded), so picks fall across the whole village. */
function pickSpread<T>(items: T[], count: number, random: () => number): T[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  if (shuffled.length < count) throw new Error(`demo village needs ${count} candidates, has ${shuffled.length}`);
  return shuffled.slice(0, count);
}
