import { randomUUID } from 'node:crypto';
import { IDEMPOTENCY_HEADER, RECEIPT_CODE_PATTERN, type BallotDetail, type LoginResult } from '@village/shared';
import type { Response } from 'supertest';
import { Clock } from '../../src/common/clock';
import { UnitOfWork } from '../../src/modules/audit/unit-of-work';
import { BallotCloseScheduler } from '../../src/modules/voting/ballot-closing.service';
import { addHouseholds } from '../factories/households';
import { createOtherVillage, type OtherVillage } from '../factories/other-village';
import { bearer, loginAs } from '../support/auth';
import { count } from '../support/roster';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';
import { draftBallot, idempotencyKey, openBallot, signInResidents, vote } from '../support/voting';

describe.each(testDatabaseKinds())('voting on %s', (kind) => {
  let t: TestApp;
  let villageId: string;
  let secretary: LoginResult;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let householdRep: LoginResult;
  let villager: LoginResult;
  let other: OtherVillage;

  beforeAll(async () => {
    t = await startTestApp(kind);
    secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    householdRep = await loginAs(t, 'household_rep');
    villager = await loginAs(t, 'villager');
    villageId = secretary.me.village?.id as string;
    other = await createOtherVillage(t.dataSource);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body);
  const detailOf = async (login: LoginResult, id: string): Promise<BallotDetail> => (await get(login, `/api/ballots/${id}`).expect(200)).body;
  const close = (id: string) => post(committee, `/api/ballots/${id}/close`);

  /** Active households' representatives, as residents, in 户号 order (skipping office holders' households). */
  const representatives = async (limit: number, offset = 0): Promise<{ residentId: string; householdId: string }[]> => {
    const rows: { resident_id: string; household_id: string }[] = await t.dataSource.query(
      `SELECT h.representative_resident_id AS resident_id, h.id AS household_id FROM household h
        WHERE h.village_id = ? AND h.status = 'active' AND h.representative_resident_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM role_assignment o WHERE o.resident_id = h.representative_resident_id)
          AND NOT EXISTS (SELECT 1 FROM account_binding b WHERE b.resident_id = h.representative_resident_id AND b.unbound_at IS NULL)
        ORDER BY h.number LIMIT ${limit} OFFSET ${offset}`,
      [villageId],
    );
    return rows.map((r) => ({ residentId: r.resident_id, householdId: r.household_id }));
  };

  describe('demo ballots', () => {
    it('seeds an open household ballot, a closed one with its result notice and an open secret poll', async () => {
      const list = (await get(householdRep, '/api/ballots').expect(200)).body;
      expect(list.total).toBe(3);
      const byTitle = Object.fromEntries(list.items.map((b: BallotDetail) => [b.title, b]));
      const alleys = byTitle['土岭底组入户巷道硬化筹资筹劳方案（一事一议）'];
      expect(alleys).toMatchObject({ status: 'open', phase: 'voting', electorate: 'households', eligible: true, myParticipation: null });
      expect(alleys.participation.total).toBeGreaterThan(20);

      const patrol = await detailOf(villager, byTitle['冬春防火期增设护林防火巡查员及补贴标准'].id);
      expect(patrol).toMatchObject({ status: 'closed', phase: 'closed', outcome: 'passed', teller: expect.any(Object), scrutineer: expect.any(Object) });
      expect(patrol.result).toMatchObject({ outcome: 'passed', papers: 4, participation: { inPerson: 4, online: 8, total: 12 } });
      expect(patrol.result?.noticeId).toEqual(expect.any(String));
      const notice = await get(villager, `/api/notices/${patrol.result?.noticeId}`).expect(200);
      expect(notice.body).toMatchObject({ kind: 'result', title: '表决结果：冬春防火期增设护林防火巡查员及补贴标准' });

      const solar = await detailOf(householdRep, byTitle['2027 年光伏收益优先办哪件事（民意征询）'].id);
      expect(solar).toMatchObject({ secrecy: 'secret', choiceKind: 'multiple', maxSelections: 2, can: { vote: true } });
      const receipts = await count(t, 'SELECT COUNT(*) AS n FROM ballot_secret_choice WHERE ballot_id = ?', [solar.id]);
      expect(receipts).toBe(solar.participation?.online);
    });
  });

  describe('the committee drafts, edits and opens; villagers see it', () => {
    let ballot: BallotDetail;

    it('keeps a draft to the committee, then freezes the electorate when it opens', async () => {
      const created = await post(secretary, '/api/ballots', draftBallot({ title: '草稿：村卫生室维修方案' })).expect(201);
      expect(created.body).toMatchObject({ status: 'draft', phase: 'draft', participation: null, can: { edit: true, open: true, cancel: true, vote: false } });
      await get(villager, `/api/ballots/${created.body.id}`).expect(404);
      expect((await get(villager, '/api/ballots').expect(200)).body.items.map((b: BallotDetail) => b.id)).not.toContain(created.body.id);

      const edited = await t.http
        .patch(`/api/ballots/${created.body.id}`)
        .set(...bearer(committee))
        .send({ version: created.body.version, title: '村卫生室维修方案', tellerResidentId: householdRep.me.resident?.id, scrutineerResidentId: villager.me.resident?.id })
        .expect(200);
      expect(edited.body).toMatchObject({ title: '村卫生室维修方案', teller: { id: householdRep.me.resident?.id }, scrutineer: { id: villager.me.resident?.id } });
      const stale = await t.http.patch(`/api/ballots/${created.body.id}`).set(...bearer(committee)).send({ version: created.body.version, title: 'x' }).expect(409);
      expect(stale.body.code).toBe('BALLOT_VERSION_CONFLICT');

      const households = await count(t, "SELECT COUNT(*) AS n FROM household WHERE village_id = ? AND status = 'active' AND representative_resident_id IS NOT NULL", [villageId]);
      const opened = await post(committee, `/api/ballots/${created.body.id}/open`, { version: edited.body.version }).expect(200);
      ballot = opened.body;
      expect(ballot).toMatchObject({ status: 'open', phase: 'voting', participation: { eligible: households, total: 0, unitLabel: '户' }, rosterFrozenAt: expect.any(String) });
      expect(await count(t, 'SELECT COUNT(*) AS n FROM ballot_eligibility WHERE ballot_id = ?', [ballot.id])).toBe(households);
      const again = await t.http.patch(`/api/ballots/${ballot.id}`).set(...bearer(committee)).send({ version: ballot.version, title: 'x' }).expect(409);
      expect(again.body.code).toBe('BALLOT_NOT_DRAFT');
    });

    it('gives a villager the countdown, the live quorum, what they may do and why not', async () => {
      const rep = await detailOf(householdRep, ballot.id);
      expect(rep).toMatchObject({ can: { vote: true, close: false, recordAttendance: true }, reasons: { vote: null }, eligible: true, myVoterLabel: expect.stringMatching(/户（.+家）$/) });
      expect(Date.parse(rep.closesAt) - Date.parse(rep.serverNow)).toBeGreaterThan(6 * 24 * 3_600_000);
      expect(rep.quorum?.explanation).toMatch(/^村民会议人数不够：参与 0\/\d+ 户（0%），达到三分之二？否，还差 \d+ 户$/);
      expect(rep.shareTitle).toMatch(/^【表决】村卫生室维修方案（还剩 \d 天）$/);

      const member = await detailOf(villager, ballot.id);
      expect(member).toMatchObject({ eligible: false, can: { vote: false }, reasons: { vote: expect.stringContaining('由户代表投票。您家的户代表是') } });
      const refused = await vote(t, villager, ballot.id, ['for']).expect(403);
      expect(refused.body).toMatchObject({ code: 'BALLOT_NOT_ELIGIBLE', message: expect.stringContaining('户代表') });

      const bad = await vote(t, householdRep, ballot.id, ['yes']).expect(400);
      expect(bad.body.code).toBe('BALLOT_INVALID_CHOICE');
      await vote(t, householdRep, ballot.id, ['for', 'against']).expect(400);
    });

    it('takes one vote per household, final, and says so', async () => {
      const cast = await vote(t, householdRep, ballot.id, ['against'], idempotencyKey()).expect(201);
      expect(cast.body).toMatchObject({ channel: 'online', choices: ['against'], receiptCode: null, message: expect.stringContaining('“反对”') });
      const second = await vote(t, householdRep, ballot.id, ['for'], idempotencyKey()).expect(409);
      expect(second.body).toMatchObject({ code: 'BALLOT_ALREADY_VOTED', message: expect.stringMatching(/^本户已投票/) });
      const after = await detailOf(householdRep, ballot.id);
      expect(after).toMatchObject({ can: { vote: false }, myParticipation: { channel: 'online', choices: ['against'] }, reasons: { vote: expect.stringContaining('每户只能投一次') } });
      expect(after.participation).toMatchObject({ online: 1, total: 1 });
    });
  });

  describe('200 concurrent voters with retries', () => {
    it('counts every eligible vote exactly once, and the tally equals participation', async () => {
      const added = await addHouseholds(t.dataSource, villageId, 200, 'C');
      const voters = await signInResidents(t, villageId, added.map((h) => h.residentId), `crowd-${kind}`);
      const ballot = await openBallot(t, committee, { title: '二百户同时投票' });
      const eligible = ballot.participation?.eligible as number;
      const choiceOf = (i: number): string => ['for', 'against', 'abstain'][i % 3];
      const keys = voters.map(() => [idempotencyKey(), idempotencyKey()]);

      // Each voter: the same request twice at once (a retry on a flaky network), and a second tap with another key.
      const attempts = voters.flatMap((login, i) => [
        { i, key: keys[i][0], req: vote(t, login, ballot.id, [choiceOf(i)], keys[i][0]) },
        { i, key: keys[i][0], req: vote(t, login, ballot.id, [choiceOf(i)], keys[i][0]) },
        { i, key: keys[i][1], req: vote(t, login, ballot.id, [choiceOf(i)], keys[i][1]) },
      ]);
      const responses = await Promise.all(attempts.map(async (a) => ({ ...a, res: (await a.req) as Response })));

      const winners = new Map<number, { key: string; body: unknown }>();
      for (const { i, key, res } of responses) {
        const replayed = res.headers['idempotent-replayed'] === 'true';
        if (res.status === 201 && !replayed) {
          expect(winners.has(i)).toBe(false); // never two votes for one household
          winners.set(i, { key, body: res.body });
        } else if (res.status === 201) {
          expect(replayed).toBe(true);
        } else {
          expect(res.status).toBe(409);
          expect(['BALLOT_ALREADY_VOTED', 'IDEMPOTENCY_IN_PROGRESS']).toContain(res.body.code);
        }
      }
      expect(winners.size).toBe(200);

      // A later retry with the winning key replays the first answer; the losing key runs and is refused.
      for (const [i, winner] of winners) {
        const replay = await vote(t, voters[i], ballot.id, [choiceOf(i)], winner.key).expect(201);
        expect(replay.headers['idempotent-replayed']).toBe('true');
        expect(replay.body).toEqual(winner.body);
      }
      const loser = keys[0].find((k) => k !== winners.get(0)?.key) as string;
      expect((await vote(t, voters[0], ballot.id, [choiceOf(0)], loser).expect(409)).body.code).toBe('BALLOT_ALREADY_VOTED');

      expect(await count(t, 'SELECT COUNT(*) AS n FROM ballot_participation WHERE ballot_id = ?', [ballot.id])).toBe(200);
      expect(await count(t, 'SELECT COUNT(*) AS n FROM ballot_open_vote WHERE ballot_id = ?', [ballot.id])).toBe(200);
      expect(await count(t, "SELECT COUNT(*) AS n FROM audit_event WHERE entity_id = ? AND action = 'ballot.vote.cast'", [ballot.id])).toBe(200);

      const closed = (await close(ballot.id).expect(200)).body as BallotDetail;
      const result = closed.result;
      expect(result?.participation).toEqual({ unit: 'household', unitLabel: '户', eligible, online: 200, inPerson: 0, total: 200 });
      expect(result?.counts.map((c) => [c.key, c.total])).toEqual([
        ['for', 67],
        ['against', 67],
        ['abstain', 66],
      ]);
      expect(result?.counts.reduce((n, c) => n + c.total, 0)).toBe(result?.participation.total);
      expect(result?.quorum.met).toBe(200 * 3 >= eligible * 2);
    });
  });

  describe('the electorate is frozen when the ballot opens', () => {
    it('refuses a household registered after opening, and keeps one vote per household when its representative changes', async () => {
      const [a, b, c] = await representatives(3);
      const ballot = await openBallot(t, committee, { title: '名单冻结测试' });

      // A household registered after opening.
      const [grid] = await t.dataSource.query('SELECT id, village_group_id FROM household WHERE village_id = ? LIMIT 1', [villageId]);
      const created = await post(secretary, '/api/roster/households', {
        number: `N${Date.now() % 100000}`,
        address: '南坪组新建 1 号',
        gridId: (await t.dataSource.query('SELECT grid_id FROM household WHERE id = ?', [a.householdId]))[0].grid_id,
        villageGroupId: grid.village_group_id,
        firstMember: { name: '新立户主', gender: 'male', birthDate: '1980-02-02', relationToHead: '户主' },
      }).expect(201);
      const [newcomer] = await signInResidents(t, villageId, [created.body.representative.id], `late-${kind}`);
      const refused = await vote(t, newcomer, ballot.id, ['for']).expect(403);
      expect(refused.body).toMatchObject({ code: 'BALLOT_NOT_ELIGIBLE', message: expect.stringContaining('表决开始后登记的户不参加这次表决') });
      expect((await detailOf(newcomer, ballot.id)).participation?.eligible).toBe(ballot.participation?.eligible);

      // Household A: its representative votes, then is replaced: the new one cannot vote again.
      const spouseA = await addAdultMember(a.householdId, '配偶甲');
      const [repA, newRepA] = await signInResidents(t, villageId, [a.residentId, spouseA], `rep-a-${kind}`);
      await vote(t, repA, ballot.id, ['for']).expect(201);
      await changeRepresentative(a.householdId, spouseA);
      const again = await vote(t, newRepA, ballot.id, ['against']).expect(409);
      expect(again.body).toMatchObject({ code: 'BALLOT_ALREADY_VOTED', message: expect.stringMatching(/^本户已投票/) });
      expect((await vote(t, repA, ballot.id, ['against']).expect(403)).body.message).toContain('户代表是配偶甲');
      expect((await detailOf(newRepA, ballot.id)).myParticipation).toMatchObject({ channel: 'online', castBy: { id: a.residentId } });

      // Household B: the representative changes before anyone voted: the new one casts its one vote.
      const spouseB = await addAdultMember(b.householdId, '配偶乙');
      const [oldRepB, newRepB] = await signInResidents(t, villageId, [b.residentId, spouseB], `rep-b-${kind}`);
      await changeRepresentative(b.householdId, spouseB);
      await vote(t, oldRepB, ballot.id, ['for']).expect(403);
      await vote(t, newRepB, ballot.id, ['for']).expect(201);

      // Household C: two phones of one household racing.
      const spouseC = await addAdultMember(c.householdId, '配偶丙');
      const [repC, otherC] = await signInResidents(t, villageId, [c.residentId, spouseC], `rep-c-${kind}`);
      const race = await Promise.all([vote(t, repC, ballot.id, ['for']), vote(t, repC, ballot.id, ['against']), vote(t, otherC, ballot.id, ['for'])]);
      expect(race.map((r) => r.status).sort()).toEqual([201, 403, 409]);

      const rows = await t.dataSource.query('SELECT voter_key FROM ballot_participation WHERE ballot_id = ? ORDER BY voter_key', [ballot.id]);
      expect(rows.map((r: { voter_key: string }) => r.voter_key)).toEqual([a.householdId, b.householdId, c.householdId].sort());
    });

    const addAdultMember = async (householdId: string, name: string): Promise<string> => {
      const res = await post(secretary, `/api/roster/households/${householdId}/residents`, { name, gender: 'female', birthDate: '1975-03-03', relationToHead: '配偶' }).expect(201);
      return res.body.id;
    };
    const changeRepresentative = async (householdId: string, residentId: string): Promise<void> => {
      const household = (await get(secretary, `/api/roster/households/${householdId}`).expect(200)).body;
      await post(secretary, `/api/roster/households/${householdId}/representative`, { version: household.version, residentId }).expect(200);
    };
  });

  describe('in person (计票人 and 监票人)', () => {
    let teller: LoginResult;
    let scrutineer: LoginResult;
    let reps: LoginResult[];
    let households: { residentId: string; householdId: string }[];
    let ballot: BallotDetail;

    beforeAll(async () => {
      households = await representatives(14);
      reps = await signInResidents(t, villageId, households.map((h) => h.residentId), `inperson-${kind}`);
      [teller, scrutineer] = [reps[12], reps[13]];
      ballot = await openBallot(t, committee, {
        title: '现场与线上不能重复',
        tellerResidentId: teller.me.resident?.id,
        scrutineerResidentId: scrutineer.me.resident?.id,
      });
    });

    it('refuses both ways: attendance after an online vote, and an online vote after attendance', async () => {
      const [x, y] = households;
      await vote(t, reps[0], ballot.id, ['for']).expect(201);
      const conflict = await post(teller, `/api/ballots/${ballot.id}/attendance`, { voterKeys: [x.householdId, y.householdId] }).expect(409);
      expect(conflict.body).toMatchObject({ code: 'BALLOT_ATTENDANCE_CONFLICT', details: { conflicts: [{ voterKey: x.householdId, reason: '已在线投票' }] } });
      expect(await count(t, "SELECT COUNT(*) AS n FROM ballot_participation WHERE ballot_id = ? AND channel = 'in_person'", [ballot.id])).toBe(0);

      const recorded = await post(scrutineer, `/api/ballots/${ballot.id}/attendance`, { voterKeys: [y.householdId] }).expect(200);
      expect(recorded.body).toMatchObject({ recorded: 1, participation: { online: 1, inPerson: 1, total: 2 } });
      const online = await vote(t, reps[1], ballot.id, ['for']).expect(409);
      expect(online.body).toMatchObject({ code: 'BALLOT_VOTED_IN_PERSON', message: expect.stringContaining('在现场参加表决') });
      await post(teller, `/api/ballots/${ballot.id}/attendance`, { voterKeys: [y.householdId] }).expect(409);
    });

    it('settles a race between a teller and a representative on the same household', async () => {
      const racing = households.slice(2, 10);
      const results = await Promise.all(
        racing.flatMap((h, i) => [
          post(teller, `/api/ballots/${ballot.id}/attendance`, { voterKeys: [h.householdId] }),
          vote(t, reps[i + 2], ballot.id, ['against']),
        ]),
      );
      for (let i = 0; i < racing.length; i += 1) {
        const pair = [results[2 * i].status, results[2 * i + 1].status];
        expect(pair.filter((s) => s === 200 || s === 201)).toHaveLength(1);
        expect(pair.filter((s) => s === 409)).toHaveLength(1);
      }
      const keys = racing.map((h) => h.householdId);
      const rows = await t.dataSource.query(`SELECT voter_key FROM ballot_participation WHERE ballot_id = ? AND voter_key IN (${keys.map(() => '?').join(',')})`, [ballot.id, ...keys]);
      expect(rows).toHaveLength(racing.length);
    });

    it('lets only the teller and scrutineer record, needs both to agree on the paper count, then locks it', async () => {
      const notTeller = await post(householdRep, `/api/ballots/${ballot.id}/attendance`, { voterKeys: [households[10].householdId] }).expect(403);
      expect(notTeller.body.code).toBe('BALLOT_TELLER_REQUIRED');
      await get(householdRep, `/api/ballots/${ballot.id}/electorate`).expect(404);
      const list = (await get(teller, `/api/ballots/${ballot.id}/electorate?participation=in_person`).expect(200)).body;
      expect(list.items.every((e: { participation: { channel: string } }) => e.participation.channel === 'in_person')).toBe(true);

      const inPerson = (await detailOf(committee, ballot.id)).participation?.inPerson as number;
      const pending = await close(ballot.id).expect(409);
      expect(pending.body.code).toBe('BALLOT_PAPER_COUNT_PENDING');
      expect((await detailOf(committee, ballot.id)).reasons.close).toContain('计票人和监票人共同确认');

      const tooMany = await post(teller, `/api/ballots/${ballot.id}/paper-count`, { papers: inPerson + 1, counts: {} }).expect(400);
      expect(tooMany.body.code).toBe('BALLOT_INVALID_PAPER_COUNT');
      const entered = await post(teller, `/api/ballots/${ballot.id}/paper-count`, { papers: inPerson, counts: { for: 1, against: inPerson - 1 } }).expect(200);
      expect(entered.body).toMatchObject({ enteredBy: { id: teller.me.resident?.id }, confirmedBy: null });
      const differs = await post(scrutineer, `/api/ballots/${ballot.id}/paper-count`, { papers: inPerson, counts: { for: 2, against: inPerson - 2 } }).expect(200);
      expect(differs.body).toMatchObject({ enteredBy: { id: scrutineer.me.resident?.id }, confirmedBy: null });
      const confirmed = await post(teller, `/api/ballots/${ballot.id}/paper-count`, { papers: inPerson, counts: { for: 2, against: inPerson - 2, abstain: 0 } }).expect(200);
      expect(confirmed.body).toMatchObject({ enteredBy: { id: scrutineer.me.resident?.id }, confirmedBy: { id: teller.me.resident?.id } });
      expect((await post(scrutineer, `/api/ballots/${ballot.id}/attendance`, { voterKeys: [households[11].householdId] }).expect(409)).body.code).toBe(
        'BALLOT_PAPER_COUNT_LOCKED',
      );

      const closed = (await close(ballot.id).expect(200)).body as BallotDetail;
      const online = closed.result?.participation.online as number;
      expect(closed.result?.participation).toMatchObject({ inPerson, total: online + inPerson });
      expect(closed.result?.counts.find((c) => c.key === 'for')).toMatchObject({ inPerson: 2 });
      expect(closed.result?.papers).toBe(inPerson);
    });
  });

  describe('closing', () => {
    it('closes on time exactly once when two schedulers run at once, then refuses votes', async () => {
      const [a] = await representatives(1);
      const [rep] = await signInResidents(t, villageId, [a.residentId], `close-${kind}`);
      const ballot = await openBallot(t, committee, { title: '按时结束', closesAt: new Date(Date.now() + 10 * 60_000).toISOString() });
      await vote(t, rep, ballot.id, ['for']).expect(201);

      const clock = t.app.get(Clock);
      const later = new Date(Date.now() + 11 * 60_000);
      const spy = jest.spyOn(clock, 'now').mockImplementation(() => later);
      try {
        const refused = await vote(t, householdRep, ballot.id, ['for']).expect(409);
        expect(refused.body).toMatchObject({ code: 'BALLOT_CLOSED', message: expect.stringContaining('结束，不能再投票') });
        expect((await detailOf(householdRep, ballot.id)).phase).toBe('counting');

        const scheduler = t.app.get(BallotCloseScheduler);
        const [first, second] = await Promise.all([scheduler.closeDue(), scheduler.closeDue()]);
        expect(first + second).toBeGreaterThanOrEqual(1);
        expect(await count(t, 'SELECT COUNT(*) AS n FROM ballot_result WHERE ballot_id = ?', [ballot.id])).toBe(1);
        expect(await count(t, "SELECT COUNT(*) AS n FROM audit_event WHERE entity_id = ? AND action = 'ballot.closed'", [ballot.id])).toBe(1);
        expect(await count(t, "SELECT COUNT(*) AS n FROM notice WHERE source_entity_id = ? AND kind = 'result'", [ballot.id])).toBe(1);
        expect(await scheduler.closeDue()).toBe(0);
      } finally {
        spy.mockRestore();
      }
      const closed = await detailOf(villager, ballot.id);
      expect(closed).toMatchObject({ status: 'closed', outcome: 'invalid', result: { closeTrigger: 'scheduled', closedBy: null } });
      expect(closed.result?.explanation).toMatch(/^表决无效：村民会议人数不够：参与 1\/\d+ 户/);
      expect((await vote(t, householdRep, ballot.id, ['for']).expect(409)).body.code).toBe('BALLOT_CLOSED');
      expect((await close(ballot.id).expect(409)).body.code).toBe('BALLOT_CLOSED');
    });

    it('publishes the result as a notice and audits every step, with an immutable result', async () => {
      const ballot = await openBallot(t, committee, { title: '结果公开测试' });
      await vote(t, householdRep, ballot.id, ['for']).expect(201);
      const closed = (await close(ballot.id).expect(200)).body as BallotDetail;
      expect(closed.result).toMatchObject({ closeTrigger: 'manual', closedBy: { id: committee.me.resident?.id }, noticeId: expect.any(String) });
      const notice = (await get(villager, `/api/notices/${closed.result?.noticeId}`).expect(200)).body;
      expect(notice).toMatchObject({ kind: 'result', status: 'published', title: '表决结果：结果公开测试' });
      expect(notice.body).toContain('| 同意 | 1 | 0 | 1 |');
      expect((await get(villager, `/api/ballots/${ballot.id}/result`).expect(200)).body).toEqual(closed.result);

      const actions: { action: string; after_json: string }[] = await t.dataSource.query('SELECT action, after_json FROM audit_event WHERE entity_id IN (?, ?) ORDER BY seq', [
        ballot.id,
        closed.result?.noticeId,
      ]);
      expect(actions.map((a) => a.action)).toEqual(['ballot.created', 'ballot.opened', 'ballot.vote.cast', 'notice.published', 'ballot.closed']);
      const closedEvent = JSON.parse(actions[4].after_json);
      const [stored] = await t.dataSource.query('SELECT result_hash, notice_id FROM ballot_result WHERE ballot_id = ?', [ballot.id]);
      expect(closedEvent).toMatchObject({ status: 'closed', resultHash: stored.result_hash, noticeId: stored.notice_id, outcome: closed.result?.outcome });
    });
  });

  describe('secret ballots', () => {
    let ballot: BallotDetail;
    let voters: LoginResult[];
    const choicesOf = (i: number): string[] => (i % 3 === 0 ? ['o1', 'o2'] : i % 3 === 1 ? ['o2'] : ['o3']);
    const receipts: { i: number; code: string; key: string }[] = [];

    beforeAll(async () => {
      const reps = await representatives(10);
      voters = await signInResidents(t, villageId, reps.map((r) => r.residentId), `secret-${kind}`);
      ballot = await openBallot(t, committee, {
        title: '无记名民意征询',
        rule: { body: 'poll', override: null },
        secrecy: 'secret',
        choiceKind: 'multiple',
        options: ['修路灯', '建广场', '补医保'],
        maxSelections: 2,
      });
    });

    it('gives each voter a receipt once; a retry with the same key gets the same receipt, sealed in storage', async () => {
      for (const [i, login] of voters.entries()) {
        const key = idempotencyKey();
        const res = await vote(t, login, ballot.id, choicesOf(i), key).expect(201);
        expect(res.body).toMatchObject({ choices: null, receiptCode: expect.stringMatching(RECEIPT_CODE_PATTERN), message: expect.stringContaining('只显示这一次') });
        receipts.push({ i, code: res.body.receiptCode, key });
      }
      const retry = await vote(t, voters[0], ballot.id, choicesOf(0), receipts[0].key).expect(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.receiptCode).toBe(receipts[0].code);

      // Nothing stored outside the voter's phone ties the receipt to the request.
      const stored: { response_body: string | null }[] = await t.dataSource.query('SELECT response_body FROM idempotency_record');
      const text = stored.map((r) => r.response_body ?? '').join('\n');
      for (const r of receipts) expect(text).not.toContain(r.code);
      const audit: { action: string; after_json: string }[] = await t.dataSource.query('SELECT action, after_json FROM audit_event WHERE entity_id = ?', [ballot.id]);
      const auditText = audit.map((a) => a.after_json).join('\n');
      for (const r of receipts) expect(auditText).not.toContain(r.code);
      // The audit event of a secret vote records who took part, and nothing about what they chose.
      const casts = audit.filter((a) => a.action !== 'ballot.created' && a.action !== 'ballot.opened');
      expect(casts.map((a) => a.action)).toEqual(Array(10).fill('ballot.participation.recorded'));
      for (const a of casts) expect(Object.keys(JSON.parse(a.after_json)).sort()).toEqual(['channel', 'voter', 'voterKey']);

      expect((await detailOf(voters[1], ballot.id)).myParticipation).toMatchObject({ channel: 'online', choices: null });
      expect((await get(committee, `/api/ballots/${ballot.id}/votes`).expect(409)).body.code).toBe('BALLOT_VOTES_SECRET');
    });

    it('keeps who and what in tables that share no key, id or time to join on', async () => {
      const runner = t.dataSource.createQueryRunner();
      try {
        const [participation, choice] = await runner.getTables(['ballot_participation', 'ballot_secret_choice']);
        const tables = [participation, choice];
        expect(tables.map((table) => table.name.split('.').pop())).toEqual(['ballot_participation', 'ballot_secret_choice']);
        const names = (table: typeof participation) => table.columns.map((c) => c.name);
        // The only column in common is the ballot itself, shared by every voter of it.
        expect(names(participation).filter((n) => names(choice).includes(n))).toEqual(['ballot_id']);
        // The choice side: keyed by the random receipt, with no time, counter or generated column.
        expect(choice.primaryColumns.map((c) => c.name)).toEqual(['receipt_code']);
        expect(choice.columns.filter((c) => /date|time/i.test(c.type) || c.isGenerated)).toEqual([]);
        expect(names(choice).filter((n) => /voter|resident|household|account|_at$|seq|created|participation/.test(n))).toEqual([]);
        expect(choice.foreignKeys.map((fk) => fk.referencedTableName.split('.').pop())).toEqual(['ballot']);
        expect(participation.foreignKeys.map((fk) => fk.referencedTableName.split('.').pop())).not.toContain('ballot_secret_choice');
        // No other table points at the choices, so no third table can link them to a voter.
        const all = await runner.getTables(t.dataSource.entityMetadatas.map((m) => m.tableName));
        expect(all.length).toBe(t.dataSource.entityMetadatas.length);
        const pointing = all.filter((x) => x.foreignKeys.some((fk) => fk.referencedTableName.split('.').pop() === 'ballot_secret_choice'));
        expect(pointing).toEqual([]);
        if (kind === 'sqlite') {
          // No hidden rowid recording insertion order.
          const [{ sql }] = await t.dataSource.query("SELECT sql FROM sqlite_master WHERE name = 'ballot_secret_choice'");
          expect(sql).toContain('WITHOUT ROWID');
        }
      } finally {
        await runner.release();
      }
      // Stored in receipt-code order, not the order votes arrived.
      const physical: { receipt_code: string }[] = await t.dataSource.query('SELECT receipt_code FROM ballot_secret_choice WHERE ballot_id = ?', [ballot.id]);
      expect(physical.map((r) => r.receipt_code)).toEqual(receipts.map((r) => r.code).sort());
    });

    it('confirms a receipt is counted while open, then publishes every receipt with its choice once closed', async () => {
      const early = await post(voters[2], `/api/ballots/${ballot.id}/receipts/check`, { receiptCode: receipts[2].code.toLowerCase().replace(/-/g, ' ') }).expect(200);
      expect(early.body).toMatchObject({ counted: true, choices: null, receiptCode: receipts[2].code });
      expect((await get(villager, `/api/ballots/${ballot.id}/receipts`).expect(409)).body.code).toBe('BALLOT_RECEIPTS_NOT_PUBLIC');
      expect((await post(villager, `/api/ballots/${ballot.id}/receipts/check`, { receiptCode: 'ZZZZ-ZZZZ-ZZZZ' }).expect(404)).body.code).toBe(
        'BALLOT_RECEIPT_NOT_FOUND',
      );

      const closed = (await close(ballot.id).expect(200)).body as BallotDetail;
      expect(closed.result).toMatchObject({ outcome: 'polled', receiptCount: 10 });
      expect(await count(t, 'SELECT COUNT(*) AS n FROM ballot_secret_choice WHERE ballot_id = ? AND sealed = ?', [ballot.id, kind === 'mysql' ? 1 : 1])).toBe(10);

      const list = (await get(villager, `/api/ballots/${ballot.id}/receipts`).expect(200)).body;
      expect(list.receipts).toHaveLength(10);
      for (const r of receipts) expect(list.receipts).toContainEqual({ code: r.code, choices: choicesOf(r.i) });
      // Anyone can recount: the receipts add up to the published online counts.
      for (const c of closed.result?.counts ?? []) expect(list.onlineCounts[c.key]).toBe(c.online);
      expect(closed.result?.leaders).toEqual(['o2']);
      const late = await post(voters[3], `/api/ballots/${ballot.id}/receipts/check`, { receiptCode: receipts[3].code }).expect(200);
      expect(late.body).toMatchObject({ choices: choicesOf(3), message: expect.stringContaining('已计入结果') });
    });
  });

  describe('access', () => {
    let foreignBallotId: string;

    beforeAll(async () => {
      foreignBallotId = randomUUID();
      await t.dataSource.query(
        `INSERT INTO ballot (id, village_id, title, description, electorate, decision_body, secrecy, choice_kind, choices_json, max_selections, opens_at, closes_at, status, created_by_resident_id, created_at, updated_at, version, eligible_count)
         VALUES (?, ?, '邻村的表决', '', 'households', 'villager_assembly', 'open', 'motion', '[]', 1, '2020-01-01 00:00:00', '2099-01-01 00:00:00', 'open', ?, '2020-01-01 00:00:00', '2020-01-01 00:00:00', 1, 1)`,
        [foreignBallotId, other.villageId, other.residentId],
      );
    });

    it("answers another village's ballot with 404 on every route", async () => {
      for (const login of [villager, householdRep, committee, supervisor]) {
        await get(login, `/api/ballots/${foreignBallotId}`).expect(404);
        await get(login, `/api/ballots/${foreignBallotId}/result`).expect(404);
        await vote(t, login, foreignBallotId, ['for']).expect(404);
      }
      await post(committee, `/api/ballots/${foreignBallotId}/close`).expect(404);
      await post(committee, `/api/ballots/${foreignBallotId}/open`, { version: 1 }).expect(404);
      await get(supervisor, `/api/ballots/${foreignBallotId}/votes`).expect(404);
      expect((await get(villager, '/api/ballots').expect(200)).body.items.map((b: BallotDetail) => b.id)).not.toContain(foreignBallotId);
    });

    it('refuses what the caller may not do, in Chinese', async () => {
      expect((await post(villager, '/api/ballots', draftBallot()).expect(403)).body.code).toBe('ROLE_REQUIRED');
      expect((await get(villager, `/api/ballots/${foreignBallotId}/votes`).expect(403)).body.code).toBe('ROLE_REQUIRED');
      await t.http.get('/api/ballots').expect(401);

      const invalid = await post(committee, '/api/ballots', draftBallot({ electorate: 'party_members' })).expect(400);
      expect(invalid.body).toMatchObject({ code: 'BALLOT_INVALID', details: [{ field: 'rule', messages: [expect.stringContaining('村民会议的表决人应是')] }] });
      const sameTeller = await post(committee, '/api/ballots', draftBallot({ tellerResidentId: villager.me.resident?.id, scrutineerResidentId: villager.me.resident?.id })).expect(400);
      expect(sameTeller.body.message).toContain('两个不同的人');

      const party = await openBallot(t, committee, { title: '党员大会表决', electorate: 'party_members', rule: { body: 'party_assembly', override: null } });
      const notMember = await vote(t, householdRep, party.id, ['for']).expect(403);
      expect(notMember.body.message).toContain('全体党员');

      const past = await post(committee, '/api/ballots', draftBallot({ opensAt: new Date(Date.now() - 7_200_000).toISOString(), closesAt: new Date(Date.now() - 3_600_000).toISOString() })).expect(201);
      expect(past.body).toMatchObject({ can: { open: false }, reasons: { open: expect.stringContaining('截止时间已经过了') } });
      expect((await post(committee, `/api/ballots/${past.body.id}/open`, { version: past.body.version }).expect(409)).body.code).toBe('BALLOT_CLOSES_AT_PASSED');
      const cancelled = await post(committee, `/api/ballots/${past.body.id}/cancel`, { version: past.body.version, reason: '时间填错了' }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '时间填错了' });
      await get(villager, `/api/ballots/${past.body.id}`).expect(404);
      expect((await post(committee, `/api/ballots/${past.body.id}/open`, { version: cancelled.body.version }).expect(409)).body.code).toBe('BALLOT_NOT_DRAFT');
    });

    it('lists what awaits the caller (待我办)', async () => {
      const waiting = (await get(householdRep, '/api/ballots?awaitingMe=true').expect(200)).body.items as BallotDetail[];
      expect(waiting.length).toBeGreaterThan(0);
      expect(waiting.every((b) => b.phase === 'voting' && b.eligible && b.myParticipation === null)).toBe(true);
      expect((await get(villager, '/api/ballots?awaitingMe=true').expect(200)).body.items.filter((b: BallotDetail) => b.electorate === 'households')).toEqual([]);
    });
  });

  it('replays a retried vote even when its key was claimed while another write was rolling back', async () => {
    const ballot = await openBallot(t, committee, { title: '重试测试' });
    const [r] = await representatives(1);
    const [login] = await signInResidents(t, villageId, [r.residentId], `retry-${kind}`);
    // A unit of work that is still running and will roll back. On SQLite every query shares one
    // connection: a key claimed meanwhile must not land inside this transaction and vanish with it.
    const failing = t.app
      .get(UnitOfWork)
      .run({ villageId, actorId: null, actorRole: 'system', correlationId: null }, async ({ record }) => {
        await record({ action: 'test.rolled_back', entityType: 'village', entityId: villageId });
        await new Promise((resolve) => setTimeout(resolve, 150));
        throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const send = () => t.http.post(`/api/ballots/${ballot.id}/votes`).set(...bearer(login)).set(IDEMPOTENCY_HEADER, 'vote-retry-0001').send({ choices: ['for'] });
    const first = await send().expect(201);
    expect(await failing).toBe('rolled back on purpose');
    const again = await send().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });
});
