import { ROLES } from '../constants/roles';
import { EVENT_RULES, STAGE_ADVANCE_EVENT, type LiveStage } from './workflow-events';
import { EVENT_GUARDS, GUARDS, type GuardName } from './workflow-guards';
import { resolvePolicy } from './workflow-meeting';
import {
  DISCLOSURE_KIND_LABELS,
  MAIN_STAGES,
  MATTER_STAGE_LABELS,
  MEETING_PURPOSE_LABELS,
  isClosedStage,
  stageIndex,
  type DisclosureState,
  type MainStage,
  type MatterState,
  type UnmetCondition,
  type WorkflowContext,
  type WorkflowGuardCode,
} from './workflow-model';
import { dayLabel } from './workflow-text';

/*
 * The vertical stepper of the matter page: the eight stages, each done / current / blocked (with
 * the reasons, in the guards' words) / upcoming, or, for a rejected or withdrawn matter, where it
 * stopped. "Blocked" is about the matter, not the viewer: it lists what nobody can get past by
 * simply doing the stage's work (a running window, unanswered objections, a supervisor's demand).
 */

export const STAGE_STEP_STATUSES = ['done', 'current', 'waiting', 'blocked', 'upcoming', 'stopped', 'not_reached'] as const;
export type StageStepStatus = (typeof STAGE_STEP_STATUSES)[number];
export const STAGE_STEP_STATUS_LABELS: Record<StageStepStatus, string> = {
  done: '已完成',
  current: '进行中',
  waiting: '公示中',
  blocked: '暂停',
  upcoming: '未开始',
  stopped: '已终止',
  not_reached: '未进行',
};

export interface StageStep {
  stage: MainStage;
  label: string;
  status: StageStepStatus;
  /** For waiting and blocked: every reason; for stopped: what ended it. */
  reasons: string[];
  /** One line about the stage: "11月20日 会议通过", "公示期 11月27日至12月3日", "上次会议 11月20日 未通过". */
  note: string | null;
  /** The meeting that decided (or last failed) this stage in the current run. */
  meetingId: string | null;
}

/** Conditions that hold the current stage up whatever the committee does next. */
export const STEPPER_BLOCKING_CODES: readonly WorkflowGuardCode[] = [
  'blocking_opinion',
  'disclosure_notice_missing',
  'disclosure_window_open',
  'objections_unanswered',
  'result_signoff_missing',
];

/**
 * Of those, the ones that only need time to pass (a disclosure window running its course): the
 * stage is then waiting as the law wants, not stopped — villagers should not read it as trouble.
 */
export const STEPPER_WAITING_CODES: readonly WorkflowGuardCode[] = ['disclosure_window_open'];

/** Whether something other than the calendar holds the stage up. */
export function isHeldUp(blockers: readonly UnmetCondition[]): boolean {
  return blockers.some((b) => !STEPPER_WAITING_CODES.includes(b.code));
}

/** Unmet conditions of the stage's advancing event, regardless of who is looking. */
export function stageBlockers(matter: MatterState, context: WorkflowContext): UnmetCondition[] {
  if (isClosedStage(matter.stage)) return [];
  const type = STAGE_ADVANCE_EVENT[matter.stage as LiveStage];
  const policy = resolvePolicy(context.policy);
  const anyone: WorkflowContext = { ...context, actor: { residentId: matter.implementation?.responsibleResidentId ?? '', roles: ROLES } };
  const names: readonly GuardName[] = EVENT_RULES[type].blockable ? ['noBlockingOpinion', ...EVENT_GUARDS[type]] : EVENT_GUARDS[type];
  return names
    .flatMap((name) => GUARDS[name]({ matter, context: anyone, policy, event: null, type }))
    .filter((u) => STEPPER_BLOCKING_CODES.includes(u.code));
}

function windowNote(d: DisclosureState | null, label: string, today: string): string | null {
  return d ? `${label}期 ${dayLabel(d.startsOn, today)}至${dayLabel(d.endsOn, today)}` : null;
}

export function stageSteps(matter: MatterState, context: WorkflowContext): StageStep[] {
  const { today } = context;
  const closed = matter.stage === 'rejected' || matter.stage === 'withdrawn';
  const at = matter.stage === 'archived' ? MAIN_STAGES.length : stageIndex(closed ? (matter.closedFrom ?? 'branch_proposal') : matter.stage);
  const blockers = stageBlockers(matter, context);

  return MAIN_STAGES.map((stage, i): StageStep => {
    const meeting = stage in matter.meetings ? matter.meetings[stage as keyof MatterState['meetings']] : undefined;
    const base = { stage, label: MATTER_STAGE_LABELS[stage], reasons: [] as string[], meetingId: meeting?.meetingId ?? null };

    let note: string | null = null;
    if (meeting) {
      const merged = meeting.merged ? `（${MEETING_PURPOSE_LABELS.merged_proposal}）` : '';
      note = `${dayLabel(meeting.heldOn, today)} 会议${meeting.outcome === 'passed' ? '通过' : '未通过'}${merged}`;
    } else if (stage === 'resolution_disclosure') {
      note = windowNote(matter.resolutionDisclosure, DISCLOSURE_KIND_LABELS.resolution, today);
    } else if (stage === 'result_disclosure') {
      note = windowNote(matter.resultDisclosure, DISCLOSURE_KIND_LABELS.result, today);
    } else if (stage === 'implementation' && matter.implementation) {
      const impl = matter.implementation;
      note = impl.result
        ? `${dayLabel(impl.result.completedOn, today)} 完成`
        : `计划 ${dayLabel(impl.plannedStartOn, today)}至${dayLabel(impl.plannedEndOn, today)}，已报告进度 ${impl.progressReports} 次`;
    }
    if (stage === 'committees_deliberation' && matter.stage === stage && matter.meetings.party_review?.outcome === 'rejected') {
      note = `党员大会 ${dayLabel(matter.meetings.party_review.heldOn, today)} 未通过，退回修改`;
    }

    if (i < at) return { ...base, status: 'done', note };
    if (i > at) return { ...base, status: closed ? 'not_reached' : 'upcoming', note: null, meetingId: null };
    if (closed) {
      const reason = matter.stage === 'rejected' ? '表决未通过，事项终止' : '事项已撤回';
      return { ...base, status: 'stopped', reasons: [reason], note };
    }
    if (blockers.length > 0) return { ...base, status: isHeldUp(blockers) ? 'blocked' : 'waiting', reasons: blockers.map((b) => b.reason), note };
    return { ...base, status: 'current', note };
  });
}
