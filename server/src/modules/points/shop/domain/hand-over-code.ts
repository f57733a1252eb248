import { REDEMPTION_QR_PREFIX } from '@village/shared';

/*
 * The 8-character code on a redemption: what its QR encodes (after REDEMPTION_QR_PREFIX) and what the
 * shopkeeper types when the phone's camera fails. No 0/O or 1/I, so an old eye or a typed guess never
 * confuses them; 32 symbols, 40 bits: collisions within a village are retried on the unique index.
 */
export const HAND_OVER_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const HAND_OVER_CODE_LENGTH = 8;

const CODE_PATTERN = new RegExp(`^[${HAND_OVER_CODE_ALPHABET}]{${HAND_OVER_CODE_LENGTH}}$`);

/** A fresh code from `bytes` random bytes (at least HAND_OVER_CODE_LENGTH of them). */
export function handOverCode(bytes: Uint8Array): string {
  if (bytes.length < HAND_OVER_CODE_LENGTH) throw new RangeError(`a hand-over code needs ${HAND_OVER_CODE_LENGTH} random bytes`);
  // 256 is a multiple of 32: the low five bits of a random byte are uniform.
  return Array.from(bytes.subarray(0, HAND_OVER_CODE_LENGTH), (b) => HAND_OVER_CODE_ALPHABET[b & 31]).join('');
}

/**
 * The code in what the shopkeeper scanned or typed: the full QR text or the bare code, in any case,
 * with spaces or dashes a person adds to read it in halves. Null when it cannot be a code.
 */
export function parseHandOverCode(text: string): string | null {
  let code = text.trim();
  if (code.toLowerCase().startsWith(REDEMPTION_QR_PREFIX)) code = code.slice(REDEMPTION_QR_PREFIX.length);
  code = code.replace(/[\s-]/g, '').toUpperCase();
  return CODE_PATTERN.test(code) ? code : null;
}
