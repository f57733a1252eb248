import type { Gender, ResidentInput, ResidentListItem, UpdateResidentRequest } from '@village/shared';
import { messages } from '../../../constants/messages';
import { normaliseDateInput } from './dates';

const m = messages.roster;

/** What the resident form holds while the clerk types. */
export interface Draft {
  name: string;
  gender: Gender | null;
  birthDate: string;
  relationToHead: string;
  isPartyMember: boolean;
  isVillagerRep: boolean;
  phone: string;
  clearPhone: boolean;
  idNumber: string;
}

export const EMPTY_DRAFT: Draft = {
  name: '',
  gender: null,
  birthDate: '',
  relationToHead: '',
  isPartyMember: false,
  isVillagerRep: false,
  phone: '',
  clearPhone: false,
  idNumber: '',
};

export function draftOf(resident: ResidentListItem): Draft {
  return {
    ...EMPTY_DRAFT,
    name: resident.name,
    gender: resident.gender,
    birthDate: resident.birthDate,
    relationToHead: resident.relationToHead,
    isPartyMember: resident.isPartyMember,
    isVillagerRep: resident.isVillagerRep,
  };
}

/** What the form must have before it is sent; the server checks the rest and says so per field. */
export function missingFields(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!draft.name.trim()) out.name = m.required(m.fieldName);
  if (!draft.gender) out.gender = m.required(m.fieldGender);
  if (!draft.birthDate.trim()) out.birthDate = m.required(m.fieldBirthDate);
  if (!draft.relationToHead.trim()) out.relationToHead = m.required(m.fieldRelation);
  return out;
}

/** The new member as the server wants it. */
export function addRequestOf(draft: Draft, withIdNumber: boolean): ResidentInput {
  const body: ResidentInput = {
    name: draft.name.trim(),
    gender: draft.gender as Gender,
    birthDate: normaliseDateInput(draft.birthDate),
    relationToHead: draft.relationToHead.trim(),
    isPartyMember: draft.isPartyMember,
    isVillagerRep: draft.isVillagerRep,
  };
  if (draft.phone.trim()) body.phone = draft.phone.trim();
  if (withIdNumber && draft.idNumber.trim()) body.idNumber = draft.idNumber.trim();
  return body;
}

/** Only what changed, with the version that was read (the server refuses a stale edit). */
export function updateRequestOf(original: ResidentListItem, draft: Draft, withIdNumber: boolean): UpdateResidentRequest {
  const body: UpdateResidentRequest = { version: original.version };
  const birthDate = normaliseDateInput(draft.birthDate);
  if (draft.name.trim() !== original.name) body.name = draft.name.trim();
  if (draft.gender && draft.gender !== original.gender) body.gender = draft.gender;
  if (birthDate !== original.birthDate) body.birthDate = birthDate;
  if (draft.relationToHead.trim() !== original.relationToHead) body.relationToHead = draft.relationToHead.trim();
  if (draft.isPartyMember !== original.isPartyMember) body.isPartyMember = draft.isPartyMember;
  if (draft.isVillagerRep !== original.isVillagerRep) body.isVillagerRep = draft.isVillagerRep;
  if (draft.clearPhone) body.phone = null;
  else if (draft.phone.trim()) body.phone = draft.phone.trim();
  if (withIdNumber && draft.idNumber.trim()) body.idNumber = draft.idNumber.trim();
  return body;
}

