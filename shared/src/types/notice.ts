import type { Fraction } from '../rules/share';
import type { NamedRef, Page } from './roster';

/*
 * Public notices (村务公开), DOMAIN.md §4: `/api/notices/…`, `/api/notice-queries/…`,
 * `/api/notice-files/…`. Later features (resolutions, ballot results, points publications, 红黑榜,
 * audit checkpoints) publish through the same module with a system kind.
 */

/** What the 两委 write by hand. */
export const NOTICE_CATEGORIES = ['party', 'village', 'finance'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

/** What other modules publish; never composed by hand, never subject to cadence. */
export const SYSTEM_NOTICE_KINDS = ['resolution', 'result', 'points_publication', 'honour_board', 'audit_checkpoint'] as const;
export type SystemNoticeKind = (typeof SYSTEM_NOTICE_KINDS)[number];

export type NoticeKind = NoticeCategory | SystemNoticeKind;
export const NOTICE_KINDS: readonly NoticeKind[] = [...NOTICE_CATEGORIES, ...SYSTEM_NOTICE_KINDS];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  party: '党务公开',
  village: '村务公开',
  finance: '财务公开',
  resolution: '决议公开',
  result: '实施结果公开',
  points_publication: '积分公示',
  honour_board: '红黑榜',
  audit_checkpoint: '记录存证',
};

/**
 * draft → published → archived. A finance notice goes draft → pending_signoff → published: the
 * 监委会's sign-off publishes it; a refusal sends it back to draft with the reason.
 */
export const NOTICE_STATUSES = ['draft', 'pending_signoff', 'published', 'archived'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  pending_signoff: '待监委会审核',
  published: '已公开',
  archived: '已归档',
};

/** `party_members` only for 党务 (internal party matters). */
export const NOTICE_AUDIENCES = ['all', 'party_members'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
export const NOTICE_AUDIENCE_LABELS: Record<NoticeAudience, string> = { all: '全体村民', party_members: '仅党员' };

export const NOTICE_TITLE_MAX = 60;
export const NOTICE_BODY_MAX = 20_000;
export const NOTICE_PAGE_SIZE_DEFAULT = 20;
export const NOTICE_PAGE_SIZE_MAX = 50;
/** Statutory default minimum disclosure window; a village may set longer per category. */
export const NOTICE_MIN_WINDOW_DAYS_DEFAULT = 7;
export const NOTICE_ATTACHMENTS_MAX = 9;
/** Accepted by content (magic bytes), never by file name or declared type. */
export const NOTICE_ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type NoticeAttachmentType = (typeof NOTICE_ATTACHMENT_TYPES)[number];
export const NOTICE_QUERY_TEXT_MAX = 500;
export const NOTICE_ANSWER_TEXT_MAX = 2000;

// ---------------------------------------------------------------- body

/**
 * A notice body is written in a small, safe Markdown subset and parsed by `parseNoticeBody` (shared
 * rules) into these blocks; the mini-program and the printable sheet render blocks, never HTML, so
 * nothing a clerk types can inject markup or script.
 *
 * Supported: `# ` / `## ` headings, blank-line separated paragraphs, `- ` bullet and `1. ` numbered
 * lists, `**bold**` inline, and pipe tables (`| 项目 | 金额 |` with a `|---|---|` separator) for
 * 财务收支明细. Anything else is plain text.
 */
export interface NoticeSpan {
  /** May contain `\n`: a line break typed inside a paragraph or list item; render it as a break. */
  text: string;
  bold?: boolean;
}
export type NoticeBlock =
  | { type: 'heading'; level: 1 | 2; spans: NoticeSpan[] }
  | { type: 'paragraph'; spans: NoticeSpan[] }
  | { type: 'list'; ordered: boolean; items: NoticeSpan[][] }
  | { type: 'table'; header: string[]; rows: string[][] };

// ---------------------------------------------------------------- reading

/** `GET /api/notices` */
export interface NoticeListQuery {
  kind?: NoticeKind;
  /** Villagers see published (and archived, with `status=archived`); the committee also sees drafts. */
  status?: NoticeStatus;
  page?: number;
  pageSize?: number;
}

export interface NoticeAttachment {
  id: string;
  fileName: string;
  contentType: NoticeAttachmentType;
  sizeBytes: number;
  /** Short-lived signed URL (no bearer header needed: `<Image>` and `downloadFile` can use it). */
  url: string;
}

export interface NoticeWindow {
  /** YYYY-MM-DD, Beijing time, inclusive. */
  startsOn: string;
  endsOn: string;
}

export interface NoticeListItem {
  id: string;
  kind: NoticeKind;
  title: string;
  status: NoticeStatus;
  pinned: boolean;
  audience: NoticeAudience;
  window: NoticeWindow;
  /** Whether today (Beijing) lies in the window. */
  inWindow: boolean;
  publishedAt: string | null;
  /** For the signed-in resident; always true for the committee's own drafts. */
  read: boolean;
  attachmentCount: number;
  openQueryCount: number;
  supersededBy: { id: string; title: string } | null;
  supersedes: { id: string; title: string } | null;
}

export interface NoticeSignoff {
  decision: 'approved' | 'refused';
  by: NamedRef;
  at: string;
  /** Required when refused; optional note when approved. */
  reason: string | null;
}

export interface NoticeDetail extends NoticeListItem {
  villageId: string;
  body: string;
  blocks: NoticeBlock[];
  attachments: NoticeAttachment[];
  author: NamedRef;
  createdAt: string;
  /** Finance only: the latest sign-off decision (the refusal reason while back in draft). */
  signoff: NoticeSignoff | null;
  /** What the caller may do now (the UI shows or hides buttons; the API checks again). */
  can: { edit: boolean; publish: boolean; signoff: boolean; archive: boolean; correct: boolean; ask: boolean; viewAwareness: boolean };
  /** Link back for the printable sheet's QR code and for sharing. */
  shareUrl: string;
}

export type NoticePage = Page<NoticeListItem>;

// ---------------------------------------------------------------- writing (committee)

/** `POST /api/notices` (creates a draft) and `PATCH /api/notices/:id` (drafts only; 409 once published). */
export interface NoticeDraftInput {
  kind: NoticeCategory;
  title: string;
  body: string;
  window: NoticeWindow;
  pinned?: boolean;
  audience?: NoticeAudience;
}

/**
 * `POST /api/notices/:id/publish` — a finance notice moves to pending_signoff instead.
 * `POST /api/notices/:id/signoff` {decision, reason?} — supervisors, finance notices only.
 * `POST /api/notices/:id/archive`.
 * `POST /api/notices/:id/corrections` {title?, body?, window?} — a new draft that, once published,
 *   supersedes this published notice (both stay visible).
 * `POST /api/notices/:id/attachments` (multipart `file`, drafts only), `DELETE …/attachments/:attachmentId`.
 * `GET /api/notices/:id/sheet.pdf` — the printable 公开栏 sheet.
 */
export interface NoticeSignoffInput {
  decision: 'approved' | 'refused';
  reason?: string;
}

export interface NoticeCorrectionInput {
  title?: string;
  body?: string;
  window?: NoticeWindow;
}

// ---------------------------------------------------------------- read receipts and awareness

/** `POST /api/notices/:id/read` — idempotent; returns whether this call recorded the first read. */
export interface NoticeReadResult {
  firstRead: boolean;
}

/** Per household for `all`; per party member (person) for a `party_members` notice. */
export type AwarenessUnit = 'household' | 'party_member';

export interface GridAwareness {
  grid: NamedRef;
  total: number;
  reached: number;
  /** Of `reached`, those told in person (上门告知). */
  toldInPerson: number;
}

/** `GET /api/notices/:id/awareness` — committee, supervisors, grid leaders. */
export interface NoticeAwareness {
  noticeId: string;
  unit: AwarenessUnit;
  total: number;
  reached: number;
  toldInPerson: number;
  /** 知晓率 = reached / total, exact. */
  rate: Fraction;
  byGrid: GridAwareness[];
}

/** `GET /api/notices/:id/unreached?gridId=&page=` — households (or party members) not yet reached. */
export interface UnreachedHousehold {
  householdId: string;
  /** 户号 */
  number: string;
  address: string;
  grid: NamedRef;
  representativeName: string | null;
  phoneMasked: string | null;
  /**
   * For a `party_members` notice each row is one party member not yet reached (else null); then
   * `phoneMasked` is that member's phone.
   */
  person: NamedRef | null;
}

/** `POST /api/notices/:id/in-person` {householdId, note?} — grid leaders (own grid) and the committee. */
export interface InPersonNoticeInput {
  householdId: string;
  /** Required for a `party_members` notice: the party member of that household who was told. */
  residentId?: string;
  note?: string;
}

/** What `POST /api/notices/:id/in-person` records (201). */
export interface InPersonNoticeRecord {
  noticeId: string;
  householdId: string;
  /** The party member told, for a `party_members` notice; else null. */
  residentId: string | null;
  recordedBy: NamedRef;
  toldAt: string;
  note: string | null;
}

// ---------------------------------------------------------------- queries (询问/质询)

/**
 * `open` after WeChat's content check passes; `pending_review` when it says review (the committee
 * releases or rejects); `held` when it says risky (only the author sees it, with why).
 */
export const NOTICE_QUERY_STATUSES = ['pending_review', 'held', 'open', 'answered', 'rejected'] as const;
export type NoticeQueryStatus = (typeof NOTICE_QUERY_STATUSES)[number];
export const NOTICE_QUERY_STATUS_LABELS: Record<NoticeQueryStatus, string> = {
  pending_review: '审核中',
  held: '未通过内容检查',
  open: '待答复',
  answered: '已答复',
  rejected: '未公开',
};

/** `POST /api/notices/:id/queries` {text} */
export interface NoticeQueryInput {
  text: string;
}

export interface NoticeQueryView {
  id: string;
  noticeId: string;
  noticeTitle: string;
  status: NoticeQueryStatus;
  text: string;
  /** Masked for others ("张*明"); full for the author and the committee. */
  askedBy: NamedRef;
  askedAt: string;
  /** Only for the author and the committee when held/rejected. */
  statusReason: string | null;
  answer: { text: string; by: NamedRef; at: string } | null;
  /** Open longer than NOTICE_QUERY_ANSWER_DAYS (config): shown to the supervisory committee. */
  overdue: boolean;
  mine: boolean;
}

/**
 * `GET /api/notices/:id/queries` — public ones plus the caller's own.
 * `GET /api/notice-queries?status=&overdue=true&page=` — committee and supervisors.
 * `POST /api/notice-queries/:id/answer` {text} — committee.
 * `POST /api/notice-queries/:id/review` {decision: 'release' | 'reject', reason?} — committee.
 */
export interface NoticeAnswerInput {
  text: string;
}
export interface NoticeQueryReviewInput {
  decision: 'release' | 'reject';
  reason?: string;
}

// ---------------------------------------------------------------- cadence (OL art. 30)

export type FinanceCadence = 'monthly' | 'quarterly';

/** `GET /api/notices/policy`, `PUT /api/notices/policy` (secretary / village committee). */
export interface NoticePolicy {
  financeCadence: FinanceCadence;
  minWindowDays: Record<NoticeCategory, number>;
}

export interface CategoryCadence {
  category: NoticeCategory;
  period: FinanceCadence;
  lastPublishedAt: string | null;
  /** YYYY-MM-DD: the end of the period after the one of the last notice (or of the current one). */
  dueBy: string;
  overdue: boolean;
  /** Plain Chinese: "财务公开每月一次，上次 2026-09-30，已逾期 25 天". */
  explanation: string;
}

/** `GET /api/notices/cadence` (committee, supervisors); `GET /api/township/notice-cadence` (township). */
export interface VillageCadence {
  village: NamedRef;
  categories: CategoryCadence[];
  overdueCount: number;
}
