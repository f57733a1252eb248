import { Injectable } from '@nestjs/common';
import { ageOn, type HouseholdDetail, type HouseholdListItem, type NamedRef, type RosterResident } from '@village/shared';
import { Clock } from '../../common/clock';
import { FieldCipher } from '../../common/crypto/field-cipher';
import { maskIdNumber, maskPhone } from '../../common/privacy/mask';
import type { JsonValue } from '../audit/domain';
import type { Grid, Household, Resident, VillageGroup } from '../villages/entities';

export interface HouseholdRefs {
  grids: Map<string, Pick<Grid, 'id' | 'name'>>;
  groups: Map<string, Pick<VillageGroup, 'id' | 'name'>>;
}

const HEAD = '户主';

/** A snapshot with a few more fields (a reason, a note) for the audit trail. */
export function withFields(snapshot: JsonValue, extra: { [key: string]: JsonValue }): JsonValue {
  return { ...(snapshot as { [key: string]: JsonValue }), ...extra };
}

/** Members in the order a clerk reads a 户口簿: 户主 first, then by age; the departed last. */
export function memberOrder(a: Resident, b: Resident): number {
  const active = Number(b.status === 'active') - Number(a.status === 'active');
  if (active !== 0) return active;
  const head = Number(b.relationToHead === HEAD) - Number(a.relationToHead === HEAD);
  if (head !== 0) return head;
  return a.birthDate.localeCompare(b.birthDate) || a.id.localeCompare(b.id);
}

/**
 * Entities → what leaves the server. Phone and ID number are decrypted only to be masked here (and
 * in the audit snapshots below), so no response or audit event can carry them in full.
 */
@Injectable()
export class RosterViews {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  masked(resident: Pick<Resident, 'phoneEnc' | 'idNumberEnc'>): { phoneMasked: string | null; idNumberMasked: string | null } {
    return {
      phoneMasked: maskPhone(this.cipher.decryptNullable(resident.phoneEnc)),
      idNumberMasked: maskIdNumber(this.cipher.decryptNullable(resident.idNumberEnc)),
    };
  }

  resident(r: Resident, household: Pick<Household, 'number' | 'representativeResidentId'>): RosterResident {
    return {
      id: r.id,
      householdId: r.householdId,
      householdNumber: household.number,
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      age: ageOn(r.birthDate, this.clock.now()),
      relationToHead: r.relationToHead,
      isPartyMember: r.isPartyMember,
      isVillagerRep: r.isVillagerRep,
      isRepresentative: household.representativeResidentId === r.id,
      status: r.status,
      departedOn: r.departedOn ?? null,
      ...this.masked(r),
      version: r.version,
    };
  }

  ref(map: Map<string, { id: string; name: string }>, id: string): NamedRef {
    const found = map.get(id);
    return { id, name: found?.name ?? '' };
  }

  household(h: Household, refs: HouseholdRefs, representative: Resident | null, activeMembers: number): HouseholdListItem {
    return {
      id: h.id,
      number: h.number,
      address: h.address,
      grid: this.ref(refs.grids, h.gridId),
      villageGroup: this.ref(refs.groups, h.villageGroupId),
      representative: representative ? { id: representative.id, name: representative.name } : null,
      activeMembers,
      status: h.status,
      version: h.version,
    };
  }

  householdDetail(h: Household, refs: HouseholdRefs, members: Resident[]): HouseholdDetail {
    const sorted = [...members].sort(memberOrder);
    const representative = members.find((m) => m.id === h.representativeResidentId) ?? null;
    return {
      ...this.household(h, refs, representative, members.filter((m) => m.status === 'active').length),
      members: sorted.map((m) => this.resident(m, h)),
      createdAt: new Date(h.createdAt).toISOString(),
      updatedAt: new Date(h.updatedAt).toISOString(),
    };
  }

  /** What the audit trail keeps of a resident: phone and ID number masked. */
  residentSnapshot(r: Resident): JsonValue {
    const { phoneMasked, idNumberMasked } = this.masked(r);
    return {
      householdId: r.householdId,
      name: r.name,
      gender: r.gender,
      birthDate: r.birthDate,
      relationToHead: r.relationToHead,
      isPartyMember: r.isPartyMember,
      isVillagerRep: r.isVillagerRep,
      status: r.status,
      departedOn: r.departedOn ?? null,
      phone: phoneMasked,
      idNumber: idNumberMasked,
    };
  }

  householdSnapshot(h: Household, refs: HouseholdRefs | null, representativeName: string | null): JsonValue {
    return {
      number: h.number,
      address: h.address,
      gridId: h.gridId,
      gridName: refs?.grids.get(h.gridId)?.name ?? null,
      villageGroupId: h.villageGroupId,
      villageGroupName: refs?.groups.get(h.villageGroupId)?.name ?? null,
      representativeResidentId: h.representativeResidentId,
      representativeName,
      status: h.status,
    };
  }
}
