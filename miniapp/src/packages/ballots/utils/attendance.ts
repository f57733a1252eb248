/**
 * Ticking people present at the meeting (计票人 / 监票人), as pure steps: the ticks survive searching
 * and paging (kept by voter key with their labels, in the order ticked), people who already took
 * part cannot be ticked, and after a 409 the conflicting ones can be taken out in one tap.
 */
import type { AttendanceConflict, ElectorateEntry } from '@village/shared';

export type Ticks = ReadonlyMap<string, string>;

export function canTick(entry: Pick<ElectorateEntry, 'participation'>): boolean {
  return entry.participation === null;
}

export function toggleTick(ticks: Ticks, entry: Pick<ElectorateEntry, 'voterKey' | 'label' | 'participation'>): Map<string, string> {
  const next = new Map(ticks);
  if (next.has(entry.voterKey)) next.delete(entry.voterKey);
  else if (canTick(entry)) next.set(entry.voterKey, entry.label);
  return next;
}

export function withoutConflicts(ticks: Ticks, conflicts: readonly Pick<AttendanceConflict, 'voterKey'>[]): Map<string, string> {
  const next = new Map(ticks);
  for (const c of conflicts) next.delete(c.voterKey);
  return next;
}

/** `details.conflicts` of a 409 from POST attendance, or [] when the error is something else. */
export function conflictsOf(details: unknown): AttendanceConflict[] {
  const list = typeof details === 'object' && details !== null ? (details as { conflicts?: unknown }).conflicts : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (c): c is AttendanceConflict =>
      typeof c === 'object' && c !== null && typeof (c as AttendanceConflict).voterKey === 'string' && typeof (c as AttendanceConflict).reason === 'string',
  ).map((c) => ({ voterKey: c.voterKey, label: typeof c.label === 'string' ? c.label : c.voterKey, reason: c.reason }));
}
