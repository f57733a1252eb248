import type { IssuedBindingCode, LoginResult, Me } from '@village/shared';
import { FieldCipher } from '../../src/common/crypto/field-cipher';
import { createOtherVillage } from '../factories/other-village';
import { bearer, loginAs, loginWithOpenId } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';

describe.each(testDatabaseKinds())('identity on %s', (kind) => {
  let t: TestApp;
  let secretary: LoginResult;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretary = await loginAs(t, 'secretary');
  });
  afterAll(() => t.close());

  const auditCount = async (action: string): Promise<number> =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_event WHERE action = ?', [action]))[0].n);

  /** An adult of the demo village with no office, no WeChat and no code yet: each test takes a fresh one. */
  const someUnboundResident = async (): Promise<{ id: string; name: string }> => {
    const [row] = await t.dataSource.query(
      "SELECT r.id, r.name FROM resident r JOIN village v ON v.id = r.village_id WHERE v.code = '140431203201' AND r.status = 'active' AND r.birth_date < '2000-01-01' AND NOT EXISTS (SELECT 1 FROM account_binding b WHERE b.resident_id = r.id AND b.unbound_at IS NULL) AND NOT EXISTS (SELECT 1 FROM binding_code c WHERE c.resident_id = r.id) AND NOT EXISTS (SELECT 1 FROM role_assignment o WHERE o.resident_id = r.id) ORDER BY r.id LIMIT 1",
    );
    return row;
  };

  const issueCode = async (residentId: string): Promise<IssuedBindingCode> => {
    const res = await t.http.post(`/api/residents/${residentId}/binding-codes`).set(...bearer(secretary)).expect(201);
    return res.body as IssuedBindingCode;
  };

  describe('WeChat login', () => {
    it('exchanges a wx.login code for the app session; a new user is not bound yet', async () => {
      const login = await loginWithOpenId(t, 'o-new-user-1');
      expect(login.accessToken).toHaveLength(43);
      expect(login.me).toMatchObject({ village: null, resident: null, roles: [] });
      expect(login.me.account.privacyConsentRequired).toBe(true);
      await t.http.get('/api/me').set(...bearer(login)).expect(200);
    });

    it('refuses an invalid code with 401 in Chinese', async () => {
      const res = await t.http.post('/api/auth/wechat-login').send({ code: 'not-a-real-code' }).expect(401);
      expect(res.body).toMatchObject({ code: 'WECHAT_INVALID_CODE', message: expect.stringContaining('重新打开') });
    });

    it('retries when WeChat is busy and then succeeds', async () => {
      t.wechat.failNext(-1, 1);
      const res = await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.mintCode('o-busy-user') }).expect(200);
      expect(res.body.accessToken).toBeDefined();
    });

    it('passes on WeChat rate limiting as 429', async () => {
      t.wechat.failNext(45011, 1);
      const res = await t.http.post('/api/auth/wechat-login').send({ code: t.wechat.mintCode('o-limited') }).expect(429);
      expect(res.body.code).toBe('WECHAT_RATE_LIMITED');
    });

    it('validates the body', async () => {
      const res = await t.http.post('/api/auth/wechat-login').send({ code: '', extra: 1 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(
        expect.arrayContaining([{ field: 'extra', messages: ['不认识的字段：extra，请去掉它'] }]),
      );
    });

    it('rotates tokens on refresh and refuses the old refresh token', async () => {
      const login = await loginWithOpenId(t, 'o-refresh');
      const refreshed = await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200);
      expect(refreshed.body.accessToken).not.toBe(login.accessToken);
      await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
      await t.http.get('/api/me').set(...bearer(login)).expect(401);
      await t.http.get('/api/me').set(...bearer(refreshed.body)).expect(200);
    });

    it('ends the session on logout', async () => {
      const login = await loginWithOpenId(t, 'o-logout');
      await t.http.post('/api/auth/logout').set(...bearer(login)).expect(204);
      const res = await t.http.get('/api/me').set(...bearer(login)).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('requires a session for /api/me', async () => {
      const res = await t.http.get('/api/me').expect(401);
      expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    });
  });

  describe('binding codes (一户一人)', () => {
    it('binds a new WeChat account to the resident, once, and audits it', async () => {
      const resident = await someUnboundResident();
      const issued = await issueCode(resident.id);
      expect(issued.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
      expect(issued.qrText).toContain(`code=${issued.code}`);
      expect(issued.qrSvg).toContain('<svg');

      const villager = await loginWithOpenId(t, 'o-binder-1');
      const boundBefore = await auditCount('resident.wechat.bound');
      const res = await t.http
        .post('/api/me/binding')
        .set(...bearer(villager))
        .send({ code: issued.code.toLowerCase().replace(/(...)/, '$1 ') })
        .expect(200);
      const me = res.body as Me;
      expect(me.resident?.id).toBe(resident.id);
      expect(me.village?.name).toBe('土岭底村');
      expect(me.household?.members.length).toBeGreaterThan(0);
      expect(me.roles).toContain('villager');
      expect(await auditCount('resident.wechat.bound')).toBe(boundBefore + 1);

      // The same session now acts as the resident.
      expect(((await t.http.get('/api/me').set(...bearer(villager)).expect(200)).body as Me).resident?.name).toBe(resident.name);

      const other = await loginWithOpenId(t, 'o-binder-2');
      const reused = await t.http.post('/api/me/binding').set(...bearer(other)).send({ code: issued.code }).expect(400);
      expect(reused.body.code).toBe('BINDING_CODE_USED');
    });

    it('refuses an expired code', async () => {
      const resident = await someUnboundResident();
      const issued = await issueCode(resident.id);
      await t.dataSource.query("UPDATE binding_code SET expires_at = '2000-01-01 00:00:00' WHERE resident_id = ?", [resident.id]);
      const villager = await loginWithOpenId(t, 'o-late');
      const res = await t.http.post('/api/me/binding').set(...bearer(villager)).send({ code: issued.code }).expect(400);
      expect(res.body).toMatchObject({ code: 'BINDING_CODE_EXPIRED', message: expect.stringContaining('过期') });
    });

    it('withdraws the previous code when a new one is issued', async () => {
      const resident = await someUnboundResident();
      const first = await issueCode(resident.id);
      const second = await issueCode(resident.id);
      const villager = await loginWithOpenId(t, 'o-second-code');
      await t.http.post('/api/me/binding').set(...bearer(villager)).send({ code: first.code }).expect(400);
      await t.http.post('/api/me/binding').set(...bearer(villager)).send({ code: second.code }).expect(200);
    });

    it('locks an account after 5 tries in an hour, even with the right code', async () => {
      const resident = await someUnboundResident();
      const issued = await issueCode(resident.id);
      const guesser = await loginWithOpenId(t, 'o-guesser');
      for (let i = 0; i < 5; i += 1) {
        await t.http.post('/api/me/binding').set(...bearer(guesser)).send({ code: 'AAAAAA' }).expect(400);
      }
      const res = await t.http.post('/api/me/binding').set(...bearer(guesser)).send({ code: issued.code }).expect(429);
      expect(res.body.code).toBe('BINDING_RATE_LIMITED');
      const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM binding_code WHERE resident_id = ? AND used_at IS NULL', [
        resident.id,
      ]);
      expect(Number(n)).toBe(1);
    });

    it('lets the committee unbind a lost phone, after which the resident can bind again', async () => {
      const resident = await someUnboundResident();
      const phone1 = await loginWithOpenId(t, 'o-lost-phone');
      await t.http.post('/api/me/binding').set(...bearer(phone1)).send({ code: (await issueCode(resident.id)).code }).expect(200);

      const phone2 = await loginWithOpenId(t, 'o-new-phone');
      const code2 = await issueCode(resident.id);
      const taken = await t.http.post('/api/me/binding').set(...bearer(phone2)).send({ code: code2.code }).expect(409);
      expect(taken.body.code).toBe('RESIDENT_ALREADY_BOUND');

      await t.http.post(`/api/residents/${resident.id}/unbind`).set(...bearer(secretary)).send({ reason: '手机丢失' }).expect(204);
      expect(((await t.http.get('/api/me').set(...bearer(phone1)).expect(200)).body as Me).resident).toBeNull();
      await t.http.post('/api/me/binding').set(...bearer(phone2)).send({ code: (await issueCode(resident.id)).code }).expect(200);
      expect(await auditCount('resident.wechat.unbound')).toBeGreaterThanOrEqual(1);
    });

    it('allows only the committee to issue codes', async () => {
      const resident = await someUnboundResident();
      const rep = await loginAs(t, 'household_rep');
      const res = await t.http.post(`/api/residents/${resident.id}/binding-codes`).set(...bearer(rep)).expect(403);
      expect(res.body).toMatchObject({ code: 'ROLE_REQUIRED', message: expect.stringContaining('书记') });

      const unbound = await loginWithOpenId(t, 'o-unbound-issuer');
      const notBound = await t.http.post(`/api/residents/${resident.id}/binding-codes`).set(...bearer(unbound)).expect(403);
      expect(notBound.body.code).toBe('NOT_BOUND');
    });

    it('never reaches into another village', async () => {
      const other = await createOtherVillage(t.dataSource);
      const res = await t.http.post(`/api/residents/${other.residentId}/binding-codes`).set(...bearer(secretary)).expect(404);
      expect(res.body.code).toBe('RESIDENT_NOT_FOUND');
      await t.http.post(`/api/residents/${other.residentId}/unbind`).set(...bearer(secretary)).send({ reason: 'x' }).expect(404);
      await t.http.post('/api/residents/not-a-uuid/binding-codes').set(...bearer(secretary)).expect(400);
    });
  });

  describe('council channel (一村一群)', () => {
    it('binds the group from a share ticket and recognises it when opened from the group', async () => {
      const openid = 'o-channel-secretary';
      // The secretary persona's account: log in via WeChat flow and bind by code so the session key is ours.
      const resident = await someUnboundResident();
      const admin = await loginWithOpenId(t, openid);
      await t.http.post('/api/me/binding').set(...bearer(admin)).send({ code: (await issueCode(resident.id)).code }).expect(200);
      const share = t.wechat.encryptShareInfo(openid, 'tGroupOfTulingdi');
      // A plain villager cannot bind the group.
      await t.http.post('/api/council-channel/bind').set(...bearer(admin)).send(share).expect(403);

      const secretaryShare = await (async () => {
        const login = await loginAs(t, 'secretary');
        const [{ openid: secOpenId }] = await t.dataSource.query(
          'SELECT a.openid FROM wechat_account a JOIN account_binding b ON b.wechat_account_id = a.id JOIN role_assignment r ON r.resident_id = b.resident_id WHERE r.role = ? AND b.unbound_at IS NULL',
          ['secretary'],
        );
        return { login, share: t.wechat.encryptShareInfo(secOpenId, 'tGroupOfTulingdi') };
      })();
      const bound = await t.http
        .post('/api/council-channel/bind')
        .set(...bearer(secretaryShare.login))
        .send(secretaryShare.share)
        .expect(200);
      expect(bound.body).toMatchObject({ villageName: '土岭底村', channelName: '土岭底村村民议事群' });

      const entered = await t.http.post('/api/council-channel/enter').set(...bearer(admin)).send(share).expect(200);
      expect(entered.body.villageName).toBe('土岭底村');

      const stranger = await loginWithOpenId(t, 'o-stranger');
      const otherGroup = t.wechat.encryptShareInfo('o-stranger', 'tSomeOtherGroup');
      const notOurs = await t.http.post('/api/council-channel/enter').set(...bearer(stranger)).send(otherGroup).expect(404);
      expect(notOurs.body.code).toBe('CHANNEL_NOT_BOUND');

      const forged = await t.http
        .post('/api/council-channel/enter')
        .set(...bearer(stranger))
        .send({ ...share, iv: otherGroup.iv })
        .expect(400);
      expect(forged.body.code).toBe('CHANNEL_DATA_INVALID');
    });
  });

  describe('privacy', () => {
    it('records consent to the current notice only', async () => {
      const login = await loginWithOpenId(t, 'o-privacy');
      const outdated = await t.http.post('/api/me/privacy-consent').set(...bearer(login)).send({ version: '2020-01' }).expect(400);
      expect(outdated.body.code).toBe('PRIVACY_VERSION_OUTDATED');
      const res = await t.http
        .post('/api/me/privacy-consent')
        .set(...bearer(login))
        .send({ version: login.me.account.currentPrivacyNoticeVersion })
        .expect(200);
      expect((res.body as Me).account.privacyConsentRequired).toBe(false);
      const idConsent = await t.http.post('/api/me/id-number-consent').set(...bearer(login)).expect(200);
      expect((idConsent.body as Me).account.idNumberConsentGiven).toBe(true);
    });

    it('never shows phone or ID number unmasked', async () => {
      const rep = await loginAs(t, 'household_rep');
      const cipher = t.app.get(FieldCipher);
      await t.dataSource.query('UPDATE resident SET phone_enc = ?, id_number_enc = ? WHERE id = ?', [
        cipher.encrypt('13912345678'),
        cipher.encrypt('140431196802151234'),
        rep.me.resident?.id,
      ]);
      const res = await t.http.get('/api/me').set(...bearer(rep)).expect(200);
      expect(res.body.resident).toMatchObject({ phoneMasked: '139****5678', idNumberMasked: '1404**********1234' });
      expect(res.text).not.toContain('13912345678');
      expect(res.text).not.toContain('140431196802151234');
    });
  });
});
