import { formatChineseDate } from '@village/shared';

/**
 * Dates as clerks type them — 19680312, 1968/3/12, 1968.3.12, 1968年3月12日 — turned into the
 * server's YYYY-MM-DD. Anything else is sent as typed, and the server says what is wrong.
 */
export function normaliseDateInput(input: string): string {
  const text = input.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (parts) return `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}`;
  return text;
}

/** "2026-11-20" → 11月20日 (with the year when it is not this year). */
export function dayText(iso: string, today: Date = new Date()): string {
  const [y, mo, d] = iso.slice(0, 10).split('-').map(Number);
  return y && mo && d ? formatChineseDate(new Date(y, mo - 1, d), today) : iso;
}

/** base64 of an ASCII string (an SVG), without relying on btoa (absent on some WeChat base libraries). */
export function base64Ascii(text: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i) & 0xff;
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) & 0xff : NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) & 0xff : NaN;
    const n = (a << 16) | ((Number.isNaN(b) ? 0 : b) << 8) | (Number.isNaN(c) ? 0 : c);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63];
    out += Number.isNaN(b) ? '=' : chars[(n >> 6) & 63];
    out += Number.isNaN(c) ? '=' : chars[n & 63];
  }
  return out;
}

/**
 * An SVG document as an image address both WeChat's <image> and the browser can show. A QR SVG with
 * only a viewBox gets a square size, or browsers draw it in a 300 × 150 box, stretched.
 */
export function svgDataUri(svg: string): string {
  const sized = /<svg\b[^>]*\bwidth=/.test(svg) ? svg : svg.replace(/<svg\b/, '<svg width="512" height="512"');
  // The server's QR SVG is ASCII; anything else is percent-encoded first so base64 stays correct.
  const ascii = /^[\x00-\x7f]*$/.test(sized) ? sized : unescape(encodeURIComponent(sized));
  return `data:image/svg+xml;base64,${base64Ascii(ascii)}`;
}

/** "12月2日 15:30" — the day as villagers read it (with the year when it is not this year) and the time. */
export function expiryText(iso: string, today: Date = new Date()): string {
  const date = new Date(iso);
  const hh = String(date.getHours()).padStart(2, '0');
  const mm = String(date.getMinutes()).padStart(2, '0');
  return `${formatChineseDate(date, today)} ${hh}:${mm}`;
}
