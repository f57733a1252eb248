/**
 * 知晓率 in words: "已知晓 61/85 户（72%）", what is missing, per-grid bars. The share and its rounding
 * are the shared rule (`formatShare`), so the page says exactly what the printed sheet and the
 * township's report say.
 */
import { formatShare, percent, type GridAwareness, type NoticeAwareness, type UnreachedHousehold } from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.notices;

/** "61/85 户（72%）": formatShare's "61/85（72%）" with the unit before the bracket. */
export function shareWithUnit(part: number, whole: number, unit: string): string {
  const share = formatShare(part, whole);
  const bracket = share.indexOf('（');
  return bracket < 0 ? `${share} ${unit}` : `${share.slice(0, bracket)} ${unit}${share.slice(bracket)}`;
}

export interface AwarenessFigure {
  headline: string;
  pct: number;
  missing: string;
  toldInPerson: string | null;
  explain: string;
}

export function awarenessFigure(a: NoticeAwareness): AwarenessFigure {
  const unit = m.units[a.unit] ?? m.units.household;
  return {
    headline: m.reachedHeadline(shareWithUnit(a.reached, a.total, unit)),
    pct: percent(a.reached, a.total),
    missing: m.missing(Math.max(0, a.total - a.reached), unit),
    toldInPerson: a.toldInPerson > 0 ? m.toldInPerson(a.toldInPerson, unit) : null,
    explain: m.awarenessExplain[a.unit] ?? m.awarenessExplain.household,
  };
}

export function gridBar(g: GridAwareness, unit: string): { pct: number; label: string } {
  return { pct: percent(g.reached, g.total), label: shareWithUnit(g.reached, g.total, unit) };
}

/** "0012 号户 · 王建国": the representative, or for a party-members notice the member not yet reached. */
export function unreachedLine(h: UnreachedHousehold): string {
  return m.householdLine(h.number, h.person ? h.person.name : h.representativeName);
}
