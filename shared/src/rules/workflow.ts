import { addDays } from './date';
import { COMMITTEE_ROLES, type Role } from '../constants/roles';
import { unmetConditions } from './workflow-guards';
import { judgeMeeting, resolvePolicy } from './workflow-meeting';
import {
  DELIBERATIVE_STAGES,
  DISCLOSURE_KIND_LABELS,
  MATTER_STAGE_LABELS,
  MEETING_EVENT_PURPOSE,
  WORKFLOW_EVENTS,
  WORKFLOW_EVENT_LABELS,
  WORKFLOW_VERSION,
  stageIndex,
  type DeliberativeStage,
  type DisclosureState,
  type MatterStage,
  type MatterState,
  type MeetingEventType,
  type StageMeeting,
  type TransitionResult,
  type UnmetCondition,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowEffect,
  type WorkflowEvent,
  type WorkflowEventOf,
  type WorkflowGuardCode,
  type WorkflowPolicy,
} from './workflow-model';
import { dayLabel, fenLabel, roleList } from './workflow-text';

/*
 * The 四议两公开 workflow (DOMAIN.md §2) as one pure function: `transition(matter, event, context)`
 * either refuses with every unmet condition (stable code + Chinese reason naming the figures) or
 * returns the next state, the effects the server carries out in the same transaction (publish the
 * resolution notice, …) and a one-line summary for the audit event. No clock, no I/O: `context.today`
 * is the Beijing day, so the server decides and the mini-program explains with the same code.
 *
 *   branch_proposal ─record_branch_meeting─▶ committees_deliberation ─record_committees_meeting─▶
 *   party_review ─record_party_review─▶ assembly_resolution ─record_assembly_resolution─▶
 *   resolution_disclosure ─start_implementation─▶ implementation ─publish_result─▶
 *   result_disclosure ─archive─▶ archived
 *
 *   一肩挑: branch_proposal ─record_merged_meeting─▶ party_review
 *   party review fails ▶ committees_deliberation;  assembly vote fails ▶ rejected ─repropose─▶ branch_proposal
 *   withdraw (stages 1–4) ▶ withdrawn;  supervisor send_back ▶ an earlier meeting or disclosure stage
 *   a failed 1st/2nd-stage vote is recorded and the stage stays (amend and meet again, or withdraw)
 */

export interface ProposeInput {
  id: string;
  typeCode: string;
}

/** Creating a matter (提出事项): the first revision, at 党组织提议, stamped with WORKFLOW_VERSION. */
export function proposeMatter(input: ProposeInput, context: WorkflowContext): TransitionResult {
  const unmet: UnmetCondition[] = [];
  if (!context.actor.roles.some((r) => (COMMITTEE_ROLES as readonly Role[]).includes(r))) {
    unmet.push({ code: 'role_required', reason: `只有${roleList(COMMITTEE_ROLES)}可以提出事项；村民的建议请通过“村民提议”提出`, details: { roles: COMMITTEE_ROLES.join(',') } });
  }
  if (input.typeCode !== context.matterType.code) {
    unmet.push({ code: 'matter_type_mismatch', reason: '事项类型与本村的类型配置不一致，请刷新后再试', details: { typeCode: input.typeCode } });
  }
  if (unmet.length > 0) return { ok: false, unmet };
  const next: MatterState = {
    id: input.id,
    villageId: context.villageId,
    typeCode: input.typeCode,
    workflowVersion: WORKFLOW_VERSION,
    stage: 'branch_proposal',
    stageEnteredOn: context.today,
    closedFrom: null,
    currentRevision: 1,
    meetings: {},
    resolutionDisclosure: null,
    resultDisclosure: null,
    objections: [],
    opinions: [],
    implementation: null,
  };
  return {
    ok: true,
    event: 'propose',
    from: null,
    next,
    effects: [{ type: 'create_revision', revision: 1, basedOn: 0 }],
    summary: `提出事项（${context.matterType.label}），第 1 稿`,
  };
}

/** Apply `event` to `matter`: the next state and its effects, or every unmet condition. */
export function transition(matter: MatterState, event: WorkflowEvent, context: WorkflowContext): TransitionResult {
  const policy = resolvePolicy(context.policy);
  const unmet = unmetConditions({ matter, context, policy, event, type: event.type });
  if (unmet.length > 0) return { ok: false, unmet };
  const { next, effects, summary } = apply(matter, event, context, policy);
  return { ok: true, event: event.type, from: matter.stage, next, effects, summary };
}

/**
 * Conditions that make an action irrelevant to show rather than a disabled button: wrong stage or
 * role, or nothing to act on (no open objection or opinion — those buttons sit on each item).
 */
const NOT_RELEVANT: readonly WorkflowGuardCode[] = [
  'workflow_version_unsupported',
  'other_village',
  'matter_type_mismatch',
  'event_not_in_stage',
  'matter_closed',
  'role_required',
  'objection_not_open',
  'opinion_not_open',
];

/**
 * Every event for the UI: whether it belongs here for this caller, and what stands in the way now.
 * Per-item buttons (answer this objection, lift this opinion) can dry-run `transition` with the item's id.
 */
export function availableActions(matter: MatterState, context: WorkflowContext): WorkflowAction[] {
  const policy = resolvePolicy(context.policy);
  return WORKFLOW_EVENTS.map((type) => {
    const unmet = unmetConditions({ matter, context, policy, event: null, type });
    const relevant = !unmet.some((u) => NOT_RELEVANT.includes(u.code));
    return { event: type, label: WORKFLOW_EVENT_LABELS[type], relevant, allowed: unmet.length === 0, unmet };
  });
}

/** The 409 message: every reason, joined with "；". */
export function refusalMessage(unmet: readonly UnmetCondition[]): string {
  return unmet.map((u) => u.reason).join('；');
}

// ---------------------------------------------------------------- applying an allowed event

interface Applied {
  next: MatterState;
  effects: WorkflowEffect[];
  summary: string;
}

function enter(matter: MatterState, stage: MatterStage, today: string): MatterState {
  return stage === matter.stage ? matter : { ...matter, stage, stageEnteredOn: today };
}

function window(today: string, policy: WorkflowPolicy, revision: number): DisclosureState {
  return { startsOn: today, endsOn: addDays(today, policy.disclosureDays - 1), noticeId: null, revision };
}

function windowText(d: DisclosureState, today: string): string {
  return `${dayLabel(d.startsOn, today)}至${dayLabel(d.endsOn, today)}`;
}

function apply(matter: MatterState, event: WorkflowEvent, context: WorkflowContext, policy: WorkflowPolicy): Applied {
  const { today } = context;
  switch (event.type) {
    case 'record_branch_meeting':
    case 'record_merged_meeting':
    case 'record_committees_meeting':
    case 'record_party_review':
    case 'record_assembly_resolution':
      return applyMeeting(matter, event, context, policy);
    case 'amend':
    case 'repropose': {
      const revision = matter.currentRevision + 1;
      let next: MatterState = { ...matter, currentRevision: revision };
      if (event.type === 'repropose') {
        next = { ...enter(next, 'branch_proposal', today), closedFrom: null, meetings: {}, resolutionDisclosure: null, resultDisclosure: null, implementation: null };
      }
      return {
        next,
        effects: [{ type: 'create_revision', revision, basedOn: event.basedOn }],
        summary: event.type === 'amend' ? `修改方案文本，形成第 ${revision} 稿` : `修改后重新提议，第 ${revision} 稿`,
      };
    }
    case 'start_implementation': {
      const { plan } = event;
      const next: MatterState = {
        ...enter(matter, 'implementation', today),
        implementation: { ...plan, startedOn: today, progressReports: 0, spentFen: 0, result: null },
      };
      return {
        next,
        effects: [{ type: 'notify', audience: 'responsible_person', message: `您被指定为本事项的实施负责人，计划 ${dayLabel(plan.plannedStartOn, today)} 至 ${dayLabel(plan.plannedEndOn, today)} 完成` }],
        summary: `开始组织实施，计划 ${dayLabel(plan.plannedStartOn, today)} 至 ${dayLabel(plan.plannedEndOn, today)}${plan.budgetFen !== null ? `，预算 ${fenLabel(plan.budgetFen)}` : ''}`,
      };
    }
    case 'report_progress': {
      const impl = required(matter.implementation);
      const spentFen = impl.spentFen + event.spentFen;
      const effects: WorkflowEffect[] = [{ type: 'record_progress', reportId: event.reportId, spentFen: event.spentFen }];
      if (impl.budgetFen !== null && spentFen > impl.budgetFen && impl.spentFen <= impl.budgetFen) {
        effects.push({ type: 'notify', audience: 'supervisors', message: `累计支出 ${fenLabel(spentFen)}，已超过预算 ${fenLabel(impl.budgetFen)}` });
      }
      return {
        next: { ...matter, implementation: { ...impl, progressReports: impl.progressReports + 1, spentFen } },
        effects,
        summary: `报告实施进度，本次支出 ${fenLabel(event.spentFen)}，累计 ${fenLabel(spentFen)}`,
      };
    }
    case 'report_result': {
      const impl = required(matter.implementation);
      const effects: WorkflowEffect[] = [{ type: 'record_result', completedOn: event.completedOn, totalSpentFen: event.totalSpentFen }];
      if (event.totalSpentFen > 0) effects.push({ type: 'notify', audience: 'supervisors', message: `实施结果含支出 ${fenLabel(event.totalSpentFen)}，请审核后再公开` });
      return {
        next: { ...matter, implementation: { ...impl, result: { reportedOn: today, completedOn: event.completedOn, totalSpentFen: event.totalSpentFen, signedOffBy: null } } },
        effects,
        summary: `提交实施结果，${dayLabel(event.completedOn, today)} 完成，合计支出 ${fenLabel(event.totalSpentFen)}`,
      };
    }
    case 'sign_off_result': {
      const impl = required(matter.implementation);
      const result = required(impl.result);
      return {
        next: { ...matter, implementation: { ...impl, result: { ...result, signedOffBy: context.actor.residentId } } },
        effects: [],
        summary: '村务监督委员会审核实施结果',
      };
    }
    case 'publish_result': {
      const impl = required(matter.implementation);
      const result = required(impl.result);
      const d = window(today, policy, matter.currentRevision);
      return {
        next: { ...enter(matter, 'result_disclosure', today), resultDisclosure: d },
        effects: [{ type: 'publish_result_notice', revision: matter.currentRevision, startsOn: d.startsOn, endsOn: d.endsOn, totalSpentFen: result.totalSpentFen }],
        summary: `公开实施结果，公示期 ${windowText(d, today)}`,
      };
    }
    case 'archive': {
      const noticeIds = [matter.resolutionDisclosure?.noticeId, matter.resultDisclosure?.noticeId].filter((id): id is string => typeof id === 'string');
      return { next: enter(matter, 'archived', today), effects: [{ type: 'archive_notices', noticeIds }], summary: '事项办结归档' };
    }
    case 'withdraw':
      return {
        next: { ...enter(matter, 'withdrawn', today), closedFrom: matter.stage },
        effects: [],
        summary: `在“${MATTER_STAGE_LABELS[matter.stage]}”阶段撤回事项：${event.reason.trim()}`,
      };
    case 'file_objection': {
      const disclosure = matter.stage === 'result_disclosure' ? 'result' : 'resolution';
      return {
        next: { ...matter, objections: [...matter.objections, { id: event.objectionId, disclosure, filedOn: today, answered: false }] },
        effects: [{ type: 'notify', audience: 'committee', message: `${DISCLOSURE_KIND_LABELS[disclosure]}期间收到一条异议，请及时答复` }],
        summary: `${DISCLOSURE_KIND_LABELS[disclosure]}期间收到异议`,
      };
    }
    case 'answer_objection':
      return {
        next: { ...matter, objections: matter.objections.map((o) => (o.id === event.objectionId ? { ...o, answered: true } : o)) },
        effects: [],
        summary: '答复异议',
      };
    case 'add_opinion':
      return {
        next: {
          ...matter,
          opinions: [...matter.opinions, { id: event.opinionId, stage: matter.stage, blocking: event.blocking, answered: false, lifted: false, addedOn: today }],
        },
        effects: [{ type: 'notify', audience: 'committee', message: event.blocking ? '村务监督委员会要求纠正，事项暂停，请答复' : '村务监督委员会提出了监督意见，请答复' }],
        summary: event.blocking ? '村务监督委员会提出监督意见，要求纠正' : '村务监督委员会提出监督意见',
      };
    case 'answer_opinion':
      return {
        next: { ...matter, opinions: matter.opinions.map((o) => (o.id === event.opinionId ? { ...o, answered: true } : o)) },
        effects: [],
        summary: '答复监督意见',
      };
    case 'lift_opinion':
      return {
        next: { ...matter, opinions: matter.opinions.map((o) => (o.id === event.opinionId ? { ...o, lifted: true } : o)) },
        effects: [{ type: 'notify', audience: 'committee', message: '村务监督委员会已解除纠正要求' }],
        summary: '村务监督委员会解除纠正要求',
      };
    case 'send_back':
      return applySendBack(matter, event, context, policy);
    default:
      return assertNever(event);
  }
}

const MEETING_STAGE: Record<MeetingEventType, DeliberativeStage> = {
  record_branch_meeting: 'branch_proposal',
  record_merged_meeting: 'branch_proposal',
  record_committees_meeting: 'committees_deliberation',
  record_party_review: 'party_review',
  record_assembly_resolution: 'assembly_resolution',
};

function applyMeeting(matter: MatterState, event: WorkflowEventOf<MeetingEventType>, context: WorkflowContext, policy: WorkflowPolicy): Applied {
  const { today } = context;
  const purpose = MEETING_EVENT_PURPOSE[event.type];
  const judged = judgeMeeting(matter, purpose, event.meeting, context);
  const tally = required(judged.tally);
  const passed = judged.passed === true;
  const merged = event.type === 'record_merged_meeting';
  const stage = MEETING_STAGE[event.type];
  const record: StageMeeting = { meetingId: event.meeting.meetingId, revision: event.meeting.revision, heldOn: event.meeting.heldOn, outcome: passed ? 'passed' : 'rejected', merged };
  const effects: WorkflowEffect[] = [{ type: 'record_meeting', stage, purpose, meetingId: record.meetingId, outcome: record.outcome, tally }];
  let next: MatterState = { ...matter, meetings: { ...matter.meetings, [stage]: record } };
  let summary = judged.summary;

  switch (event.type) {
    case 'record_branch_meeting':
      if (passed) next = enter(next, 'committees_deliberation', today);
      else summary += '；可修改后重新召开，或撤回事项';
      break;
    case 'record_merged_meeting':
      if (passed) next = enter({ ...next, meetings: { ...next.meetings, committees_deliberation: record } }, 'party_review', today);
      else summary += '；可修改后重新召开，或撤回事项';
      break;
    case 'record_committees_meeting':
      if (passed) next = enter(next, 'party_review', today);
      else summary += '；可修改后重新商议，或撤回事项';
      break;
    case 'record_party_review':
      if (passed) {
        next = enter(next, 'assembly_resolution', today);
      } else {
        next = enter(next, 'committees_deliberation', today);
        summary += '；退回两委商议修改';
        effects.push({ type: 'notify', audience: 'committee', message: '党员大会审议未通过，事项已退回两委商议，请修改后重新商议' });
      }
      break;
    case 'record_assembly_resolution':
      if (passed) {
        const d = window(today, policy, matter.currentRevision);
        next = { ...enter(next, 'resolution_disclosure', today), resolutionDisclosure: d };
        effects.push({ type: 'publish_resolution_notice', revision: matter.currentRevision, meetingId: record.meetingId, startsOn: d.startsOn, endsOn: d.endsOn });
        summary += `；决议公示期 ${windowText(d, today)}`;
      } else {
        next = { ...enter(next, 'rejected', today), closedFrom: 'assembly_resolution' };
        summary += '；事项未通过，可修改后重新提议';
      }
      break;
    default:
      return assertNever(event.type);
  }
  return { next, effects, summary };
}

function applySendBack(matter: MatterState, event: WorkflowEventOf<'send_back'>, context: WorkflowContext, policy: WorkflowPolicy): Applied {
  const { today } = context;
  const target = event.toStage;
  const at = stageIndex(target);
  const reason = event.reason.trim();
  const effects: WorkflowEffect[] = [];

  // Meetings of the target stage and after are held again; a merged stage 1–2 meeting keeps stage 1.
  const meetings: MatterState['meetings'] = {};
  for (const s of DELIBERATIVE_STAGES) {
    const m = matter.meetings[s];
    if (m && stageIndex(s) < at) meetings[s] = m;
  }

  let resolutionDisclosure = matter.resolutionDisclosure;
  let resultDisclosure = matter.resultDisclosure;
  let implementation = matter.implementation;
  const supersede = (d: DisclosureState | null, kind: 'resolution' | 'result'): void => {
    if (d?.noticeId) effects.push({ type: 'supersede_notice', disclosure: kind, noticeId: d.noticeId, reason });
  };
  if (at <= stageIndex('resolution_disclosure')) {
    supersede(resolutionDisclosure, 'resolution');
    resolutionDisclosure = null;
    implementation = null;
    supersede(resultDisclosure, 'result');
    resultDisclosure = null;
  } else if (at <= stageIndex('result_disclosure')) {
    supersede(resultDisclosure, 'result');
    resultDisclosure = null;
  }
  if (target === 'resolution_disclosure') {
    resolutionDisclosure = window(today, policy, matter.currentRevision);
    effects.push({
      type: 'publish_resolution_notice',
      revision: matter.currentRevision,
      meetingId: required(matter.meetings.assembly_resolution).meetingId,
      startsOn: resolutionDisclosure.startsOn,
      endsOn: resolutionDisclosure.endsOn,
    });
  }
  if (target === 'result_disclosure') {
    resultDisclosure = window(today, policy, matter.currentRevision);
    effects.push({
      type: 'publish_result_notice',
      revision: matter.currentRevision,
      startsOn: resultDisclosure.startsOn,
      endsOn: resultDisclosure.endsOn,
      totalSpentFen: required(implementation?.result).totalSpentFen,
    });
  }
  const message = `村务监督委员会要求“${MATTER_STAGE_LABELS[target]}”重新办理：${reason}`;
  effects.push({ type: 'notify', audience: 'committee', message }, { type: 'notify', audience: 'township', message });
  const next: MatterState = { ...matter, stage: target, stageEnteredOn: today, meetings, resolutionDisclosure, resultDisclosure, implementation };
  return { next, effects, summary: `从“${MATTER_STAGE_LABELS[matter.stage]}”退回“${MATTER_STAGE_LABELS[target]}”重新办理：${reason}` };
}

function required<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('事项状态不完整：守卫通过后缺少必需的记录');
  return value;
}

function assertNever(value: never): never {
  throw new Error(`未知的事项事件：${JSON.stringify(value)}`);
}
