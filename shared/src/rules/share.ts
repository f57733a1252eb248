/**
 * Shares of a whole ("到会 41/60 人（68%）") in integer maths: legal thresholds such as "> 1/2" and
 * "≥ 2/3" must never be decided by floating point.
 */
export interface Fraction {
  numerator: number;
  denominator: number;
}

function assertCounts(part: number, whole: number): void {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError('人数必须是非负整数');
  }
}

/** part/whole ≥ threshold, exactly. An empty whole meets nothing. */
export function reachesAtLeast(part: number, whole: number, threshold: Fraction): boolean {
  assertCounts(part, whole);
  if (whole === 0) return false;
  return part * threshold.denominator >= threshold.numerator * whole;
}

/** part/whole > threshold, exactly ("超过半数": exactly half fails). */
export function exceeds(part: number, whole: number, threshold: Fraction): boolean {
  assertCounts(part, whole);
  if (whole === 0) return false;
  return part * threshold.denominator > threshold.numerator * whole;
}

/** Whole percent, rounded half up, for display only. */
export function percent(part: number, whole: number): number {
  assertCounts(part, whole);
  if (whole === 0) return 0;
  return Math.floor((part * 200 + whole) / (whole * 2));
}

/** "41/60（68%）" */
export function formatShare(part: number, whole: number): string {
  return `${part}/${whole}（${percent(part, whole)}%）`;
}
