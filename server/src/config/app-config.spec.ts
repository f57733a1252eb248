import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, decodePemSetting, DEMO_VILLAGE_CODE, loadConfig } from './app-config';

const AUDIT_KEY_PEM = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('loadConfig', () => {
  it('gives working defaults on a fresh machine', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toMatch(/^sqlite:.*data\/village\.sqlite$/);
    expect(config.MIGRATIONS_RUN).toBe(true);
    expect(config.DEMO_SEED).toBe(true);
    expect(config.DEFAULT_VILLAGE_CODE).toBe(DEMO_VILLAGE_CODE);
  });

  it('converts strings from the environment', () => {
    const config = loadConfig({ PORT: '8080', DEMO_SEED: 'false', MIGRATIONS_RUN: '0' });
    expect(config.PORT).toBe(8080);
    expect(config.DEMO_SEED).toBe(false);
    expect(config.MIGRATIONS_RUN).toBe(false);
  });

  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://u:p@db:3306/v',
    WECHAT_API_BASE: 'https://api.weixin.qq.com',
    WECHAT_APP_SECRET: 'real-secret',
    WECHAT_PUSH_TOKEN: 'realPushToken2026',
    FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    AUDIT_SIGNING_KEY: Buffer.from(AUDIT_KEY_PEM).toString('base64'),
  };

  it('moves the clock only outside production', () => {
    expect(loadConfig({}).CLOCK_OFFSET_DAYS).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_OFFSET_DAYS: '-3' }).CLOCK_OFFSET_DAYS).toBe(-3);
    expect(() => loadConfig({ CLOCK_OFFSET_DAYS: '1.5' })).toThrow('CLOCK_OFFSET_DAYS 必须是整数');
    expect(() => loadConfig({ ...production, CLOCK_OFFSET_DAYS: '8' })).toThrow('生产环境不能设置 CLOCK_OFFSET_DAYS');
    expect(loadConfig({ ...production, CLOCK_OFFSET_DAYS: '0' }).CLOCK_OFFSET_DAYS).toBe(0);
  });

  it('turns the demo seed off in production', () => {
    expect(loadConfig(production).DEMO_SEED).toBe(false);
  });

  it('refuses the fake WeChat server, demo secret and missing field key in production', () => {
    expect(() => loadConfig({ ...production, WECHAT_API_BASE: 'fake' })).toThrow('WECHAT_API_BASE');
    expect(() => loadConfig({ ...production, WECHAT_APP_SECRET: '' })).toThrow('WECHAT_APP_SECRET');
    expect(() => loadConfig({ ...production, WECHAT_PUSH_TOKEN: '' })).toThrow('WECHAT_PUSH_TOKEN');
    expect(() => loadConfig({ ...production, WECHAT_PUSH_TOKEN: 'has space' })).toThrow('3 到 32 位');
    expect(() => loadConfig({ ...production, FIELD_ENCRYPTION_KEY: '' })).toThrow('FIELD_ENCRYPTION_KEY');
    expect(() => loadConfig({ ...production, FIELD_ENCRYPTION_KEY: 'short' })).toThrow('44 个字符');
  });

  it('requires a valid audit signing key in production, as PEM, escaped PEM or base64', () => {
    expect(() => loadConfig({ ...production, AUDIT_SIGNING_KEY: '' })).toThrow('AUDIT_SIGNING_KEY');
    expect(() => loadConfig({ ...production, AUDIT_SIGNING_KEY: 'bm90IGEga2V5' })).toThrow('Ed25519');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadConfig({ ...production, AUDIT_SIGNING_KEY: rsa })).toThrow('Ed25519');
    expect(loadConfig({ ...production, AUDIT_SIGNING_KEY: AUDIT_KEY_PEM }).AUDIT_SIGNING_KEY).toBe(AUDIT_KEY_PEM);
    const escaped = AUDIT_KEY_PEM.trim().replace(/\n/g, '\\n');
    expect(decodePemSetting(loadConfig({ ...production, AUDIT_SIGNING_KEY: escaped }).AUDIT_SIGNING_KEY)).toBe(AUDIT_KEY_PEM.trim());
    expect(decodePemSetting(production.AUDIT_SIGNING_KEY)).toBe(AUDIT_KEY_PEM.trim());
  });

  it('checkpoints every 100 events and daily by default', () => {
    const config = loadConfig({});
    expect(config.AUDIT_CHECKPOINT_EVERY).toBe(100);
    expect(config.AUDIT_CHECKPOINT_MAX_AGE_HOURS).toBe(24);
    expect(() => loadConfig({ AUDIT_CHECKPOINT_EVERY: '0' })).toThrow('AUDIT_CHECKPOINT_EVERY 至少 1 条');
    expect(loadConfig({ AUDIT_CHECKPOINT_MAX_AGE_HOURS: '0' }).AUDIT_CHECKPOINT_MAX_AGE_HOURS).toBe(0);
  });

  it('keeps notice attachments under data/, 10 MB each, and flags queries after 10 days', () => {
    const config = loadConfig({});
    expect(config.NOTICE_FILES_DIR).toMatch(/data\/notice-files$/);
    expect(config.NOTICE_ATTACHMENT_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(config.NOTICE_QUERY_ANSWER_DAYS).toBe(10);
    expect(config.NOTICE_FILE_URL_SECRET).toBe('');
    expect(config.AUDIT_CHECKPOINT_NOTICES).toBe(true);
    expect(loadConfig({ AUDIT_CHECKPOINT_NOTICES: 'false' }).AUDIT_CHECKPOINT_NOTICES).toBe(false);
    expect(() => loadConfig({ NOTICE_ATTACHMENT_MAX_BYTES: '10' })).toThrow('NOTICE_ATTACHMENT_MAX_BYTES 至少 1024 字节');
    expect(() => loadConfig({ NOTICE_QUERY_ANSWER_DAYS: '0' })).toThrow('NOTICE_QUERY_ANSWER_DAYS 至少 1 天');
    expect(() => loadConfig({ NOTICE_FILE_URL_SECRET: 'short' })).toThrow('NOTICE_FILE_URL_SECRET 至少 32 个字符');
  });

  it('derives the attachment-link secret from the field key in production, or takes its own', () => {
    expect(loadConfig(production).NOTICE_FILE_URL_SECRET).toBe('');
    const own = 'x'.repeat(32);
    expect(() => loadConfig({ ...production, FIELD_ENCRYPTION_KEY: '' })).toThrow('NOTICE_FILE_URL_SECRET');
    expect(loadConfig({ ...production, NOTICE_FILE_URL_SECRET: own }).NOTICE_FILE_URL_SECRET).toBe(own);
  });

  it('lists every bad variable in Chinese', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'postgres://x', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT 必须是整数',
        expect.stringContaining('DATABASE_URL 必须是'),
        'NODE_ENV 只能是 development、test 或 production',
      ]),
    );
    expect(message).toContain('配置有误，服务没有启动');
  });

  it('refuses SQLite in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('生产环境');
  });
});
