import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { checkIdNumber, isMainlandMobile, MOBILE_PHONE_MESSAGE, normaliseIdNumber, normalisePhone } from '@village/shared';

/** Present (not undefined) fields are validated, null included: for edits of non-nullable fields. */
export const IfPresent = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

export const Trim = (): PropertyDecorator => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Accepts 1/0/true/false from a query string. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });

/** Folds spaces, full-width digits and a lower-case x before checking; an empty field means none. */
export const NormaliseIdNumber = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? normaliseIdNumber(value) || null : value));

export const NormalisePhone = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? normalisePhone(value) || null : value));

/** 18-digit 居民身份证号码 with the GB 11643 check digit; the message names what is wrong. */
export function IsIdNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIdNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkIdNumber(value).ok,
        defaultMessage: (args) => {
          if (typeof args?.value !== 'string') return '身份证号必须是文字';
          const result = checkIdNumber(args.value);
          return result.ok ? '' : result.message;
        },
      },
    },
    options,
  );
}

export function IsMobilePhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMobilePhone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isMainlandMobile(value),
        defaultMessage: () => MOBILE_PHONE_MESSAGE,
      },
    },
    options,
  );
}

function isCalendarIso(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** YYYY-MM-DD, a real calendar day, from 1900 up to today. */
export function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBirthDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarIso(value) && value >= '1900-01-01' && value <= todayIso(),
        defaultMessage: (args) => {
          const value = args?.value;
          if (typeof value !== 'string' || !isCalendarIso(value)) return '出生日期应写成 1968-03-12 这样的格式，且是日历上存在的日期';
          if (value < '1900-01-01') return '出生日期不能早于 1900 年';
          return '出生日期不能晚于今天';
        },
      },
    },
    options,
  );
}

/** YYYY-MM-DD calendar day (a date an office started or ended, a departure date). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarIso(value),
        defaultMessage: () => '日期应写成 2026-11-25 这样的格式，且是日历上存在的日期',
      },
    },
    options,
  );
}
