/**
 * The pictures on the result page, as numbers: a participation ring with the quorum line on it, and
 * one bar per choice with the pass line. Percentages in words come from the shared `percent` (whole
 * percent, integer maths); angles and widths are only for drawing. Whether the quorum was met, and
 * whether the ballot passed, is never decided here: the server's assessment says so.
 */
import {
  HALF,
  TWO_THIRDS,
  neededFor,
  percent,
  type BallotResultView,
  type ChoiceCount,
  type DecisionAssessment,
  type Fraction,
  type ParticipationSummary,
  type QuorumAssessment,
  type QuorumCheck,
} from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.ballots;

function same(a: Fraction, b: Fraction): boolean {
  return a.numerator * b.denominator === b.numerator * a.denominator;
}

/** "超过半数" / "达到三分之二" / "达到 3/4" */
export function thresholdWords(threshold: Fraction, strict: boolean): string {
  const name = same(threshold, HALF) ? m.fractionHalf : same(threshold, TWO_THIRDS) ? m.fractionTwoThirds : `${threshold.numerator}/${threshold.denominator}`;
  return strict ? m.over(name) : m.reach(name);
}

function ratio(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.max(0, Math.min(1, part / whole));
}

export interface RingMarker {
  /** Clockwise from 12 o'clock. */
  deg: number;
  /** "达到三分之二（57 户）" */
  words: string;
  needed: number;
}

export interface RingModel {
  /** Whole percent for the words. */
  percent: number;
  /** Clockwise fill of the right half (0–180°) and of the left half (0–180°), for two rotating half-discs. */
  rightDeg: number;
  leftDeg: number;
  marker: RingMarker | null;
  /** The server's verdict on the quorum (null: no quorum applies). */
  met: boolean | null;
}

/** The check drawn on the ring: the one counted in the ballot's own unit (村民会议 may have two). */
export function ringCheck(participation: ParticipationSummary, quorum: QuorumAssessment | null): QuorumCheck | null {
  if (!quorum || !quorum.required || quorum.checks.length === 0) return null;
  return quorum.checks.find((c) => c.unit === participation.unit && c.eligible === participation.eligible) ?? quorum.checks[0];
}

export function ringModel(participation: ParticipationSummary, quorum: QuorumAssessment | null): RingModel {
  const r = ratio(participation.total, participation.eligible);
  const check = ringCheck(participation, quorum);
  const marker: RingMarker | null = check
    ? {
        deg: (check.threshold.numerator / check.threshold.denominator) * 360,
        needed: neededFor(check.eligible, check.threshold, check.strict),
        words: m.quorumLine(thresholdWords(check.threshold, check.strict), neededFor(check.eligible, check.threshold, check.strict), participation.unitLabel),
      }
    : null;
  return {
    percent: percent(participation.total, participation.eligible),
    rightDeg: Math.min(r, 0.5) * 360,
    leftDeg: Math.max(0, r - 0.5) * 360,
    marker,
    met: quorum && quorum.required ? quorum.met : null,
  };
}

export interface BarModel {
  key: string;
  label: string;
  total: number;
  online: number;
  inPerson: number;
  /** Whole percent of the base, for the words. */
  percent: number;
  /** Bar length, 0–100 (% of the track). */
  width: number;
  /** The leading option(s) of a poll. */
  leading: boolean;
}

/**
 * What each bar is measured against: the decision's own denominator (those taking part, or everyone
 * entitled for the land-contracting rules), else everyone who took part.
 */
export function barBase(result: Pick<BallotResultView, 'decision' | 'participation'>): number {
  return result.decision ? result.decision.of : result.participation.total;
}

export function barModels(counts: readonly ChoiceCount[], base: number, leaders: readonly string[] = []): BarModel[] {
  return counts.map((c) => ({
    key: c.key,
    label: c.label,
    total: c.total,
    online: c.online,
    inPerson: c.inPerson,
    percent: base > 0 ? percent(Math.min(c.total, base), base) : 0,
    width: ratio(c.total, base) * 100,
    leading: leaders.includes(c.key),
  }));
}

export interface PassMarker {
  /** Position on the bar track, 0–100. */
  at: number;
  /** "通过线：超过半数（至少 31 户同意）" */
  words: string;
}

/** The pass line on the 同意 bar, from the server's decision. */
export function passMarker(decision: DecisionAssessment | null, unitLabel: string): PassMarker | null {
  if (!decision || decision.of <= 0) return null;
  return {
    at: (decision.threshold.numerator / decision.threshold.denominator) * 100,
    words: m.passLine(thresholdWords(decision.threshold, decision.strict), decision.needed, unitLabel),
  };
}

/** Participants who chose nothing (blank or spoiled paper) on a motion or single choice; 0 for multiple choice. */
export function blankCount(result: Pick<BallotResultView, 'counts' | 'participation'>, multiple: boolean): number {
  if (multiple) return 0;
  const sum = result.counts.reduce((a, c) => a + c.total, 0);
  return Math.max(0, result.participation.total - sum);
}
