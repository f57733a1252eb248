import { computeAwareness } from '../../notices/domain/awareness';
import type { AwarenessRows } from '../township.repository';

/** Notices published in this many days count towards a village's average 知晓率. */
export const AWARENESS_WINDOW_DAYS = 90;

/**
 * Per village, the mean 知晓率 of its recent notices, each computed as the notice's own awareness page
 * does (computeAwareness: households reached by a read or 上门告知 / active households; party-only
 * notices by party member). Every notice weighs the same; a notice with nobody to reach is left out;
 * a village without any notice is absent (null on the page).
 */
export function averageAwareness(rows: AwarenessRows): Map<string, number> {
  const householdsBy = groupBy(rows.households, (h) => h.villageId);
  const membersBy = groupBy(rows.partyMembers, (m) => m.villageId);
  const readsBy = groupBy(rows.reads, (r) => r.noticeId);
  const toldBy = groupBy(rows.inPerson, (r) => r.noticeId);
  const rates = new Map<string, number[]>();
  for (const notice of rows.notices) {
    const households = householdsBy.get(notice.villageId) ?? [];
    const partyOnly = notice.audience === 'party_members';
    const gridOf = new Map(households.map((h) => [h.id, h.gridId]));
    const subjects = partyOnly
      ? (membersBy.get(notice.villageId) ?? []).filter((m) => gridOf.has(m.householdId)).map((m) => ({ id: m.id, gridId: gridOf.get(m.householdId) as string }))
      : households.map((h) => ({ id: h.id, gridId: h.gridId }));
    const figures = computeAwareness({
      unit: partyOnly ? 'party_member' : 'household',
      subjects,
      grids: [],
      readBy: (readsBy.get(notice.id) ?? []).map((r) => (partyOnly ? r.residentId : r.householdId)),
      toldInPerson: (toldBy.get(notice.id) ?? []).map((r) => r.subjectKey),
    });
    if (figures.rate.denominator === 0) continue;
    const list = rates.get(notice.villageId) ?? [];
    list.push(figures.rate.numerator / figures.rate.denominator);
    rates.set(notice.villageId, list);
  }
  return new Map([...rates].map(([villageId, list]) => [villageId, list.reduce((a, b) => a + b, 0) / list.length]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
