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

  it('turns the demo seed off in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'mysql://u:p@db:3306/v' }).DEMO_SEED).toBe(false);
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
