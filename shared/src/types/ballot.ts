import type {
  BallotOutcome,
  DecisionAssessment,
  DecisionRule,
  Electorate,
  QuorumAssessment,
  VoterUnit,
} from '../rules/quorum';
import type { NamedRef, Page } from './roster';

/*
 * Voting (表决), DOMAIN.md §3: `/api/ballots/…`. Every route acts in the caller's own village (from
 * the session); a ballot of another village answers 404. Quorum and pass rules are the shared
 * functions in rules/quorum.ts: the server decides with them and the mini-program may explain with
 * them, so both use the same words.
 *
 * Who may do what:
 *   - 村“两委” (secretary, village_committee, branch_committee): create, edit drafts, open, cancel
 *     drafts, close; see drafts; see who voted what on open (记名) ballots.
 *   - 村务监督委员会 (supervisor): everything a villager sees, plus the electorate and open-ballot votes.
 *   - 计票人 / 监票人 (teller / scrutineer, named on the ballot by the committee): record in-person
 *     attendance and the paper counts; see the electorate.
 *   - every resident of the village: list and read open and closed ballots, vote when on the
 *     electorate, read results, check receipts.
 */

// ---------------------------------------------------------------- vocabulary

export const BALLOT_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
/** draft → open → closed; a draft may be cancelled instead. Records are never deleted (OL art. 34). */
export type BallotStatus = (typeof BALLOT_STATUSES)[number];
export const BALLOT_STATUS_LABELS: Record<BallotStatus, string> = { draft: '草稿', open: '进行中', closed: '已结束', cancelled: '已取消' };

/**
 * What the UI shows, derived from status and time:
 *   draft; `upcoming` (open, before opensAt); `voting` (open, opensAt ≤ now < closesAt);
 *   `counting` (open, past closesAt, waiting to be closed — e.g. the paper count is not confirmed yet);
 *   closed; cancelled.
 */
export const BALLOT_PHASES = ['draft', 'upcoming', 'voting', 'counting', 'closed', 'cancelled'] as const;
export type BallotPhase = (typeof BALLOT_PHASES)[number];
export const BALLOT_PHASE_LABELS: Record<BallotPhase, string> = {
  draft: '草稿',
  upcoming: '即将开始',
  voting: '投票中',
  counting: '等待计票',
  closed: '已结束',
  cancelled: '已取消',
};

/** `open` 记名: the committee sees who chose what. `secret` 无记名: nobody can, receipts instead. */
export const BALLOT_SECRECIES = ['open', 'secret'] as const;
export type BallotSecrecy = (typeof BALLOT_SECRECIES)[number];
export const BALLOT_SECRECY_LABELS: Record<BallotSecrecy, string> = { open: '记名投票', secret: '无记名投票' };

/**
 * `motion`: 同意 / 反对 / 弃权 (choice keys `for`, `against`, `abstain`).
 * `single` / `multiple`: options (polls only), keys `o1`, `o2`, … in the order given.
 */
export const CHOICE_KINDS = ['motion', 'single', 'multiple'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];
export const CHOICE_KIND_LABELS: Record<ChoiceKind, string> = { motion: '同意/反对/弃权', single: '单选', multiple: '多选' };

export const PARTICIPATION_CHANNELS = ['online', 'in_person'] as const;
/** Online through the mini-program, or present at the meeting and recorded by the teller. */
export type ParticipationChannel = (typeof PARTICIPATION_CHANNELS)[number];
export const PARTICIPATION_CHANNEL_LABELS: Record<ParticipationChannel, string> = { online: '线上投票', in_person: '现场参加' };

export const BALLOT_TITLE_MAX = 60;
export const BALLOT_DESCRIPTION_MAX = 2000;
export const BALLOT_OPTION_LABEL_MAX = 30;
export const BALLOT_OPTIONS_MIN = 2;
export const BALLOT_OPTIONS_MAX = 10;
export const BALLOT_PAGE_SIZE_DEFAULT = 20;
export const BALLOT_PAGE_SIZE_MAX = 100;
/** Attendance is recorded in batches of at most this many voters. */
export const BALLOT_ATTENDANCE_BATCH_MAX = 200;
/** Receipt codes look like `K7QX-3MZP-9DTA`: 12 characters of Crockford base32 (60 random bits). */
export const RECEIPT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export interface BallotChoice {
  /** `for` / `against` / `abstain`, or `o1`, `o2`, … */
  key: string;
  /** 同意 / 反对 / 弃权, or the option's text. */
  label: string;
}

// ---------------------------------------------------------------- reading

/**
 * `GET /api/ballots?status=&awaitingMe=&page=&pageSize=` — newest first. Villagers see open and
 * closed ballots; the committee also drafts and cancelled ones. `awaitingMe=true`: ballots in the
 * `voting` phase the caller may vote in and has not (待我办).
 */
export interface BallotListQuery {
  status?: BallotStatus;
  awaitingMe?: boolean;
  page?: number;
  pageSize?: number;
}

/** Turnout so far (open) or final (closed), online plus in person. */
export interface ParticipationSummary {
  unit: VoterUnit;
  /** 户 or 人 */
  unitLabel: string;
  /** On the electorate frozen when the ballot opened. */
  eligible: number;
  online: number;
  inPerson: number;
  /** online + inPerson */
  total: number;
}

/** The caller's own part in a ballot. */
export interface MyParticipation {
  channel: ParticipationChannel;
  at: string;
  /** Open ballots, online votes only: what was chosen. Always null for secret ballots. */
  choices: string[] | null;
  /** Households: who cast the household's vote (it may be an earlier representative). */
  castBy: NamedRef | null;
}

export interface BallotListItem {
  id: string;
  title: string;
  status: BallotStatus;
  phase: BallotPhase;
  electorate: Electorate;
  rule: DecisionRule;
  /** "村民会议 · 一户一票" */
  ruleLabel: string;
  secrecy: BallotSecrecy;
  choiceKind: ChoiceKind;
  /** ISO times. Voting is accepted for opensAt ≤ now < closesAt. */
  opensAt: string;
  closesAt: string;
  /** null while a draft. */
  participation: ParticipationSummary | null;
  /**
   * Whether the caller may cast a vote themselves: on the electorate frozen at opening and, for
   * 一户一票, their household's representative now. Always false for drafts.
   */
  eligible: boolean;
  /** The caller's (or their household's) participation, if any. */
  myParticipation: MyParticipation | null;
  /** Set once closed. */
  outcome: BallotOutcome | null;
}

export type BallotPage = Page<BallotListItem>;

/** What the caller may do now; the API checks again. Each false has its reason in `reasons`. */
export interface BallotPermissions {
  edit: boolean;
  open: boolean;
  cancel: boolean;
  close: boolean;
  vote: boolean;
  /** Teller or scrutineer of this ballot, while it is open and the paper count not yet confirmed. */
  recordAttendance: boolean;
  recordPaperCount: boolean;
  viewElectorate: boolean;
  /** Open (记名) ballots: committee and supervisors. */
  viewVotes: boolean;
  /** Secret ballots, once closed: everyone in the village. */
  viewReceipts: boolean;
}

/** Plain Chinese why an action is unavailable ("表决 11月30日 18:00 已结束"); null when allowed or not the caller's business. */
export interface BallotReasons {
  vote: string | null;
  open: string | null;
  close: string | null;
}

/** The paper count from the in-person meeting: entered by one of teller/scrutineer, confirmed by the other. */
export interface PaperCountView {
  /** Paper ballots handed in (≤ in-person attendance; the rest did not vote or left). */
  papers: number;
  /** Per choice key; blank or spoiled papers = papers − sum (motion / single choice). */
  counts: Record<string, number>;
  enteredBy: NamedRef;
  enteredAt: string;
  confirmedBy: NamedRef | null;
  confirmedAt: string | null;
  /** "待监票人确认" / "已由计票人、监票人共同确认" */
  statusLabel: string;
}

export interface BallotDetail extends BallotListItem {
  description: string;
  /**
   * Links for the 四议两公开 workflow (a Matter and its Meeting stage). Not enforced yet: plain
   * optional ids until the matters module exists; polls (民意征询) stand alone with both null.
   */
  matterId: string | null;
  meetingId: string | null;
  choices: BallotChoice[];
  /** 1 for motion and single choice. */
  maxSelections: number;
  /** 计票人 and 监票人: two different people named by the committee; both null for online-only ballots. */
  teller: NamedRef | null;
  scrutineer: NamedRef | null;
  createdBy: NamedRef;
  createdAt: string;
  openedAt: string | null;
  /** When the electorate was frozen (= openedAt). */
  rosterFrozenAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** The server's clock, for the countdown: show closesAt − serverNow, not the phone's clock. */
  serverNow: string;
  /** Live while open: the quorum so far ("参与 43/85 户（51%），达到三分之二？否，还差 14 户"). */
  quorum: QuorumAssessment | null;
  /** Who the caller votes as, e.g. "0012 户（郭建平家）"; null when not eligible. */
  myVoterLabel: string | null;
  paperCount: PaperCountView | null;
  can: BallotPermissions;
  reasons: BallotReasons;
  /** Set once closed. */
  result: BallotResultView | null;
  /** Title for the WeChat share card to the 村民议事群: "【表决】村道硬化工程筹资方案（还剩 3 天）". */
  shareTitle: string;
  /** Send back on edit, open and cancel (optimistic locking). */
  version: number;
}

// ---------------------------------------------------------------- writing (committee)

/** `POST /api/ballots` — creates a draft. */
export interface BallotDraftInput {
  title: string;
  description?: string;
  matterId?: string | null;
  meetingId?: string | null;
  electorate: Electorate;
  rule: DecisionRule;
  secrecy: BallotSecrecy;
  choiceKind: ChoiceKind;
  /** `single` / `multiple` only: 2–10 option texts, in order. */
  options?: string[];
  /** `multiple` only: 1..options.length (default: all). */
  maxSelections?: number;
  opensAt: string;
  closesAt: string;
  /** Both or neither; two different active residents of the village. */
  tellerResidentId?: string | null;
  scrutineerResidentId?: string | null;
}

/** `PATCH /api/ballots/:ballotId` — drafts only (409 once opened); any subset of the fields. */
export interface BallotDraftPatch extends Partial<BallotDraftInput> {
  version: number;
}

/**
 * `POST /api/ballots/:ballotId/open` {version} — freezes the electorate (the households, or people,
 * on the roster at this moment) and starts accepting votes at opensAt (now, if opensAt has passed).
 * Refused when the electorate would be empty or closesAt has passed.
 */
export interface OpenBallotRequest {
  version: number;
}

/** `POST /api/ballots/:ballotId/cancel` — drafts only. */
export interface CancelBallotRequest {
  version: number;
  reason: string;
}

/**
 * `POST /api/ballots/:ballotId/close` (no body) — the committee closes early or on time; the server
 * also closes every ballot whose closesAt has passed. Refused while an in-person paper count awaits
 * confirmation. Computes the result, stores it (never changed again) and publishes it as a notice.
 * Answers the BallotDetail with `result`.
 */

// ---------------------------------------------------------------- casting

/**
 * `POST /api/ballots/:ballotId/votes` — send `Idempotency-Key` and reuse it on retries: a retry gets
 * the first answer again (with `Idempotent-Replayed: true`), including the receipt code.
 * Motion: `choices: ['for']`. Single choice: one option key. Multiple: 1..maxSelections distinct keys.
 *
 * Refusals: 403 BALLOT_NOT_ELIGIBLE (with the reason: not the household's representative, not on
 * the list frozen at opening, …); 409 BALLOT_ALREADY_VOTED ("本户已投票"), BALLOT_VOTED_IN_PERSON,
 * BALLOT_NOT_OPEN_YET, BALLOT_CLOSED; 400 for choices that are not on the ballot. Votes are final.
 */
export interface CastVoteRequest {
  choices: string[];
}

export interface CastVoteResult {
  ballotId: string;
  channel: 'online';
  at: string;
  /** Open ballots: what was recorded. Secret ballots: null (the server keeps no link to the voter). */
  choices: string[] | null;
  /**
   * Secret ballots: the voter's receipt, shown this once — the mini-program keeps it on the device.
   * After closing, the public receipt list shows every receipt with its choice. null for open ballots.
   */
  receiptCode: string | null;
  /** What to tell the voter, e.g. "请记下回执码……". */
  message: string;
}

// ---------------------------------------------------------------- in person (计票人 / 监票人)

/**
 * `GET /api/ballots/:ballotId/electorate?q=&participation=&page=` — the frozen list with who has
 * taken part and how. Committee, supervisors, and this ballot's teller and scrutineer (anyone else
 * gets 404 BALLOT_ELECTORATE_NOT_VISIBLE, as for a list that is not theirs to see; `can.viewElectorate`
 * says whether to offer it). Secret ballots show participation (who), never choices.
 */
export interface ElectorateQuery {
  q?: string;
  /** `none`: not yet taken part. */
  participation?: ParticipationChannel | 'none';
  page?: number;
  pageSize?: number;
}

export interface ElectorateEntry {
  /** The household id (household ballots) or the resident id: what attendance is recorded against. */
  voterKey: string;
  /** "0012 户（郭建平家）" or "郭建平（0012 户）" */
  label: string;
  householdNumber: string;
  participation: { channel: ParticipationChannel; at: string; recordedBy: NamedRef | null } | null;
}

export type ElectoratePage = Page<ElectorateEntry>;

/**
 * `POST /api/ballots/:ballotId/attendance` — teller or scrutineer, while open and before the paper
 * count is confirmed. All or nothing: when any voter already voted online (or is not on the list),
 * nothing is recorded and 409 names them in `details.conflicts`.
 */
export interface RecordAttendanceRequest {
  voterKeys: string[];
}

export interface RecordAttendanceResult {
  recorded: number;
  participation: ParticipationSummary;
}

export interface AttendanceConflict {
  voterKey: string;
  label: string;
  /** "已在线投票" / "不在本次表决名单内" / "已登记到会" */
  reason: string;
}

/**
 * `POST /api/ballots/:ballotId/paper-count` — teller or scrutineer. The first to submit enters the
 * count; the other confirms by submitting the same numbers (then it is locked, and so is attendance).
 * Different numbers replace the entry and wait for the first person to confirm in turn.
 */
export interface PaperCountRequest {
  papers: number;
  counts: Record<string, number>;
}

// ---------------------------------------------------------------- results

export interface ChoiceCount {
  key: string;
  label: string;
  online: number;
  inPerson: number;
  total: number;
}

/** `GET /api/ballots/:ballotId/result` (also inside BallotDetail once closed). Immutable once written. */
export interface BallotResultView {
  ballotId: string;
  outcome: BallotOutcome;
  /** 通过 / 未通过 / 无效（参与人数不够） / 征询结束 */
  outcomeLabel: string;
  /** The headline: "表决通过：同意 41/60 户（68%），超过参与户数的半数？是" */
  explanation: string;
  /** Every step: rule, turnout, quorum, counts, decision, conclusion. */
  lines: string[];
  participation: ParticipationSummary;
  quorum: QuorumAssessment;
  decision: DecisionAssessment | null;
  /** In ballot order. */
  counts: ChoiceCount[];
  /** Paper ballots handed in at the meeting (0 without one). */
  papers: number;
  /** Polls: the leading option key(s). */
  leaders: string[];
  closedAt: string;
  /** `scheduled`: closed by the server at closesAt. */
  closeTrigger: 'manual' | 'scheduled';
  closedBy: NamedRef | null;
  /** The published result notice (村务公开), once published. */
  noticeId: string | null;
  /** Secret ballots: how many receipts the public list has (= online votes). */
  receiptCount: number | null;
}

/** `GET /api/ballots/:ballotId/votes?page=` — open (记名) ballots: who chose what online. */
export interface OpenVoteEntry {
  voterKey: string;
  label: string;
  choices: string[];
  castBy: NamedRef;
  at: string;
}

export type OpenVotePage = Page<OpenVoteEntry>;

/**
 * `GET /api/ballots/:ballotId/receipts` — secret ballots, once closed, everyone in the village: every
 * online receipt with its choice, sorted by code, plus the sums, so anyone can find their own and
 * recount. Deliberately one document (not paged): the app searches it on the phone, so no receipt
 * code a villager is looking for ever travels in a URL or a log line.
 */
export interface BallotReceiptList {
  ballotId: string;
  receipts: { code: string; choices: string[] }[];
  /** Per choice key, counting the receipts above: equals the online column of the result. */
  onlineCounts: Record<string, number>;
  /** From the paper count; receipts + paper = the result's totals. */
  paperCounts: Record<string, number>;
}

/**
 * `POST /api/ballots/:ballotId/receipts/check` {receiptCode} — a read, sent as POST so the code stays
 * out of URLs and access logs. `counted` once the vote is stored; `choices` only after closing.
 * 404 BALLOT_RECEIPT_NOT_FOUND for an unknown code.
 */
export interface ReceiptCheckRequest {
  receiptCode: string;
}

export interface ReceiptCheckResult {
  ballotId: string;
  receiptCode: string;
  counted: true;
  /** null until the ballot closes. */
  choices: string[] | null;
  message: string;
}
