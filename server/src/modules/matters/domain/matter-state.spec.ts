import { DEFAULT_MATTER_TYPES, transition, WORKFLOW_VERSION, type MatterState, type WorkflowContext } from '@village/shared';
import type { Matter, MatterMeeting, MatterObjection, MatterOpinion } from '../entities';
import { matterState, motionCountsOf, stateColumns, workflowMeeting, type BallotFacts } from './matter-state';

const MATTER_ID = '11111111-1111-4111-8111-111111111111';
const VILLAGE_ID = '22222222-2222-4222-8222-222222222222';

function row(overrides: Partial<Matter> = {}): Matter {
  return {
    id: MATTER_ID,
    villageId: VILLAGE_ID,
    typeCode: 'general',
    title: '村道硬化',
    body: '正文',
    budgetFen: 100,
    stage: 'resolution_disclosure',
    stageEnteredOn: '2026-11-20',
    closedFrom: null,
    closedReason: null,
    currentRevision: 2,
    workflowVersion: WORKFLOW_VERSION,
    meetingsJson: JSON.stringify({ branch_proposal: { meetingId: 'm1', revision: 1, heldOn: '2026-11-01', outcome: 'passed', merged: false } }),
    resolutionDisclosureJson: JSON.stringify({ startsOn: '2026-11-20', endsOn: '2026-11-26', noticeId: 'n1', revision: 2 }),
    resultDisclosureJson: null,
    disclosuresJson: '[]',
    implementationJson: null,
    resultDetailsJson: null,
    proposalId: null,
    createdByResidentId: 'r1',
    createdAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: new Date('2026-11-20T00:00:00Z'),
    version: 7,
    ...overrides,
  };
}

const objection = (id: string, matterId: string, answered: boolean): MatterObjection => ({
  id,
  matterId,
  villageId: VILLAGE_ID,
  disclosure: 'resolution',
  text: '异议',
  contentCheck: 'pass',
  filedByResidentId: 'r2',
  filedAt: new Date('2026-11-21T02:00:00Z'),
  filedOn: '2026-11-21',
  answerText: answered ? '答复' : null,
  answeredByResidentId: answered ? 'r1' : null,
  answeredAt: answered ? new Date('2026-11-22T02:00:00Z') : null,
  reviewDecision: null,
  reviewReason: null,
  reviewedByResidentId: null,
  reviewedAt: null,
});

const opinion = (overrides: Partial<MatterOpinion> = {}): MatterOpinion => ({
  id: 'o1',
  matterId: MATTER_ID,
  villageId: VILLAGE_ID,
  stage: 'resolution_disclosure',
  text: '要求纠正',
  blocking: true,
  givenByResidentId: 'r3',
  givenAt: new Date('2026-11-21T02:00:00Z'),
  givenOn: '2026-11-21',
  answerText: null,
  answeredByResidentId: null,
  answeredAt: null,
  liftedByResidentId: null,
  liftedAt: null,
  liftNote: null,
  ...overrides,
});

describe('matterState (rows → the shared MatterState)', () => {
  it('reads the state columns and only this matter’s objections and opinions', () => {
    const state = matterState(row(), [objection('a', MATTER_ID, false), objection('b', MATTER_ID, true), objection('c', 'other', false)], [opinion()]);
    expect(state).toMatchObject({
      id: MATTER_ID,
      stage: 'resolution_disclosure',
      currentRevision: 2,
      meetings: { branch_proposal: { meetingId: 'm1', outcome: 'passed' } },
      resolutionDisclosure: { endsOn: '2026-11-26', noticeId: 'n1' },
      resultDisclosure: null,
      implementation: null,
    });
    expect(state.objections).toEqual([
      { id: 'a', disclosure: 'resolution', filedOn: '2026-11-21', answered: false },
      { id: 'b', disclosure: 'resolution', filedOn: '2026-11-21', answered: true },
    ]);
    expect(state.opinions).toEqual([{ id: 'o1', stage: 'resolution_disclosure', blocking: true, answered: false, lifted: false, addedOn: '2026-11-21' }]);
  });

  it('reads MySQL’s 0/1 booleans as booleans', () => {
    const state = matterState(row(), [], [opinion({ blocking: 0 as unknown as boolean })]);
    expect(state.opinions[0].blocking).toBe(false);
  });

  it('round-trips through stateColumns, so what transition() returns is what is read back', () => {
    const before = matterState(row(), [objection('a', MATTER_ID, true)], []);
    const context: WorkflowContext = {
      villageId: VILLAGE_ID,
      today: '2026-11-27',
      actor: { residentId: 'r1', roles: ['secretary', 'village_committee'] },
      secretaryOneShoulder: true,
      matterType: DEFAULT_MATTER_TYPES.find((t) => t.code === 'general') as WorkflowContext['matterType'],
      authorizations: [],
    };
    const result = transition(before, { type: 'start_implementation', plan: { responsibleResidentId: 'r4', plannedStartOn: '2026-12-01', plannedEndOn: '2027-01-31', budgetFen: 100 } }, context);
    if (!result.ok) throw new Error(result.unmet.map((u) => u.reason).join('；'));
    const after: MatterState = matterState({ ...row(), ...stateColumns(result.next) }, [objection('a', MATTER_ID, true)], []);
    expect(after).toEqual(result.next);
    expect(after.stage).toBe('implementation');
  });
});

describe('workflowMeeting (a meeting row and its ballot → what the workflow judges)', () => {
  const meeting: MatterMeeting = {
    id: 'm9',
    matterId: MATTER_ID,
    villageId: VILLAGE_ID,
    purpose: 'party_review',
    body: 'party_assembly',
    electorate: 'party_members',
    status: 'held',
    scheduledAt: new Date('2026-11-10T01:00:00Z'),
    place: '村委会',
    noticeGivenOn: '2026-11-05',
    revision: 2,
    heldOn: '2026-11-10',
    ballotId: null,
    eligibleCount: 9,
    presentCount: 8,
    householdEligible: null,
    householdPresent: null,
    countsJson: JSON.stringify({ for: 7, against: 1, abstain: 0 }),
    tellerResidentId: 't',
    scrutineerResidentId: 's',
    countConfirmedAt: null,
    minutes: '  ',
    photoIdsJson: '["p"]',
    signerIdsJson: '["a","b"]',
    attendeeIdsJson: '[]',
    outcome: null,
    tallyJson: null,
    recordedByResidentId: 'a',
    cancelledReason: null,
    createdByResidentId: 'a',
    createdAt: new Date('2026-11-05T01:00:00Z'),
  };

  it('takes a paper count as entered, unconfirmed until the scrutineer confirms, and blank minutes as none', () => {
    expect(workflowMeeting(meeting, null, 1)).toMatchObject({
      turnout: { eligible: 9, participated: 8 },
      counts: { for: 7, against: 1, abstain: 0 },
      source: { kind: 'paper', tellerResidentId: 't', scrutineerResidentId: 's', confirmed: false },
      records: { minutes: false, signInSheetPhotos: 1, signers: 2 },
    });
    expect(workflowMeeting({ ...meeting, countConfirmedAt: new Date() }, null, 1).source).toMatchObject({ confirmed: true });
  });

  it('takes counts from the closed ballot, never from the meeting row', () => {
    const ballot: BallotFacts = {
      ballotId: 'b1',
      matterId: MATTER_ID,
      status: 'closed',
      rule: { body: 'party_assembly', override: null },
      result: { eligible: 12, participated: 11, counts: { for: 10, against: 0, abstain: 1 }, householdTurnout: null },
    };
    expect(workflowMeeting({ ...meeting, ballotId: 'b1' }, ballot, 1)).toMatchObject({
      turnout: { eligible: 12, participated: 11 },
      counts: { for: 10, against: 0, abstain: 1 },
      source: { kind: 'ballot', ballotId: 'b1', matterId: MATTER_ID, status: 'closed' },
    });
    const open = workflowMeeting({ ...meeting, ballotId: 'b1' }, { ...ballot, status: 'open', result: null }, 1);
    expect(open).toMatchObject({ turnout: { eligible: 0, participated: 0 }, source: { status: 'open' } });
  });

  it('reads motion counts from a ballot result’s choice counts', () => {
    expect(motionCountsOf([{ key: 'for', total: 5 }, { key: 'abstain', total: 2 }])).toEqual({ for: 5, against: 0, abstain: 2 });
  });
});
