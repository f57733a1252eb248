/**
 * 村民积分制 (DOMAIN.md §6): every `/api/points/…` call of the mini-program, typed by the contract in
 * shared/src/types/points.ts. Points travel as integers of tenths; pages format them with
 * formatPoints / formatPointsChange. Writes a person may repeat by hand (兑换, 记积分 on a weak
 * network) take the caller's Idempotency-Key so every try of one confirmed tap is applied once.
 */
import type {
  AppealPointsInput,
  BoardFollowUpInput,
  DecideAppealInput,
  HandOverInput,
  HouseholdPoints,
  PointsAppealPage,
  PointsAppealStatus,
  PointsAppealView,
  PointsBoardView,
  PointsPhoto,
  PointsPublicationList,
  PointsPublicationView,
  PointsRanking,
  PointsRecordPage,
  PointsRecordStatus,
  PointsRecordView,
  PointsSettings,
  ProductInput,
  ProductView,
  ProposeRuleBookInput,
  PublishBoardInput,
  PublishPointsInput,
  RecordPointsInput,
  RedeemInput,
  RedemptionPage,
  RedemptionStatus,
  RedemptionView,
  ReviewPointsInput,
  ReviewPointsResult,
  RuleBookDetail,
  RuleBookInput,
  CopyRuleBookInput,
  RuleBookList,
  RuleBookSummary,
} from '@village/shared';
import { http, type Result, type UploadFile } from './http';

const id = (value: string) => encodeURIComponent(value);

/** Query parameters without the empty ones. */
function query(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** Only a caller-held key is sent; otherwise http makes one per call (still shared by its retries). */
const keyed = (idempotencyKey?: string) => (idempotencyKey ? { idempotencyKey } : undefined);

// ---------------------------------------------------------------- household standing

/** Side lookups (首页): no loading indicator, one retry. */
const QUIET = { showLoading: false, retries: 1 };

/** GET /api/points/me — the caller's household: balance, quarters with stars, ranks, ledger, unpublished records. `quiet` for 首页. */
export const getMyPoints = (options: { quiet?: boolean } = {}): Promise<Result<HouseholdPoints>> =>
  http.get<HouseholdPoints>('/points/me', undefined, options.quiet ? QUIET : undefined);

/** GET /api/points/households/:id — the same for one household (own household for villagers; any for staff). */
export const getHouseholdPoints = (householdId: string): Promise<Result<HouseholdPoints>> =>
  http.get<HouseholdPoints>(`/points/households/${id(householdId)}`);

export interface RankingQuery {
  year?: number;
  scope: 'village' | 'grid';
  gridId?: string;
}

/** GET /api/points/ranking — this year's published points, names masked. */
export const getRanking = (params: RankingQuery): Promise<Result<PointsRanking>> => http.get<PointsRanking>('/points/ranking', query(params));

// ---------------------------------------------------------------- rule books and settings

/** GET /api/points/rule-books — the book in force (or null) and every version. */
export const listRuleBooks = (): Promise<Result<RuleBookList>> => http.get<RuleBookList>('/points/rule-books');

/** GET /api/points/rule-books/:id — categories and items. */
export const getRuleBook = (ruleBookId: string): Promise<Result<RuleBookDetail>> => http.get<RuleBookDetail>(`/points/rule-books/${id(ruleBookId)}`);

/** POST /api/points/rule-books — a new draft (两委). */
export const createRuleBook = (input: RuleBookInput | CopyRuleBookInput): Promise<Result<RuleBookDetail>> => http.post<RuleBookDetail>('/points/rule-books', { ...input });

/** PUT /api/points/rule-books/:id — a draft, with the version read (409 when someone saved in between). */
export const saveRuleBook = (ruleBookId: string, input: RuleBookInput): Promise<Result<RuleBookDetail>> =>
  http.put<RuleBookDetail>(`/points/rule-books/${id(ruleBookId)}`, { ...input });

/** POST /api/points/rule-books/:id/propose — starts the 村规民约 Matter that will adopt the book. */
export const proposeRuleBook = (ruleBookId: string, input: ProposeRuleBookInput): Promise<Result<RuleBookSummary>> =>
  http.post<RuleBookSummary>(`/points/rule-books/${id(ruleBookId)}/propose`, { ...input });

/** GET /api/points/rule-books/:id/export — the same columns as the import, saved (H5) or opened (weapp). */
export const exportRuleBook = (ruleBookId: string, fileName: string): Promise<Result<void>> =>
  http.download(`/points/rule-books/${id(ruleBookId)}/export`, { fileName, fileType: 'xlsx' }, { timeoutMs: 60_000 });

/** GET /api/points/settings — `quiet` for the 积分 tab's star row. */
export const getPointsSettings = (options: { quiet?: boolean } = {}): Promise<Result<PointsSettings>> =>
  http.get<PointsSettings>('/points/settings', undefined, options.quiet ? QUIET : undefined);

/** PUT /api/points/settings (两委), with the version read. */
export const savePointsSettings = (input: PointsSettings): Promise<Result<PointsSettings>> => http.put<PointsSettings>('/points/settings', { ...input });

// ---------------------------------------------------------------- records, review, appeals

/** POST /api/points/files (multipart `file`, JPEG or PNG) — evidence photos and product photos. */
export const uploadPointsPhoto = (file: Pick<UploadFile, 'filePath' | 'fileName' | 'onProgress'>): Promise<Result<PointsPhoto>> =>
  http.upload<PointsPhoto>('/points/files', { name: 'file', ...file }, { timeoutMs: 120_000, showLoading: false });

export interface RecordsQuery {
  status?: PointsRecordStatus;
  gridId?: string;
  /** YYYY-MM */
  month?: string;
  householdId?: string;
  page?: number;
  pageSize?: number;
}

/** GET /api/points/records — staff lists, or one household's records (its own for villagers). */
export const listPointsRecords = (params: RecordsQuery, options: { quiet?: boolean } = {}): Promise<Result<PointsRecordPage>> =>
  http.get<PointsRecordPage>('/points/records', query(params), options.quiet ? QUIET : undefined);

/** POST /api/points/records — 实时记录 or 群众申报; keep one key for every try of one confirmed record. */
export const recordPoints = (input: RecordPointsInput, idempotencyKey?: string): Promise<Result<PointsRecordView>> =>
  http.post<PointsRecordView>('/points/records', { ...input }, keyed(idempotencyKey));

/** POST /api/points/records/review — the 评议小组 approves or rejects (with a reason) in bulk. */
export const reviewPointsRecords = (input: ReviewPointsInput): Promise<Result<ReviewPointsResult>> =>
  http.post<ReviewPointsResult>('/points/records/review', { ...input });

/** POST /api/points/records/:id/appeals — the household asks for 复议 during the 公示 window. */
export const appealPointsRecord = (recordId: string, input: AppealPointsInput, idempotencyKey?: string): Promise<Result<PointsAppealView>> =>
  http.post<PointsAppealView>(`/points/records/${id(recordId)}/appeals`, { ...input }, keyed(idempotencyKey));

/** GET /api/points/appeals — the 评议小组's queue (`status: 'open'`). */
export const listPointsAppeals = (params: { status?: PointsAppealStatus; page?: number; pageSize?: number }): Promise<Result<PointsAppealPage>> =>
  http.get<PointsAppealPage>('/points/appeals', query(params));

/** POST /api/points/appeals/:id/decision — uphold, or adjust (a new ledger entry for the difference). */
export const decidePointsAppeal = (appealId: string, input: DecideAppealInput): Promise<Result<PointsAppealView>> =>
  http.post<PointsAppealView>(`/points/appeals/${id(appealId)}/decision`, { ...input });

// ---------------------------------------------------------------- 公示 and 红黑榜

/** GET /api/points/publications — past 公示 and what is ready for the next one. */
export const listPublications = (): Promise<Result<PointsPublicationList>> => http.get<PointsPublicationList>('/points/publications');

/** POST /api/points/publications — the branch publishes a quarter's approved records. */
export const publishPoints = (input: PublishPointsInput): Promise<Result<PointsPublicationView>> =>
  http.post<PointsPublicationView>('/points/publications', { ...input });

/** GET /api/points/boards — published 红黑榜, newest quarter first (`quarter`: only that one). */
export const listBoards = (params: { quarter?: string } = {}): Promise<Result<PointsBoardView[]>> => http.get<PointsBoardView[]>('/points/boards', query(params));

/** GET /api/points/boards/:id */
export const getBoard = (boardId: string): Promise<Result<PointsBoardView>> => http.get<PointsBoardView>(`/points/boards/${id(boardId)}`);

/** POST /api/points/boards — the 两委 publish a quarter's 红黑榜 as an honour-board notice. */
export const publishBoard = (input: PublishBoardInput): Promise<Result<PointsBoardView>> => http.post<PointsBoardView>('/points/boards', { ...input });

/** PUT /api/points/boards/:id/follow-ups/:householdId — the committee's 帮扶 note for a black-listed household. */
export const saveBoardFollowUp = (boardId: string, householdId: string, input: BoardFollowUpInput): Promise<Result<PointsBoardView>> =>
  http.put<PointsBoardView>(`/points/boards/${id(boardId)}/follow-ups/${id(householdId)}`, { ...input });

// ---------------------------------------------------------------- 积分超市

/** GET /api/points/products — what is on the shelf; `all` (积分超市, 两委): also the withdrawn and sold-out ones. */
export const listProducts = (params: { all?: boolean } = {}): Promise<Result<ProductView[]>> =>
  http.get<ProductView[]>('/points/products', query({ all: params.all ? 'true' : undefined }));

/** POST /api/points/products (积分超市管理员). */
export const createProduct = (input: ProductInput): Promise<Result<ProductView>> => http.post<ProductView>('/points/products', { ...input });

/** PUT /api/points/products/:id, with the version read. */
export const saveProduct = (productId: string, input: ProductInput): Promise<Result<ProductView>> =>
  http.put<ProductView>(`/points/products/${id(productId)}`, { ...input });

/**
 * POST /api/points/redemptions — one piece of one product. `idempotencyKey` must stay the same for
 * every try of one confirmed 兑换, so a repeat after a lost answer returns the first order instead
 * of paying twice.
 */
export const redeemProduct = (input: RedeemInput, idempotencyKey: string): Promise<Result<RedemptionView>> =>
  http.post<RedemptionView>('/points/redemptions', { ...input }, { idempotencyKey });

export interface RedemptionsQuery {
  mine?: boolean;
  status?: RedemptionStatus;
  page?: number;
  pageSize?: number;
}

/** GET /api/points/redemptions — `mine: true` for the caller's household; the shopkeeper lists by status. */
export const listRedemptions = (params: RedemptionsQuery): Promise<Result<RedemptionPage>> =>
  http.get<RedemptionPage>('/points/redemptions', query({ ...params, mine: params.mine ? 'true' : undefined }));

/**
 * GET /api/points/redemptions?code= — the shop's look-up of one order by what was scanned or typed
 * (the QR text or the bare code; the server reads case, spaces and dashes). Null when no order has it.
 */
export async function findRedemptionByCode(code: string): Promise<Result<RedemptionView | null>> {
  const r = await http.get<RedemptionPage>('/points/redemptions', query({ code }));
  return r.ok ? { ...r, data: r.data.items[0] ?? null } : r;
}

/** GET /api/points/redemptions/:id */
export const getRedemption = (redemptionId: string): Promise<Result<RedemptionView>> => http.get<RedemptionView>(`/points/redemptions/${id(redemptionId)}`);

/** POST /api/points/redemptions/:id/cancel — a ready order; the points come back as a ledger entry. */
export const cancelRedemption = (redemptionId: string, idempotencyKey?: string): Promise<Result<RedemptionView>> =>
  http.post<RedemptionView>(`/points/redemptions/${id(redemptionId)}/cancel`, {}, keyed(idempotencyKey));

/** POST /api/points/redemptions/hand-over — the shopkeeper scans (or types) the order's code. */
export const handOverRedemption = (input: HandOverInput, idempotencyKey?: string): Promise<Result<RedemptionView>> =>
  http.post<RedemptionView>('/points/redemptions/hand-over', { ...input }, keyed(idempotencyKey));

/** uploadPointsPhoto for the PhotoPicker, which lists each photo under the name it was picked with. */
export const uploadPointsPhotoNamed = async (
  file: Pick<UploadFile, 'filePath' | 'fileName' | 'onProgress'>,
): Promise<Result<PointsPhoto & { fileName: string }>> => {
  const r = await uploadPointsPhoto(file);
  return r.ok ? { ...r, data: { ...r.data, fileName: file.fileName ?? '' } } : r;
};

/** POST /api/points/rule-books/import — a new draft from an .xlsx (multipart `file`); the errors come per row. */
export const importNewRuleBook = (file: Pick<UploadFile, 'filePath' | 'fileName'>): Promise<Result<RuleBookDetail>> =>
  http.upload<RuleBookDetail>('/points/rule-books/import', { ...file, name: 'file' }, { timeoutMs: 60_000 });
