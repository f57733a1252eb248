import { FileLinkSigner } from './file-link';

describe('FileLinkSigner', () => {
  const signer = new FileLinkSigner(Buffer.alloc(32, 3));
  const now = new Date('2026-11-25T08:00:00Z');
  const id = '6f1c1b9e-2f7a-4c55-9a53-0d2b1b7f2a10';

  it('signs a link that checks out until it expires, at least 30 minutes on', () => {
    const { exp, sig } = signer.sign(id, now);
    expect(exp * 1000 - now.getTime()).toBeGreaterThanOrEqual(30 * 60 * 1000);
    expect(exp * 1000 - now.getTime()).toBeLessThan(40 * 60 * 1000);
    expect(signer.check(id, String(exp), sig, now)).toBe('ok');
    expect(signer.check(id, String(exp), sig, new Date(exp * 1000))).toBe('ok');
    expect(signer.check(id, String(exp), sig, new Date(exp * 1000 + 1))).toBe('expired');
  });

  it('gives the same link within a ten-minute step, so clients can cache it', () => {
    const at = new Date('2026-11-25T08:01:00Z');
    expect(signer.sign(id, at)).toEqual(signer.sign(id, new Date(at.getTime() + 8 * 60_000)));
  });

  it('refuses a link for another file, a moved expiry, another key, and junk', () => {
    const { exp, sig } = signer.sign(id, now);
    expect(signer.check('00000000-0000-4000-8000-000000000000', String(exp), sig, now)).toBe('invalid');
    expect(signer.check(id, String(exp + 600), sig, now)).toBe('invalid');
    expect(new FileLinkSigner(Buffer.alloc(32, 4)).check(id, String(exp), sig, now)).toBe('invalid');
    expect(signer.check(id, undefined, sig, now)).toBe('invalid');
    expect(signer.check(id, String(exp), undefined, now)).toBe('invalid');
    expect(signer.check(id, 'abc', sig, now)).toBe('invalid');
    expect(signer.check(id, String(exp), `${sig.slice(0, -1)}A`, now)).toBe(sig.endsWith('A') ? 'ok' : 'invalid');
  });
});
