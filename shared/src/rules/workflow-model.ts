import type { Role } from '../constants/roles';
import type { BallotStatus } from '../types/ballot';
import type { AssemblyAuthorization, MatterTypeDefinition } from './matter-types';
import type { BallotTally, DecisionBody, DecisionRule, Electorate, MotionCounts, Turnout } from './quorum';

/*
 * The 四议两公开 workflow (DOMAIN.md §2) as data: the vocabulary, the state a transition reads and
 * writes, the events, the effects the server carries out in the same transaction, and the policy a
 * village may configure. The functions live in workflow.ts; this file has no logic.
 *
 * Everything here is plain JSON (days as YYYY-MM-DD in Beijing time, amounts as integer fen), so the
 * server can rebuild a MatterState from its rows, and the mini-program can hold one.
 */

/**
 * Bump when the meaning of a stage, event or guard changes. The server stores the version a matter
 * was created under; `transition` refuses matters of a newer version (an outdated mini-program) and
 * keeps the version of older ones (supported ones are listed in SUPPORTED_WORKFLOW_VERSIONS).
 */
export const WORKFLOW_VERSION = 1;
export const SUPPORTED_WORKFLOW_VERSIONS: readonly number[] = [1];

// ---------------------------------------------------------------- stages

export const MATTER_STAGES = [
  'branch_proposal',
  'committees_deliberation',
  'party_review',
  'assembly_resolution',
  'resolution_disclosure',
  'implementation',
  'result_disclosure',
  'archived',
  'rejected',
  'withdrawn',
] as const;
export type MatterStage = (typeof MATTER_STAGES)[number];

/** The eight steps of the stepper, in order (四议 + 两公开 + 实施 + 归档). */
export const MAIN_STAGES = [
  'branch_proposal',
  'committees_deliberation',
  'party_review',
  'assembly_resolution',
  'resolution_disclosure',
  'implementation',
  'result_disclosure',
  'archived',
] as const satisfies readonly MatterStage[];
export type MainStage = (typeof MAIN_STAGES)[number];

/** 四议: each passed by a recorded meeting. */
export const DELIBERATIVE_STAGES = ['branch_proposal', 'committees_deliberation', 'party_review', 'assembly_resolution'] as const satisfies readonly MatterStage[];
export type DeliberativeStage = (typeof DELIBERATIVE_STAGES)[number];

/** 两公开: each opened by a published notice with a window. */
export const DISCLOSURE_STAGES = ['resolution_disclosure', 'result_disclosure'] as const satisfies readonly MatterStage[];
export type DisclosureStage = (typeof DISCLOSURE_STAGES)[number];

/** No stage change leaves these, except `repropose` from `rejected`. */
export const CLOSED_STAGES = ['archived', 'rejected', 'withdrawn'] as const satisfies readonly MatterStage[];
export type ClosedStage = (typeof CLOSED_STAGES)[number];

/** Where the supervisory committee may send a matter back to be held again (meetings and disclosures). */
export const SEND_BACK_TARGETS = [...DELIBERATIVE_STAGES, ...DISCLOSURE_STAGES] as const;
export type SendBackTarget = (typeof SEND_BACK_TARGETS)[number];

export const MATTER_STAGE_LABELS: Record<MatterStage, string> = {
  branch_proposal: '党组织提议',
  committees_deliberation: '两委商议',
  party_review: '党员大会审议',
  assembly_resolution: '村民（代表）会议决议',
  resolution_disclosure: '决议公开',
  implementation: '组织实施',
  result_disclosure: '实施结果公开',
  archived: '归档',
  rejected: '未通过',
  withdrawn: '已撤回',
};

export function isClosedStage(stage: MatterStage): stage is ClosedStage {
  return (CLOSED_STAGES as readonly string[]).includes(stage);
}

/** Position in the stepper; closed stages other than archived have none (-1). */
export function stageIndex(stage: MatterStage): number {
  return (MAIN_STAGES as readonly string[]).indexOf(stage);
}

// ---------------------------------------------------------------- meetings

/** What a meeting decides: one per deliberative stage, plus stages 1–2 merged (一肩挑). */
export const MEETING_PURPOSES = ['branch_proposal', 'merged_proposal', 'committees_deliberation', 'party_review', 'assembly_resolution'] as const;
export type MeetingPurpose = (typeof MEETING_PURPOSES)[number];
export const MEETING_PURPOSE_LABELS: Record<MeetingPurpose, string> = {
  branch_proposal: '党组织提议会议',
  merged_proposal: '党组织提议和两委商议合并会议',
  committees_deliberation: '两委联席会议',
  party_review: '党员大会',
  assembly_resolution: '村民会议或村民代表会议',
};

/**
 * Where the counts of a meeting come from (the same two ways a ballot counts, types/ballot.ts):
 * a closed ballot of the voting module linked to this matter, or a paper count entered by the
 * teller and confirmed by the scrutineer (委员会会议 may be a show of hands written in the minutes).
 */
export type MeetingCountSource =
  | { kind: 'ballot'; ballotId: string; matterId: string | null; status: BallotStatus; rule: DecisionRule }
  | { kind: 'paper'; tellerResidentId: string | null; scrutineerResidentId: string | null; confirmed: boolean };

/** The written records a meeting must have before it counts (OL art. 34 keeps them). */
export interface MeetingRecords {
  /** 会议纪要 written. */
  minutes: boolean;
  /** Photos of the signed sign-in sheet (签到表). */
  signInSheetPhotos: number;
  /** People who signed the minutes (主持人、记录人…). */
  signers: number;
}

/** A held meeting as the workflow judges it; the server builds it from the meeting row and its ballot. */
export interface WorkflowMeeting {
  meetingId: string;
  body: DecisionBody;
  electorate: Electorate;
  /** The revision voted on: must be the matter's current one. */
  revision: number;
  /** The day the meeting was announced; null when not recorded. */
  noticeGivenOn: string | null;
  heldOn: string;
  /** In the electorate's unit: people, or households for 一户一票. */
  turnout: Turnout;
  /** 村民会议 of adults: households whose representative took part (the other way to the quorum). */
  householdTurnout?: Turnout | null;
  counts: MotionCounts;
  source: MeetingCountSource;
  records: MeetingRecords;
}

// ---------------------------------------------------------------- state

/** The last meeting held for a deliberative stage in the current run. */
export interface StageMeeting {
  meetingId: string;
  revision: number;
  heldOn: string;
  outcome: 'passed' | 'rejected';
  /** Held as the merged stage 1–2 meeting. */
  merged: boolean;
}

export const DISCLOSURE_KINDS = ['resolution', 'result'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_KIND_LABELS: Record<DisclosureKind, string> = { resolution: '决议公示', result: '实施结果公示' };

export interface DisclosureState {
  /** Both ends included, Beijing days. */
  startsOn: string;
  endsOn: string;
  /** Set by the server once the notice is published (in the same transaction). */
  noticeId: string | null;
  revision: number;
}

export interface ObjectionState {
  id: string;
  disclosure: DisclosureKind;
  filedOn: string;
  answered: boolean;
}

export interface OpinionState {
  id: string;
  /** The stage the matter was in when the opinion was given. */
  stage: MatterStage;
  /** 要求纠正: stops the matter until answered and lifted. */
  blocking: boolean;
  answered: boolean;
  lifted: boolean;
  addedOn: string;
}

export interface ResultState {
  reportedOn: string;
  completedOn: string;
  totalSpentFen: number;
  /** The supervisory committee's sign-off (needed before publication when money was spent). */
  signedOffBy: string | null;
}

export interface ImplementationState {
  responsibleResidentId: string;
  plannedStartOn: string;
  plannedEndOn: string;
  budgetFen: number | null;
  startedOn: string;
  progressReports: number;
  /** Sum of the progress reports' spending. */
  spentFen: number;
  result: ResultState | null;
}

/** What the workflow knows about a matter. */
export interface MatterState {
  id: string;
  villageId: string;
  typeCode: string;
  workflowVersion: number;
  stage: MatterStage;
  stageEnteredOn: string;
  /** For `rejected` and `withdrawn`: the stage the matter stopped in; null otherwise. */
  closedFrom: MatterStage | null;
  /** 1 for the first text; every amendment adds one. */
  currentRevision: number;
  meetings: Partial<Record<DeliberativeStage, StageMeeting>>;
  resolutionDisclosure: DisclosureState | null;
  resultDisclosure: DisclosureState | null;
  objections: readonly ObjectionState[];
  opinions: readonly OpinionState[];
  implementation: ImplementationState | null;
}

// ---------------------------------------------------------------- events

export const WORKFLOW_EVENTS = [
  'record_branch_meeting',
  'record_merged_meeting',
  'amend',
  'record_committees_meeting',
  'record_party_review',
  'record_assembly_resolution',
  'start_implementation',
  'report_progress',
  'report_result',
  'sign_off_result',
  'publish_result',
  'archive',
  'withdraw',
  'repropose',
  'file_objection',
  'answer_objection',
  'add_opinion',
  'answer_opinion',
  'lift_opinion',
  'send_back',
] as const;
export type WorkflowEventType = (typeof WORKFLOW_EVENTS)[number];

/** Button texts. */
export const WORKFLOW_EVENT_LABELS: Record<WorkflowEventType, string> = {
  record_branch_meeting: '登记党组织提议会议',
  record_merged_meeting: '登记提议和两委商议合并会议',
  amend: '修改方案文本',
  record_committees_meeting: '登记两委商议会议',
  record_party_review: '登记党员大会审议',
  record_assembly_resolution: '登记决议会议',
  start_implementation: '开始实施',
  report_progress: '报告实施进度',
  report_result: '提交实施结果',
  sign_off_result: '审核实施结果',
  publish_result: '公开实施结果',
  archive: '归档',
  withdraw: '撤回事项',
  repropose: '修改后重新提议',
  file_objection: '提出异议',
  answer_objection: '答复异议',
  add_opinion: '提出监督意见',
  answer_opinion: '答复监督意见',
  lift_opinion: '解除纠正要求',
  send_back: '退回重新办理',
};

export const MEETING_EVENTS = [
  'record_branch_meeting',
  'record_merged_meeting',
  'record_committees_meeting',
  'record_party_review',
  'record_assembly_resolution',
] as const satisfies readonly WorkflowEventType[];
export type MeetingEventType = (typeof MEETING_EVENTS)[number];

export const MEETING_EVENT_PURPOSE: Record<MeetingEventType, MeetingPurpose> = {
  record_branch_meeting: 'branch_proposal',
  record_merged_meeting: 'merged_proposal',
  record_committees_meeting: 'committees_deliberation',
  record_party_review: 'party_review',
  record_assembly_resolution: 'assembly_resolution',
};

export interface ImplementationPlan {
  responsibleResidentId: string;
  plannedStartOn: string;
  plannedEndOn: string;
  budgetFen: number | null;
}

export type WorkflowEvent =
  | { type: MeetingEventType; meeting: WorkflowMeeting }
  /** `basedOn`: the revision the new text was edited from; must still be current. */
  | { type: 'amend'; basedOn: number }
  | { type: 'start_implementation'; plan: ImplementationPlan }
  | { type: 'report_progress'; reportId: string; spentFen: number }
  | { type: 'report_result'; completedOn: string; totalSpentFen: number }
  | { type: 'sign_off_result' }
  | { type: 'publish_result' }
  | { type: 'archive' }
  | { type: 'withdraw'; reason: string }
  | { type: 'repropose'; basedOn: number }
  | { type: 'file_objection'; objectionId: string }
  | { type: 'answer_objection'; objectionId: string }
  | { type: 'add_opinion'; opinionId: string; blocking: boolean }
  | { type: 'answer_opinion'; opinionId: string }
  | { type: 'lift_opinion'; opinionId: string }
  | { type: 'send_back'; toStage: SendBackTarget; reason: string; opinionId?: string | null };

export type WorkflowEventOf<T extends WorkflowEventType> = Extract<WorkflowEvent, { type: T }>;

// ---------------------------------------------------------------- context and policy

export interface WorkflowActor {
  residentId: string;
  /** The actor's roles in the matter's village (every resident has `villager`). */
  roles: readonly Role[];
}

/** Per-village settings (DOMAIN.md: configurable, never hard-coded). */
export interface WorkflowPolicy {
  /** 公示期 of the resolution and the result, whole days both ends included. Default 7. */
  disclosureDays: number;
  /** Days of notice before each kind of meeting; 村民会议 never below 10 (OL art. 21). */
  noticeLeadDays: Record<Exclude<DecisionBody, 'poll'>, number>;
  /** 党员大会 passes with > 1/2 of all party members (default) or of those present. */
  partyReviewPassBasis: 'all_members' | 'present';
}

/** 召开村民会议，应当提前十天通知村民 (OL art. 21). */
export const VILLAGER_ASSEMBLY_NOTICE_DAYS = 10;
export const OL_ART_21 = '《村民委员会组织法》第二十一条';

export const DEFAULT_WORKFLOW_POLICY: WorkflowPolicy = {
  disclosureDays: 7,
  noticeLeadDays: { villager_assembly: VILLAGER_ASSEMBLY_NOTICE_DAYS, representative_assembly: 0, party_assembly: 0, committee_meeting: 0 },
  partyReviewPassBasis: 'all_members',
};

export interface WorkflowContext {
  /** The caller's village; a matter of another village is refused. */
  villageId: string;
  /** Today in Beijing (chinaDay(now)): windows and meeting dates are whole days. */
  today: string;
  actor: WorkflowActor;
  /** The village's 书记 is also 村委会主任 (一肩挑): stages 1–2 may be one meeting. */
  secretaryOneShoulder: boolean;
  /** The matter's type as the village has it configured (matter-types.ts). */
  matterType: MatterTypeDefinition;
  /** The village's 村民会议 authorizations for the 村民代表会议, including expired and revoked ones. */
  authorizations: readonly AssemblyAuthorization[];
  policy?: Partial<WorkflowPolicy>;
}

// ---------------------------------------------------------------- refusals

export const WORKFLOW_GUARD_CODES = [
  'workflow_version_unsupported',
  'other_village',
  'matter_type_mismatch',
  'matter_closed',
  'event_not_in_stage',
  'role_required',
  'blocking_opinion',
  'merge_not_allowed',
  'revision_not_current',
  'meeting_body_mismatch',
  'meeting_electorate_mismatch',
  'meeting_rule_mismatch',
  'decision_body_not_authorized',
  'meeting_in_future',
  'meeting_out_of_order',
  'meeting_already_used',
  'meeting_records_missing',
  'notice_too_short',
  'ballot_not_closed',
  'ballot_other_matter',
  'paper_count_unconfirmed',
  'meeting_counts_invalid',
  'quorum_not_met',
  'disclosure_notice_missing',
  'disclosure_window_open',
  'not_in_disclosure_window',
  'objections_unanswered',
  'objection_not_open',
  'opinion_not_open',
  'opinion_not_answered',
  'opinion_not_blocking',
  'send_back_target_invalid',
  'reason_required',
  'implementation_plan_invalid',
  'amount_invalid',
  'result_report_missing',
  'result_signoff_missing',
  'result_already_signed_off',
] as const;
export type WorkflowGuardCode = (typeof WORKFLOW_GUARD_CODES)[number];

/** One reason an event cannot happen now, in words a villager understands, naming the figures. */
export interface UnmetCondition {
  code: WorkflowGuardCode;
  /** "党员大会到会人数 5/9，未达到三分之二（还差 1 人）" */
  reason: string;
  /** The legal source when the rule is statutory, e.g. 《村民委员会组织法》第二十一条. */
  basis?: string;
  /** The figures behind the reason, for tests and for the UI to highlight. */
  details?: Record<string, string | number | boolean | null>;
}

// ---------------------------------------------------------------- effects

/**
 * What the server must do besides saving `next` and writing the audit event, in the same
 * transaction. Notices are published through the notices module (system kinds `resolution`,
 * `result`); the server writes the notice id back into the disclosure state.
 */
export type WorkflowEffect =
  | { type: 'record_meeting'; stage: DeliberativeStage; purpose: MeetingPurpose; meetingId: string; outcome: 'passed' | 'rejected'; tally: BallotTally }
  | { type: 'create_revision'; revision: number; basedOn: number }
  | { type: 'publish_resolution_notice'; revision: number; meetingId: string; startsOn: string; endsOn: string }
  | { type: 'publish_result_notice'; revision: number; startsOn: string; endsOn: string; totalSpentFen: number }
  /** A disclosure that must be held again: mark its notice superseded (never deleted). */
  | { type: 'supersede_notice'; disclosure: DisclosureKind; noticeId: string; reason: string }
  | { type: 'record_progress'; reportId: string; spentFen: number }
  | { type: 'record_result'; completedOn: string; totalSpentFen: number }
  /** Archive the matter's disclosure notices. */
  | { type: 'archive_notices'; noticeIds: string[] }
  | { type: 'notify'; audience: NotifyAudience; message: string };

export type NotifyAudience = 'committee' | 'supervisors' | 'township' | 'responsible_person';

export type TransitionResult =
  | {
      ok: true;
      event: WorkflowEventType | 'propose';
      from: MatterStage | null;
      next: MatterState;
      effects: WorkflowEffect[];
      /** One line for the audit event and the matter's timeline: "党员大会审议通过：同意 8/15 人（53%）…" */
      summary: string;
    }
  | { ok: false; unmet: UnmetCondition[] };

/** One event as the UI sees it: show `relevant` ones; disable those not allowed and show `unmet`. */
export interface WorkflowAction {
  event: WorkflowEventType;
  label: string;
  /** The event belongs to the matter's stage and the caller holds a role for it. */
  relevant: boolean;
  /** Nothing known now stands in the way (the meeting record, amounts… are checked on submit). */
  allowed: boolean;
  unmet: UnmetCondition[];
}
