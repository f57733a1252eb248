import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Attachment links that work without a bearer header (the mini-program's <Image> and downloadFile
 * cannot send one) and without being guessable or lasting forever: /api/notice-files/<id>?exp=&sig=,
 * where sig = HMAC-SHA256(secret, "<id>.<exp>") and exp is a Unix time in seconds. Expiry is rounded
 * up to a whole step so the same file gets the same link for a while (the client can cache it).
 */

export const FILE_LINK_TTL_SECONDS = 30 * 60;
const STEP_SECONDS = 10 * 60;

export type FileLinkCheck = 'ok' | 'expired' | 'invalid';

export class FileLinkSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlSeconds = FILE_LINK_TTL_SECONDS,
  ) {
    if (secret.length < 16) throw new Error('file link secret too short');
  }

  /** exp and sig for a link valid at least ttlSeconds from `now`. */
  sign(fileId: string, now: Date): { exp: number; sig: string } {
    const earliest = Math.floor(now.getTime() / 1000) + this.ttlSeconds;
    const exp = Math.ceil(earliest / STEP_SECONDS) * STEP_SECONDS;
    return { exp, sig: this.mac(fileId, exp) };
  }

  check(fileId: string, exp: unknown, sig: unknown, now: Date): FileLinkCheck {
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return 'invalid';
    const expected = Buffer.from(this.mac(fileId, Number(exp)));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
  }

  private mac(fileId: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`notice-file\n${fileId}.${exp}`).digest('base64url');
  }
}
