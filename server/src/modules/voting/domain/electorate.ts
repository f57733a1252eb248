import { adultBornOnOrBefore, type Electorate } from '@village/shared';

/** Active households and residents as the roster has them when a ballot opens. */
export interface RosterHousehold {
  id: string;
  number: string;
  representativeResidentId: string | null;
}

export interface RosterPerson {
  id: string;
  householdId: string;
  name: string;
  birthDate: string;
  isPartyMember: boolean;
  isVillagerRep: boolean;
}

export interface ElectorateSource {
  /** Active households only. */
  households: RosterHousehold[];
  /** Active residents only. */
  residents: RosterPerson[];
  /** Current 村民委员会 members (主任, 副主任, 委员): with the representatives they make up the 村民代表会议 (OL art. 25). */
  villageCommitteeIds: ReadonlySet<string>;
  /** Current members of either committee (两委: secretary, village committee, branch committee). */
  twoCommitteesIds: ReadonlySet<string>;
}

export interface EligibilityRow {
  voterKey: string;
  householdId: string;
  residentId: string | null;
  householdNumber: string;
  label: string;
  isHouseholdRep: boolean;
}

/**
 * Who is on the electorate at this moment, `today` being the Beijing calendar day (for who is 18):
 * - households: each active household with a representative (一户一票; the key is the household, so
 *   whoever represents it when voting casts its one vote);
 * - adult_residents: active residents aged 18 or more today;
 * - villager_reps: the 村民代表会议 — representatives and village-committee members;
 * - party_members; committee_members: the 两委.
 * Sorted by household number, then name.
 */
export function buildElectorate(electorate: Electorate, source: ElectorateSource, today: string): EligibilityRow[] {
  const householdById = new Map(source.households.map((h) => [h.id, h]));
  const residentById = new Map(source.residents.map((r) => [r.id, r]));
  const person = (r: RosterPerson): EligibilityRow | null => {
    const household = householdById.get(r.householdId);
    if (!household) return null;
    return {
      voterKey: r.id,
      householdId: household.id,
      residentId: r.id,
      householdNumber: household.number,
      label: `${r.name}（${household.number} 户）`,
      isHouseholdRep: household.representativeResidentId === r.id,
    };
  };
  let rows: (EligibilityRow | null)[];
  switch (electorate) {
    case 'households':
      rows = source.households.map((h) => {
        const rep = h.representativeResidentId ? residentById.get(h.representativeResidentId) : undefined;
        if (!rep || rep.householdId !== h.id) return null; // no adult member left: nobody to cast its vote
        return { voterKey: h.id, householdId: h.id, residentId: null, householdNumber: h.number, label: `${h.number} 户（${rep.name}家）`, isHouseholdRep: false };
      });
      break;
    case 'adult_residents': {
      const [y, m, d] = today.split('-').map(Number);
      const latest = adultBornOnOrBefore(new Date(y, m - 1, d));
      rows = source.residents.filter((r) => r.birthDate <= latest).map(person);
      break;
    }
    case 'villager_reps':
      rows = source.residents.filter((r) => r.isVillagerRep || source.villageCommitteeIds.has(r.id)).map(person);
      break;
    case 'party_members':
      rows = source.residents.filter((r) => r.isPartyMember).map(person);
      break;
    case 'committee_members':
      rows = source.residents.filter((r) => source.twoCommitteesIds.has(r.id)).map(person);
      break;
  }
  return rows
    .filter((r): r is EligibilityRow => r !== null)
    .sort((a, b) => a.householdNumber.localeCompare(b.householdNumber) || a.label.localeCompare(b.label, 'zh-CN') || a.voterKey.localeCompare(b.voterKey));
}
