import { verifyWechatPushSignature, wechatPushSignature } from './push-signature';

describe('WeChat push signature', () => {
  // The worked example in WeChat's 消息推送 guide: Token "AAAAA".
  const example = { signature: 'f464b24fc39322e44b38aa78f5edd27bd1441696', timestamp: '1714036504', nonce: '1514711492' };

  it("matches WeChat's worked example (sort token, timestamp, nonce; join; SHA-1)", () => {
    expect(wechatPushSignature('AAAAA', example.timestamp, example.nonce)).toBe(example.signature);
    expect(verifyWechatPushSignature('AAAAA', example)).toBe(true);
  });

  it('accepts the signature in upper case hex too', () => {
    expect(verifyWechatPushSignature('AAAAA', { ...example, signature: example.signature.toUpperCase() })).toBe(true);
  });

  it('refuses another token, a changed timestamp or nonce', () => {
    expect(verifyWechatPushSignature('AAAAB', example)).toBe(false);
    expect(verifyWechatPushSignature('AAAAA', { ...example, timestamp: '1714036505' })).toBe(false);
    expect(verifyWechatPushSignature('AAAAA', { ...example, nonce: '1514711493' })).toBe(false);
  });

  it('refuses missing, repeated or malformed parameters without throwing', () => {
    expect(verifyWechatPushSignature('AAAAA', {})).toBe(false);
    expect(verifyWechatPushSignature('AAAAA', { ...example, signature: undefined })).toBe(false);
    expect(verifyWechatPushSignature('AAAAA', { ...example, signature: [example.signature, example.signature] })).toBe(false);
    expect(verifyWechatPushSignature('AAAAA', { ...example, signature: 'zz' })).toBe(false);
    expect(verifyWechatPushSignature('AAAAA', { ...example, timestamp: 'yesterday' })).toBe(false);
    expect(verifyWechatPushSignature('AAAAA', { ...example, nonce: '' })).toBe(false);
  });
});
