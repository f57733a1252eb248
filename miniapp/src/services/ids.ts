/**
 * Random ids for correlation and idempotency keys. Uses the platform's crypto when it has one
 * (browsers; newer WeChat base libraries expose `crypto.getRandomValues` too) and falls back to
 * Math.random, which is good enough for correlating logs and de-duplicating one person's retries.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  // `typeof` keeps this safe on WeChat base libraries that have neither `crypto` nor `globalThis`.
  const c: { getRandomValues?: (a: Uint8Array) => Uint8Array } | undefined =
    typeof crypto !== 'undefined' ? (crypto as unknown as { getRandomValues?: (a: Uint8Array) => Uint8Array }) : undefined;
  if (c && typeof c.getRandomValues === 'function') {
    c.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  }
  // RFC 4122 version 4 layout.
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
