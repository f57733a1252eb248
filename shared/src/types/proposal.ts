import type { NamedRef, Page } from './roster';

/*
 * Villager proposals (村民提议 / 议事协商), DOMAIN.md §5: `/api/proposals/…`, `/api/proposal-files`,
 * `/api/proposal-settings`, `/api/township/oversight`. A villager raises something, others co-sign
 * (附议), the 两委 must answer within the village's reply days (default 10) and take it through the
 * six steps of 议事 (米易) — or decline it with a public reason, merge it into another, or convert it
 * into a Matter of the 四议两公开 (linked both ways).
 */

/**
 * The six steps of 议事 (提出议题 → 确定议题 → 内容审定 → 协商议事 → 公开公示 → 研究落实) and what comes
 * before and after them:
 * - `pending_review`: WeChat's content check (text or a photo) has not cleared it yet — only its
 *   author and the committee see it; the committee may release or reject it.
 * - `held`: the check (or the committee) refused it; its author sees why; nobody else sees it.
 * - `raised` … `implementing`: the six steps, in order; `completed` once 研究落实 is reported done.
 * - `declined` (public reason), `merged` (into another proposal), `converted` (into a Matter).
 */
export const PROPOSAL_STEPS = ['raised', 'accepted', 'content_reviewed', 'deliberating', 'publicized', 'implementing'] as const;
export type ProposalStep = (typeof PROPOSAL_STEPS)[number];

export const PROPOSAL_STATUSES = ['pending_review', 'held', ...PROPOSAL_STEPS, 'completed', 'declined', 'merged', 'converted'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending_review: '内容审核中',
  held: '未公开',
  raised: '提出议题',
  accepted: '确定议题',
  content_reviewed: '内容审定',
  deliberating: '协商议事',
  publicized: '公开公示',
  implementing: '研究落实',
  completed: '已办结',
  declined: '不予采纳',
  merged: '已合并',
  converted: '已转为村里大事',
};

/** Statuses in which villagers may still co-sign. */
export const PROPOSAL_COSIGN_STATUSES: readonly ProposalStatus[] = ['raised', 'accepted', 'content_reviewed', 'deliberating'];

/** Built-in categories; a village may add its own and switch off built-in ones except `other`. */
export const DEFAULT_PROPOSAL_CATEGORIES = [
  { code: 'road', label: '道路' },
  { code: 'water', label: '水利' },
  { code: 'environment', label: '环境' },
  { code: 'collective_economy', label: '集体经济' },
  { code: 'village_rules', label: '村规民约' },
  { code: 'other', label: '其他' },
] as const;

export const PROPOSAL_TITLE_MAX = 40;
export const PROPOSAL_BODY_MAX = 2000;
export const PROPOSAL_PHOTOS_MAX = 9;
export const PROPOSAL_REPLY_MAX = 1000;
export const PROPOSAL_REASON_MAX = 500;
/** Days the committee has to answer a proposal once it is public (Sichuan's 10-day reply). */
export const PROPOSAL_REPLY_DAYS_DEFAULT = 10;
export const PROPOSAL_PAGE_SIZE_DEFAULT = 20;
export const PROPOSAL_PAGE_SIZE_MAX = 50;

export type ProposalSort = 'hot' | 'new';

/** `GET /api/proposals?sort=hot|new&mine=true&status=&queue=true&page=&pageSize=` */
export interface ProposalListQuery {
  sort?: ProposalSort;
  /** Only those I raised (any status, held ones included). */
  mine?: boolean;
  status?: ProposalStatus;
  /** 两委's triage queue: pending review first, then by reply deadline (committee only). */
  queue?: boolean;
  page?: number;
  pageSize?: number;
}

/** The reply clock in words: "还剩 3 天答复" / "已超期 2 天未答复" / "已于 11月28日 答复". */
export interface ReplyDeadlineView {
  dueBy: string;
  answeredOn: string | null;
  overdue: boolean;
  daysLeft: number;
  text: string;
}

/**
 * Co-signs counted by person and by household, against the convening threshold of OL art. 21:
 * 1/10 of adult villagers (or 1/3 of the 村民代表) oblige a 村民会议.
 */
export interface CosignProgress {
  /** The author and the co-signers (OL art. 21 counts every villager who proposes). */
  persons: number;
  households: number;
  representatives: number;
  /** Adults on the roster today, and the persons needed (⌈adults / 10⌉). */
  adultResidents: number;
  personsNeeded: number;
  representativesTotal: number;
  representativesNeeded: number;
  /** 0–1 share of personsNeeded, for the bar with the 1/10 line. */
  share: number;
  /** ⌈adults/10⌉ persons or ⌈reps/3⌉ representatives reached: a 村民会议 must be convened. */
  reached: boolean;
  /** The threshold was reached: the 村民会议 obligation it created. */
  obligationId: string | null;
  /** "已有 23 人（18 户）提议和附议，还差 9 人达到十分之一" / "…，达到全村成年村民十分之一，村委会应在 12月20日 前召集村民会议". */
  text: string;
}

export interface ProposalListItem {
  id: string;
  title: string;
  category: { code: string; label: string };
  status: ProposalStatus;
  statusLabel: string;
  /** Masked for other villagers ("张*明"); full for the author and the committee. */
  raisedBy: NamedRef;
  raisedAt: string;
  cosigns: number;
  /** For the list's thumbnail: the first photo once cleared, or null. */
  coverUrl: string | null;
  reply: ReplyDeadlineView | null;
  mine: boolean;
  cosignedByMe: boolean;
  matterId: string | null;
}

export type ProposalPage = Page<ProposalListItem>;

export interface ProposalPhotoView {
  id: string;
  url: string;
  /** pass once WeChat's mediaCheckAsync answered; pending until then (shown to author and committee only). */
  check: 'pending' | 'pass' | 'review' | 'risky';
}

/** One line of the proposal's history: each step, reply, decision, in words. */
export interface ProposalEventView {
  at: string;
  by: NamedRef | null;
  status: ProposalStatus | null;
  /** "村委会确定为议题" / "答复：…" / "合并到《…》" / "转为村里大事《…》". */
  text: string;
}

/** What the caller may do now; disabled ones carry the reason, as the matters' actions do. */
export interface ProposalAction {
  action: 'cosign' | 'advance' | 'reply' | 'decline' | 'merge' | 'convert' | 'review' | 'share';
  allowed: boolean;
  reason: string | null;
  /** For advance: the next step. */
  to?: ProposalStep | 'completed';
}

export interface ProposalDetail extends ProposalListItem {
  body: string;
  photos: ProposalPhotoView[];
  /** For `held`: why (shown to its author and the committee). */
  heldReason: string | null;
  /** The six steps with done/current/upcoming, for the timeline. */
  steps: { step: ProposalStep; label: string; state: 'done' | 'current' | 'upcoming' | 'skipped'; on: string | null }[];
  progress: CosignProgress;
  replies: { text: string; by: NamedRef; at: string }[];
  declinedReason: string | null;
  mergedInto: { id: string; title: string } | null;
  mergedFrom: { id: string; title: string }[];
  /** The matter it became, with its stage for villagers to follow. */
  matter: { id: string; title: string; stageLabel: string } | null;
  history: ProposalEventView[];
  actions: ProposalAction[];
  /** For the share card to the village group (title and page path). */
  share: { title: string; path: string };
  version: number;
}

/** `POST /api/proposals` — any bound villager. Photos are uploaded first (`POST /api/proposal-files`). */
export interface CreateProposalInput {
  title: string;
  body: string;
  categoryCode: string;
  photoIds: string[];
}

/** `POST /api/proposal-files` (multipart `file`, JPEG or PNG) → the photo, its media check started. */
export interface ProposalFile {
  id: string;
  fileName: string;
  url: string;
}

/** `POST /api/proposals/:id/steps` (两委) — the next of the six steps, with what was decided. */
export interface AdvanceProposalInput {
  to: ProposalStep | 'completed';
  note: string;
  version: number;
}

/** `POST /api/proposals/:id/reply` (两委) — public; the first one meets the reply deadline. */
export interface ProposalReplyInput {
  text: string;
}

/** `POST /api/proposals/:id/decline` (两委) — a public reason; also answers the proposal. */
export interface DeclineProposalInput {
  reason: string;
  version: number;
}

/** `POST /api/proposals/:id/merge` (两委) — into another open proposal; its co-signs are kept apart. */
export interface MergeProposalInput {
  intoProposalId: string;
  reason: string;
  version: number;
}

/**
 * `POST /api/proposals/:id/convert` (书记, 村党组织委员: they propose matters) — creates a Matter of
 * `typeCode` at 党组织提议 with the proposal's text (editable here), linked both ways.
 */
export interface ConvertProposalInput {
  typeCode: string;
  title: string;
  body: string;
  budgetFen: number | null;
  version: number;
}

/** `POST /api/proposals/:id/review` (两委) — a proposal held for content review. */
export interface ProposalReviewInput {
  decision: 'release' | 'reject';
  reason?: string;
}

/** `GET/PUT /api/proposal-settings` — reply days and categories (built-in ones listed with `enabled`). */
export interface ProposalSettings {
  replyDays: number;
  categories: { code: string; label: string; builtin: boolean; enabled: boolean }[];
}

/**
 * `GET /api/township/oversight?sort=` (乡镇干部) and `…/oversight.csv`: one row per village of the
 * township.
 */
export interface VillageOversightRow {
  village: NamedRef;
  overdueDisclosures: number;
  overdueProposalReplies: number;
  openBlockingOpinions: number;
  openConveningObligations: number;
  overdueConveningObligations: number;
  /** Mean 知晓率 of the village's notices published in the last 90 days, 0–1; null without any. */
  averageAwareness: number | null;
}
