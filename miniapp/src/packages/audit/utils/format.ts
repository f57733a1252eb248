/**
 * Plain-Chinese wording for one audit event: 第 N 条, 11月25日 14:05 (Beijing time, with the year when
 * it is not this year), who (name, else the role), what (the action's Chinese label).
 */
import { ROLE_LABELS, isRole } from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.audit;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function beijingParts(iso: string): { y: number; mo: number; d: number; h: number; mi: number } | null {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const b = new Date(t + BEIJING_OFFSET_MS);
  return { y: b.getUTCFullYear(), mo: b.getUTCMonth() + 1, d: b.getUTCDate(), h: b.getUTCHours(), mi: b.getUTCMinutes() };
}

/** "11月25日 14:05", or "2025年11月25日 14:05" when not this (Beijing) year. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const p = beijingParts(iso);
  if (!p) return iso;
  const thisYear = beijingParts(now.toISOString())?.y;
  const hm = `${String(p.h).padStart(2, '0')}:${String(p.mi).padStart(2, '0')}`;
  return `${p.y !== thisYear ? `${p.y}年` : ''}${p.mo}月${p.d}日 ${hm}`;
}

/** "2026-11-25" → "11月25日" (with the year when not this year). */
export function formatDay(day: string, now: Date = new Date()): string {
  const [y, mo, d] = day.split('-').map(Number);
  if (!y || !mo || !d) return day;
  const thisYear = beijingParts(now.toISOString())?.y;
  return `${y !== thisYear ? `${y}年` : ''}${mo}月${d}日`;
}

/** Today in Beijing as YYYY-MM-DD (the date pickers' upper bound, the export's file name). */
export function beijingToday(now: Date = new Date()): string {
  const p = beijingParts(now.toISOString());
  if (!p) return '';
  return `${p.y}-${String(p.mo).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

export function roleLabel(role: string | null): string | null {
  if (!role) return null;
  if (role === 'system') return m.system;
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** 任晋生（村民）, 系统, or the role when the name is not given. */
export function whoDid(e: { actorName: string | null; actorRole: string | null }): string {
  const role = roleLabel(e.actorRole);
  if (e.actorName) return m.byline(e.actorName, role);
  return role ?? m.unknownActor;
}

export function actionLabel(action: string): string {
  return m.actions[action] ?? m.actionUnknown;
}

export function entityLabel(entityType: string): string {
  return m.entities[entityType] ?? entityType;
}
