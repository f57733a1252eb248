import {
  ADULT_AGE,
  ageOn,
  RESIDENT_STATUS_LABELS,
  type Gender,
  type RosterColumnKey,
  type RosterImportAction,
  type RosterImportCounts,
  type RosterImportError,
  type RosterImportRow,
} from '@village/shared';
import { maskIdNumber, maskPhone } from '../../../common/privacy/mask';
import type { HouseholdStatus, ResidentStatus } from '../../villages/entities';
import { COLUMN_LABELS } from './roster-columns';
import type { SecretCell } from './roster-cells';
import { cellError, type RosterRow } from './roster-row';

/*
 * Matching a checked roster file against the village as it stands, without touching the database:
 * households by 户号, residents by ID number or by name + birth date within the household. The same
 * plan is shown as the dry-run preview and, computed again inside the commit's transaction, applied.
 */

export interface ExistingHousehold {
  id: string;
  number: string;
  address: string;
  gridId: string;
  villageGroupId: string;
  representativeResidentId: string | null;
  status: HouseholdStatus;
}

/** A resident with phone and ID number decrypted, for matching in memory only. */
export interface ExistingResident {
  id: string;
  householdId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  relationToHead: string;
  isPartyMember: boolean;
  isVillagerRep: boolean;
  status: ResidentStatus;
  phone: string | null;
  idNumber: string | null;
}

export interface ImportContext {
  grids: { id: string; name: string }[];
  villageGroups: { id: string; name: string }[];
  households: ExistingHousehold[];
  residents: ExistingResident[];
  today: Date;
}

export interface ResidentFields {
  name: string;
  gender: Gender;
  birthDate: string;
  relationToHead: string;
  isPartyMember: boolean;
  isVillagerRep: boolean;
}

export interface PlannedResident {
  row: number;
  existing: ExistingResident | null;
  action: RosterImportAction;
  fields: ResidentFields;
  /** undefined keeps what is stored. */
  phone: string | undefined;
  idNumber: string | undefined;
  /** Labels of the changed columns. */
  changes: string[];
}

export interface PlannedHousehold {
  number: string;
  existing: ExistingHousehold | null;
  action: RosterImportAction;
  address: string;
  gridId: string;
  villageGroupId: string;
  changes: string[];
  residents: PlannedResident[];
  /** Row of the member who becomes 户代表; null keeps the current one. */
  representativeRow: number | null;
}

/** A row that failed its own checks: still shown in the preview, and its 网格/村民小组 names still checked. */
export interface FailedRow {
  row: number;
  householdNumber: string;
  name: string;
  grid: string | null;
  villageGroup: string | null;
}

export interface ImportPlan {
  households: PlannedHousehold[];
  rows: RosterImportRow[];
  errors: RosterImportError[];
  counts: { households: RosterImportCounts; residents: RosterImportCounts };
  representativeChanges: number;
}

const HEAD = '户主';

function fold(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** 第一网格 / 土岭底组 as typed, or without the suffix (土岭底村民小组 → 土岭底). */
function resolveNamed(list: { id: string; name: string }[], written: string): { id: string; name: string } | null {
  const exact = list.find((item) => fold(item.name) === fold(written));
  if (exact) return exact;
  const base = (s: string): string => fold(s).replace(/(村民小组|小组|网格|组)$/, '');
  const loose = list.filter((item) => base(item.name) === base(written));
  return loose.length === 1 ? loose[0] : null;
}

function emptyCounts(): RosterImportCounts {
  return { create: 0, update: 0, unchanged: 0 };
}

export function planImport(rows: RosterRow[], failed: FailedRow[], ctx: ImportContext): ImportPlan {
  const errors: RosterImportError[] = [];
  const error = (row: number, column: RosterColumnKey | null, message: string): void => {
    errors.push(cellError(row, column, message));
  };

  const byNumber = new Map(ctx.households.map((h) => [h.number, h]));
  const householdById = new Map(ctx.households.map((h) => [h.id, h]));
  const byIdNumber = new Map(ctx.residents.filter((r) => r.idNumber).map((r) => [r.idNumber as string, r]));

  /** "12" or 12 from a re-saved sheet finds household 0012 when that is the only one it can mean. */
  const resolveNumber = (written: string): string => {
    if (byNumber.has(written) || !/^\d+$/.test(written)) return written;
    const same = ctx.households.filter((h) => /^\d+$/.test(h.number) && Number(h.number) === Number(written));
    return same.length === 1 ? same[0].number : written;
  };

  const groups = new Map<string, RosterRow[]>();
  for (const row of rows) {
    const number = resolveNumber(row.householdNumber);
    groups.set(number, [...(groups.get(number) ?? []), row]);
  }
  const failedNumbers = new Set(failed.map((f) => resolveNumber(f.householdNumber)));
  for (const f of failed) {
    if (f.grid && !resolveNamed(ctx.grids, f.grid)) {
      error(f.row, 'grid', `本村没有“${f.grid}”，可填：${ctx.grids.map((i) => i.name).join('、') || '（本村还没有设置）'}`);
    }
    if (f.villageGroup && !resolveNamed(ctx.villageGroups, f.villageGroup)) {
      error(f.row, 'villageGroup', `本村没有“${f.villageGroup}”，可填：${ctx.villageGroups.map((i) => i.name).join('、') || '（本村还没有设置）'}`);
    }
  }

  const seenIdNumbers = new Map<string, number>();
  const claimed = new Map<string, number>();
  const seenNewPeople = new Map<string, number>();
  const households: PlannedHousehold[] = [];

  for (const [number, members] of groups) {
    const existing = byNumber.get(number) ?? null;
    const first = members[0];
    if (existing?.status === 'dissolved') {
      error(first.row, 'householdNumber', `户号 ${number} 已注销，不能再导入成员。新立户请换一个户号。`);
    }

    // Household cells: blank means "as on the other rows" (or as stored); filled ones must agree. For a
    // household already on the roster, a row still showing the stored value does not outvote a row
    // that changes it, so a clerk may edit the address on one row of an exported household.
    const agreed = (
      key: 'address' | 'villageGroup' | 'grid',
      resolve: (v: string, row: number) => string | null,
      stored: string | undefined,
    ): string | null => {
      const written: { value: string; row: number }[] = [];
      for (const member of members) {
        const text = member[key];
        const value = text === null ? null : resolve(text, member.row);
        if (value !== null) written.push({ value, row: member.row });
      }
      const changed = written.filter((w) => w.value !== stored);
      const considered = stored !== undefined && changed.length > 0 ? changed : written;
      const chosen = considered[0];
      for (const other of considered.slice(1)) {
        if (other.value !== chosen.value) {
          error(other.row, key, `与第 ${chosen.row} 行不一致（同一户的${COLUMN_LABELS[key]}应相同；只需在一行填写，其他行可以留空）`);
        }
      }
      return chosen?.value ?? null;
    };
    const named = (list: { id: string; name: string }[], key: 'grid' | 'villageGroup') => (written: string, row: number): string | null => {
      const found = resolveNamed(list, written);
      if (!found) {
        error(row, key, `本村没有“${written}”，可填：${list.map((i) => i.name).join('、') || '（本村还没有设置）'}`);
        return null;
      }
      return found.id;
    };
    const address = agreed('address', (v) => v, existing?.address);
    const gridId = agreed('grid', named(ctx.grids, 'grid'), existing?.gridId);
    const villageGroupId = agreed('villageGroup', named(ctx.villageGroups, 'villageGroup'), existing?.villageGroupId);

    const householdChanges: string[] = [];
    if (!existing) {
      if (address === null && !members.some((m) => m.address !== null)) error(first.row, 'address', `新户（户号 ${number}）必须填写住址`);
      if (gridId === null && !members.some((m) => m.grid !== null)) error(first.row, 'grid', `新户（户号 ${number}）必须填写所属网格`);
      if (villageGroupId === null && !members.some((m) => m.villageGroup !== null)) {
        error(first.row, 'villageGroup', `新户（户号 ${number}）必须填写所属村民小组`);
      }
    } else {
      if (address !== null && address !== existing.address) householdChanges.push(COLUMN_LABELS.address);
      if (villageGroupId !== null && villageGroupId !== existing.villageGroupId) householdChanges.push(COLUMN_LABELS.villageGroup);
      if (gridId !== null && gridId !== existing.gridId) householdChanges.push(COLUMN_LABELS.grid);
    }

    const planned: PlannedResident[] = [];
    const matchedByRow = new Map<number, ExistingResident | null>();
    for (const member of members) {
      let match: ExistingResident | null = null;
      let usable = true;
      if (member.idNumber.kind === 'value') {
        const id = member.idNumber.idNumber;
        const earlier = seenIdNumbers.get(id);
        if (earlier !== undefined) {
          error(member.row, 'idNumber', `与第 ${earlier} 行的身份证号相同，同一个人只能有一行`);
          usable = false;
        } else {
          seenIdNumbers.set(id, member.row);
        }
        const holder = byIdNumber.get(id);
        if (holder && holder.householdId !== existing?.id) {
          const where = householdById.get(holder.householdId)?.number ?? '?';
          error(
            member.row,
            'idNumber',
            `${maskIdNumber(id)} 已登记在户号 ${where} 的${holder.name}名下。人员在户之间迁移请在系统里逐个办理，不能通过导入。`,
          );
          usable = false;
        } else if (holder) {
          match = holder;
        }
      }
      if (!match && usable && existing) {
        match =
          ctx.residents.find((r) => r.householdId === existing.id && r.name === member.name && r.birthDate === member.birthDate) ?? null;
      }
      if (match) {
        const earlier = claimed.get(match.id);
        if (earlier !== undefined) {
          error(member.row, null, `与第 ${earlier} 行是同一个人（${match.name}），同一个人只能有一行`);
          usable = false;
        } else {
          claimed.set(match.id, member.row);
        }
        if (match.status !== 'active') {
          error(member.row, null, `名册里的${match.name}已登记为${RESIDENT_STATUS_LABELS[match.status]}，不能通过导入改回在册`);
          usable = false;
        }
      } else {
        const key = `${number}|${member.name}|${member.birthDate}`;
        const earlier = seenNewPeople.get(key);
        if (earlier !== undefined) {
          error(member.row, null, `与第 ${earlier} 行重复（同一户里同名、同出生日期）`);
          usable = false;
        } else {
          seenNewPeople.set(key, member.row);
        }
      }

      const secret = <T extends object>(
        cell: SecretCell<T>,
        read: (cell: { kind: 'value' } & T) => string,
        stored: string | null,
        column: 'idNumber' | 'phone',
        mask: (v: string | null) => string | null,
      ): string | undefined => {
        if (cell.kind === 'absent') return undefined;
        if (cell.kind === 'masked') {
          if (match && stored && mask(stored) === cell.text) return undefined;
          error(
            member.row,
            column,
            match
              ? '是打码的号码，与名册里登记的不一致。要修改请填写完整号码；不修改请保留导出时的样子或留空。'
              : '打码的号码不能导入，请填写完整号码或留空',
          );
          return undefined;
        }
        const value = read(cell);
        return value === stored ? undefined : value;
      };
      const idNumber = secret(member.idNumber, (c) => c.idNumber, match?.idNumber ?? null, 'idNumber', maskIdNumber);
      const phone = secret(member.phone, (c) => c.phone, match?.phone ?? null, 'phone', maskPhone);

      const fields: ResidentFields = {
        name: member.name,
        gender: member.gender,
        birthDate: member.birthDate,
        relationToHead: member.relationToHead,
        isPartyMember: member.isPartyMember ?? match?.isPartyMember ?? false,
        isVillagerRep: member.isVillagerRep ?? match?.isVillagerRep ?? false,
      };
      const changes: string[] = [];
      if (match) {
        if (fields.name !== match.name) changes.push(COLUMN_LABELS.name);
        if (fields.gender !== match.gender) changes.push(COLUMN_LABELS.gender);
        if (fields.birthDate !== match.birthDate) changes.push(COLUMN_LABELS.birthDate);
        if (fields.relationToHead !== match.relationToHead) changes.push(COLUMN_LABELS.relationToHead);
        if (idNumber !== undefined) changes.push(COLUMN_LABELS.idNumber);
        if (phone !== undefined) changes.push(COLUMN_LABELS.phone);
        if (fields.isPartyMember !== match.isPartyMember) changes.push(COLUMN_LABELS.isPartyMember);
        if (fields.isVillagerRep !== match.isVillagerRep) changes.push(COLUMN_LABELS.isVillagerRep);
      }
      matchedByRow.set(member.row, match);
      planned.push({
        row: member.row,
        existing: match,
        action: match ? (changes.length > 0 ? 'update' : 'unchanged') : 'create',
        fields,
        phone,
        idNumber,
        changes,
      });
    }

    // 户代表: the row marked 是; for a new household without one, its 户主.
    const marked = members.filter((m) => m.isRepresentative);
    for (const extra of marked.slice(1)) {
      error(extra.row, 'isRepresentative', `一户只能有一位户代表，第 ${marked[0].row} 行已经标了“是”`);
    }
    let representative: RosterRow | null = marked[0] ?? null;
    if (!representative && !existing && !failedNumbers.has(number)) {
      representative = members.find((m) => m.relationToHead === HEAD) ?? null;
      if (!representative) {
        error(first.row, 'isRepresentative', `新户（户号 ${number}）须有一位户代表：请给一位成年成员的「是否户代表」填“是”`);
      }
    }
    if (representative && ageOn(representative.birthDate, ctx.today) < ADULT_AGE) {
      error(representative.row, 'isRepresentative', `户代表须年满 18 周岁，${representative.name}还未成年`);
    }
    let representativeRow: number | null = null;
    if (representative) {
      const current = matchedByRow.get(representative.row);
      if (!existing || !current || current.id !== existing.representativeResidentId) {
        representativeRow = representative.row;
        if (existing) householdChanges.push('户代表');
      }
    }

    households.push({
      number,
      existing,
      action: !existing ? 'create' : householdChanges.length > 0 ? 'update' : 'unchanged',
      address: address ?? existing?.address ?? '',
      gridId: gridId ?? existing?.gridId ?? '',
      villageGroupId: villageGroupId ?? existing?.villageGroupId ?? '',
      changes: householdChanges,
      residents: planned,
      representativeRow,
    });
  }

  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const rowsWithErrors = new Set(errors.map((e) => e.row));
  const householdCounts = emptyCounts();
  const residentCounts = emptyCounts();
  let representativeChanges = 0;
  const preview: RosterImportRow[] = failed.map((f) => ({
    row: f.row,
    householdNumber: f.householdNumber,
    name: f.name,
    action: 'error',
    householdAction: 'error',
    changes: [],
  }));
  for (const household of households) {
    const inError = failedNumbers.has(household.number) || household.residents.some((r) => rowsWithErrors.has(r.row));
    if (!inError) {
      householdCounts[household.action] += 1;
      if (household.existing && household.representativeRow !== null) representativeChanges += 1;
    }
    for (const resident of household.residents) {
      const rowInError = rowsWithErrors.has(resident.row);
      if (!rowInError) residentCounts[resident.action] += 1;
      preview.push({
        row: resident.row,
        householdNumber: household.number,
        name: resident.fields.name,
        action: rowInError ? 'error' : resident.action,
        householdAction: inError ? 'error' : household.action,
        changes: resident.changes,
      });
    }
  }
  preview.sort((a, b) => a.row - b.row);
  return {
    households,
    rows: preview,
    errors,
    counts: { households: householdCounts, residents: residentCounts },
    representativeChanges,
  };
}
