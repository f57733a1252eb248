import { addDays, type LoginResult, type MatterDetail } from '@village/shared';
import { Clock } from '../../src/common/clock';
import { bearer, loginAs } from '../support/auth';
import { COMMITTEE_MEETING, createMatter, paperMeeting, scheduleMeeting, signInTellers, today, toAssembly as toAssemblyWith, uploadPhoto } from '../support/matters';
import { startTestApp, TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';
import { openBallot, signInResidents, vote } from '../support/voting';

describe.each(testDatabaseKinds())('matters (四议两公开) on %s', (kind) => {
  let t: TestApp;
  let villageId: string;
  let secretary: LoginResult;
  let committee: LoginResult;
  let supervisor: LoginResult;
  let villager: LoginResult;
  let householdRep: LoginResult;
  let photo: string;
  /** Two party members signed in, to count the 党员大会 as teller and scrutineer. */
  let teller: LoginResult;
  let scrutineer: LoginResult;

  beforeAll(async () => {
    // Disclosure windows are whole days: the tests move the Clock weeks ahead, so sessions must outlive that.
    t = await startTestApp(kind, { ACCESS_TOKEN_TTL_MINUTES: String(60 * 24 * 60) });
    secretary = await loginAs(t, 'secretary');
    committee = await loginAs(t, 'committee');
    supervisor = await loginAs(t, 'supervisor');
    villager = await loginAs(t, 'villager');
    householdRep = await loginAs(t, 'household_rep');
    villageId = secretary.me.village?.id as string;
    photo = await uploadPhoto(t, secretary);
    [teller, scrutineer] = await signInTellers(t, villageId, `party-${kind}`);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}) => t.http.post(path).set(...bearer(login)).send(body);
  const detailOf = async (login: LoginResult, id: string): Promise<MatterDetail> => (await get(login, `/api/matters/${id}`).expect(200)).body;
  const advance = (login: LoginResult, m: MatterDetail, event: object) => post(login, `/api/matters/${m.id}/events`, { event, version: m.version });
  const count = async (sql: string, params: unknown[]): Promise<number> => Number((await t.dataSource.query(sql, params))[0].n);
  const atDay = (day: string): jest.SpyInstance => jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(`${day}T04:00:00Z`));

  /** A 409 refusal: the Chinese reason, the codes, and nothing changed. */
  async function refused(res: { status: number; body: { code: string; message: string; details: { unmet: { code: string }[] } } }, matterId: string, before: MatterDetail, code: string, reason: RegExp | string) {
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('MATTER_TRANSITION_REFUSED');
    expect(res.body.details.unmet.map((u) => u.code)).toContain(code);
    expect(res.body.message).toEqual(typeof reason === 'string' ? expect.stringContaining(reason) : expect.stringMatching(reason));
    const after = await detailOf(secretary, matterId);
    expect({ stage: after.stage, version: after.version, revision: after.currentRevision }).toEqual({ stage: before.stage, version: before.version, revision: before.currentRevision });
  }

  const toAssembly = (typeCode: string, title: string): Promise<MatterDetail> => toAssemblyWith(t, { secretary, teller, scrutineer, photo }, typeCode, title);

  it('seeds one matter waiting at 两委商议, decided through the real workflow', async () => {
    const list = (await get(villager, '/api/matters?open=true').expect(200)).body;
    const seeded = list.items.find((i: { title: string }) => i.title === '土岭底组林盘人居环境整治筹资筹劳方案');
    expect(seeded).toMatchObject({ stage: 'committees_deliberation', type: { code: 'public_welfare_funding' } });
    const detail = await detailOf(villager, seeded.id);
    expect(detail.meetings.map((m) => m.status)).toEqual(['applied', 'scheduled']);
    expect(detail.timeline.map((e) => e.event)).toEqual(['propose', 'record_branch_meeting']);
    const photo = detail.meetings[0].signInSheetPhotos[0];
    // A signed link: a mini-program <image> sends no session header.
    expect((await t.http.get(photo.url).expect(200)).headers['content-type']).toBe('image/jpeg');
    expect((await t.http.get(photo.url.replace(/sig=[^&]+/, 'sig=forged')).expect(403)).body.code).toBe('MATTER_FILE_LINK_INVALID');
  });

  it('walks a matter from proposal to archive with real meetings and a real ballot, publishing both disclosures', async () => {
    // 1. 党组织提议
    let m = await createMatter(t, secretary);
    expect(m).toMatchObject({ stage: 'branch_proposal', currentRevision: 1, workflowVersion: 1, budgetFen: 48_000_000, version: 1 });
    expect(m.stepper.map((s) => s.status).slice(0, 2)).toEqual(['current', 'upcoming']);
    expect((await post(villager, '/api/matters', { typeCode: 'general', title: 'x', body: 'y' })).status).toBe(403);

    const branch = await paperMeeting(t, secretary, m, { purpose: 'branch_proposal', ...COMMITTEE_MEETING }, photo);
    m = (await advance(secretary, m, { type: 'record_branch_meeting', meetingId: branch }).expect(200)).body;
    expect(m.stage).toBe('committees_deliberation');

    // 2. 两委商议: amend, then meet on the new revision
    m = (
      await post(committee, `/api/matters/${m.id}/revisions`, {
        basedOn: 1,
        title: m.title,
        body: m.body.replace('48 万元', '45 万元'),
        budgetFen: 45_000_000,
        changeNote: '根据两委意见，压减预算 3 万元',
        version: m.version,
      }).expect(200)
    ).body;
    expect(m.currentRevision).toBe(2);
    expect(m.revisions[1]).toMatchObject({ number: 2, current: true, changeNote: '根据两委意见，压减预算 3 万元', diff: expect.any(Object) });
    const stale = await post(committee, `/api/matters/${m.id}/revisions`, { basedOn: 1, title: m.title, body: 'x', budgetFen: null, changeNote: '旧稿', version: m.version });
    await refused(stale, m.id, m, 'revision_not_current', '现行');

    const deliberation = await paperMeeting(t, committee, m, { purpose: 'committees_deliberation', ...COMMITTEE_MEETING }, photo);
    m = (await advance(committee, m, { type: 'record_committees_meeting', meetingId: deliberation }).expect(200)).body;
    expect(m.stage).toBe('party_review');

    // 3. 党员大会: missing quorum, unconfirmed count, wrong role — then passed
    const partyFacts = { purpose: 'party_review', body: 'party_assembly', electorate: 'party_members', tellerResidentId: teller.me.resident?.id, scrutineerResidentId: scrutineer.me.resident?.id };
    const thin = await paperMeeting(t, secretary, m, { ...partyFacts, turnout: { eligible: 9, participated: 5 }, counts: { for: 5, against: 0, abstain: 0 } }, photo);
    await post(scrutineer, `/api/matters/${m.id}/meetings/${thin}/confirm-count`).expect(200);
    await refused(await advance(secretary, m, { type: 'record_party_review', meetingId: thin }), m.id, m, 'quorum_not_met', '党员大会到会人数 5/9');

    await expect(paperMeeting(t, secretary, m, { ...partyFacts, turnout: { eligible: 9, participated: 8 }, counts: { for: 7, against: 1, abstain: 0 }, attendeeResidentIds: [householdRep.me.resident?.id as string] }, photo)).rejects.toThrow('不在全体党员的名单上');
    const party = await paperMeeting(t, secretary, m, { ...partyFacts, turnout: { eligible: 9, participated: 8 }, counts: { for: 7, against: 1, abstain: 0 } }, photo);
    await refused(await advance(secretary, m, { type: 'record_party_review', meetingId: party }), m.id, m, 'paper_count_unconfirmed', '监票人确认');
    expect((await post(teller, `/api/matters/${m.id}/meetings/${party}/confirm-count`)).status).toBe(403);
    await post(scrutineer, `/api/matters/${m.id}/meetings/${party}/confirm-count`).expect(200);
    await refused(await advance(committee, m, { type: 'record_party_review', meetingId: party }), m.id, m, 'role_required', '只有');
    m = (await advance(secretary, m, { type: 'record_party_review', meetingId: party }).expect(200)).body;
    expect(m.stage).toBe('assembly_resolution');

    // 4. 村民代表会议 with a real ballot of the voting module for this matter
    const ballot = await openBallot(t, committee, {
      title: '村道硬化工程实施方案（第 2 稿）',
      electorate: 'villager_reps',
      rule: { body: 'representative_assembly', override: null },
      matterId: m.id,
    } as never);
    const reps: { id: string }[] = await t.dataSource.query('SELECT voter_key AS id FROM ballot_eligibility WHERE ballot_id = ?', [ballot.id]);
    const personas = [secretary, committee, supervisor, villager, householdRep, teller, scrutineer];
    const known = new Map(personas.map((p) => [p.me.resident?.id as string, p]));
    const fresh = await signInResidents(t, villageId, reps.map((r) => r.id).filter((id) => !known.has(id) && !0), `reps-${kind}`).catch(async () => {
      // Some representatives are already bound to other test accounts: sign in only the unbound ones.
      const unbound: { id: string }[] = await t.dataSource.query(
        'SELECT e.voter_key AS id FROM ballot_eligibility e WHERE e.ballot_id = ? AND NOT EXISTS (SELECT 1 FROM account_binding b WHERE b.resident_id = e.voter_key AND b.unbound_at IS NULL)',
        [ballot.id],
      );
      return signInResidents(t, villageId, unbound.map((r) => r.id), `reps2-${kind}`);
    });
    for (const rep of [...fresh, ...reps.flatMap((r) => (known.has(r.id) ? [known.get(r.id) as LoginResult] : []))]) {
      await vote(t, rep, ballot.id, ['for']);
    }
    await post(committee, `/api/ballots/${ballot.id}/close`).expect(200);

    const assembly = await scheduleMeeting(t, secretary, m.id, {
      purpose: 'assembly_resolution',
      body: 'representative_assembly',
      electorate: 'villager_reps',
      noticeGivenOn: addDays(today(), -3),
      ballotId: ballot.id,
    });
    await post(secretary, `/api/matters/${m.id}/meetings/${assembly}/record`, {
      heldOn: today(),
      revision: 2,
      attendeeResidentIds: reps.map((r) => r.id),
      minutes: '村民代表会议审议村道硬化工程实施方案第 2 稿，记名表决。',
      signInSheetPhotoIds: [photo],
      signerResidentIds: [secretary.me.resident?.id],
      count: { kind: 'ballot', ballotId: ballot.id },
    }).expect(200);
    const attendees = (await get(secretary, `/api/matters/${m.id}/meetings/${assembly}/attendees?pageSize=5`).expect(200)).body;
    expect(attendees).toMatchObject({ total: reps.length, page: 1, pageSize: 5 });
    expect(attendees.items[0].id).not.toBe('');
    const masked = (await get(householdRep, `/api/matters/${m.id}/meetings/${assembly}/attendees`).expect(200)).body;
    expect(masked.items.every((a: { id: string; name: string }) => a.name.includes('*') || a.id === householdRep.me.resident?.id)).toBe(true);
    m = (await advance(committee, m, { type: 'record_assembly_resolution', meetingId: assembly }).expect(200)).body;
    expect(m.stage).toBe('resolution_disclosure');
    const meeting = m.meetings.find((x) => x.id === assembly);
    expect(meeting).toMatchObject({ status: 'applied', count: { kind: 'ballot', ballotId: ballot.id }, outcome: { result: 'passed' } });
    expect(m.disclosures).toEqual([expect.objectContaining({ kind: 'resolution', status: 'open', revision: 2 })]);
    const resolutionNotice = await get(villager, `/api/notices/${m.disclosures[0].noticeId}`).expect(200);
    expect(resolutionNotice.body).toMatchObject({ kind: 'resolution', title: '决议公示：村道硬化工程实施方案' });
    expect(JSON.stringify(resolutionNotice.body)).toContain('表决情况');

    // 5. 决议公开: objection, window, answer
    const plan = { type: 'start_implementation', responsibleResidentId: committee.me.resident?.id, plannedStartOn: addDays(today(), 8), plannedEndOn: addDays(today(), 60), budgetFen: 45_000_000 };
    await refused(await advance(committee, m, plan), m.id, m, 'disclosure_window_open', '公示');
    m = (await post(villager, `/api/matters/${m.id}/objections`, { text: '路线经过我家责任田，占地怎么补偿？' }).expect(201)).body;
    const objection = m.objections[0];
    expect(objection).toMatchObject({ status: 'open', mine: true });
    expect((await detailOf(householdRep, m.id)).objections[0].filedBy.name).toContain('*');

    const end = m.disclosures[0].window.endsOn;
    const spy = atDay(addDays(end, 1));
    try {
      m = await detailOf(secretary, m.id);
      await refused(await advance(committee, m, plan), m.id, m, 'objections_unanswered', '异议');
      await post(secretary, `/api/matter-objections/${objection.id}/answer`, { text: '占地按村集体土地调整办法补偿，详见公示。' }).expect(200);

      // 一监督: a blocking opinion stops everything until answered and lifted
      m = (await post(supervisor, `/api/matters/${m.id}/opinions`, { text: '请先公开工程预算明细', blocking: true }).expect(201)).body;
      const opinion = m.opinions[0];
      await refused(await advance(committee, m, plan), m.id, m, 'blocking_opinion', '监委会要求纠正');
      expect((await post(supervisor, `/api/matter-opinions/${opinion.id}/lift`, {})).status).toBe(409);
      await post(committee, `/api/matter-opinions/${opinion.id}/answer`, { text: '预算明细已附在决议公示中。' }).expect(200);
      m = (await post(supervisor, `/api/matter-opinions/${opinion.id}/lift`, { note: '已核实' }).expect(200)).body;
      expect(m.opinions[0].status).toBe('lifted');

      // 6. 组织实施
      m = (await advance(committee, m, plan).expect(200)).body;
      expect(m.stage).toBe('implementation');
      m = (await post(committee, `/api/matters/${m.id}/progress`, { text: '路基完成', spentFen: 20_000_000, photoIds: [photo], version: m.version }).expect(200)).body;
      m = (await advance(committee, m, { type: 'report_result', summary: '道路硬化完成，验收合格', completedOn: addDays(end, 1), totalSpentFen: 44_500_000, photoIds: [photo] }).expect(200)).body;
      await refused(await advance(committee, m, { type: 'publish_result' }), m.id, m, 'result_signoff_missing', '审核');
      m = (await advance(supervisor, m, { type: 'sign_off_result', note: '票据齐全' }).expect(200)).body;
      m = (await advance(committee, m, { type: 'publish_result' }).expect(200)).body;
      expect(m.stage).toBe('result_disclosure');
      expect(m.implementation).toMatchObject({ spentFen: 20_000_000, result: { totalSpentFen: 44_500_000, signedOff: expect.any(Object) } });
      const resultNotice = m.disclosures.find((d) => d.kind === 'result');
      expect((await get(villager, `/api/notices/${resultNotice?.noticeId}`).expect(200)).body).toMatchObject({ kind: 'result' });
    } finally {
      spy.mockRestore();
    }

    // 7. 归档 after the result window
    const resultEnd = (m.disclosures.find((d) => d.kind === 'result') as MatterDetail['disclosures'][number]).window.endsOn;
    const later = atDay(addDays(resultEnd, 1));
    try {
      m = await detailOf(secretary, m.id);
      m = (await advance(committee, m, { type: 'archive' }).expect(200)).body;
      expect(m.stage).toBe('archived');
      for (const d of m.disclosures) expect((await get(villager, `/api/notices/${d.noticeId}`).expect(200)).body.status).toBe('archived');
      expect(m.stepper.every((s) => s.status === 'done' || s.stage === 'archived')).toBe(true);
    } finally {
      later.mockRestore();
    }
    expect(m.timeline.map((e) => e.event)).toEqual(
      expect.arrayContaining(['propose', 'record_branch_meeting', 'amend', 'record_assembly_resolution', 'file_objection', 'add_opinion', 'lift_opinion', 'archive']),
    );
    expect((await get(villager, '/api/matters?open=false').expect(200)).body.items.map((i: { id: string }) => i.id)).toContain(m.id);
  });

  it('refuses an art. 24 matter at a 村民代表会议 without authorization, and a 村民会议 without 10 days notice', async () => {
    const m = await toAssembly('collective_income_use', '2026 年集体收益使用方案');
    const tellers = { tellerResidentId: teller.me.resident?.id, scrutineerResidentId: scrutineer.me.resident?.id };
    const reps = await paperMeeting(
      t,
      secretary,
      m,
      { purpose: 'assembly_resolution', body: 'representative_assembly', electorate: 'villager_reps', turnout: { eligible: 14, participated: 14 }, counts: { for: 14, against: 0, abstain: 0 }, ...tellers },
      photo,
    );
    await post(scrutineer, `/api/matters/${m.id}/meetings/${reps}/confirm-count`).expect(200);
    await refused(await advance(secretary, m, { type: 'record_assembly_resolution', meetingId: reps }), m.id, m, 'decision_body_not_authorized', '须由村民会议决定');

    const short = await paperMeeting(
      t,
      secretary,
      m,
      { purpose: 'assembly_resolution', body: 'villager_assembly', electorate: 'households', noticeGivenOn: addDays(today(), -5), turnout: { eligible: 80, participated: 60 }, counts: { for: 50, against: 5, abstain: 5 }, ...tellers },
      photo,
    );
    const scheduled = (await detailOf(secretary, m.id)).meetings.find((x) => x.id === short);
    expect(scheduled?.noticeWarning).toContain('村民会议应提前 10 天通知');
    await post(scrutineer, `/api/matters/${m.id}/meetings/${short}/confirm-count`).expect(200);
    await refused(await advance(secretary, m, { type: 'record_assembly_resolution', meetingId: short }), m.id, m, 'notice_too_short', '村民会议应提前 10 天通知，本次只提前了 5 天');

    // A ballot that is not closed, or made for another matter, does not count either.
    const open = await openBallot(t, committee, { title: '未结束的表决', electorate: 'households', rule: { body: 'villager_assembly', override: null }, matterId: m.id } as never);
    const withBallot = await scheduleMeeting(t, secretary, m.id, {
      purpose: 'assembly_resolution',
      body: 'villager_assembly',
      electorate: 'households',
      place: '村小学操场',
      noticeGivenOn: addDays(today(), -12),
      ballotId: open.id,
    });
    await post(secretary, `/api/matters/${m.id}/meetings/${withBallot}/record`, {
      heldOn: today(),
      revision: 1,
      attendeeResidentIds: [],
      minutes: '村民会议',
      signInSheetPhotoIds: [photo],
      signerResidentIds: [secretary.me.resident?.id],
      count: { kind: 'ballot', ballotId: open.id },
    }).expect(200);
    await refused(await advance(secretary, m, { type: 'record_assembly_resolution', meetingId: withBallot }), m.id, m, 'ballot_not_closed', '还没有结束');
  });

  it('lets the supervisory committee send a matter back, and keeps other villages out', async () => {
    let m = await toAssembly('general', '村卫生室维修方案');
    m = (await post(supervisor, `/api/matters/${m.id}/send-back`, { toStage: 'committees_deliberation', reason: '两委会议未通知全部委员', version: m.version }).expect(200)).body;
    expect(m.stage).toBe('committees_deliberation');
    expect(m.stepper.find((s) => s.stage === 'party_review')?.status).not.toBe('done');
    expect((await post(committee, `/api/matters/${m.id}/send-back`, { toStage: 'branch_proposal', reason: 'x', version: m.version })).status).toBe(403);
    const conflict = await post(supervisor, `/api/matters/${m.id}/send-back`, { toStage: 'committees_deliberation', reason: '再退', version: m.version - 1 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('MATTER_VERSION_CONFLICT');
    expect((await get(secretary, `/api/matters/00000000-0000-4000-8000-000000000000`)).status).toBe(404);

    // An announced meeting can be moved or cancelled; a held one cannot.
    const planned = await scheduleMeeting(t, committee, m.id, { purpose: 'committees_deliberation', body: 'committee_meeting', electorate: 'committee_members', noticeGivenOn: null });
    await t.http.patch(`/api/matters/${m.id}/meetings/${planned}`).set(...bearer(committee)).send({ place: '村文化礼堂' }).expect(200);
    const cancelled = (await post(committee, `/api/matters/${m.id}/meetings/${planned}/cancel`, { reason: '改期' }).expect(200)).body as MatterDetail;
    expect(cancelled.meetings.find((x) => x.id === planned)).toMatchObject({ status: 'cancelled', place: '村文化礼堂', cancelledReason: '改期' });
    expect((await post(committee, `/api/matters/${m.id}/meetings/${planned}/cancel`, { reason: '再取消' })).body.code).toBe('MATTER_MEETING_STATUS');
  });

  it('lets a 村民会议 authorize the 村民代表会议 for an art. 24 type, which then decides it', async () => {
    const tellers = { tellerResidentId: teller.me.resident?.id, scrutineerResidentId: scrutineer.me.resident?.id };
    const grant = await toAssembly('general', '授权村民代表会议决定集体收益使用');
    const villagers = await paperMeeting(
      t,
      secretary,
      grant,
      { purpose: 'assembly_resolution', body: 'villager_assembly', electorate: 'households', noticeGivenOn: addDays(today(), -12), turnout: { eligible: 80, participated: 60 }, counts: { for: 50, against: 5, abstain: 5 }, ...tellers },
      photo,
    );
    await post(scrutineer, `/api/matters/${grant.id}/meetings/${villagers}/confirm-count`).expect(200);
    expect((await advance(secretary, grant, { type: 'record_assembly_resolution', meetingId: villagers }).expect(200)).body.stage).toBe('resolution_disclosure');

    // The meetings that may grant it are listed for the committee (and only for them).
    const meetings = (await get(secretary, '/api/assembly-authorizations/meetings').expect(200)).body;
    expect(meetings[0]).toEqual({ meetingId: villagers, matterId: grant.id, matterTitle: '授权村民代表会议决定集体收益使用', heldOn: today() });
    await get(villager, '/api/assembly-authorizations/meetings').expect(403);

    const rules = await post(secretary, '/api/assembly-authorizations', { meetingId: villagers, typeCodes: ['village_rules'], expiresOn: null });
    expect(rules.status).toBe(409);
    expect(rules.body.message).toContain('须由村民会议决定');
    const granted = await post(secretary, '/api/assembly-authorizations', { meetingId: villagers, typeCodes: ['collective_income_use'], expiresOn: null }).expect(201);
    expect(granted.body).toEqual([expect.objectContaining({ inForce: true, types: [{ code: 'collective_income_use', label: '集体收益使用' }] })]);
    expect((await get(villager, '/api/assembly-authorizations').expect(200)).body).toHaveLength(1);

    const m = await toAssembly('collective_income_use', '2026 年集体收益使用方案（授权后）');
    expect(m.decision.bodies).toEqual(['villager_assembly', 'representative_assembly']);
    const reps = await paperMeeting(
      t,
      secretary,
      m,
      { purpose: 'assembly_resolution', body: 'representative_assembly', electorate: 'villager_reps', turnout: { eligible: 14, participated: 13 }, counts: { for: 12, against: 1, abstain: 0 }, ...tellers },
      photo,
    );
    await post(scrutineer, `/api/matters/${m.id}/meetings/${reps}/confirm-count`).expect(200);
    const decided = (await advance(secretary, m, { type: 'record_assembly_resolution', meetingId: reps }).expect(200)).body as MatterDetail;
    expect(decided.stage).toBe('resolution_disclosure');

    // Sent back to be disclosed again: the first notice stays, marked superseded; a new one is published.
    const again = (await post(supervisor, `/api/matters/${m.id}/send-back`, { toStage: 'resolution_disclosure', reason: '公示未张贴到各组公开栏', version: decided.version }).expect(200)).body as MatterDetail;
    expect(again.stage).toBe('resolution_disclosure');
    expect(again.disclosures.map((d) => d.status)).toEqual(['superseded', 'open']);
    expect(again.disclosures[0].noticeId).not.toBe(again.disclosures[1].noticeId);
    const old = (await get(secretary, `/api/notices/${again.disclosures[0].noticeId}`).expect(200)).body;
    expect(old).toMatchObject({ status: 'archived' });
    expect(JSON.stringify(old)).toContain(again.disclosures[1].noticeId);

    // An objection WeChat's content check holds still counts (the 两委 must answer it), but only its author and those who answer see it.
    const held = (await post(householdRep, `/api/matters/${m.id}/objections`, { text: '【违规】这个方案不行' }).expect(201)).body as MatterDetail;
    expect(held.objections).toEqual([expect.objectContaining({ status: 'held', mine: true })]);
    expect((await detailOf(villager, m.id)).objections).toEqual([]);
    expect((await detailOf(secretary, m.id)).objections).toEqual([expect.objectContaining({ status: 'held', text: '【违规】这个方案不行' })]);
    expect((await detailOf(secretary, m.id)).unansweredObjections).toBe(1);
  });

  it('ends a matter the assembly rejects, and lets the branch propose it again as a new revision; or withdraws one', async () => {
    const tellers = { tellerResidentId: teller.me.resident?.id, scrutineerResidentId: scrutineer.me.resident?.id };
    let m = await toAssembly('general', '村办公楼翻修方案');
    const vote = await paperMeeting(
      t,
      secretary,
      m,
      { purpose: 'assembly_resolution', body: 'villager_assembly', electorate: 'households', noticeGivenOn: addDays(today(), -10), turnout: { eligible: 80, participated: 60 }, counts: { for: 20, against: 38, abstain: 2 }, ...tellers },
      photo,
    );
    await post(scrutineer, `/api/matters/${m.id}/meetings/${vote}/confirm-count`).expect(200);
    m = (await advance(secretary, m, { type: 'record_assembly_resolution', meetingId: vote }).expect(200)).body;
    expect(m).toMatchObject({ stage: 'rejected', nextStep: expect.stringContaining('重新提议') });
    await refused(await advance(committee, m, { type: 'start_implementation', responsibleResidentId: committee.me.resident?.id, plannedStartOn: today(), plannedEndOn: today(), budgetFen: null }), m.id, m, 'matter_closed', '不能再开始实施');
    m = (await advance(secretary, m, { type: 'repropose', basedOn: 1, title: '村办公楼翻修方案（压减规模）', body: '只维修屋顶和门窗。', budgetFen: 8_000_000, changeNote: '根据村民会议意见压减规模' }).expect(200)).body;
    expect(m).toMatchObject({ stage: 'branch_proposal', currentRevision: 2, title: '村办公楼翻修方案（压减规模）' });
    m = (await advance(secretary, m, { type: 'withdraw', reason: '上级资金已安排，无需村里筹资' }).expect(200)).body;
    expect(m).toMatchObject({ stage: 'withdrawn', closedReason: '撤回：上级资金已安排，无需村里筹资' });
  });

  it('configures the village’s matter types, never dropping a statutory one', async () => {
    const refused = await t.http.put('/api/matter-types').set(...bearer(secretary)).send({ extras: [], disabled: ['homestead_plan'] });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('MATTER_TYPES_INVALID');
    const saved = await t.http
      .put('/api/matter-types')
      .set(...bearer(secretary))
      .send({ extras: [{ code: 'irrigation', label: '农田水利', decisionMode: 'either' }], disabled: [] })
      .expect(200);
    expect(saved.body.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['homestead_plan', 'general', 'irrigation']));
    expect((await t.http.put('/api/matter-types').set(...bearer(villager)).send({ extras: [], disabled: [] })).status).toBe(403);
    await createMatter(t, secretary, { typeCode: 'irrigation', title: '东沟渠道清淤' });
  });

  it('keeps the village’s workflow settings within the law', async () => {
    expect((await get(villager, '/api/matter-policy').expect(200)).body).toMatchObject({ disclosureDays: 7, noticeLeadDays: { villager_assembly: 10 }, partyReviewPassBasis: 'all_members' });
    const lead = { villager_assembly: 5, representative_assembly: 3, party_assembly: 3, committee_meeting: 1 };
    const refused = await t.http.put('/api/matter-policy').set(...bearer(secretary)).send({ disclosureDays: 10, noticeLeadDays: lead, partyReviewPassBasis: 'all_members' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'MATTER_POLICY_INVALID', message: expect.stringContaining('村民会议至少提前 10 天通知') });
    const saved = await t.http.put('/api/matter-policy').set(...bearer(committee)).send({ disclosureDays: 10, noticeLeadDays: { ...lead, villager_assembly: 15 }, partyReviewPassBasis: 'present' }).expect(200);
    expect(saved.body).toMatchObject({ disclosureDays: 10, noticeLeadDays: { villager_assembly: 15, representative_assembly: 3 }, partyReviewPassBasis: 'present' });
    // The policy is what the workflow judges with: a 村民代表会议 now needs 3 days' notice.
    const m = await createMatter(t, secretary, { title: '村史馆布展方案' });
    const meetingId = await scheduleMeeting(t, secretary, m.id, { purpose: 'assembly_resolution', body: 'representative_assembly', electorate: 'villager_reps', noticeGivenOn: today() });
    expect((await detailOf(secretary, m.id)).meetings.find((x) => x.id === meetingId)?.noticeWarning).toContain('村民代表会议应提前 3 天通知');
    await t.http.put('/api/matter-policy').set(...bearer(secretary)).send({ disclosureDays: 7, noticeLeadDays: { villager_assembly: 10, representative_assembly: 0, party_assembly: 0, committee_meeting: 0 }, partyReviewPassBasis: 'all_members' }).expect(200);
  });

  it('turns a petition of a fifth of the representatives into an obligation with a deadline', async () => {
    const reps: { id: string }[] = await t.dataSource.query('SELECT id FROM resident WHERE village_id = ? AND is_villager_rep = ? AND departed_on IS NULL ORDER BY id', [villageId, true]);
    const signers = reps.slice(0, Math.ceil(reps.length / 5)).map((r) => r.id);
    const res = await post(secretary, '/api/convening-petitions', {
      body: 'representative_assembly',
      petitionedOn: today(),
      subject: '讨论村集体光伏收益分配',
      adultSignerIds: [],
      representativeSignerIds: signers,
      photoIds: [photo],
    }).expect(201);
    expect(res.body[0]).toMatchObject({ status: 'open', dueBy: addDays(today(), 30), legalBasis: '《村民委员会组织法》第二十六条' });
    expect(res.body[0].statusText).toContain('还剩 30 天');
    expect((await get(supervisor, '/api/convening-obligations?status=open').expect(200)).body).toHaveLength(1);
    expect((await get(villager, '/api/convening-obligations')).status).toBe(403);
    const township = await loginAs(t, 'township');
    const across = (await get(township, '/api/township/convening-obligations').expect(200)).body;
    expect(across).toEqual([expect.objectContaining({ subject: '讨论村集体光伏收益分配', village: { id: villageId, name: secretary.me.village?.name } })]);
  });

  it('leaves a valid audit chain', async () => {
    const verdict = await get(supervisor, '/api/audit/verify').expect(200);
    expect(verdict.body.ok).toBe(true);
    expect(await count("SELECT COUNT(*) AS n FROM audit_event WHERE entity_type = 'matter' AND village_id = ?", [villageId])).toBeGreaterThan(20);
  });
});
