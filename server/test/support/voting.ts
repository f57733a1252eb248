import { randomBytes } from 'node:crypto';
import { IDEMPOTENCY_HEADER, type BallotDetail, type BallotDraftInput, type LoginResult } from '@village/shared';
import { UnitOfWork } from '../../src/modules/audit/unit-of-work';
import { BindingService } from '../../src/modules/identity/binding.service';
import { SessionService } from '../../src/modules/identity/session.service';
import { bearer, loginWithOpenId } from './auth';
import type { TestApp } from './test-app';

/**
 * Signs residents in as bound villagers without binding codes: a WeChat login through the fake
 * server, the real BindingService inside a unit of work, and the session moved to the village —
 * what POST /api/me/binding does, minus the code, so hundreds of voters are quick to set up.
 */
export async function signInResidents(t: TestApp, villageId: string, residentIds: string[], tag: string): Promise<LoginResult[]> {
  const uow = t.app.get(UnitOfWork);
  const bindings = t.app.get(BindingService);
  const sessions = t.app.get(SessionService);
  const logins: LoginResult[] = [];
  for (const [i, residentId] of residentIds.entries()) {
    const login = await loginWithOpenId(t, `o-${tag}-${i}-${residentId.slice(0, 8)}`);
    await uow.run({ villageId, actorId: residentId, actorRole: 'villager', correlationId: null }, (work) =>
      bindings.bind(work, login.me.account.id, residentId, 'demo'),
    );
    await sessions.moveAccountSessionsTo(login.me.account.id, villageId);
    const me = await t.http.get('/api/me').set(...bearer(login));
    if (me.status !== 200) throw new Error(`me after binding: ${me.status} ${JSON.stringify(me.body)}`);
    logins.push({ ...login, me: me.body });
  }
  return logins;
}

export const idempotencyKey = (): string => `k-${randomBytes(12).toString('hex')}`;

/** A draft as the committee fills it in, open for a week from now. */
export function draftBallot(overrides: Partial<BallotDraftInput> = {}): BallotDraftInput {
  const now = Date.now();
  return {
    title: '村道硬化工程筹资筹劳方案',
    description: '每户筹资 500 元或出工 5 个。',
    electorate: 'households',
    rule: { body: 'villager_assembly', override: null },
    secrecy: 'open',
    choiceKind: 'motion',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 7 * 24 * 3_600_000).toISOString(),
    ...overrides,
  };
}

/** Creates and opens a ballot as `committee`; returns the opened detail. */
export async function openBallot(t: TestApp, committee: LoginResult, overrides: Partial<BallotDraftInput> = {}): Promise<BallotDetail> {
  const created = await t.http.post('/api/ballots').set(...bearer(committee)).send(draftBallot(overrides));
  if (created.status !== 201) throw new Error(`create ballot: ${created.status} ${JSON.stringify(created.body)}`);
  const opened = await t.http.post(`/api/ballots/${created.body.id}/open`).set(...bearer(committee)).send({ version: created.body.version });
  if (opened.status !== 200) throw new Error(`open ballot: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body as BallotDetail;
}

export function vote(t: TestApp, login: LoginResult, ballotId: string, choices: string[], key?: string) {
  const req = t.http.post(`/api/ballots/${ballotId}/votes`).set(...bearer(login));
  if (key) req.set(IDEMPOTENCY_HEADER, key);
  return req.send({ choices });
}
