/*
 * Personal data leaves the server masked (PIPL art. 28–31): enough to recognise one's own number,
 * not enough to use someone else's.
 */

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 140431199001011234 → 1404**********1234 (region, birth date and sequence hidden) */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return null;
  if (idNumber.length < 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** 张三明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明: recognisable to neighbours, not a full name to strangers. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
