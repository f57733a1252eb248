/** Age of majority for voting and counting 村民会议 participants (OL art. 13, 21). */
export const ADULT_AGE = 18;

/** Whole years between an ISO birth date (YYYY-MM-DD) and a day, the way an ID card is read. */
export function ageOn(birthDate: string, on: Date): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new RangeError(`不是有效的出生日期：${birthDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = on.getFullYear() - year;
  const beforeBirthday = on.getMonth() + 1 < month || (on.getMonth() + 1 === month && on.getDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

export function isAdult(birthDate: string, on: Date): boolean {
  return ageOn(birthDate, on) >= ADULT_AGE;
}

/** The latest birth date (YYYY-MM-DD) of someone who is an adult on `on`; lets queries compare strings. */
export function adultBornOnOrBefore(on: Date): string {
  const y = on.getFullYear() - ADULT_AGE;
  const m = on.getMonth() + 1;
  let d = on.getDate();
  // Born on 29 Feb: in a non-leap target year the birthday falls on 1 Mar, so 28 Feb is not yet enough.
  if (m === 2 && d === 29 && !isLeapYear(y)) d = 28;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
