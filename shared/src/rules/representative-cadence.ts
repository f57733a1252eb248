import type { RepresentativeCadenceView } from '../types/matter';
import { addDays } from './date';
import { OL_ART_26 } from './matter-convening';
import { quarterDays, quarterLabel, quarterOf, shiftQuarter } from './quarter';
import { dayLabel } from './workflow-text';

/*
 * 村民代表会议由村民委员会召集，每季度召开一次 (OL art. 26). Any 村民代表会议 held in a quarter counts,
 * whatever matter it was for; quarters are calendar quarters in Beijing days.
 */

/**
 * Finished quarters looked at. A rolling year is what the township reviews each year; going further
 * back would flag a village for good over a gap nobody can make up any more.
 */
export const REPRESENTATIVE_CADENCE_QUARTERS = 4;

/**
 * Finished quarters from `since`'s quarter (inclusive) up to before `today`'s in which no 村民代表会议
 * was held, oldest first.
 */
export function quartersWithoutRepresentativeMeeting(meetingDays: readonly string[], since: string, today: string): string[] {
  const held = new Set(meetingDays.map(quarterOf));
  const current = quarterOf(today);
  const missing: string[] = [];
  for (let q = quarterOf(since); q < current; q = shiftQuarter(q, 1)) {
    if (!held.has(q)) missing.push(q);
  }
  return missing;
}

export interface RepresentativeCadenceInput {
  /** Beijing days on which a 村民代表会议 was held (any matter; order and repeats do not matter). */
  heldOn: readonly string[];
  /** The village's first day in the system: quarters before it have no records here to judge by. */
  since: string;
  /** Beijing day. */
  today: string;
}

export function assessRepresentativeCadence(input: RepresentativeCadenceInput): RepresentativeCadenceView {
  const { since, today } = input;
  const heldOn = input.heldOn.filter((day) => day <= today);
  const current = quarterOf(today);
  const windowStart = shiftQuarter(current, -REPRESENTATIVE_CADENCE_QUARTERS);
  const from = quarterOf(since) > windowStart ? since : quarterDays(windowStart)[0];
  const missing = quartersWithoutRepresentativeMeeting(heldOn, from, today).map(quarterLabel);
  const lastHeldOn = heldOn.reduce<string | null>((last, day) => (last === null || day > last ? day : last), null);
  const heldNow = lastHeldOn !== null && quarterOf(lastHeldOn) === current;
  const endsOn = quarterDays(current)[1];
  const now = heldNow ? `本季度已于${dayLabel(lastHeldOn, today)}召开村民代表会议` : `本季度还没有开村民代表会议（${dayLabel(endsOn, today)}前）`;
  return {
    missingQuarters: missing,
    lastHeldOn,
    currentQuarter: { label: quarterLabel(current), held: heldNow, endsOn },
    statusText: missing.length > 0 ? `${now}；${missing.join('、')}没有召开` : now,
    legalBasis: OL_ART_26,
  };
}
