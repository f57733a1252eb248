import type { DemoPersona, LoginResult } from '@village/shared';
import { http, type Result } from '../http';

const noSession = { withToken: false, recoverSession: false } as const;

/** POST /api/auth/wechat-login — the code from Taro.login (weapp) for the app's own tokens and Me. */
export const wechatLogin = (code: string): Promise<Result<LoginResult>> =>
  http.post<LoginResult>('/auth/wechat-login', { code }, noSession);

/** GET /api/auth/demo-personas — only the local demo answers; production says 404. */
export const getDemoPersonas = (): Promise<Result<DemoPersona[]>> =>
  http.get<DemoPersona[]>('/auth/demo-personas', undefined, { ...noSession, retries: 0 });

/** POST /api/auth/demo-login — signs in as a seeded person through the fake WeChat server. */
export const demoLogin = (persona: string): Promise<Result<LoginResult>> =>
  http.post<LoginResult>('/auth/demo-login', { persona }, noSession);

/** POST /api/auth/logout (204) — ends this session on the server; the phone forgets it either way. */
export const logout = (): Promise<Result<void>> =>
  http.post<void>('/auth/logout', undefined, { recoverSession: false, retries: 0 });
