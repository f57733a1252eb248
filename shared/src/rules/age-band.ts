import { ageOn } from './age';

/**
 * Age bands the committee filters the roster by: minors (not yet voters), working age, older
 * villagers, and the oldest (80+, 高龄津贴). Bounds are whole years on the day, as ageOn reads them.
 */
export const AGE_BANDS = ['minor', 'adult', 'senior', 'oldest'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  minor: '未满 18 岁',
  adult: '18–59 岁',
  senior: '60–79 岁',
  oldest: '80 岁及以上',
};

const LOWER: Record<AgeBand, number> = { minor: 0, adult: 18, senior: 60, oldest: 80 };
const UPPER: Record<AgeBand, number | null> = { minor: 18, adult: 60, senior: 80, oldest: null };

export function ageBandOf(birthDate: string, on: Date): AgeBand {
  const age = ageOn(birthDate, on);
  if (age < 18) return 'minor';
  if (age < 60) return 'adult';
  if (age < 80) return 'senior';
  return 'oldest';
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The latest birth date (YYYY-MM-DD) of someone at least `age` years old on `on`. */
export function bornOnOrBeforeForAge(age: number, on: Date): string {
  const y = on.getFullYear() - age;
  const m = on.getMonth() + 1;
  let d = on.getDate();
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  // Born on 29 Feb: in a non-leap target year the birthday falls on 1 Mar, so 28 Feb is not yet enough.
  if (m === 2 && d === 29 && !leap) d = 28;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Birth-date bounds of a band as YYYY-MM-DD strings, for a database query:
 * `bornOnOrBefore` inclusive, `bornAfter` exclusive; null means unbounded.
 */
export function ageBandBirthDates(band: AgeBand, on: Date): { bornOnOrBefore: string | null; bornAfter: string | null } {
  const lower = LOWER[band];
  const upper = UPPER[band];
  return {
    bornOnOrBefore: lower > 0 ? bornOnOrBeforeForAge(lower, on) : null,
    bornAfter: upper === null ? null : bornOnOrBeforeForAge(upper, on),
  };
}
