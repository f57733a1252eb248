import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips Chinese and digits, with a fresh IV each time', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:/);
    expect(a).not.toContain('13812345678');
    expect(cipher.decrypt(a)).toBe('13812345678');
    expect(cipher.decrypt(cipher.encrypt('山西省沁源县'))).toBe('山西省沁源县');
  });

  it('refuses a ciphertext changed at rest', () => {
    const stored = cipher.encrypt('140431199001011234');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('refuses another key', () => {
    const other = new FieldCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('x'))).toThrow();
  });

  it('requires a 32-byte key', () => {
    expect(() => new FieldCipher(randomBytes(16))).toThrow('32 字节');
  });

  it('passes null through', () => {
    expect(cipher.encryptNullable(null)).toBeNull();
    expect(cipher.decryptNullable(null)).toBeNull();
  });
});
