import { randomUUID } from 'node:crypto';
import { addDays, type LoginResult, type MatterDetail, type RepresentativeCadenceView } from '@village/shared';
import { createOtherVillage } from '../factories/other-village';
import { bearer, loginAs } from '../support/auth';
import { paperMeeting, signInTellers, today, toAssembly, uploadPhoto, type MatterCrew } from '../support/matters';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';
import { signInResidents } from '../support/voting';

describe.each(testDatabaseKinds())('matters: objection review and the quarterly 村民代表会议 on %s', (kind) => {
  let t: TestApp;
  let villageId: string;
  let crew: MatterCrew;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let villager: LoginResult;
  let householdRep: LoginResult;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    villager = await loginAs(t, 'villager');
    householdRep = await loginAs(t, 'household_rep');
    villageId = secretary.me.village?.id as string;
    const [teller, scrutineer] = await signInTellers(t, villageId, `review-${kind}`);
    crew = { secretary, teller, scrutineer, photo: await uploadPhoto(t, secretary) };
  });
  afterAll(() => t.close());

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body);
  const detailOf = async (login: LoginResult, id: string): Promise<MatterDetail> => (await get(login, `/api/matters/${id}`).expect(200)).body;
  const cadence = async (login: LoginResult): Promise<RepresentativeCadenceView> => (await get(login, '/api/representative-cadence').expect(200)).body;
  const reviewEvents = async (objectionId: string): Promise<{ action: string; after_json: string }[]> =>
    t.dataSource.query("SELECT action, after_json FROM audit_event WHERE entity_type = 'matter_objection' AND entity_id = ? ORDER BY seq", [objectionId]);

  /** A matter its 村民代表会议 passed today, in its resolution disclosure window. */
  async function disclosed(title: string): Promise<MatterDetail> {
    const m = await toAssembly(t, crew, 'general', title);
    const reps = await paperMeeting(
      t,
      crew.secretary,
      m,
      {
        purpose: 'assembly_resolution',
        body: 'representative_assembly',
        electorate: 'villager_reps',
        noticeGivenOn: addDays(today(), -3),
        turnout: { eligible: 14, participated: 13 },
        counts: { for: 12, against: 1, abstain: 0 },
        tellerResidentId: crew.teller.me.resident?.id,
        scrutineerResidentId: crew.scrutineer.me.resident?.id,
      },
      crew.photo,
    );
    await post(crew.scrutineer, `/api/matters/${m.id}/meetings/${reps}/confirm-count`).expect(200);
    const decided = (await post(crew.secretary, `/api/matters/${m.id}/events`, { event: { type: 'record_assembly_resolution', meetingId: reps }, version: m.version }).expect(200)).body as MatterDetail;
    expect(decided.stage).toBe('resolution_disclosure');
    return decided;
  }

  it('tells the 两委 and the 监委会 whether the 村民代表会议 met this quarter and in the last four', async () => {
    expect((await get(villager, '/api/representative-cadence')).status).toBe(403);
    expect((await get(householdRep, '/api/representative-cadence')).status).toBe(403);
    // The demo village joined today and has held no 村民代表会议 yet.
    const fresh = await cadence(supervisor);
    expect(fresh).toMatchObject({ missingQuarters: [], lastHeldOn: null, currentQuarter: { held: false }, legalBasis: '《村民委员会组织法》第二十六条' });
    expect(fresh.statusText).toMatch(/^本季度还没有开村民代表会议（\d+月\d+日前）$/);

    // Joined over a year ago: only the last four finished quarters are held against it.
    await t.dataSource.query('UPDATE village SET created_at = ? WHERE id = ?', ['2020-01-01 00:00:00', villageId]);
    const late = await cadence(crew.secretary);
    expect(late.missingQuarters).toHaveLength(4);
    expect(late.statusText).toContain(`${late.missingQuarters.join('、')}没有召开`);

    // A 村民代表会议 of any matter counts for its quarter.
    await disclosed('村级光伏电站收益分配方案');
    const met = await cadence(committee);
    expect(met).toMatchObject({ lastHeldOn: today(), currentQuarter: { label: fresh.currentQuarter.label, held: true, endsOn: fresh.currentQuarter.endsOn } });
    expect(met.statusText).toMatch(/^本季度已于\d+月\d+日召开村民代表会议；/);

    const township = await loginAs(t, 'township');
    const across = (await get(township, '/api/township/representative-cadence').expect(200)).body;
    expect(across).toEqual([expect.objectContaining({ village: { id: villageId, name: crew.secretary.me.village?.name }, lastHeldOn: today() })]);
    expect((await get(crew.secretary, '/api/township/representative-cadence')).status).toBe(403);
  });

  it('lets the 两委 release or reject an objection WeChat sent for review; either way it must still be answered', async () => {
    const m = await disclosed('村集体林地承包经营方案');
    const filed = (await post(villager, `/api/matters/${m.id}/objections`, { text: '【待审】承包期太长，请缩短到十年' }).expect(201)).body as MatterDetail;
    const [pending] = filed.objections;
    expect(pending).toMatchObject({ status: 'pending_review', mine: true, text: '【待审】承包期太长，请缩短到十年', review: null });
    expect((await detailOf(householdRep, m.id)).objections).toEqual([expect.objectContaining({ status: 'pending_review', text: '（内容审核中）', review: null })]);
    const listed = (await get(crew.secretary, '/api/matters?open=true').expect(200)).body.items.find((i: { id: string }) => i.id === m.id);
    expect(listed).toMatchObject({ pendingReviewObjections: 1, unansweredObjections: 1 });

    // Refused: wrong role, another village's committee, bad bodies — nothing changes.
    const path = `/api/matter-objections/${pending.id}/review`;
    expect((await post(villager, path, { decision: 'release' })).status).toBe(403);
    expect((await post(supervisor, path, { decision: 'release' })).status).toBe(403);
    const other = await createOtherVillage(t.dataSource, '140431203288');
    await t.dataSource.query("INSERT INTO role_assignment (id, village_id, resident_id, role, started_on) VALUES (?, ?, ?, 'secretary', '2024-12-20')", [randomUUID(), other.villageId, other.residentId]);
    const [foreignSecretary] = await signInResidents(t, other.villageId, [other.residentId], `other-${kind}`);
    const foreign = await post(foreignSecretary, path, { decision: 'release' });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'MATTER_OBJECTION_NOT_FOUND' });
    for (const [body, message] of [
      [{ decision: 'publish' }, '审核结果只能是 release（公开）或 reject（不公开）'],
      [{ decision: 'reject' }, '不公开时请写明理由（2–200 个字），提异议的村民能看到'],
      [{ decision: 'reject', reason: '否' }, '不公开时请写明理由（2–200 个字）'],
      [{ decision: 'release', reason: '理'.repeat(201) }, '不公开时请写明理由（2–200 个字）'],
    ] as const) {
      const bad = await post(crew.secretary, path, body);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain(message);
    }
    expect((await detailOf(crew.secretary, m.id)).objections[0]).toMatchObject({ status: 'pending_review', review: null });
    expect(await reviewEvents(pending.id)).toEqual([]);

    // Released: everyone reads it; reviewing again is a conflict.
    const released = (await post(committee, path, { decision: 'release', reason: '无不当内容' }).expect(200)).body as MatterDetail;
    expect(released.objections[0]).toMatchObject({ status: 'open', review: { decision: 'release', reason: null, by: { id: committee.me.resident?.id } } });
    expect(released.pendingReviewObjections).toBe(0);
    expect((await detailOf(householdRep, m.id)).objections[0]).toMatchObject({ status: 'open', text: '【待审】承包期太长，请缩短到十年', review: null });
    const again = await post(crew.secretary, path, { decision: 'reject', reason: '再审一次' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'MATTER_OBJECTION_NOT_PENDING_REVIEW', message: expect.stringContaining('不在待审核状态') });
    const events = await reviewEvents(pending.id);
    expect(events.map((e) => e.action)).toEqual(['matter.objection.released']);
    expect(JSON.parse(events[0].after_json)).toMatchObject({ matterId: m.id, status: 'open', reason: null });

    // Rejected: held — its author, the 两委 and the 监委会 see it with the reason; it still blocks implementation.
    const second = (await post(householdRep, `/api/matters/${m.id}/objections`, { text: '【待审】某某人的身份证号是……' }).expect(201)).body as MatterDetail;
    const toReject = second.objections.find((o) => o.mine && o.status === 'pending_review');
    const rejected = (await post(crew.secretary, `/api/matter-objections/${toReject?.id}/review`, { decision: 'reject', reason: '含有他人的身份证号，请去掉后重新提出' }).expect(200)).body as MatterDetail;
    expect(rejected.objections.find((o) => o.id === toReject?.id)).toMatchObject({ status: 'held', review: { decision: 'reject', reason: '含有他人的身份证号，请去掉后重新提出' } });
    const author = (await detailOf(householdRep, m.id)).objections.find((o) => o.id === toReject?.id);
    expect(author).toMatchObject({ status: 'held', mine: true, text: '【待审】某某人的身份证号是……', review: { decision: 'reject', reason: '含有他人的身份证号，请去掉后重新提出', by: { id: crew.secretary.me.resident?.id } } });
    expect((await detailOf(supervisor, m.id)).objections.find((o) => o.id === toReject?.id)?.review?.reason).toBe('含有他人的身份证号，请去掉后重新提出');
    expect((await detailOf(villager, m.id)).objections.map((o) => o.id)).toEqual([pending.id]);
    expect((await reviewEvents(toReject?.id as string)).map((e) => e.action)).toEqual(['matter.objection.rejected']);
    expect(rejected.unansweredObjections).toBe(2);
    const plan = { type: 'start_implementation', responsibleResidentId: committee.me.resident?.id, plannedStartOn: today(), plannedEndOn: addDays(today(), 30), budgetFen: null };
    const blocked = await post(committee, `/api/matters/${m.id}/events`, { event: plan, version: rejected.version });
    expect(blocked.status).toBe(409);
    expect(blocked.body.details.unmet.map((u: { code: string }) => u.code)).toContain('objections_unanswered');

    // Answering a rejected objection does not make its text public.
    await post(crew.secretary, `/api/matter-objections/${toReject?.id}/answer`, { text: '已电话联系本人说明' }).expect(200);
    expect((await detailOf(villager, m.id)).objections.map((o) => o.id)).toEqual([pending.id]);
    expect((await detailOf(householdRep, m.id)).objections.find((o) => o.id === toReject?.id)).toMatchObject({ status: 'answered', answer: { text: '已电话联系本人说明' } });
    expect((await get(supervisor, '/api/audit/verify').expect(200)).body.ok).toBe(true);
  });
});
