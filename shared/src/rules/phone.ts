/** Mainland mobile numbers: 11 digits starting 13–19, as villagers write them (spaces, dashes, +86). */

export const MOBILE_PHONE_MESSAGE = '手机号应为 11 位数字，以 13–19 开头（例如 13812345678）';

export function normalisePhone(input: string): string {
  const digits = input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000()（）-]/g, '');
  return digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

export function isMainlandMobile(input: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalisePhone(input));
}
