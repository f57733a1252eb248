import type { NamedRef, Page } from './roster';

/*
 * 村民积分制 (DOMAIN.md §6), `/api/points/…`. Points are integers of tenths everywhere in code and on
 * the wire (`…Tenths`: 0.4 分 is 4, −5 分 is −50); only the UI turns them into "0.4 分"
 * (formatPoints). Rule books are versioned and take effect only once their adopting Matter (type
 * 村规民约) is resolved; records go pending → approved (monthly review) → published (quarterly 公示);
 * appeals and adjustments are new ledger entries, never edits. The 积分超市 redeems against the
 * household's balance. Points never decide anything in voting or subsidies (a test enforces that
 * the voting module does not import the points module).
 */

// ------------------------------------------------------------------ rule books

/**
 * - `draft`: being written; editable.
 * - `proposed`: its adopting Matter (村规民约) is in the workflow; frozen.
 * - `adopted`: the Matter was resolved; the newest adopted book is the village's effective one.
 * - `superseded`: an adopted book replaced by a newer adopted one.
 * - `withdrawn`: its Matter was closed without a resolution.
 */
export const RULE_BOOK_STATUSES = ['draft', 'proposed', 'adopted', 'superseded', 'withdrawn'] as const;
export type RuleBookStatus = (typeof RULE_BOOK_STATUSES)[number];

export const RULE_BOOK_STATUS_LABELS: Record<RuleBookStatus, string> = {
  draft: '草稿',
  proposed: '待村民（代表）会议通过',
  adopted: '正在执行',
  superseded: '已被新版本替代',
  withdrawn: '未通过',
};

export const RULE_BOOK_TITLE_MAX = 60;
export const RULE_CATEGORY_MAX = 20;
export const RULE_ITEM_DESCRIPTION_MAX = 120;
export const RULE_BOOK_ITEMS_MAX = 200;
/** Item codes: "A01", "N03" … 1–12 letters, digits, '-'. */
export const RULE_ITEM_CODE_PATTERN = /^[A-Za-z0-9-]{1,12}$/;
/** Points per item in tenths: −20.0 … +20.0 分, never 0. */
export const RULE_ITEM_POINTS_MIN_TENTHS = -200;
export const RULE_ITEM_POINTS_MAX_TENTHS = 200;

export interface RuleItemInput {
  code: string;
  /** The category's name, e.g. "遵纪守法"; items of one category are listed together in input order. */
  category: string;
  description: string;
  /** Negative for 负面清单 items. */
  pointsTenths: number;
  evidenceRequired: boolean;
}

/** `POST /api/points/rule-books` (a new draft, optionally copied from a version) and `PUT /api/points/rule-books/:id` (a draft only). */
export interface RuleBookInput {
  title: string;
  items: RuleItemInput[];
  /** PUT only: the version the editor loaded (409 when someone saved in between). */
  version?: number;
  /** POST with CopyRuleBookInput instead: see there. */
  copyFrom?: undefined;
}

/**
 * `POST /api/points/rule-books` starting the new draft from this version's items (a new version of
 * the effective book); `title` defaults to that version's.
 */
export interface CopyRuleBookInput {
  copyFrom: string;
  title?: string;
}

export interface RuleItemView extends RuleItemInput {
  negative: boolean;
}

export interface RuleCategoryView {
  name: string;
  items: RuleItemView[];
}

export interface RuleBookSummary {
  id: string;
  /** 1, 2, 3 … per village. */
  number: number;
  title: string;
  status: RuleBookStatus;
  statusLabel: string;
  itemCount: number;
  negativeCount: number;
  adoptingMatter: NamedRef | null;
  adoptedOn: string | null;
  createdAt: string;
}

export interface RuleBookDetail extends RuleBookSummary {
  categories: RuleCategoryView[];
  /** Optimistic-lock version for PUT. */
  version: number;
  /** For the 两委 while a draft: edit, import, propose; why not otherwise. */
  canEdit: boolean;
}

/** `GET /api/points/rule-books` */
export interface RuleBookList {
  /** The book in force today, or null when none has been adopted yet (then nothing can be recorded). */
  effective: RuleBookSummary | null;
  books: RuleBookSummary[];
}

/** `POST /api/points/rule-books/:id/propose` — starts the 村规民约 Matter that will adopt it. */
export interface ProposeRuleBookInput {
  /** Shown on the Matter; defaults to the book's title. */
  matterTitle?: string;
  body: string;
}

// ------------------------------------------------------------------ settings

/** `GET/PUT /api/points/settings` — per village, 两委 edit. */
export interface PointsSettings {
  /** Quarterly stars (每季按分授星): ascending thresholds in tenths; a quarter total ≥ thresholds[i] earns i+1 stars. */
  starThresholdsTenths: number[];
  /** 红榜: the top share of households by quarter total, in percent (default 10). */
  redSharePercent: number;
  /** 黑榜: the bottom share in percent (default 0: only the threshold and negative-list rules). */
  blackSharePercent: number;
  /** 黑榜 also for a quarter total below this (安家村: 7 分 → 70), null for none. */
  blackBelowTenths: number | null;
  /** 黑榜 for any household with a published negative-list record in the quarter. */
  blackOnNegativeItem: boolean;
  /** Days of the 公示 window during which households may appeal (复议). */
  publicationWindowDays: number;
  /** Who may redeem in the 积分超市 for a household. */
  redeemers: 'representative' | 'adult_member';
  version: number;
}

export const POINTS_SETTINGS_DEFAULT: Omit<PointsSettings, 'version'> = {
  starThresholdsTenths: [10, 30, 50, 80, 120],
  redSharePercent: 10,
  blackSharePercent: 0,
  blackBelowTenths: null,
  blackOnNegativeItem: true,
  publicationWindowDays: 7,
  redeemers: 'representative',
};

// ------------------------------------------------------------------ records

export const POINTS_RECORD_STATUSES = ['pending', 'approved', 'rejected', 'published'] as const;
export type PointsRecordStatus = (typeof POINTS_RECORD_STATUSES)[number];
export const POINTS_RECORD_STATUS_LABELS: Record<PointsRecordStatus, string> = {
  pending: '待评议',
  approved: '评议通过，待公示',
  rejected: '未通过',
  published: '已公示',
};

/** `recorded`: 实时记录 by the grid leader; `self_reported`: 群众申报 with evidence. */
export type PointsRecordSource = 'recorded' | 'self_reported';
export const POINTS_RECORD_SOURCE_LABELS: Record<PointsRecordSource, string> = { recorded: '网格员记录', self_reported: '群众申报' };

export const POINTS_NOTE_MAX = 200;
export const POINTS_REASON_MAX = 200;
export const POINTS_PHOTOS_MAX = 6;

/**
 * `POST /api/points/records`. A grid leader records for a household in their grid; any resident
 * self-reports for their own household (photos required when the item needs evidence).
 * Send Idempotency-Key: the quick-record form retries on a weak network.
 */
export interface RecordPointsInput {
  householdId: string;
  /** A member of that household, or omitted for the household as a whole. */
  residentId?: string;
  itemCode: string;
  /** YYYY-MM-DD, not in the future, within the current or previous quarter. */
  occurredOn: string;
  note?: string;
  /** From `POST /api/points/files`. */
  photoIds: string[];
}

export interface PointsPhoto {
  id: string;
  url: string;
}

export interface PointsRecordView {
  id: string;
  household: { id: string; number: string; label: string };
  member: NamedRef | null;
  grid: NamedRef | null;
  itemCode: string;
  category: string;
  itemDescription: string;
  pointsTenths: number;
  occurredOn: string;
  /** "2026-Q4": the quarter of occurredOn. */
  quarter: string;
  note: string | null;
  photos: PointsPhoto[];
  source: PointsRecordSource;
  recordedBy: NamedRef;
  status: PointsRecordStatus;
  statusLabel: string;
  rejectReason: string | null;
  reviewedBy: NamedRef | null;
  /** Set for the household during the 公示 window when no appeal is open on this record. */
  canAppeal: boolean;
  appeal: PointsAppealView | null;
  createdAt: string;
}

/** `GET /api/points/records?status=&gridId=&month=YYYY-MM&householdId=&page=&pageSize=` */
export type PointsRecordPage = Page<PointsRecordView>;

/** `POST /api/points/records/review` — the 评议小组's monthly review, in bulk (e.g. a grid's month). */
export interface ReviewPointsInput {
  recordIds: string[];
  decision: 'approve' | 'reject';
  /** Required to reject; the household sees it. */
  reason?: string;
}

export interface ReviewPointsResult {
  approved: number;
  rejected: number;
}

// ------------------------------------------------------------------ publication (公示)

/**
 * `POST /api/points/publications` — the branch (党组织) approves the quarter's list: every approved
 * record of that quarter becomes published, enters the ledger, and a 积分公示 notice goes out; the
 * appeal window opens for `publicationWindowDays`.
 */
export interface PublishPointsInput {
  /** "2026-Q4" */
  quarter: string;
}

export interface PointsPublicationView {
  id: string;
  quarter: string;
  recordCount: number;
  householdCount: number;
  approvedBy: NamedRef;
  publishedAt: string;
  windowEndsOn: string;
  windowOpen: boolean;
  notice: NamedRef;
}

/** `GET /api/points/publications` — plus what is waiting for the next one. */
export interface PointsPublicationList {
  publications: PointsPublicationView[];
  /** Approved, unpublished records per quarter (what the branch would publish). */
  ready: { quarter: string; recordCount: number; pendingCount: number }[];
}

// ------------------------------------------------------------------ appeals (复议)

export type PointsAppealStatus = 'open' | 'upheld' | 'adjusted';
export const POINTS_APPEAL_STATUS_LABELS: Record<PointsAppealStatus, string> = { open: '复议中', upheld: '维持原分', adjusted: '已调整' };

/** `POST /api/points/records/:id/appeals` — the household (its representative or any adult member). */
export interface AppealPointsInput {
  reason: string;
}

/** `POST /api/points/appeals/:id/decision` — the 评议小组. `adjust` posts the difference as a new ledger entry. */
export interface DecideAppealInput {
  decision: 'uphold' | 'adjust';
  /** The record's points after adjustment (tenths), for `adjust`; must differ from the record's. */
  adjustedPointsTenths?: number;
  reason: string;
}

export interface PointsAppealView {
  id: string;
  recordId: string;
  household: { id: string; number: string; label: string };
  reason: string;
  raisedBy: NamedRef;
  raisedAt: string;
  status: PointsAppealStatus;
  statusLabel: string;
  decisionReason: string | null;
  /** adjusted − original, in tenths (the ledger entry), for `adjusted`. */
  adjustmentTenths: number | null;
  decidedBy: NamedRef | null;
  decidedAt: string | null;
}

/** `GET /api/points/appeals?status=open` */
export type PointsAppealPage = Page<PointsAppealView & { record: PointsRecordView }>;

// ------------------------------------------------------------------ ledger and lookups

export type LedgerEntryKind = 'record' | 'adjustment' | 'redemption' | 'refund';
export const LEDGER_ENTRY_KIND_LABELS: Record<LedgerEntryKind, string> = { record: '积分公示', adjustment: '复议调整', redemption: '积分超市兑换', refund: '兑换取消退回' };

export interface LedgerEntryView {
  id: string;
  kind: LedgerEntryKind;
  amountTenths: number;
  /** After this entry. */
  balanceTenths: number;
  /** e.g. "A03 参加义务劳动" or "兑换 洗衣粉 1 袋". */
  description: string;
  recordId: string | null;
  redemptionId: string | null;
  createdAt: string;
}

export interface QuarterTotal {
  quarter: string;
  /** Published records plus adjustments of records in that quarter. */
  totalTenths: number;
  stars: number;
}

/** `GET /api/points/households/:id` (own household for villagers; any for staff) and `GET /api/points/me`. */
export interface HouseholdPoints {
  household: { id: string; number: string; label: string };
  grid: NamedRef | null;
  balanceTenths: number;
  /** Earned this year (published records + adjustments, redemptions not subtracted). */
  yearTotalTenths: number;
  quarters: QuarterTotal[];
  /** Ranks this year; null before anything is published. */
  villageRank: { rank: number; of: number } | null;
  gridRank: { rank: number; of: number } | null;
  /** Recent ledger entries, newest first (the trend chart uses `quarters`). */
  ledger: LedgerEntryView[];
  /** Pending, approved and rejected records not yet in the ledger. */
  unpublished: PointsRecordView[];
  /** Whether this actor may redeem for the household. */
  canRedeem: boolean;
  /** For the household's own members who may not: who can (redeemerVerdict); null otherwise. */
  redeemRefusal: string | null;
}

/** `GET /api/points/ranking?year=&scope=village|grid&gridId=` — published points, names masked per PIPL. */
export interface PointsRankingRow {
  rank: number;
  household: { id: string; number: string; label: string };
  grid: NamedRef | null;
  totalTenths: number;
  mine: boolean;
}

export interface PointsRanking {
  year: number;
  scope: 'village' | 'grid';
  grid: NamedRef | null;
  rows: PointsRankingRow[];
}

// ------------------------------------------------------------------ 红黑榜

export type BoardList = 'red' | 'black';

export interface BoardEntryView {
  household: { id: string; number: string; label: string };
  list: BoardList;
  totalTenths: number;
  /** Why on the list: "本季 12.4 分，排前 10%", "有负面清单记录：N02 …". */
  reason: string;
  /** 帮扶 note by the committee (black list only); only the committee, supervisors and the household see it. */
  followUp: { note: string; by: NamedRef; at: string } | null;
}

export interface PointsBoardView {
  id: string;
  quarter: string;
  publishedAt: string;
  notice: NamedRef;
  red: BoardEntryView[];
  black: BoardEntryView[];
}

/** `POST /api/points/boards` — the 两委 publish a published quarter's 红黑榜 as an honour-board notice. */
export interface PublishBoardInput {
  quarter: string;
}

/** `PUT /api/points/boards/:id/follow-ups/:householdId` */
export interface BoardFollowUpInput {
  note: string;
}

// ------------------------------------------------------------------ 积分超市

export const PRODUCT_NAME_MAX = 30;

export interface ProductInput {
  name: string;
  /** From `POST /api/points/files`, or null. */
  photoId: string | null;
  priceTenths: number;
  stock: number;
  active: boolean;
  /** PUT only. */
  version?: number;
}

export interface ProductView {
  id: string;
  name: string;
  photo: PointsPhoto | null;
  priceTenths: number;
  stock: number;
  active: boolean;
  version: number;
}

export type RedemptionStatus = 'ready' | 'handed_over' | 'cancelled';
export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = { ready: '待领取', handed_over: '已领取', cancelled: '已取消' };

/** `POST /api/points/redemptions` with Idempotency-Key: one product, one piece. */
export interface RedeemInput {
  productId: string;
}

export interface RedemptionView {
  id: string;
  household: { id: string; number: string; label: string };
  product: { id: string; name: string };
  priceTenths: number;
  status: RedemptionStatus;
  statusLabel: string;
  /** The hand-over code: the QR encodes `village-points:<code>`; shown as text too (8 characters). */
  code: string;
  requestedBy: NamedRef;
  requestedAt: string;
  handedOverBy: NamedRef | null;
  handedOverAt: string | null;
  cancelledAt: string | null;
}

export const REDEMPTION_QR_PREFIX = 'village-points:';

/** `POST /api/points/redemptions/hand-over` — the shopkeeper scans (or types) the code. */
export interface HandOverInput {
  code: string;
}

/** `GET /api/points/redemptions?mine=true|status=&page=` */
export type RedemptionPage = Page<RedemptionView>;
