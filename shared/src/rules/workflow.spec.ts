import type { Role } from '../constants/roles';
import { EVENT_GUARDS } from './workflow-guards';
import {
  MATTER_STAGES,
  WORKFLOW_EVENTS,
  WORKFLOW_GUARD_CODES,
  WORKFLOW_VERSION,
  type MatterStage,
  type MatterState,
  type WorkflowEvent,
  type WorkflowEventType,
  type WorkflowGuardCode,
} from './workflow-model';
import { matterAt, meetingFor, testContext } from './workflow-testkit';
import { availableActions, proposeMatter, refusalMessage, transition } from './workflow';

/*
 * The exhaustive table: every stage × every event, with the expected next stage or the exact refusal.
 * Each cell starts from a consistent matter in the stage, prepared for the event (matterAt + prepare),
 * with a valid event (canonicalEvent) caused by someone holding the right role (ACTORS).
 */

type Expected = MatterStage | WorkflowGuardCode;

const N = 'event_not_in_stage' as const;
const C = 'matter_closed' as const;

// prettier-ignore
const TABLE: Record<MatterStage, Record<WorkflowEventType, Expected>> = {
  branch_proposal: {
    record_branch_meeting: 'committees_deliberation', record_merged_meeting: 'party_review', amend: 'branch_proposal',
    record_committees_meeting: N, record_party_review: N, record_assembly_resolution: N, start_implementation: N,
    report_progress: N, report_result: N, sign_off_result: N, publish_result: N, archive: N,
    withdraw: 'withdrawn', repropose: N, file_objection: N, answer_objection: 'branch_proposal',
    add_opinion: 'branch_proposal', answer_opinion: 'branch_proposal', lift_opinion: 'branch_proposal', send_back: N,
  },
  committees_deliberation: {
    record_branch_meeting: N, record_merged_meeting: N, amend: 'committees_deliberation',
    record_committees_meeting: 'party_review', record_party_review: N, record_assembly_resolution: N, start_implementation: N,
    report_progress: N, report_result: N, sign_off_result: N, publish_result: N, archive: N,
    withdraw: 'withdrawn', repropose: N, file_objection: N, answer_objection: 'committees_deliberation',
    add_opinion: 'committees_deliberation', answer_opinion: 'committees_deliberation', lift_opinion: 'committees_deliberation', send_back: 'branch_proposal',
  },
  party_review: {
    record_branch_meeting: N, record_merged_meeting: N, amend: N,
    record_committees_meeting: N, record_party_review: 'assembly_resolution', record_assembly_resolution: N, start_implementation: N,
    report_progress: N, report_result: N, sign_off_result: N, publish_result: N, archive: N,
    withdraw: 'withdrawn', repropose: N, file_objection: N, answer_objection: 'party_review',
    add_opinion: 'party_review', answer_opinion: 'party_review', lift_opinion: 'party_review', send_back: 'branch_proposal',
  },
  assembly_resolution: {
    record_branch_meeting: N, record_merged_meeting: N, amend: N,
    record_committees_meeting: N, record_party_review: N, record_assembly_resolution: 'resolution_disclosure', start_implementation: N,
    report_progress: N, report_result: N, sign_off_result: N, publish_result: N, archive: N,
    withdraw: 'withdrawn', repropose: N, file_objection: N, answer_objection: 'assembly_resolution',
    add_opinion: 'assembly_resolution', answer_opinion: 'assembly_resolution', lift_opinion: 'assembly_resolution', send_back: 'branch_proposal',
  },
  resolution_disclosure: {
    record_branch_meeting: N, record_merged_meeting: N, amend: N,
    record_committees_meeting: N, record_party_review: N, record_assembly_resolution: N, start_implementation: 'implementation',
    report_progress: N, report_result: N, sign_off_result: N, publish_result: N, archive: N,
    withdraw: N, repropose: N, file_objection: 'resolution_disclosure', answer_objection: 'resolution_disclosure',
    add_opinion: 'resolution_disclosure', answer_opinion: 'resolution_disclosure', lift_opinion: 'resolution_disclosure', send_back: 'branch_proposal',
  },
  implementation: {
    record_branch_meeting: N, record_merged_meeting: N, amend: N,
    record_committees_meeting: N, record_party_review: N, record_assembly_resolution: N, start_implementation: N,
    report_progress: 'implementation', report_result: 'implementation', sign_off_result: 'implementation', publish_result: 'result_disclosure', archive: N,
    withdraw: N, repropose: N, file_objection: N, answer_objection: 'implementation',
    add_opinion: 'implementation', answer_opinion: 'implementation', lift_opinion: 'implementation', send_back: 'branch_proposal',
  },
  result_disclosure: {
    record_branch_meeting: N, record_merged_meeting: N, amend: N,
    record_committees_meeting: N, record_party_review: N, record_assembly_resolution: N, start_implementation: N,
    report_progress: N, report_result: N, sign_off_result: N, publish_result: N, archive: 'archived',
    withdraw: N, repropose: N, file_objection: 'result_disclosure', answer_objection: 'result_disclosure',
    add_opinion: 'result_disclosure', answer_opinion: 'result_disclosure', lift_opinion: 'result_disclosure', send_back: 'branch_proposal',
  },
  archived: {
    record_branch_meeting: C, record_merged_meeting: C, amend: C,
    record_committees_meeting: C, record_party_review: C, record_assembly_resolution: C, start_implementation: C,
    report_progress: C, report_result: C, sign_off_result: C, publish_result: C, archive: C,
    withdraw: C, repropose: C, file_objection: C, answer_objection: 'archived',
    add_opinion: C, answer_opinion: 'archived', lift_opinion: 'archived', send_back: C,
  },
  rejected: {
    record_branch_meeting: C, record_merged_meeting: C, amend: C,
    record_committees_meeting: C, record_party_review: C, record_assembly_resolution: C, start_implementation: C,
    report_progress: C, report_result: C, sign_off_result: C, publish_result: C, archive: C,
    withdraw: C, repropose: 'branch_proposal', file_objection: C, answer_objection: 'rejected',
    add_opinion: C, answer_opinion: 'rejected', lift_opinion: 'rejected', send_back: C,
  },
  withdrawn: {
    record_branch_meeting: C, record_merged_meeting: C, amend: C,
    record_committees_meeting: C, record_party_review: C, record_assembly_resolution: C, start_implementation: C,
    report_progress: C, report_result: C, sign_off_result: C, publish_result: C, archive: C,
    withdraw: C, repropose: C, file_objection: C, answer_objection: 'withdrawn',
    add_opinion: C, answer_opinion: 'withdrawn', lift_opinion: 'withdrawn', send_back: C,
  },
};

const COMMITTEE: Role[] = ['villager', 'secretary'];
const SUPERVISOR: Role[] = ['villager', 'supervisor'];
const VILLAGER: Role[] = ['villager', 'household_rep'];

/** Who causes each event in the table. */
const ACTORS: Record<WorkflowEventType, Role[]> = {
  record_branch_meeting: COMMITTEE,
  record_merged_meeting: COMMITTEE,
  amend: COMMITTEE,
  record_committees_meeting: COMMITTEE,
  record_party_review: COMMITTEE,
  record_assembly_resolution: COMMITTEE,
  start_implementation: COMMITTEE,
  report_progress: COMMITTEE,
  report_result: COMMITTEE,
  sign_off_result: SUPERVISOR,
  publish_result: COMMITTEE,
  archive: COMMITTEE,
  withdraw: COMMITTEE,
  repropose: COMMITTEE,
  file_objection: VILLAGER,
  answer_objection: COMMITTEE,
  add_opinion: SUPERVISOR,
  answer_opinion: COMMITTEE,
  lift_opinion: SUPERVISOR,
  send_back: SUPERVISOR,
};

/** What the event needs to find in the matter (an objection to answer, a window open today…). */
function prepare(type: WorkflowEventType, matter: MatterState): MatterState {
  switch (type) {
    case 'sign_off_result':
      return matter.implementation?.result ? { ...matter, implementation: { ...matter.implementation, result: { ...matter.implementation.result, signedOffBy: null } } } : matter;
    case 'file_objection': {
      const open = { startsOn: '2026-12-08', endsOn: '2026-12-14', noticeId: 'n-open', revision: 1 };
      if (matter.stage === 'resolution_disclosure') return { ...matter, resolutionDisclosure: open };
      if (matter.stage === 'result_disclosure') return { ...matter, resultDisclosure: open };
      return matter;
    }
    case 'answer_objection':
      return { ...matter, objections: [{ id: 'o-open', disclosure: 'resolution', filedOn: '2026-11-22', answered: false }] };
    case 'answer_opinion':
      return { ...matter, opinions: [{ id: 'op-open', stage: matter.stage, blocking: false, answered: false, lifted: false, addedOn: '2026-12-01' }] };
    case 'lift_opinion':
      return { ...matter, opinions: [{ id: 'op-block', stage: matter.stage, blocking: true, answered: true, lifted: false, addedOn: '2026-12-01' }] };
    default:
      return matter;
  }
}

function canonicalEvent(type: WorkflowEventType, matter: MatterState): WorkflowEvent {
  const revision = matter.currentRevision;
  switch (type) {
    case 'record_branch_meeting':
      return { type, meeting: meetingFor('branch_proposal', { revision }) };
    case 'record_merged_meeting':
      return { type, meeting: meetingFor('merged_proposal', { revision }) };
    case 'record_committees_meeting':
      return { type, meeting: meetingFor('committees_deliberation', { revision }) };
    case 'record_party_review':
      return { type, meeting: meetingFor('party_review', { revision }) };
    case 'record_assembly_resolution':
      return { type, meeting: meetingFor('assembly_resolution', { revision }) };
    case 'amend':
    case 'repropose':
      return { type, basedOn: revision };
    case 'start_implementation':
      return { type, plan: { responsibleResidentId: 'r-responsible', plannedStartOn: '2026-12-11', plannedEndOn: '2027-01-31', budgetFen: 100_000 } };
    case 'report_progress':
      return { type, reportId: 'p-2', spentFen: 1_000 };
    case 'report_result':
      return { type, completedOn: '2026-12-10', totalSpentFen: 98_000 };
    case 'sign_off_result':
    case 'publish_result':
    case 'archive':
      return { type };
    case 'withdraw':
      return { type, reason: '村民意见分歧较大，暂缓办理' };
    case 'file_objection':
      return { type, objectionId: 'o-new' };
    case 'answer_objection':
      return { type, objectionId: 'o-open' };
    case 'add_opinion':
      return { type, opinionId: 'op-new', blocking: true };
    case 'answer_opinion':
      return { type, opinionId: 'op-open' };
    case 'lift_opinion':
      return { type, opinionId: 'op-block' };
    case 'send_back':
      return { type, toStage: 'branch_proposal', reason: '党组织提议会议未达到法定人数，须重新召开' };
    default: {
      const never: never = type;
      throw new Error(String(never));
    }
  }
}

function run(stage: MatterStage, type: WorkflowEventType, roles: Role[] = ACTORS[type], extra: (m: MatterState) => MatterState = (m) => m) {
  const matter = extra(prepare(type, matterAt(stage)));
  const context = testContext({ secretaryOneShoulder: true }, roles);
  return transition(matter, canonicalEvent(type, matter), context);
}

const cells = MATTER_STAGES.flatMap((stage) => WORKFLOW_EVENTS.map((type) => [stage, type, TABLE[stage][type]] as const));

describe('transition table (every stage × every event)', () => {
  it('covers all 10 stages × 20 events', () => {
    expect(cells).toHaveLength(MATTER_STAGES.length * WORKFLOW_EVENTS.length);
    expect(cells).toHaveLength(200);
  });

  it.each(cells)('%s × %s → %s', (stage, type, expected) => {
    const result = run(stage, type);
    if ((MATTER_STAGES as readonly string[]).includes(expected)) {
      if (!result.ok) throw new Error(result.unmet.map((u) => `${u.code}: ${u.reason}`).join('\n'));
      expect(result.next.stage).toBe(expected);
      expect(result.from).toBe(stage);
      expect(result.event).toBe(type);
      expect(result.next.workflowVersion).toBe(WORKFLOW_VERSION);
      expect(result.summary.length).toBeGreaterThan(0);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.unmet.map((u) => u.code)).toEqual([expected]);
      expect(result.unmet[0].reason).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  const allowedCells = cells.filter(([, , e]) => (MATTER_STAGES as readonly string[]).includes(e));

  it.each(allowedCells)('%s × %s: refused to someone without the role', (stage, type) => {
    const outsider: Role[] = type === 'file_objection' ? ['township_admin'] : ['villager', 'household_rep', 'villager_rep', 'party_member', 'grid_leader'];
    const result = run(stage, type, outsider);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.unmet.map((u) => u.code)).toEqual(['role_required']);
  });

  it.each(allowedCells)('%s × %s: a blocking opinion in force stops it unless it is exempt', (stage, type) => {
    const blocking = (m: MatterState): MatterState => ({ ...m, opinions: [...m.opinions, { id: 'op-stop', stage, blocking: true, answered: false, lifted: false, addedOn: '2026-12-09' }] });
    const result = run(stage, type, ACTORS[type], blocking);
    const exempt: WorkflowEventType[] = ['file_objection', 'answer_objection', 'add_opinion', 'answer_opinion', 'lift_opinion', 'send_back'];
    if (exempt.includes(type)) {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.unmet.map((u) => u.code)).toEqual(['blocking_opinion']);
        expect(result.unmet[0].reason).toContain('监委会要求纠正的意见尚未解除');
      }
    }
  });

  it('declares a guard list for every event, and every guard code is reachable from the vocabulary', () => {
    expect(Object.keys(EVENT_GUARDS).sort()).toEqual([...WORKFLOW_EVENTS].sort());
    expect(new Set(WORKFLOW_GUARD_CODES).size).toBe(WORKFLOW_GUARD_CODES.length);
  });
});

describe('workflow version', () => {
  it('is stamped when a matter is proposed and kept by every transition', () => {
    const created = proposeMatter({ id: 'new', typeCode: 'general' }, testContext());
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.next).toMatchObject({ workflowVersion: WORKFLOW_VERSION, stage: 'branch_proposal', currentRevision: 1, stageEnteredOn: '2026-12-10' });
    expect(created.effects).toEqual([{ type: 'create_revision', revision: 1, basedOn: 0 }]);
    const next = transition(created.next, { type: 'amend', basedOn: 1 }, testContext());
    expect(next.ok && next.next.workflowVersion).toBe(WORKFLOW_VERSION);
  });

  it('refuses a matter of a newer workflow version (an outdated mini-program)', () => {
    const result = transition({ ...matterAt('branch_proposal'), workflowVersion: WORKFLOW_VERSION + 1 }, { type: 'amend', basedOn: 1 }, testContext());
    expect(result).toMatchObject({ ok: false, unmet: [{ code: 'workflow_version_unsupported' }] });
    if (!result.ok) expect(result.unmet[0].reason).toContain('请更新小程序');
  });

  it('refuses proposing without a committee role', () => {
    const result = proposeMatter({ id: 'new', typeCode: 'general' }, testContext({}, ['villager']));
    expect(result).toMatchObject({ ok: false, unmet: [{ code: 'role_required' }] });
  });

  it('refuses a matter of another village', () => {
    const result = transition(matterAt('branch_proposal'), { type: 'amend', basedOn: 1 }, testContext({ villageId: 'v2' }));
    expect(result).toMatchObject({ ok: false, unmet: [{ code: 'other_village', reason: '这件事项不属于本村' }] });
  });
});

describe('availableActions', () => {
  it('lists every event once, in order', () => {
    const actions = availableActions(matterAt('party_review'), testContext());
    expect(actions.map((a) => a.event)).toEqual([...WORKFLOW_EVENTS]);
  });

  it('shows a villager the objection button during the window, and hides committee buttons', () => {
    const matter: MatterState = { ...matterAt('resolution_disclosure'), resolutionDisclosure: { startsOn: '2026-12-08', endsOn: '2026-12-14', noticeId: 'n', revision: 1 } };
    const actions = availableActions(matter, testContext({}, ['villager']));
    const file = actions.find((a) => a.event === 'file_objection');
    expect(file).toMatchObject({ relevant: true, allowed: true, unmet: [] });
    const start = actions.find((a) => a.event === 'start_implementation');
    expect(start).toMatchObject({ relevant: false, allowed: false, unmet: [{ code: 'role_required' }] });
    expect(actions.filter((a) => a.relevant).map((a) => a.event)).toEqual(['file_objection']);
  });

  it('shows the secretary a disabled 开始实施 with the window reason', () => {
    const matter: MatterState = { ...matterAt('resolution_disclosure'), resolutionDisclosure: { startsOn: '2026-11-27', endsOn: '2026-12-03', noticeId: 'n', revision: 1 } };
    const actions = availableActions(matter, testContext({ today: '2026-12-02' }));
    const start = actions.find((a) => a.event === 'start_implementation');
    expect(start).toMatchObject({ relevant: true, allowed: false });
    expect(start?.unmet.map((u) => u.reason)).toEqual(['决议公示期到 12月3日 才满 7 天']);
  });

  it('hides per-item buttons when there is nothing to act on', () => {
    const actions = availableActions(matterAt('party_review'), testContext({}, ['villager', 'supervisor']));
    expect(actions.filter((a) => a.relevant).map((a) => a.event)).toEqual(['add_opinion', 'send_back']);
    const withOpinion: MatterState = { ...matterAt('party_review'), opinions: [{ id: 'o', stage: 'party_review', blocking: true, answered: false, lifted: false, addedOn: '2026-12-09' }] };
    const lift = availableActions(withOpinion, testContext({}, ['villager', 'supervisor'])).find((a) => a.event === 'lift_opinion');
    expect(lift).toMatchObject({ relevant: true, allowed: false, unmet: [{ code: 'opinion_not_answered' }] });
  });

  it('joins the reasons for the 409 message', () => {
    const result = transition(matterAt('result_disclosure'), { type: 'archive' }, testContext({ today: '2026-12-05' }));
    expect(!result.ok && refusalMessage(result.unmet)).toBe('实施结果公示期到 12月7日 才满 7 天');
  });

  it('leaves the meeting form checks to submission: the button is allowed before the meeting is entered', () => {
    const actions = availableActions(matterAt('party_review'), testContext());
    expect(actions.find((a) => a.event === 'record_party_review')).toMatchObject({ relevant: true, allowed: true });
  });
});
