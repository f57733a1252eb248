import { ADULT_AGE, ageOn, checkIdNumber, GENDER_LABELS, type Gender } from '@village/shared';
import { RosterErrorCode, RosterException } from '../roster.exception';

/*
 * Small named preconditions of roster changes (STYLE.md: business preconditions are tiny assert*
 * functions). Each throws a RosterException whose message says what to do.
 */

/** Optimistic locking: the client edits what it read; if someone changed it since, it must reload. */
export function assertVersion(current: number, sent: number, what: string): void {
  if (current !== sent) throw RosterException.versionConflict(what);
}

/** An ID number carries a birth date and a gender; the record must agree with it. */
export function assertIdentityMatches(idNumber: string | null | undefined, birthDate: string, gender: Gender): void {
  if (!idNumber) return;
  const parsed = checkIdNumber(idNumber);
  if (!parsed.ok) throw new RosterException(RosterErrorCode.IdNumberMismatch, parsed.message);
  if (parsed.birthDate !== birthDate) {
    throw new RosterException(
      RosterErrorCode.IdNumberMismatch,
      `身份证号里的出生日期是 ${parsed.birthDate}，与填写的出生日期 ${birthDate} 不一致，请核对`,
    );
  }
  if (parsed.gender !== gender) {
    throw new RosterException(
      RosterErrorCode.IdNumberMismatch,
      `身份证号显示性别为${GENDER_LABELS[parsed.gender]}，与填写的性别（${GENDER_LABELS[gender]}）不一致，请核对`,
    );
  }
}

export function isAdultOn(birthDate: string, today: Date): boolean {
  return ageOn(birthDate, today) >= ADULT_AGE;
}

/** 户代表 are adults (一户一人 speaks and votes for the household). */
export function assertAdultRepresentative(name: string, birthDate: string, today: Date): void {
  if (!isAdultOn(birthDate, today)) {
    throw new RosterException(
      RosterErrorCode.RepresentativeMustBeAdult,
      `户代表须年满 18 周岁，${name}今年 ${ageOn(birthDate, today)} 岁。请选一位成年成员当户代表。`,
    );
  }
}

export function isoDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
