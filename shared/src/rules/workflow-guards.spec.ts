import type { Role } from '../constants/roles';
import { DEFAULT_MATTER_TYPES, type AssemblyAuthorization, type MatterTypeDefinition } from './matter-types';
import type { MatterState, TransitionResult, WorkflowContext, WorkflowEvent, WorkflowMeeting } from './workflow-model';
import { matterAt, meetingFor, testContext, TEST_MATTER } from './workflow-testkit';
import { proposeMatter, transition } from './workflow';

/* Focused tests of each guard, at the boundary figures. */

const typeOf = (code: string): MatterTypeDefinition => {
  const t = DEFAULT_MATTER_TYPES.find((x) => x.code === code);
  if (!t) throw new Error(code);
  return t;
};

function refused(result: TransitionResult): { code: string; reason: string }[] {
  if (result.ok) throw new Error(`expected a refusal, got ${result.summary}`);
  return result.unmet.map((u) => ({ code: u.code, reason: u.reason }));
}

function accepted(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new Error(result.unmet.map((u) => `${u.code}: ${u.reason}`).join('\n'));
  return result;
}

const codes = (result: TransitionResult): string[] => refused(result).map((u) => u.code);

describe('quorum and threshold (through quorum.ts)', () => {
  const party = (turnout: { eligible: number; participated: number }, votesFor: number, ctx: Partial<WorkflowContext> = {}) =>
    transition(matterAt('party_review'), { type: 'record_party_review', meeting: meetingFor('party_review', { turnout, counts: { for: votesFor, against: 0, abstain: 0 } }) }, testContext(ctx));

  it('党员大会: 5 of 9 present is short of two thirds, with the figures', () => {
    expect(refused(party({ eligible: 9, participated: 5 }, 5))).toEqual([{ code: 'quorum_not_met', reason: '党员大会到会人数 5/9，未达到三分之二（还差 1 人）' }]);
  });

  it('党员大会: exactly two thirds present counts (6/9)', () => {
    expect(accepted(party({ eligible: 9, participated: 6 }, 5)).next.stage).toBe('assembly_resolution');
  });

  it('党员大会: passes with more than half of ALL party members, not of those present', () => {
    expect(accepted(party({ eligible: 15, participated: 10 }, 8)).next.stage).toBe('assembly_resolution');
    const failed = accepted(party({ eligible: 15, participated: 10 }, 7));
    expect(failed.next.stage).toBe('committees_deliberation');
    expect(failed.summary).toContain('至少要 8 人同意');
    expect(failed.summary).toContain('退回两委商议修改');
    expect(failed.effects).toContainEqual(expect.objectContaining({ type: 'notify', audience: 'committee' }));
  });

  it('党员大会: exactly half of all members fails (8/16)', () => {
    expect(accepted(party({ eligible: 16, participated: 12 }, 8)).next.stage).toBe('committees_deliberation');
  });

  it('党员大会: a village may count the majority among those present', () => {
    const present = { policy: { partyReviewPassBasis: 'present' as const } };
    const result = accepted(party({ eligible: 15, participated: 10 }, 6, present));
    expect(result.next.stage).toBe('assembly_resolution');
    expect(result.summary).toContain('超过到会党员的半数？是');
    expect(accepted(party({ eligible: 15, participated: 10 }, 5, present)).next.stage).toBe('committees_deliberation');
  });

  it('委员会会议: exactly half present counts (半数以上), under half does not', () => {
    const committees = (participated: number, votesFor: number) =>
      transition(
        matterAt('committees_deliberation'),
        { type: 'record_committees_meeting', meeting: meetingFor('committees_deliberation', { turnout: { eligible: 6, participated }, counts: { for: votesFor, against: 0, abstain: 0 } }) },
        testContext(),
      );
    expect(accepted(committees(3, 3))).toBeTruthy();
    expect(accepted(committees(3, 3)).next.stage).toBe('committees_deliberation'); // 3/6 of all members is not more than half
    expect(accepted(committees(4, 4)).next.stage).toBe('party_review');
    expect(refused(committees(2, 2))).toEqual([{ code: 'quorum_not_met', reason: '两委联席会议到会人数 2/6，未达到半数（还差 1 人）' }]);
  });

  it('a failed first-stage vote is recorded and the stage stays', () => {
    const result = accepted(
      transition(matterAt('branch_proposal'), { type: 'record_branch_meeting', meeting: meetingFor('branch_proposal', { counts: { for: 3, against: 3, abstain: 0 } }) }, testContext()),
    );
    expect(result.next.stage).toBe('branch_proposal');
    expect(result.next.meetings.branch_proposal).toMatchObject({ outcome: 'rejected' });
    expect(result.effects[0]).toMatchObject({ type: 'record_meeting', outcome: 'rejected' });
  });

  const assembly = (meeting: Partial<WorkflowMeeting>, ctx: Partial<WorkflowContext> = {}, type?: MatterTypeDefinition) =>
    transition(matterAt('assembly_resolution', type), { type: 'record_assembly_resolution', meeting: meetingFor('assembly_resolution', meeting) }, testContext({ ...(type ? { matterType: type } : {}), ...ctx }));

  it('村民会议: 56/85 households is short of two thirds, 57/85 counts', () => {
    expect(refused(assembly({ turnout: { eligible: 85, participated: 56 }, counts: { for: 40, against: 0, abstain: 0 } }))).toEqual([
      { code: 'quorum_not_met', reason: '村民会议到会户数 56/85，未达到三分之二（还差 1 户）' },
    ]);
    expect(accepted(assembly({ turnout: { eligible: 85, participated: 57 }, counts: { for: 40, against: 0, abstain: 0 } })).next.stage).toBe('resolution_disclosure');
  });

  it('村民会议 of adults: either way to the quorum, both named when neither is met', () => {
    const adults = { electorate: 'adult_residents' as const, counts: { for: 60, against: 0, abstain: 0 } };
    const src = { kind: 'ballot' as const, ballotId: 'b', matterId: TEST_MATTER, status: 'closed' as const, rule: { body: 'villager_assembly' as const, override: null } };
    expect(
      refused(assembly({ ...adults, source: src, turnout: { eligible: 200, participated: 100 }, householdTurnout: { eligible: 85, participated: 56 } }))[0].reason,
    ).toBe('村民会议到会人数 100/200，未超过半数（还差 1 人）；户代表到会 56/85，未达到三分之二（还差 1 户）（两项满足其一即可）');
    expect(accepted(assembly({ ...adults, source: src, turnout: { eligible: 200, participated: 100 }, householdTurnout: { eligible: 85, participated: 57 } })).next.stage).toBe(
      'resolution_disclosure',
    );
  });

  it('村民会议: exactly half of participants fails and the matter is rejected; one more passes', () => {
    const rejected = accepted(assembly({ counts: { for: 30, against: 30, abstain: 0 } }));
    expect(rejected.next).toMatchObject({ stage: 'rejected', closedFrom: 'assembly_resolution' });
    expect(rejected.effects.map((e) => e.type)).toEqual(['record_meeting']);
    expect(accepted(assembly({ counts: { for: 31, against: 29, abstain: 0 } })).next.stage).toBe('resolution_disclosure');
  });

  it('土地承包经营方案: ≥ 2/3 of ALL households (LCL art. 19), and the ballot must use that rule', () => {
    const land = typeOf('land_contracting_plan');
    const rule = { body: 'villager_assembly' as const, override: 'land_contracting_plan' as const };
    const src = { kind: 'ballot' as const, ballotId: 'b', matterId: TEST_MATTER, status: 'closed' as const, rule };
    expect(accepted(assembly({ source: src, counts: { for: 57, against: 3, abstain: 0 } }, {}, land)).next.stage).toBe('resolution_disclosure');
    const short = accepted(assembly({ source: src, counts: { for: 56, against: 4, abstain: 0 } }, {}, land));
    expect(short.next.stage).toBe('rejected');
    expect(short.summary).toContain('《农村土地承包法》第十九条');
    const plainBallot = refused(assembly({ counts: { for: 57, against: 3, abstain: 0 } }, {}, land));
    expect(plainBallot.map((u) => u.code)).toEqual(['meeting_rule_mismatch']);
    expect(plainBallot[0].reason).toContain('土地承包经营方案须经三分之二以上成员');
  });
});

describe('decision body (OL art. 24 and authorizations)', () => {
  const reps = { body: 'representative_assembly' as const, electorate: 'villager_reps' as const, turnout: { eligible: 15, participated: 12 }, counts: { for: 9, against: 3, abstain: 0 } };
  const repSource = (override: MatterTypeDefinition['override'] = null) => ({
    kind: 'ballot' as const,
    ballotId: 'b',
    matterId: TEST_MATTER,
    status: 'closed' as const,
    rule: { body: 'representative_assembly' as const, override },
  });
  const decide = (type: MatterTypeDefinition, authorizations: AssemblyAuthorization[] = [], heldOn = '2026-12-09') =>
    transition(
      matterAt('assembly_resolution', type),
      { type: 'record_assembly_resolution', meeting: meetingFor('assembly_resolution', { ...reps, heldOn, source: repSource(type.override) }) },
      testContext({ matterType: type, authorizations }),
    );
  const auth = (over: Partial<AssemblyAuthorization> = {}): AssemblyAuthorization => ({
    id: 'a1',
    grantedByMeetingId: 'm-va',
    grantedOn: '2026-03-01',
    typeCodes: ['public_welfare_funding'],
    expiresOn: '2027-02-28',
    revokedOn: null,
    ...over,
  });
  const funding = typeOf('public_welfare_funding');

  it('refuses an art. 24 matter sent to the 村民代表会议 without authorization, in the statute’s words', () => {
    expect(refused(decide(funding))).toEqual([
      { code: 'decision_body_not_authorized', reason: '该事项属于《村民委员会组织法》第二十四条，须由村民会议决定；村民代表会议没有村民会议的授权' },
    ]);
  });

  it('accepts it under an authorization in force, up to and including its last day', () => {
    expect(accepted(decide(funding, [auth()])).next.stage).toBe('resolution_disclosure');
    const lastDay = transition(
      matterAt('assembly_resolution', funding),
      { type: 'record_assembly_resolution', meeting: meetingFor('assembly_resolution', { ...reps, heldOn: '2026-12-09', source: repSource() }) },
      testContext({ matterType: funding, authorizations: [auth({ expiresOn: '2026-12-09' })] }),
    );
    expect(accepted(lastDay).next.stage).toBe('resolution_disclosure');
  });

  it('names why an authorization does not help: expired, revoked, later, other types', () => {
    expect(refused(decide(funding, [auth({ expiresOn: '2026-12-08' })]))[0].reason).toBe(
      '该事项属于《村民委员会组织法》第二十四条，须由村民会议决定；村民会议 2026年3月1日 的授权已于 2026年12月8日 到期',
    );
    expect(refused(decide(funding, [auth({ revokedOn: '2026-12-09' })]))[0].reason).toContain('已于 2026年12月9日 撤销');
    expect(refused(decide(funding, [auth({ grantedOn: '2026-12-10', expiresOn: null })]))[0].reason).toContain('在会议日期之后才作出');
    expect(refused(decide(funding, [auth({ typeCodes: ['homestead_plan'] })]))[0].reason).toContain('没有村民会议的授权');
  });

  it('never lets the 村民代表会议 make 村规民约, even with an authorization', () => {
    const rules = typeOf('village_rules');
    expect(refused(decide(rules, [auth({ typeCodes: ['village_rules'] })]))).toEqual([
      { code: 'decision_body_not_authorized', reason: '“村规民约”须由村民会议决定（《村民委员会组织法》第二十七条），不能由村民代表会议决定' },
    ]);
  });

  it('lets the 村民代表会议 decide 其他村务 and land adjustment without authorization (2/3 of all representatives)', () => {
    expect(accepted(decide(typeOf('general'))).next.stage).toBe('resolution_disclosure');
    const adjust = decide(typeOf('land_adjustment'));
    expect(accepted(adjust).next.stage).toBe('rejected'); // 9/15 is a majority of those present, not 2/3 of all
  });

  it('refuses a meeting of the wrong body for the stage', () => {
    const result = transition(
      matterAt('party_review'),
      { type: 'record_party_review', meeting: meetingFor('assembly_resolution', { meetingId: 'x' }) },
      testContext(),
    );
    expect(refused(result)).toEqual([{ code: 'meeting_body_mismatch', reason: '党员大会应由党员大会表决，登记的是村民会议' }]);
  });

  it('refuses voters that do not fit the body', () => {
    const result = transition(
      matterAt('party_review'),
      { type: 'record_party_review', meeting: meetingFor('party_review', { electorate: 'households' }) },
      testContext(),
    );
    expect(codes(result)).toEqual(['meeting_electorate_mismatch']);
  });
});

describe('meeting notice (OL art. 21)', () => {
  const held = '2026-12-09';
  const assemblyWithNotice = (noticeGivenOn: string | null, ctx: Partial<WorkflowContext> = {}) =>
    transition(matterAt('assembly_resolution'), { type: 'record_assembly_resolution', meeting: meetingFor('assembly_resolution', { noticeGivenOn, heldOn: held }) }, testContext(ctx));

  it('accepts exactly 10 days', () => {
    expect(accepted(assemblyWithNotice('2026-11-29')).next.stage).toBe('resolution_disclosure');
  });

  it('refuses 9 days, naming both figures', () => {
    expect(refused(assemblyWithNotice('2026-11-30'))).toEqual([{ code: 'notice_too_short', reason: '村民会议应提前 10 天通知，本次只提前了 9 天' }]);
    expect(refused(assemblyWithNotice('2026-12-03'))[0].reason).toBe('村民会议应提前 10 天通知，本次只提前了 6 天');
  });

  it('refuses a missing notice date, and a village cannot lower the statutory 10 days', () => {
    expect(refused(assemblyWithNotice(null))[0]).toEqual({ code: 'notice_too_short', reason: '村民会议应提前 10 天通知，没有登记通知日期' });
    const lowered = { policy: { noticeLeadDays: { villager_assembly: 7, representative_assembly: 0, party_assembly: 0, committee_meeting: 0 } } };
    expect(codes(assemblyWithNotice('2026-12-01', lowered))).toEqual(['notice_too_short']);
  });

  it('applies a village’s own lead time for the 村民代表会议', () => {
    const policy = { policy: { noticeLeadDays: { villager_assembly: 10, representative_assembly: 3, party_assembly: 0, committee_meeting: 0 } } };
    const reps = (noticeGivenOn: string) =>
      transition(
        matterAt('assembly_resolution'),
        {
          type: 'record_assembly_resolution',
          meeting: meetingFor('assembly_resolution', {
            body: 'representative_assembly',
            electorate: 'villager_reps',
            noticeGivenOn,
            turnout: { eligible: 15, participated: 12 },
            counts: { for: 9, against: 3, abstain: 0 },
            source: { kind: 'ballot', ballotId: 'b', matterId: TEST_MATTER, status: 'closed', rule: { body: 'representative_assembly', override: null } },
          }),
        },
        testContext(policy),
      );
    expect(accepted(reps('2026-12-06')).next.stage).toBe('resolution_disclosure');
    expect(refused(reps('2026-12-07'))[0].reason).toBe('村民代表会议应提前 3 天通知，本次只提前了 2 天');
  });
});

describe('meeting records, dates and counts', () => {
  const party = (meeting: Partial<WorkflowMeeting>, matter: MatterState = matterAt('party_review')) =>
    transition(matter, { type: 'record_party_review', meeting: meetingFor('party_review', meeting) }, testContext());

  it('lists every missing record', () => {
    expect(refused(party({ records: { minutes: false, signInSheetPhotos: 0, signers: 0 } }))).toEqual([
      { code: 'meeting_records_missing', reason: '会议记录还缺：会议纪要、签到表照片、纪要签字人' },
    ]);
  });

  it('refuses a meeting that has not happened yet, and one held before the previous stage', () => {
    expect(refused(party({ heldOn: '2026-12-11' }))).toEqual([{ code: 'meeting_in_future', reason: '会议日期 12月11日 还没到，开完会再登记' }]);
    expect(refused(party({ heldOn: '2026-11-02' }))).toEqual([{ code: 'meeting_out_of_order', reason: '党员大会（11月2日）早于两委联席会议（11月3日），四议须依次进行' }]);
    expect(accepted(party({ heldOn: '2026-11-03' })).next.stage).toBe('assembly_resolution');
  });

  it('refuses a meeting already recorded for a stage', () => {
    expect(codes(party({ meetingId: 'm-committees' }))).toEqual(['meeting_already_used']);
  });

  it('votes on the current revision only', () => {
    const amended: MatterState = { ...matterAt('party_review'), currentRevision: 3 };
    expect(refused(party({ revision: 2 }, amended))).toEqual([
      { code: 'revision_not_current', reason: '会议表决的是第 2 稿，现行文本是第 3 稿，请就第 3 稿表决' },
    ]);
    expect(accepted(party({ revision: 3 }, amended)).next.meetings.party_review).toMatchObject({ revision: 3 });
  });

  it('needs a closed ballot of this matter, or a paper count by two people confirmed', () => {
    const ballot = (status: 'open' | 'closed', matterId: string | null) =>
      party({ source: { kind: 'ballot', ballotId: 'b', matterId, status, rule: { body: 'party_assembly', override: null } } });
    expect(codes(ballot('open', TEST_MATTER))).toEqual(['ballot_not_closed']);
    expect(codes(ballot('closed', 'other'))).toEqual(['ballot_other_matter']);
    expect(accepted(ballot('closed', TEST_MATTER)).next.stage).toBe('assembly_resolution');
    expect(refused(party({ source: { kind: 'paper', tellerResidentId: 'r1', scrutineerResidentId: 'r1', confirmed: true } }))[0].reason).toBe('现场计票须有计票人和监票人两个人');
    expect(refused(party({ source: { kind: 'paper', tellerResidentId: 'r1', scrutineerResidentId: 'r2', confirmed: false } }))[0].reason).toBe('计票结果还没有经监票人确认');
  });

  it('refuses impossible counts instead of throwing', () => {
    expect(codes(party({ turnout: { eligible: 15, participated: 12 }, counts: { for: 10, against: 5, abstain: 0 } }))).toEqual(['meeting_counts_invalid']);
  });

  it('reports everything wrong at once', () => {
    expect(codes(party({ revision: 2, heldOn: '2026-12-11', records: { minutes: false, signInSheetPhotos: 1, signers: 1 }, turnout: { eligible: 9, participated: 5 }, counts: { for: 5, against: 0, abstain: 0 } }))).toEqual([
      'revision_not_current',
      'meeting_in_future',
      'meeting_records_missing',
      'quorum_not_met',
    ]);
  });
});

describe('merging stages 1–2 (一肩挑)', () => {
  const merged = (oneShoulder: boolean) =>
    transition(matterAt('branch_proposal'), { type: 'record_merged_meeting', meeting: meetingFor('merged_proposal') }, testContext({ secretaryOneShoulder: oneShoulder }));

  it('is refused where the secretary is not also the director', () => {
    expect(refused(merged(false))).toEqual([{ code: 'merge_not_allowed', reason: '只有书记、村委会主任“一肩挑”的村，才可以把党组织提议和两委商议合并为一次会议' }]);
  });

  it('passes both stages with one meeting', () => {
    const result = accepted(merged(true));
    expect(result.next.stage).toBe('party_review');
    expect(result.next.meetings.branch_proposal).toMatchObject({ meetingId: 'm-new-merged_proposal', merged: true });
    expect(result.next.meetings.committees_deliberation).toMatchObject({ meetingId: 'm-new-merged_proposal', merged: true });
  });
});

describe('revisions', () => {
  it('amending makes a new revision and asks the server to store it', () => {
    const result = accepted(transition(matterAt('committees_deliberation'), { type: 'amend', basedOn: 1 }, testContext()));
    expect(result.next.currentRevision).toBe(2);
    expect(result.effects).toEqual([{ type: 'create_revision', revision: 2, basedOn: 1 }]);
  });

  it('refuses an amendment of an outdated revision (someone amended meanwhile)', () => {
    const matter = { ...matterAt('committees_deliberation'), currentRevision: 2 };
    expect(refused(transition(matter, { type: 'amend', basedOn: 1 }, testContext()))[0]).toEqual({
      code: 'revision_not_current',
      reason: '修改依据的是第 1 稿，现行文本已是第 2 稿，请在第 2 稿的基础上修改',
    });
  });

  it('re-proposing a rejected matter starts again from stage 1 with a new revision', () => {
    const result = accepted(transition(matterAt('rejected'), { type: 'repropose', basedOn: 1 }, testContext()));
    expect(result.next).toMatchObject({ stage: 'branch_proposal', currentRevision: 2, closedFrom: null, meetings: {} });
  });
});

describe('disclosure windows and objections', () => {
  const disclosed = (window: { startsOn: string; endsOn: string }, over: Partial<MatterState> = {}): MatterState => ({
    ...matterAt('resolution_disclosure'),
    resolutionDisclosure: { ...window, noticeId: 'n-res', revision: 1 },
    ...over,
  });
  const plan = { responsibleResidentId: 'r-responsible', plannedStartOn: '2026-12-04', plannedEndOn: '2026-12-31', budgetFen: null };
  const start = (matter: MatterState, today: string) => transition(matter, { type: 'start_implementation', plan }, testContext({ today }));
  const week = { startsOn: '2026-11-27', endsOn: '2026-12-03' };

  it('the window must have run: refused on its last day, allowed the day after', () => {
    expect(refused(start(disclosed(week), '2026-12-03'))).toEqual([{ code: 'disclosure_window_open', reason: '决议公示期到 12月3日 才满 7 天' }]);
    expect(accepted(start(disclosed(week), '2026-12-04')).next.stage).toBe('implementation');
  });

  it('opens a window of the configured length when the resolution passes, and publishes its notice', () => {
    const result = accepted(
      transition(matterAt('assembly_resolution'), { type: 'record_assembly_resolution', meeting: meetingFor('assembly_resolution') }, testContext({ policy: { disclosureDays: 10 } })),
    );
    expect(result.next.resolutionDisclosure).toEqual({ startsOn: '2026-12-10', endsOn: '2026-12-19', noticeId: null, revision: 1 });
    expect(result.effects).toContainEqual({ type: 'publish_resolution_notice', revision: 1, meetingId: 'm-new-assembly_resolution', startsOn: '2026-12-10', endsOn: '2026-12-19' });
    expect(refused(start(result.next, '2026-12-20'))).toEqual([{ code: 'disclosure_notice_missing', reason: '决议公示的公告还没有发布' }]);
  });

  it('the default window is 7 days', () => {
    const result = accepted(transition(matterAt('assembly_resolution'), { type: 'record_assembly_resolution', meeting: meetingFor('assembly_resolution') }, testContext()));
    expect(result.next.resolutionDisclosure).toMatchObject({ startsOn: '2026-12-10', endsOn: '2026-12-16' });
  });

  it('every objection must be answered first, counted in the reason', () => {
    const objections = [
      { id: 'o1', disclosure: 'resolution' as const, filedOn: '2026-11-28', answered: false },
      { id: 'o2', disclosure: 'resolution' as const, filedOn: '2026-11-29', answered: false },
      { id: 'o3', disclosure: 'resolution' as const, filedOn: '2026-11-29', answered: true },
    ];
    const matter = disclosed(week, { objections });
    expect(refused(start(matter, '2026-12-04'))).toEqual([{ code: 'objections_unanswered', reason: '还有 2 条异议没有答复' }]);
    let m = matter;
    for (const id of ['o1', 'o2']) m = accepted(transition(m, { type: 'answer_objection', objectionId: id }, testContext({ today: '2026-12-04' }))).next;
    expect(accepted(start(m, '2026-12-04')).next.stage).toBe('implementation');
    expect(refused(transition(m, { type: 'answer_objection', objectionId: 'o1' }, testContext()))[0].code).toBe('objection_not_open');
  });

  it('objections are filed inside the window only: its last day yes, the day after no', () => {
    const file = (today: string) => transition(disclosed(week), { type: 'file_objection', objectionId: 'o9' }, testContext({ today }, ['villager']));
    expect(accepted(file('2026-12-03')).next.objections).toEqual([{ id: 'o9', disclosure: 'resolution', filedOn: '2026-12-03', answered: false }]);
    expect(refused(file('2026-12-04'))).toEqual([
      { code: 'not_in_disclosure_window', reason: '决议公示期为 11月27日至12月3日，已经结束，现在不能提出异议；有意见可以向村务监督委员会反映' },
    ]);
  });

  it('reports the window and the objections together', () => {
    const matter = disclosed(week, { objections: [{ id: 'o1', disclosure: 'resolution', filedOn: '2026-11-28', answered: false }] });
    expect(codes(start(matter, '2026-12-01'))).toEqual(['disclosure_window_open', 'objections_unanswered']);
  });

  it('archiving waits for the result window and its objections', () => {
    const matter: MatterState = {
      ...matterAt('result_disclosure'),
      resultDisclosure: { startsOn: '2026-12-04', endsOn: '2026-12-10', noticeId: 'n-result', revision: 1 },
      objections: [{ id: 'o1', disclosure: 'result', filedOn: '2026-12-05', answered: false }],
    };
    expect(refused(transition(matter, { type: 'archive' }, testContext()))).toEqual([
      { code: 'disclosure_window_open', reason: '实施结果公示期到 12月10日 才满 7 天' },
      { code: 'objections_unanswered', reason: '还有 1 条异议没有答复' },
    ]);
    const done = accepted(transition({ ...matter, objections: [] }, { type: 'archive' }, testContext({ today: '2026-12-11' })));
    expect(done.next.stage).toBe('archived');
    expect(done.effects).toEqual([{ type: 'archive_notices', noticeIds: ['n-resolution', 'n-result'] }]);
  });
});

describe('supervision (一监督)', () => {
  const sup: Role[] = ['villager', 'supervisor'];
  const base = matterAt('party_review');
  const add = accepted(transition(base, { type: 'add_opinion', opinionId: 'op1', blocking: true }, testContext({}, sup)));
  const review: WorkflowEvent = { type: 'record_party_review', meeting: meetingFor('party_review') };

  it('a blocking opinion stops the matter, named in the reason', () => {
    expect(add.next.opinions).toEqual([{ id: 'op1', stage: 'party_review', blocking: true, answered: false, lifted: false, addedOn: '2026-12-10' }]);
    expect(refused(transition(add.next, review, testContext()))).toEqual([{ code: 'blocking_opinion', reason: '监委会要求纠正的意见尚未解除，请先答复监委会' }]);
  });

  it('cannot be lifted before the committee answers; answered and lifted, the matter moves', () => {
    expect(refused(transition(add.next, { type: 'lift_opinion', opinionId: 'op1' }, testContext({}, sup)))).toEqual([
      { code: 'opinion_not_answered', reason: '委员会尚未答复这条监督意见，答复后才能解除' },
    ]);
    const answered = accepted(transition(add.next, { type: 'answer_opinion', opinionId: 'op1' }, testContext()));
    expect(refused(transition(answered.next, review, testContext()))[0].reason).toBe('监委会要求纠正的意见尚未解除，委员会已答复，等待监委会解除');
    expect(codes(transition(answered.next, { type: 'lift_opinion', opinionId: 'op1' }, testContext()))).toEqual(['role_required']);
    const lifted = accepted(transition(answered.next, { type: 'lift_opinion', opinionId: 'op1' }, testContext({}, sup)));
    expect(accepted(transition(lifted.next, review, testContext())).next.stage).toBe('assembly_resolution');
  });

  it('a non-blocking opinion stops nothing and has nothing to lift', () => {
    const remark = accepted(transition(base, { type: 'add_opinion', opinionId: 'op2', blocking: false }, testContext({}, sup)));
    expect(accepted(transition(remark.next, review, testContext())).next.stage).toBe('assembly_resolution');
    expect(codes(transition(remark.next, { type: 'lift_opinion', opinionId: 'op2' }, testContext({}, sup)))).toEqual(['opinion_not_blocking']);
  });

  it('counts several blocking opinions', () => {
    const two = accepted(transition(add.next, { type: 'add_opinion', opinionId: 'op3', blocking: true }, testContext({}, sup)));
    expect(refused(transition(two.next, review, testContext()))[0].reason).toBe('监委会要求纠正的意见尚未解除（共 2 条），请先答复监委会');
  });

  it('a closed matter takes remarks but no demand to correct', () => {
    expect(accepted(transition(matterAt('archived'), { type: 'add_opinion', opinionId: 'late', blocking: false }, testContext({}, sup))).next.opinions).toHaveLength(1);
    expect(refused(transition(matterAt('archived'), { type: 'add_opinion', opinionId: 'late', blocking: true }, testContext({}, sup)))).toEqual([
      { code: 'matter_closed', reason: '事项已经结束，不能再要求纠正；可以提出一般监督意见' },
    ]);
  });

  it('only supervisors give opinions', () => {
    expect(codes(transition(base, { type: 'add_opinion', opinionId: 'x', blocking: true }, testContext()))).toEqual(['role_required']);
  });
});

describe('sending back (监委会要求重新召开)', () => {
  const sup = (today = '2026-12-10') => testContext({ today }, ['villager', 'supervisor']);

  it('from the resolution disclosure back to the assembly: the meeting no longer counts, the notice is superseded', () => {
    const result = accepted(transition(matterAt('resolution_disclosure'), { type: 'send_back', toStage: 'assembly_resolution', reason: '村民会议通知不足十天' }, sup()));
    expect(result.next.stage).toBe('assembly_resolution');
    expect(result.next.meetings.assembly_resolution).toBeUndefined();
    expect(result.next.meetings.party_review).toBeDefined();
    expect(result.next.resolutionDisclosure).toBeNull();
    expect(result.effects).toContainEqual({ type: 'supersede_notice', disclosure: 'resolution', noticeId: 'n-resolution', reason: '村民会议通知不足十天' });
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'notify', audience: 'township' }));
  });

  it('from implementation back to the committees: implementation and later meetings are cleared', () => {
    const result = accepted(transition(matterAt('implementation'), { type: 'send_back', toStage: 'committees_deliberation', reason: '两委商议时到会委员不足' }, sup()));
    expect(result.next).toMatchObject({ stage: 'committees_deliberation', implementation: null, resolutionDisclosure: null });
    expect(Object.keys(result.next.meetings)).toEqual(['branch_proposal']);
  });

  it('re-publishes a disclosure in progress with a new window', () => {
    const result = accepted(transition(matterAt('resolution_disclosure'), { type: 'send_back', toStage: 'resolution_disclosure', reason: '公示栏张贴不到位' }, sup()));
    expect(result.next.stage).toBe('resolution_disclosure');
    expect(result.next.resolutionDisclosure).toEqual({ startsOn: '2026-12-10', endsOn: '2026-12-16', noticeId: null, revision: 1 });
    expect(result.effects.map((e) => e.type)).toEqual(['supersede_notice', 'publish_resolution_notice', 'notify', 'notify']);
  });

  it('re-publishes the result disclosure', () => {
    const result = accepted(transition(matterAt('result_disclosure'), { type: 'send_back', toStage: 'result_disclosure', reason: '支出明细不全' }, sup()));
    expect(result.effects).toContainEqual({ type: 'publish_result_notice', revision: 1, startsOn: '2026-12-10', endsOn: '2026-12-16', totalSpentFen: 98_000 });
    expect(result.next.implementation).not.toBeNull();
  });

  it('refuses sending forward or to the current meeting stage, and needs a reason', () => {
    expect(codes(transition(matterAt('party_review'), { type: 'send_back', toStage: 'party_review', reason: 'x' }, sup()))).toEqual(['send_back_target_invalid']);
    expect(codes(transition(matterAt('party_review'), { type: 'send_back', toStage: 'assembly_resolution', reason: 'x' }, sup()))).toEqual(['send_back_target_invalid']);
    expect(codes(transition(matterAt('implementation'), { type: 'send_back', toStage: 'result_disclosure', reason: 'x' }, sup()))).toEqual(['send_back_target_invalid']);
    expect(refused(transition(matterAt('party_review'), { type: 'send_back', toStage: 'branch_proposal', reason: '  ' }, sup()))).toEqual([
      { code: 'reason_required', reason: '请写明退回的理由' },
    ]);
  });

  it('is the supervisors’ tool even while their own blocking opinion stands', () => {
    const matter: MatterState = { ...matterAt('party_review'), opinions: [{ id: 'op', stage: 'party_review', blocking: true, answered: false, lifted: false, addedOn: '2026-12-09' }] };
    expect(accepted(transition(matter, { type: 'send_back', toStage: 'committees_deliberation', reason: '先修改方案', opinionId: 'op' }, sup())).next.stage).toBe('committees_deliberation');
    expect(codes(transition(matter, { type: 'send_back', toStage: 'committees_deliberation', reason: 'x', opinionId: 'nope' }, sup()))).toEqual(['opinion_not_open']);
  });
});

describe('implementation and result', () => {
  const impl = matterAt('implementation');
  const responsible = testContext({}, ['villager'], 'r-responsible');

  it('the responsible person reports progress without a committee role; other villagers cannot', () => {
    const result = accepted(transition(impl, { type: 'report_progress', reportId: 'p2', spentFen: 20_000 }, responsible));
    expect(result.next.implementation).toMatchObject({ progressReports: 2, spentFen: 70_000 });
    expect(result.summary).toBe('报告实施进度，本次支出 200.00 元，累计 700.00 元');
    expect(codes(transition(impl, { type: 'report_progress', reportId: 'p2', spentFen: 1 }, testContext({}, ['villager'])))).toEqual(['role_required']);
  });

  it('amounts are whole fen, never fractions or negatives', () => {
    for (const spentFen of [12.5, -1, Number.NaN]) {
      expect(refused(transition(impl, { type: 'report_progress', reportId: 'p', spentFen }, testContext()))[0]).toEqual({
        code: 'amount_invalid',
        reason: '本次支出金额应以“分”为单位填写非负整数',
      });
    }
  });

  it('tells the supervisors once when spending passes the budget', () => {
    const over = accepted(transition(impl, { type: 'report_progress', reportId: 'p', spentFen: 50_001 }, testContext()));
    expect(over.effects).toContainEqual({ type: 'notify', audience: 'supervisors', message: '累计支出 1,000.01 元，已超过预算 1,000.00 元' });
    const again = accepted(transition(over.next, { type: 'report_progress', reportId: 'q', spentFen: 1 }, testContext()));
    expect(again.effects.filter((e) => e.type === 'notify')).toEqual([]);
  });

  it('a result with spending needs the supervisory sign-off before publication; without spending it does not', () => {
    const reported = accepted(transition(impl, { type: 'report_result', completedOn: '2026-12-09', totalSpentFen: 98_000 }, testContext()));
    expect(refused(transition(reported.next, { type: 'publish_result' }, testContext()))).toEqual([
      { code: 'result_signoff_missing', reason: '实施结果含支出 980.00 元，公开前须经村务监督委员会审核' },
    ]);
    const signed = accepted(transition(reported.next, { type: 'sign_off_result' }, testContext({}, ['villager', 'supervisor'], 'r-sup')));
    expect(signed.next.implementation?.result?.signedOffBy).toBe('r-sup');
    expect(codes(transition(signed.next, { type: 'sign_off_result' }, testContext({}, ['villager', 'supervisor'])))).toEqual(['result_already_signed_off']);
    const published = accepted(transition(signed.next, { type: 'publish_result' }, testContext()));
    expect(published.next.resultDisclosure).toEqual({ startsOn: '2026-12-10', endsOn: '2026-12-16', noticeId: null, revision: 1 });
    expect(published.effects).toEqual([{ type: 'publish_result_notice', revision: 1, startsOn: '2026-12-10', endsOn: '2026-12-16', totalSpentFen: 98_000 }]);

    const free = accepted(transition(impl, { type: 'report_result', completedOn: '2026-12-09', totalSpentFen: 0 }, testContext()));
    expect(accepted(transition(free.next, { type: 'publish_result' }, testContext())).next.stage).toBe('result_disclosure');
  });

  it('publishing needs a result report; a completion date cannot be in the future', () => {
    const noResult: MatterState = { ...impl, implementation: impl.implementation && { ...impl.implementation, result: null } };
    expect(refused(transition(noResult, { type: 'publish_result' }, testContext()))).toEqual([{ code: 'result_report_missing', reason: '还没有提交实施结果' }]);
    expect(refused(transition(impl, { type: 'report_result', completedOn: '2026-12-11', totalSpentFen: 0 }, testContext()))[0]).toEqual({
      code: 'implementation_plan_invalid',
      reason: '完成日期 12月11日 还没到',
    });
  });

  it('starting needs a responsible person and sensible dates', () => {
    const bad = transition(
      matterAt('resolution_disclosure'),
      { type: 'start_implementation', plan: { responsibleResidentId: '', plannedStartOn: '2026-12-20', plannedEndOn: '2026-12-11', budgetFen: -5 } },
      testContext(),
    );
    expect(refused(bad)).toEqual([
      { code: 'implementation_plan_invalid', reason: '请指定实施负责人' },
      { code: 'implementation_plan_invalid', reason: '计划完成日期不能早于开始日期' },
      { code: 'amount_invalid', reason: '预算金额应以“分”为单位填写非负整数' },
    ]);
  });
});

describe('withdrawing', () => {
  it('ends a matter before its resolution, remembering where, with the reason', () => {
    const result = accepted(transition(matterAt('assembly_resolution'), { type: 'withdraw', reason: '上级政策调整' }, testContext()));
    expect(result.next).toMatchObject({ stage: 'withdrawn', closedFrom: 'assembly_resolution' });
    expect(result.summary).toBe('在“村民（代表）会议决议”阶段撤回事项：上级政策调整');
    expect(codes(transition(matterAt('assembly_resolution'), { type: 'withdraw', reason: '' }, testContext()))).toEqual(['reason_required']);
  });

  it('is not possible once the village has resolved', () => {
    expect(refused(transition(matterAt('resolution_disclosure'), { type: 'withdraw', reason: 'x' }, testContext()))[0].reason).toContain('不能撤回事项');
  });
});

describe('a whole matter, proposal to archive', () => {
  it('walks every stage with real figures', () => {
    const day = (today: string, roles: Role[] = ['villager', 'secretary'], residentId = 'r-sec') => testContext({ today }, roles, residentId);
    const step = (m: MatterState, e: WorkflowEvent, ctx: WorkflowContext) => accepted(transition(m, e, ctx)).next;
    const created = accepted(proposeMatter({ id: TEST_MATTER, typeCode: 'general' }, day('2026-10-30')));
    let m = created.next;
    m = step(m, { type: 'record_branch_meeting', meeting: meetingFor('branch_proposal', { heldOn: '2026-11-01' }) }, day('2026-11-01'));
    m = step(m, { type: 'amend', basedOn: 1 }, day('2026-11-02'));
    m = step(m, { type: 'record_committees_meeting', meeting: meetingFor('committees_deliberation', { heldOn: '2026-11-03', revision: 2 }) }, day('2026-11-03'));
    m = step(m, { type: 'record_party_review', meeting: meetingFor('party_review', { heldOn: '2026-11-05', revision: 2 }) }, day('2026-11-05'));
    m = step(m, { type: 'record_assembly_resolution', meeting: meetingFor('assembly_resolution', { heldOn: '2026-11-20', noticeGivenOn: '2026-11-10', revision: 2 }) }, day('2026-11-20'));
    expect(m.resolutionDisclosure).toEqual({ startsOn: '2026-11-20', endsOn: '2026-11-26', noticeId: null, revision: 2 });
    m = { ...m, resolutionDisclosure: m.resolutionDisclosure && { ...m.resolutionDisclosure, noticeId: 'n1' } }; // the server links the notice
    m = step(m, { type: 'file_objection', objectionId: 'o1' }, day('2026-11-22', ['villager'], 'r-villager'));
    m = step(m, { type: 'answer_objection', objectionId: 'o1' }, day('2026-11-23'));
    m = step(m, { type: 'start_implementation', plan: { responsibleResidentId: 'r-resp', plannedStartOn: '2026-11-27', plannedEndOn: '2026-12-20', budgetFen: 500_000 } }, day('2026-11-27'));
    m = step(m, { type: 'report_progress', reportId: 'p1', spentFen: 300_000 }, day('2026-12-01', ['villager'], 'r-resp'));
    m = step(m, { type: 'report_result', completedOn: '2026-12-05', totalSpentFen: 480_000 }, day('2026-12-05', ['villager'], 'r-resp'));
    m = step(m, { type: 'sign_off_result' }, day('2026-12-06', ['villager', 'supervisor'], 'r-sup'));
    m = step(m, { type: 'publish_result' }, day('2026-12-06'));
    m = { ...m, resultDisclosure: m.resultDisclosure && { ...m.resultDisclosure, noticeId: 'n2' } };
    m = step(m, { type: 'archive' }, day('2026-12-13'));
    expect(m).toMatchObject({ stage: 'archived', currentRevision: 2, workflowVersion: 1, stageEnteredOn: '2026-12-13' });
    expect(m.implementation).toMatchObject({ spentFen: 300_000, result: { totalSpentFen: 480_000, signedOffBy: 'r-sup' } });
  });
});
