import { ConfigError, DEMO_VILLAGE_CODE, loadConfig } from './app-config';

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
    FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  };

  it('turns the demo seed off in production', () => {
    expect(loadConfig(production).DEMO_SEED).toBe(false);
  });

  it('refuses the fake WeChat server, demo secret and missing field key in production', () => {
    expect(() => loadConfig({ ...production, WECHAT_API_BASE: 'fake' })).toThrow('WECHAT_API_BASE');
    expect(() => loadConfig({ ...production, WECHAT_APP_SECRET: '' })).toThrow('WECHAT_APP_SECRET');
    expect(() => loadConfig({ ...production, FIELD_ENCRYPTION_KEY: '' })).toThrow('FIELD_ENCRYPTION_KEY');
    expect(() => loadConfig({ ...production, FIELD_ENCRYPTION_KEY: 'short' })).toThrow('44 个字符');
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
