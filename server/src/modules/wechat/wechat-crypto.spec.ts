import { createCipheriv, randomBytes } from 'node:crypto';
import { decryptWechatData, WechatDataError } from './wechat-crypto';

/*
 * Vector made with OpenSSL, independent of this code:
 *   printf '{"openGId":…}' | openssl enc -aes-128-cbc -K 30313233343536373839616263646566 \
 *     -iv 66656463626139383736353433323130 -base64 -A
 */
const VECTOR = {
  sessionKey: 'MDEyMzQ1Njc4OWFiY2RlZg==', // "0123456789abcdef"
  iv: 'ZmVkY2JhOTg3NjU0MzIxMA==', // "fedcba9876543210"
  encryptedData:
    '0iiwP6TEhnfa8ppmm5XX8IusJbG0RlDpWJr7a9J24fSY63PAP8zXcmpzMUkLVwQMRIt7wMBu3ho67f4EZX67FccZ1hdUp0GWsZ1OFSAU+5IuoM79qXTDx0Kt0QffkmWS',
};

describe('decryptWechatData', () => {
  it('decrypts the OpenSSL vector', () => {
    const data = decryptWechatData<{ openGId: string }>(VECTOR.sessionKey, VECTOR.encryptedData, VECTOR.iv, 'wx-test');
    expect(data.openGId).toBe('tGA1b2c3d4e5f6g7h8i9j0');
  });

  it('refuses data watermarked for another mini-program', () => {
    expect(() => decryptWechatData(VECTOR.sessionKey, VECTOR.encryptedData, VECTOR.iv, 'wx-other')).toThrow(
      WechatDataError,
    );
  });

  it('refuses the wrong session key (bad padding or garbage)', () => {
    const wrongKey = randomBytes(16).toString('base64');
    expect(() => decryptWechatData(wrongKey, VECTOR.encryptedData, VECTOR.iv, 'wx-test')).toThrow(WechatDataError);
  });

  it('refuses malformed key and iv lengths', () => {
    expect(() => decryptWechatData('c2hvcnQ=', VECTOR.encryptedData, VECTOR.iv, 'wx-test')).toThrow('bad key or iv length');
  });

  it('handles every padding length (PKCS#7)', () => {
    const key = randomBytes(16);
    for (let extra = 0; extra < 17; extra += 1) {
      const iv = randomBytes(16);
      const payload = JSON.stringify({ openGId: `g${'x'.repeat(extra)}`, watermark: { appid: 'wx-test' } });
      const cipher = createCipheriv('aes-128-cbc', key, iv);
      const encrypted = Buffer.concat([cipher.update(payload), cipher.final()]).toString('base64');
      const data = decryptWechatData<{ openGId: string }>(key.toString('base64'), encrypted, iv.toString('base64'), 'wx-test');
      expect(data.openGId).toBe(`g${'x'.repeat(extra)}`);
    }
  });
});
