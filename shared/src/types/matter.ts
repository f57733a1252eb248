import type { RevisionDiff } from '../rules/matter-diff';
import type { ConveningCheck, ObligationStatus } from '../rules/matter-convening';
import type { AssemblyBody, DecisionMode, MatterTypeInput } from '../rules/matter-types';
import type { BallotOutcome, DecisionBody, DecisionRule, Electorate, MatterOverride, MotionCounts, QuorumAssessment, Turnout, VoterUnit } from '../rules/quorum';
import type { StageStep } from '../rules/workflow-stepper';
import type {
  DisclosureKind,
  MatterStage,
  MeetingEventType,
  MeetingPurpose,
  SendBackTarget,
  UnmetCondition,
  WorkflowAction,
  WorkflowEventType,
  WorkflowPolicy,
} from '../rules/workflow-model';
import type { BallotStatus } from './ballot';
import type { NoticeWindow } from './notice';
import type { NamedRef, Page } from './roster';

/*
 * Matters and the 四议两公开 workflow (DOMAIN.md §2): `/api/matters/…`, `/api/matter-objections/…`,
 * `/api/matter-opinions/…`, `/api/matter-files`, `/api/matter-types`, `/api/assembly-authorizations`,
 * `/api/convening-obligations`, `/api/representative-cadence`. Every route acts in the caller's village;
 * another village's matter is 404.
 *
 * Every write that changes a matter runs the shared `transition()` (rules/workflow.ts) inside the
 * transaction that writes the audit event, and stores `next`, the effects (notices, revisions…) and
 * the WORKFLOW_VERSION stamped at creation. A refusal is 409 MATTER_TRANSITION_REFUSED with every
 * unmet condition (MatterRefusalDetails) and nothing written. Writes carry the matter's `version`
 * (optimistic locking; 409 MATTER_VERSION_CONFLICT) and accept an `Idempotency-Key`.
 *
 * Who may do what is the table in rules/workflow-events.ts: 书记 and 村党组织委员 propose and hold the
 * 党员大会; the 两委 deliberate, amend and answer; 书记 and 村委会委员 convene the 村民（代表）会议 and
 * carry the decision out (with the responsible person reporting progress); supervisors give opinions,
 * lift them, sign off results and send back; every villager reads matters and files objections during
 * a disclosure window; township staff read.
 */

// ---------------------------------------------------------------- limits

export const MATTER_TITLE_MAX = 60;
export const MATTER_BODY_MAX = 20_000;
export const MATTER_CHANGE_NOTE_MAX = 500;
export const MATTER_REASON_MAX = 500;
export const MATTER_OBJECTION_TEXT_MAX = 500;
export const MATTER_OPINION_TEXT_MAX = 1000;
export const MATTER_ANSWER_TEXT_MAX = 2000;
export const MATTER_MINUTES_MAX = 20_000;
export const MATTER_PLACE_MAX = 60;
export const MATTER_PHOTOS_MAX = 9;
export const MATTER_PAGE_SIZE_DEFAULT = 20;
export const MATTER_PAGE_SIZE_MAX = 50;

/** A photo or PDF uploaded with `POST /api/matter-files` (multipart `file`; JPEG, PNG or PDF by content). */
export interface MatterFile {
  id: string;
  fileName: string;
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
  /** Short-lived signed URL. */
  url: string;
}

// ---------------------------------------------------------------- types of matter

/** `GET /api/matter-types` — the village's types (statutory defaults first). */
export interface MatterTypeView {
  code: string;
  label: string;
  description: string;
  legalBasis: string | null;
  statutory: boolean;
  decisionMode: DecisionMode;
  /** "由村民会议决定，或经村民会议授权由村民代表会议决定" */
  decisionModeLabel: string;
  override: MatterOverride | null;
  /** describeRule(…) for each body that may decide, e.g. "村民会议：…；土地承包经营方案须经三分之二以上成员…同意". */
  ruleLabels: string[];
}

/**
 * `PUT /api/matter-types` (secretary, village committee) — the village's own types and the
 * non-statutory defaults it turns off. 400 MATTER_TYPES_INVALID with `details.problems`
 * (MatterTypeProblem[] from mergeMatterTypes) when a statutory type would be removed or a code clashes.
 */
export interface MatterTypeConfigInput {
  extras: MatterTypeInput[];
  disabled: string[];
}

// ---------------------------------------------------------------- authorizations (授权)

/** `GET /api/assembly-authorizations` — everyone in the village; expired and revoked ones too. */
export interface AssemblyAuthorizationView {
  id: string;
  /** The 村民会议 meeting that granted it (a held villager_assembly meeting that passed). */
  grantedBy: { meetingId: string; matterId: string; matterTitle: string };
  grantedOn: string;
  types: { code: string; label: string }[];
  expiresOn: string | null;
  revokedOn: string | null;
  /** Today. */
  inForce: boolean;
}

/**
 * `POST /api/assembly-authorizations` (secretary, village committee) — records what a 村民会议
 * decided; refused unless `meetingId` is a villager_assembly meeting whose vote passed, and
 * checkAuthorization() finds nothing wrong (no 村规民约, no types that need none).
 * `POST /api/assembly-authorizations/:id/revoke` {meetingId, revokedOn} — a later 村民会议 withdraws it.
 */
export interface AssemblyAuthorizationInput {
  meetingId: string;
  typeCodes: string[];
  /** Last day covered; null until revoked. */
  expiresOn: string | null;
}
export interface RevokeAuthorizationInput {
  meetingId: string;
  revokedOn: string;
}

// ---------------------------------------------------------------- reading matters

/**
 * `GET /api/matters?stage=&typeCode=&open=&awaitingMe=&page=&pageSize=` — newest activity first.
 * `open=true`: not archived, rejected or withdrawn. `awaitingMe=true`: matters where some action of
 * availableActions() is allowed for the caller (answer an objection, lift an opinion, vote…).
 */
export interface MatterListQuery {
  stage?: MatterStage;
  typeCode?: string;
  open?: boolean;
  awaitingMe?: boolean;
  page?: number;
  pageSize?: number;
}

export interface MatterListItem {
  id: string;
  title: string;
  type: { code: string; label: string };
  stage: MatterStage;
  stageLabel: string;
  /** YYYY-MM-DD */
  stageEnteredOn: string;
  currentRevision: number;
  /** stageBlockers(): the current stage cannot move whatever the committee does next. */
  blocked: boolean;
  blockedReasons: string[];
  /** "下一步：登记党员大会审议" / "决议公示中，12月4日起可开始实施" / "已归档". */
  nextStep: string;
  unansweredObjections: number;
  /** Objections WeChat sent for the committee's review and not yet reviewed (a count: no text). */
  pendingReviewObjections: number;
  blockingOpinions: number;
  updatedAt: string;
}

export type MatterPage = Page<MatterListItem>;

export interface MatterRevisionView {
  /** 1, 2, 3… */
  number: number;
  title: string;
  body: string;
  budgetFen: number | null;
  /** What the 两委 changed and why ("根据党员意见，将筹资标准由每人 50 元改为 30 元"). null for the first. */
  changeNote: string | null;
  /** Against the revision before (null for the first): diffRevisions() from rules/matter-diff.ts. */
  diff: RevisionDiff | null;
  createdBy: NamedRef;
  createdAt: string;
  /** The stage it was made in (branch_proposal, committees_deliberation, or after a rejection). */
  stage: MatterStage;
  current: boolean;
}

export const MEETING_STATUSES = ['scheduled', 'held', 'applied', 'cancelled'] as const;
/**
 * scheduled → held (minutes, photos and counts recorded) → applied (submitted to the workflow and
 * accepted: it decided its stage, passed or not). A held meeting the workflow refused stays `held`
 * (kept for the record, OL art. 34); a scheduled one may be cancelled with a reason.
 */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { scheduled: '已通知', held: '已召开', applied: '已计入流程', cancelled: '已取消' };

/** Where a meeting's counts come from, as shown. */
export type MeetingCountView =
  | { kind: 'ballot'; ballotId: string; ballotTitle: string; ballotStatus: BallotStatus; rule: DecisionRule }
  | { kind: 'paper'; teller: NamedRef | null; scrutineer: NamedRef | null; confirmedAt: string | null };

export interface MatterMeetingView {
  id: string;
  purpose: MeetingPurpose;
  /** "党员大会" / "村民会议" … */
  purposeLabel: string;
  body: DecisionBody;
  electorate: Electorate;
  status: MeetingStatus;
  /** ISO time and place as announced. */
  scheduledAt: string;
  place: string;
  noticeGivenOn: string | null;
  /** Whole days between notice and meeting. */
  noticeLeadDays: number | null;
  /** checkMeetingNotice()'s reason while the notice is too short ("村民会议应提前 10 天通知…"), else null. */
  noticeWarning: string | null;
  /** The revision on the table. */
  revision: number;
  heldOn: string | null;
  /** In the electorate's unit: eligible from the roster frozen when recorded, present from the sign-in. */
  attendance: { unit: VoterUnit; eligible: number; present: number } | null;
  /** `GET /api/matters/:id/meetings/:meetingId/attendees?page=` pages through who was present. */
  minutes: string | null;
  signInSheetPhotos: MatterFile[];
  signers: NamedRef[];
  count: MeetingCountView | null;
  counts: MotionCounts | null;
  /** Once applied: the tally lines of quorum.ts (rule, turnout, quorum, counts, decision, conclusion). */
  outcome: { result: BallotOutcome; explanation: string; lines: string[]; quorum: QuorumAssessment } | null;
  recordedBy: NamedRef | null;
  cancelledReason: string | null;
}

export const MATTER_DISCLOSURE_STATUSES = ['open', 'ended', 'superseded'] as const;
export type MatterDisclosureStatus = (typeof MATTER_DISCLOSURE_STATUSES)[number];

/** A 决议公开 or 实施结果公开: the notice the server published on entering the stage. */
export interface MatterDisclosureView {
  kind: DisclosureKind;
  noticeId: string;
  noticeTitle: string;
  window: NoticeWindow;
  /** superseded: the supervisory committee sent the matter back; the notice stays, marked superseded. */
  status: MatterDisclosureStatus;
  revision: number;
  objections: number;
  unansweredObjections: number;
}

export const OBJECTION_STATUSES = ['pending_review', 'held', 'open', 'answered'] as const;
/** As notice queries: WeChat content check first; `held` is seen by its author only (with why). */
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export interface MatterObjectionView {
  id: string;
  disclosure: DisclosureKind;
  text: string;
  status: ObjectionStatus;
  /** Masked for other villagers ("张*明"); full for the author, the committee and supervisors. */
  filedBy: NamedRef;
  filedAt: string;
  answer: { text: string; by: NamedRef; at: string } | null;
  /** The committee's review of a pending_review objection; for the author, the committee and supervisors only (null for others). */
  review: MatterObjectionReview | null;
  mine: boolean;
}

export interface MatterObjectionReview {
  decision: ObjectionReviewDecision;
  /** Why it is not shown to other villagers (reject only). */
  reason: string | null;
  by: NamedRef;
  at: string;
}

export const OBJECTION_REVIEW_DECISIONS = ['release', 'reject'] as const;
export const OBJECTION_REVIEW_REASON_MAX = 200;
/** release → open to every villager; reject → held (its author, the committee and supervisors see it). */
export type ObjectionReviewDecision = (typeof OBJECTION_REVIEW_DECISIONS)[number];

/**
 * `POST /api/matter-objections/:objectionId/review` (村"两委") — an objection WeChat sent for review
 * (pending_review) is released or rejected; either way it still counts and must be answered.
 */
export interface ObjectionReviewInput {
  decision: ObjectionReviewDecision;
  /** Required for reject, 2–OBJECTION_REVIEW_REASON_MAX characters; its author sees it. */
  reason?: string;
}

export interface SupervisionOpinionView {
  id: string;
  /** The stage when given. */
  stage: MatterStage;
  stageLabel: string;
  text: string;
  /** 要求纠正 */
  blocking: boolean;
  by: NamedRef;
  at: string;
  answer: { text: string; by: NamedRef; at: string } | null;
  lifted: { by: NamedRef; at: string; note: string | null } | null;
  status: 'open' | 'answered' | 'lifted';
}

export interface ProgressReportView {
  id: string;
  text: string;
  /** Integer fen. */
  spentFen: number;
  photos: MatterFile[];
  reportedBy: NamedRef;
  reportedOn: string;
}

export interface ImplementationView {
  responsible: NamedRef;
  plannedStartOn: string;
  plannedEndOn: string;
  budgetFen: number | null;
  startedOn: string;
  /** Sum of the progress reports, integer fen. */
  spentFen: number;
  /** plannedEndOn passed without a result report. */
  overdue: boolean;
  progress: ProgressReportView[];
  result: {
    summary: string;
    completedOn: string;
    totalSpentFen: number;
    photos: MatterFile[];
    reportedBy: NamedRef;
    reportedOn: string;
    signedOff: { by: NamedRef; at: string; note: string | null } | null;
  } | null;
}

/** One line of the matter's history, from its audit events (summary = TransitionResult.summary). */
export interface MatterTimelineEntry {
  at: string;
  event: WorkflowEventType | 'propose';
  by: NamedRef;
  /** The actor's role for this act, e.g. supervisor. */
  role: string;
  fromStage: MatterStage | null;
  toStage: MatterStage;
  summary: string;
  /** Audit sequence number, to find the row in the audit log. */
  auditSeq: number;
}

/** `GET /api/matters/:id` */
export interface MatterDetail extends MatterListItem {
  villageId: string;
  /** The current revision's text. */
  body: string;
  budgetFen: number | null;
  workflowVersion: number;
  /** Who may decide at stage 4 today: decisionBodyFor(). */
  decision: {
    bodies: AssemblyBody[];
    authorizationId: string | null;
    representativeRefusal: string | null;
    ruleLabels: string[];
  };
  stepper: StageStep[];
  revisions: MatterRevisionView[];
  meetings: MatterMeetingView[];
  disclosures: MatterDisclosureView[];
  objections: MatterObjectionView[];
  opinions: SupervisionOpinionView[];
  implementation: ImplementationView | null;
  /** availableActions() for the caller: relevant buttons, disabled ones with the reasons. */
  actions: WorkflowAction[];
  timeline: MatterTimelineEntry[];
  /** The proposal (村民提议) it came from, if any. */
  proposalId: string | null;
  /** rejected / withdrawn: why, in words. */
  closedReason: string | null;
  createdBy: NamedRef;
  createdAt: string;
  /** Send back with every write (optimistic locking). */
  version: number;
}

// ---------------------------------------------------------------- writing (committee)

/** `POST /api/matters` — event `propose`: revision 1 at 党组织提议. */
export interface CreateMatterInput {
  typeCode: string;
  title: string;
  body: string;
  budgetFen?: number | null;
  proposalId?: string | null;
}

/** `POST /api/matters/:id/revisions` — event `amend` (党组织提议 and 两委商议 only). */
export interface AmendMatterInput {
  /** The revision edited; 409 revision_not_current if someone amended meanwhile. */
  basedOn: number;
  title: string;
  body: string;
  budgetFen: number | null;
  changeNote: string;
  version: number;
}

/**
 * `POST /api/matters/:id/meetings` — announce a meeting (no workflow event yet). The answer's
 * `noticeWarning` says at once when a 村民会议 is announced less than 10 days ahead.
 * `PATCH /api/matters/:id/meetings/:meetingId` — scheduled only; `POST …/cancel` {reason}.
 */
export interface ScheduleMeetingInput {
  purpose: MeetingPurpose;
  body: DecisionBody;
  electorate: Electorate;
  scheduledAt: string;
  place: string;
  noticeGivenOn: string | null;
  /** A ballot of the voting module made for this matter (matterId/meetingId set), or null for a paper count. */
  ballotId?: string | null;
}

/** Counts entered from the paper count at the meeting (a 委员会会议's show of hands needs no teller). */
export interface PaperMeetingCount {
  kind: 'paper';
  turnout: Turnout;
  /** 村民会议 of adults: households whose representative attended. */
  householdTurnout?: Turnout | null;
  counts: MotionCounts;
  tellerResidentId: string | null;
  scrutineerResidentId: string | null;
}

/**
 * `POST /api/matters/:id/meetings/:meetingId/record` — the facts of a held meeting (status → held).
 * Attendees are checked against the body's roster (the eligible list); with a ballot the counts come
 * from its closed result, never typed. The scrutineer confirms a paper count with
 * `POST …/meetings/:meetingId/confirm-count` (same numbers, or it replaces them and waits for the teller).
 */
export interface RecordMeetingInput {
  heldOn: string;
  /** The revision voted on; must be current when the meeting is submitted. */
  revision: number;
  attendeeResidentIds: string[];
  minutes: string;
  signInSheetPhotoIds: string[];
  signerResidentIds: string[];
  count: { kind: 'ballot'; ballotId: string } | PaperMeetingCount;
}

/**
 * `POST /api/matters/:id/meetings/:meetingId/confirm-count` — the scrutineer (监票人) of a paper count
 * confirms it; counts only when they differ from the teller's, which replaces them until confirmed again.
 */
export interface ConfirmCountInput {
  counts?: MotionCounts;
}

/**
 * `POST /api/matters/:id/events` — the stage events that are not their own resource. The server
 * builds the WorkflowEvent (e.g. a WorkflowMeeting from the meeting row and its ballot) and applies it.
 */
export type MatterEventInput =
  | { type: MeetingEventType; meetingId: string }
  | { type: 'start_implementation'; responsibleResidentId: string; plannedStartOn: string; plannedEndOn: string; budgetFen: number | null }
  | { type: 'report_result'; summary: string; completedOn: string; totalSpentFen: number; photoIds: string[] }
  | { type: 'sign_off_result'; note?: string }
  | { type: 'publish_result' }
  | { type: 'archive' }
  | { type: 'withdraw'; reason: string }
  | { type: 'repropose'; basedOn: number; title: string; body: string; budgetFen: number | null; changeNote: string };

export interface AdvanceMatterInput {
  event: MatterEventInput;
  version: number;
}

/** `POST /api/matters/:id/progress` — event `report_progress` (committee or the responsible person). */
export interface ProgressReportInput {
  text: string;
  /** Integer fen spent since the last report (0 allowed). */
  spentFen: number;
  photoIds: string[];
  version: number;
}

/** `POST /api/matter-objections/:id/answer` — event `answer_objection` (两委). Public once written. */
export interface MatterAnswerInput {
  text: string;
}

// ---------------------------------------------------------------- villagers

/** `POST /api/matters/:id/objections` — event `file_objection`, during a disclosure window only. */
export interface MatterObjectionInput {
  text: string;
}

// ---------------------------------------------------------------- supervisors (一监督)

/** `POST /api/matters/:id/opinions` — event `add_opinion`. */
export interface SupervisionOpinionInput {
  text: string;
  /** 要求纠正: stops the matter until answered and lifted. */
  blocking: boolean;
}

/** `POST /api/matter-opinions/:id/answer` (两委, event `answer_opinion`) uses MatterAnswerInput. `…/lift` — event `lift_opinion`. */
export interface LiftOpinionInput {
  note?: string;
}

/**
 * `POST /api/matters/:id/send-back` — event `send_back`: hold a meeting stage again, or re-publish a
 * disclosure. Later meetings stop counting; published notices are marked superseded, never deleted.
 */
export interface SendBackInput {
  toStage: SendBackTarget;
  reason: string;
  /** The opinion that asked for it, if any. */
  opinionId?: string | null;
  version: number;
}

// ---------------------------------------------------------------- refusals

/** `details` of 409 MATTER_TRANSITION_REFUSED; `message` joins the reasons with "；". */
export interface MatterRefusalDetails {
  event: WorkflowEventType | 'propose';
  stage: MatterStage | null;
  unmet: UnmetCondition[];
}

// ---------------------------------------------------------------- convening obligations (召集义务)

/**
 * `POST /api/convening-petitions` (secretary, village committee) — a recorded petition asking for a
 * 村民会议 or 村民代表会议, with the signed sheet's photos; later also raised by co-signed proposals.
 */
export interface ConveningPetitionRequest {
  body: AssemblyBody;
  petitionedOn: string;
  subject: string;
  adultSignerIds: string[];
  representativeSignerIds: string[];
  photoIds: string[];
}

/**
 * `GET /api/convening-obligations?status=` (committee, supervisors) and
 * `GET /api/township/convening-obligations` (township): petitions that oblige a meeting, until one is held.
 */
export interface ConveningObligationView {
  id: string;
  body: AssemblyBody;
  bodyLabel: string;
  subject: string;
  source: 'petition' | 'proposal';
  petitionedOn: string;
  checks: ConveningCheck[];
  /** assessConveningPetition().explanation */
  explanation: string;
  dueBy: string;
  status: ObligationStatus;
  /** "还剩 5 天（12月20日前召开）" / "已逾期 3 天…" / "已于 12月1日 召开" */
  statusText: string;
  metByMeetingId: string | null;
  legalBasis: string;
}

/** `GET /api/township/convening-obligations`: the same, each naming its village. */
export interface TownshipConveningObligationView extends ConveningObligationView {
  village: NamedRef;
}

/**
 * `GET /api/assembly-authorizations/meetings` (书记, 村委会): the 村民会议 that passed and were applied
 * to the workflow — the only meetings that may grant or withdraw an authorization. Newest first.
 */
export interface AuthorizingMeetingView {
  meetingId: string;
  matterId: string;
  matterTitle: string;
  heldOn: string;
}

/**
 * `GET /api/matter-policy` (every villager) and `PUT /api/matter-policy` (村委会): the village's
 * workflow settings — disclosure days, notice lead days per body, the party-review pass basis —
 * as the shared `WorkflowPolicy` (rules/workflow-model.ts), defaults filled in.
 */
export type MatterPolicyView = WorkflowPolicy;

/**
 * `GET /api/representative-cadence` (committee, supervisors): the 村民代表会议 meets once a quarter
 * (OL art. 26); finished quarters of the last year (since the village joined) without one.
 */
export interface RepresentativeCadenceView {
  /** Oldest first: "2026年第二季度". */
  missingQuarters: string[];
  /** YYYY-MM-DD of the latest 村民代表会议 held, of any matter. */
  lastHeldOn: string | null;
  /** endsOn: YYYY-MM-DD, the last day of the quarter. */
  currentQuarter: { label: string; held: boolean; endsOn: string };
  /** "本季度还没有开村民代表会议（12月31日前）；2026年第二季度没有召开" */
  statusText: string;
  legalBasis: string;
}

/** `GET /api/township/representative-cadence` (township): one per village of the township, by name. */
export interface TownshipRepresentativeCadenceView extends RepresentativeCadenceView {
  village: NamedRef;
}
