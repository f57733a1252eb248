import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/** A fresh receipt code, 60 random bits: `K7QX-3MZP-9DTA`. */
export function newReceiptCode(bytes: (n: number) => Buffer = randomBytes): string {
  const raw = bytes(8);
  let bits = raw.readBigUInt64BE(0);
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) {
    code += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return format(code);
}

function format(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/**
 * A code as a villager might type it — lower case, spaces, without dashes, O for 0, I or L for 1 —
 * in its stored form; null when it cannot be a receipt code.
 */
export function normaliseReceiptCode(input: string): string | null {
  const folded = input
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (folded.length !== LENGTH) return null;
  for (const c of folded) if (!ALPHABET.includes(c)) return null;
  return format(folded);
}
