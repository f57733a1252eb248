import type { LoginResult } from '@village/shared';
import type { TestApp } from './test-app';

/** Signs in as a demo persona (secretary, supervisor, household_rep, villager, new …). */
export async function loginAs(t: TestApp, persona: string): Promise<LoginResult> {
  const res = await t.http.post('/api/auth/demo-login').send({ persona });
  if (res.status !== 200) throw new Error(`demo login as ${persona} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LoginResult;
}

/** Signs in through the real WeChat flow as a given openid (code minted by the fake WeChat server). */
export async function loginWithOpenId(t: TestApp, openid: string): Promise<LoginResult> {
  const res = await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.mintCode(openid) });
  if (res.status !== 200) throw new Error(`login as ${openid} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LoginResult;
}

export const bearer = (login: { accessToken: string }): [string, string] => ['authorization', `Bearer ${login.accessToken}`];
