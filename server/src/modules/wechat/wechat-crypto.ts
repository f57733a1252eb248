import { createDecipheriv } from 'node:crypto';

export class WechatDataError extends Error {}

/**
 * Decrypts data the mini-program got from wx.getShareInfo / wx.getGroupEnterInfo: AES-128-CBC with
 * PKCS#7 padding, key = the user's session_key, both base64. The watermark's appid must be ours, or
 * the data was produced for another mini-program and is refused.
 */
export function decryptWechatData<T extends object>(
  sessionKey: string,
  encryptedData: string,
  iv: string,
  appId: string,
): T {
  const key = Buffer.from(sessionKey, 'base64');
  const ivBytes = Buffer.from(iv, 'base64');
  if (key.length !== 16 || ivBytes.length !== 16) throw new WechatDataError('bad key or iv length');
  let text: string;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes);
    text = Buffer.concat([decipher.update(Buffer.from(encryptedData, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new WechatDataError('decryption failed');
  }
  let data: T & { watermark?: { appid?: string } };
  try {
    data = JSON.parse(text) as T & { watermark?: { appid?: string } };
  } catch {
    throw new WechatDataError('decrypted data is not JSON');
  }
  if (data.watermark?.appid !== appId) throw new WechatDataError('watermark appid mismatch');
  return data;
}
