import { createHash, timingSafeEqual } from 'node:crypto';

/*
 * WeChat's 消息推送 (message push) signs every request to the developer's URL — the one-time GET that
 * verifies the URL and every POST with an event — with three query parameters: `timestamp`, `nonce`
 * and `signature` = hex SHA-1 of the token, timestamp and nonce sorted as strings (字典序) and joined.
 * The token is the 令牌 typed into the mini-program's admin console (开发管理 → 消息推送), our
 * WECHAT_PUSH_TOKEN. (In 安全模式 WeChat also sends msg_signature and an encrypted body; this project
 * uses 明文模式 with JSON, see docs/deploy.md.)
 */

export interface PushSignatureParams {
  signature?: unknown;
  timestamp?: unknown;
  nonce?: unknown;
}

export function wechatPushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1')
    .update([token, timestamp, nonce].sort().join(''))
    .digest('hex');
}

/** True when the signature matches the token (constant-time); missing or malformed parameters fail. */
export function verifyWechatPushSignature(token: string, params: PushSignatureParams): boolean {
  const { signature, timestamp, nonce } = params;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string') return false;
  if (!/^[0-9a-f]{40}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp) || nonce.length === 0 || nonce.length > 64) return false;
  const expected = Buffer.from(wechatPushSignature(token, timestamp, nonce), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
