import type { HouseholdDetail, HouseholdListItem, Page, RosterImportReport, RosterResident } from '@village/shared';

const grid1 = { id: 'g-1', name: '第一网格' };
const group1 = { id: 'vg-1', name: '土岭底组' };

export function makeHouseholdItem(n: number, overrides: Partial<HouseholdListItem> = {}): HouseholdListItem {
  const number = String(n).padStart(4, '0');
  return {
    id: `h-${number}`,
    number,
    address: `土岭底组${n}号`,
    grid: grid1,
    villageGroup: group1,
    representative: { id: `r-${number}-1`, name: `户代表${n}` },
    activeMembers: 3,
    status: 'active',
    version: 2,
    ...overrides,
  };
}

export function makePage<T>(items: T[], total: number, page = 1, pageSize = 20): Page<T> {
  return { items, total, page, pageSize };
}

export function makeMember(overrides: Partial<RosterResident> = {}): RosterResident {
  return {
    id: 'r-1',
    householdId: 'h-0002',
    householdNumber: '0002',
    name: '任海军',
    gender: 'male',
    birthDate: '1993-05-01',
    age: 33,
    relationToHead: '户主',
    isPartyMember: false,
    isVillagerRep: false,
    isRepresentative: true,
    status: 'active',
    departedOn: null,
    phoneMasked: null,
    idNumberMasked: null,
    version: 1,
    ...overrides,
  };
}

export function makeHousehold(overrides: Partial<HouseholdDetail> = {}): HouseholdDetail {
  return {
    ...makeHouseholdItem(2, { representative: { id: 'r-1', name: '任海军' } }),
    members: [
      makeMember(),
      makeMember({ id: 'r-2', name: '杨翠花', gender: 'female', age: 29, relationToHead: '配偶', isRepresentative: false }),
      makeMember({ id: 'r-3', name: '任丽娟', gender: 'female', age: 1, relationToHead: '女', isRepresentative: false }),
    ],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function makeImportReport(overrides: Partial<RosterImportReport> = {}): RosterImportReport {
  return {
    mode: 'dry-run',
    committed: false,
    fileKind: 'csv',
    sheetName: null,
    dataRows: 2,
    households: { create: 1, update: 0, unchanged: 0 },
    residents: { create: 2, update: 0, unchanged: 0 },
    representativeChanges: 0,
    rows: [
      { row: 2, householdNumber: '0099', name: '王秋菊', action: 'create', householdAction: 'create', changes: [] },
      { row: 3, householdNumber: '0099', name: '王小冬', action: 'create', householdAction: 'create', changes: [] },
    ],
    errors: [],
    ignoredColumns: [],
    ...overrides,
  };
}
