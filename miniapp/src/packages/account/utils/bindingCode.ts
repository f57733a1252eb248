/**
 * Binding codes as villagers type, read aloud or scan them. The committee's codes are 6 characters
 * from an alphabet without 0/O and 1/I/L (server: binding.service.ts), so a code is never
 * ambiguous on paper; the page upper-cases as the person types and drops spaces and dashes.
 */
export const BINDING_CODE_LENGTH = 6;
export const BINDING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** What the input box shows: letters and digits only, upper case, at most 6. */
export function normaliseBindingCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, BINDING_CODE_LENGTH);
}

/** Characters the person typed that never appear in a code (0 O 1 I L), for a gentle hint. */
export function lookAlikeCharacters(code: string): string[] {
  return Array.from(new Set(code.split('').filter((c) => !BINDING_CODE_ALPHABET.includes(c))));
}

export function isCompleteBindingCode(code: string): boolean {
  return code.length === BINDING_CODE_LENGTH && lookAlikeCharacters(code).length === 0;
}

/**
 * The code inside what a QR code or link carries: the server's qrText
 * (`https://…/packages/account/pages/bind/index?code=K7M2QX`), a WeChat 普通链接二维码 `q`
 * parameter (the same link, URL-encoded), or a bare 6-character code. Null when there is none.
 */
export function codeFromScan(text: string | null | undefined): string | null {
  if (!text) return null;
  let value = text.trim();
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(value); i += 1) {
    try {
      value = decodeURIComponent(value);
    } catch {
      break;
    }
  }
  const match = /[?&#]code=([A-Za-z0-9\s-]+)/.exec(value);
  if (match) {
    const code = normaliseBindingCode(match[1]);
    return code.length === BINDING_CODE_LENGTH ? code : null;
  }
  if (/^[A-Za-z0-9\s-]{6,12}$/.test(value)) {
    const code = normaliseBindingCode(value);
    return code.length === BINDING_CODE_LENGTH ? code : null;
  }
  return null;
}
