import { createPrivateKey } from 'node:crypto';
import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The demo village (土岭底村) has this 统计用区划代码-style code; see src/seed/demo-village.ts. */
export const DEMO_VILLAGE_CODE = '140431203201';

/** The push token of the demo and the tests; refused in production. */
export const DEMO_WECHAT_PUSH_TOKEN = 'villagedemopushtoken';

function toBoolean({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
  return value;
}

function toInteger({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

/**
 * Everything the server reads from the environment, validated once at boot: a bad value stops the
 * server with a message naming the variable, instead of failing later in the middle of a request.
 */
export class AppConfig {
  @IsIn(NODE_ENVS, { message: 'NODE_ENV 只能是 development、test 或 production' })
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInteger)
  @IsInt({ message: 'PORT 必须是整数' })
  @Min(0, { message: 'PORT 不能小于 0' })
  @Max(65535, { message: 'PORT 不能大于 65535' })
  PORT = 3000;

  @IsString()
  @IsNotEmpty({ message: 'HOST 不能为空' })
  HOST = '0.0.0.0';

  @Matches(/^(sqlite:.+|mysql:\/\/.+)$/, {
    message: 'DATABASE_URL 必须是 sqlite:<文件路径> 或 mysql://用户:密码@主机:端口/库名',
  })
  DATABASE_URL = `sqlite:${resolve(REPO_ROOT, 'data', 'village.sqlite')}`;

  @Transform(toBoolean)
  @IsBoolean({ message: 'MIGRATIONS_RUN 只能是 true 或 false' })
  MIGRATIONS_RUN = true;

  /** Defaults to true outside production (see loadConfig). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_SEED 只能是 true 或 false' })
  DEMO_SEED: boolean;

  @Matches(/^\d{12}$/, { message: 'DEFAULT_VILLAGE_CODE 必须是 12 位数字的村代码' })
  DEFAULT_VILLAGE_CODE = DEMO_VILLAGE_CODE;

  @IsString()
  @IsNotEmpty({ message: 'H5_DIR 不能为空' })
  H5_DIR = resolve(REPO_ROOT, 'miniapp', 'dist', 'h5');

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL 只能是 ${LOG_LEVELS.join('、')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Where villagers open the H5 build; binding-code QR codes point here. */
  @Matches(/^https?:\/\/[^/]+$/, { message: 'PUBLIC_BASE_URL 必须是 http(s)://主机，末尾不带斜杠' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** `fake` starts a local server speaking WeChat's protocol (never in production). */
  @Matches(/^(fake|https?:\/\/.+)$/, { message: 'WECHAT_API_BASE 必须是 fake 或 http(s):// 地址' })
  WECHAT_API_BASE = 'fake';

  @IsString()
  @IsNotEmpty({ message: 'WECHAT_APP_ID 不能为空' })
  WECHAT_APP_ID = 'wx0000000000demo';

  @IsString()
  @IsNotEmpty({ message: 'WECHAT_APP_SECRET 不能为空' })
  WECHAT_APP_SECRET = 'demo-secret';

  /**
   * The 令牌 (Token) typed into the mini-program's admin console under 开发管理 → 消息推送: WeChat signs
   * each push to /api/wechat/push (mediaCheckAsync verdicts) with it. 3–32 letters or digits.
   */
  @Matches(/^[A-Za-z0-9]{3,32}$/, { message: 'WECHAT_PUSH_TOKEN 必须是 3 到 32 位英文字母或数字（与小程序后台“消息推送”的令牌一致）' })
  WECHAT_PUSH_TOKEN = DEMO_WECHAT_PUSH_TOKEN;

  /** base64 of 32 random bytes. Outside production a key file under KEYS_DIR is made on first start. */
  @Matches(/^$|^[A-Za-z0-9+/]{43}=$/, { message: 'FIELD_ENCRYPTION_KEY 必须是 32 字节密钥的 base64（44 个字符）' })
  FIELD_ENCRYPTION_KEY = '';

  @IsString()
  @IsNotEmpty({ message: 'KEYS_DIR 不能为空' })
  KEYS_DIR = resolve(REPO_ROOT, 'data', 'keys');

  @Transform(toInteger)
  @IsInt({ message: 'ACCESS_TOKEN_TTL_MINUTES 必须是整数' })
  @Min(5, { message: 'ACCESS_TOKEN_TTL_MINUTES 至少 5 分钟' })
  ACCESS_TOKEN_TTL_MINUTES = 120;

  @Transform(toInteger)
  @IsInt({ message: 'REFRESH_TOKEN_TTL_DAYS 必须是整数' })
  @Min(1, { message: 'REFRESH_TOKEN_TTL_DAYS 至少 1 天' })
  REFRESH_TOKEN_TTL_DAYS = 30;

  @Transform(toInteger)
  @IsInt({ message: 'BINDING_CODE_TTL_DAYS 必须是整数' })
  @Min(1, { message: 'BINDING_CODE_TTL_DAYS 至少 1 天' })
  BINDING_CODE_TTL_DAYS = 7;

  @Transform(toInteger)
  @IsInt({ message: 'BINDING_ATTEMPTS_PER_HOUR 必须是整数' })
  @Min(1, { message: 'BINDING_ATTEMPTS_PER_HOUR 至少 1 次' })
  BINDING_ATTEMPTS_PER_HOUR = 5;

  /** Bump when the privacy notice text changes: everyone is asked to agree again. */
  @Matches(/^[\w.-]{1,16}$/, { message: 'PRIVACY_NOTICE_VERSION 只能是字母、数字、点或横线' })
  PRIVACY_NOTICE_VERSION = '2026-11';

  /**
   * Ed25519 private key that signs audit checkpoints: PKCS#8 PEM (newlines may be written as \n) or
   * the base64 of that PEM. Outside production a key file under KEYS_DIR is made on first start.
   */
  @IsString()
  AUDIT_SIGNING_KEY = '';

  /** A signed checkpoint each time a village's trail reaches a multiple of this many events. */
  @Transform(toInteger)
  @IsInt({ message: 'AUDIT_CHECKPOINT_EVERY 必须是整数（条）' })
  @Min(1, { message: 'AUDIT_CHECKPOINT_EVERY 至少 1 条' })
  @Max(1_000_000, { message: 'AUDIT_CHECKPOINT_EVERY 不能超过 1000000 条' })
  AUDIT_CHECKPOINT_EVERY = 100;

  /** A village with new events gets a checkpoint once its latest one is this old; 0 turns the timer off. */
  @Transform(toInteger)
  @IsInt({ message: 'AUDIT_CHECKPOINT_MAX_AGE_HOURS 必须是整数（小时）' })
  @Min(0, { message: 'AUDIT_CHECKPOINT_MAX_AGE_HOURS 不能小于 0' })
  @Max(24 * 366, { message: 'AUDIT_CHECKPOINT_MAX_AGE_HOURS 不能超过一年' })
  AUDIT_CHECKPOINT_MAX_AGE_HOURS = 24;

  /**
   * Publish each signed checkpoint as a 记录存证 notice (DOMAIN.md §7). Only tests of the trail's own
   * arithmetic turn it off: each announcement is itself an event.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'AUDIT_CHECKPOINT_NOTICES 只能是 true 或 false' })
  AUDIT_CHECKPOINT_NOTICES = true;

  /** Attachments of public notices (村务公开) on local disk: images and PDFs, one folder per village. */
  @IsString()
  @IsNotEmpty({ message: 'NOTICE_FILES_DIR 不能为空' })
  NOTICE_FILES_DIR = resolve(REPO_ROOT, 'data', 'notice-files');

  @Transform(toInteger)
  @IsInt({ message: 'NOTICE_ATTACHMENT_MAX_BYTES 必须是整数（字节）' })
  @Min(1024, { message: 'NOTICE_ATTACHMENT_MAX_BYTES 至少 1024 字节' })
  @Max(50 * 1024 * 1024, { message: 'NOTICE_ATTACHMENT_MAX_BYTES 不能超过 50 MB（52428800 字节）' })
  NOTICE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  /** A villager's query about a notice still unanswered after this many days is flagged to the 监委会. */
  @Transform(toInteger)
  @IsInt({ message: 'NOTICE_QUERY_ANSWER_DAYS 必须是整数（天）' })
  @Min(1, { message: 'NOTICE_QUERY_ANSWER_DAYS 至少 1 天' })
  @Max(90, { message: 'NOTICE_QUERY_ANSWER_DAYS 不能超过 90 天' })
  NOTICE_QUERY_ANSWER_DAYS = 10;

  /**
   * Signs the short-lived attachment links (HMAC-SHA256). Empty: derived from FIELD_ENCRYPTION_KEY, or
   * outside production from a key file under KEYS_DIR.
   */
  @Matches(/^$|^.{32,}$/, { message: 'NOTICE_FILE_URL_SECRET 至少 32 个字符（例如 openssl rand -base64 32）' })
  NOTICE_FILE_URL_SECRET = '';

  /**
   * Moves the server's clock this many days (negative: back) so browser tests can reach the end of a
   * disclosure window; only Clock reads it. Never in production.
   */
  @Transform(toInteger)
  @IsInt({ message: 'CLOCK_OFFSET_DAYS 必须是整数（天）' })
  @Min(-3660, { message: 'CLOCK_OFFSET_DAYS 不能小于 -3660 天' })
  @Max(3660, { message: 'CLOCK_OFFSET_DAYS 不能大于 3660 天' })
  CLOCK_OFFSET_DAYS = 0;

  @Transform(toInteger)
  @IsInt({ message: 'SHUTDOWN_GRACE_MS 必须是整数（毫秒）' })
  @Min(0, { message: 'SHUTDOWN_GRACE_MS 不能小于 0' })
  SHUTDOWN_GRACE_MS = 10000;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误，服务没有启动：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'DEMO_SEED']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  if (config.DEMO_SEED === undefined) config.DEMO_SEED = config.NODE_ENV !== 'production';

  const problems = validateSync(config, { forbidUnknownValues: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
  if (config.NODE_ENV === 'production' && config.DATABASE_URL.startsWith('sqlite:')) {
    problems.push('生产环境（NODE_ENV=production）必须使用 MySQL：请设置 DATABASE_URL=mysql://…');
  }
  if (config.AUDIT_SIGNING_KEY && !isEd25519PrivateKey(config.AUDIT_SIGNING_KEY)) {
    problems.push('AUDIT_SIGNING_KEY 不是有效的 Ed25519 私钥：请填 PKCS#8 PEM（-----BEGIN PRIVATE KEY-----）或它的 base64');
  }
  if (config.NODE_ENV === 'production') {
    if (!config.AUDIT_SIGNING_KEY) {
      problems.push('生产环境必须设置 AUDIT_SIGNING_KEY（给审计检查点签名的 Ed25519 私钥，见 docs/deploy.md）');
    }
    if (config.WECHAT_API_BASE === 'fake') problems.push('生产环境必须设置 WECHAT_API_BASE=https://api.weixin.qq.com');
    if (config.CLOCK_OFFSET_DAYS !== 0) problems.push('生产环境不能设置 CLOCK_OFFSET_DAYS（只供测试把服务器时间往前或往后拨）');
    if (!config.FIELD_ENCRYPTION_KEY) problems.push('生产环境必须设置 FIELD_ENCRYPTION_KEY（32 字节密钥的 base64）');
    if (config.WECHAT_APP_SECRET === 'demo-secret') problems.push('生产环境必须设置 WECHAT_APP_SECRET');
    if (config.WECHAT_PUSH_TOKEN === DEMO_WECHAT_PUSH_TOKEN) problems.push('生产环境必须设置 WECHAT_PUSH_TOKEN（与小程序后台“消息推送”的令牌一致）');
    if (!config.NOTICE_FILE_URL_SECRET && !config.FIELD_ENCRYPTION_KEY) {
      problems.push('生产环境必须设置 NOTICE_FILE_URL_SECRET，或设置 FIELD_ENCRYPTION_KEY（附件链接的签名密钥由它派生）');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * A PEM setting as written in an environment file: the PEM itself, with real newlines or `\n`
 * escapes, or the base64 of the PEM (one line, safe in any secret store).
 */
export function decodePemSetting(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('-----BEGIN')) return trimmed.replace(/\\n/g, '\n');
  return Buffer.from(trimmed, 'base64').toString('utf8').trim();
}

function isEd25519PrivateKey(value: string): boolean {
  try {
    return createPrivateKey({ key: decodePemSetting(value), format: 'pem' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
