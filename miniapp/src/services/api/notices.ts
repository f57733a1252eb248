/**
 * 村务公开 (DOMAIN.md §4): `/api/notices/…`, `/api/notice-queries/…`. Types come from the contract in
 * shared/src/types/notice.ts. The 公开 tab and 首页 use the list, cadence and counts; the other pages
 * live in the "notices" sub-package.
 */
import Taro from '@tarojs/taro';
import {
  type InPersonNoticeInput,
  type InPersonNoticeRecord,
  type NoticeAnswerInput,
  type NoticeAttachment,
  type NoticeAwareness,
  type NoticeCorrectionInput,
  type NoticeDetail,
  type NoticeDraftInput,
  type NoticeListQuery,
  type NoticePage,
  type NoticePolicy,
  type NoticeQueryInput,
  type NoticeQueryReviewInput,
  type NoticeQueryStatus,
  type NoticeQueryView,
  type NoticeReadResult,
  type NoticeSignoffInput,
  type Page,
  type Role,
  type UnreachedHousehold,
  type VillageCadence,
  authorableCategories,
  mayManageNotice,
} from '@village/shared';
import { COMMITTEE_ROLES } from '../../constants/roles';
import { http, type Result, type UploadFile } from '../http';

const id = (value: string) => encodeURIComponent(value);

/** Query parameters without the empty ones. */
function query(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

// ---------------------------------------------------------------- who may do what (the API checks again)

/** 书记, 村委会委员, 村党组织委员: write, publish, answer queries, print the sheet. */
export function canComposeNotices(roles: readonly Role[]): boolean {
  return roles.some((r) => COMMITTEE_ROLES.includes(r));
}

/** 党务 is the party branch's (书记, 村党组织委员), 村务 and 财务 the 村委会's — the rule the server enforces. */
export { authorableCategories };

/** Answers and reviews queries on a notice of this kind: its authors; for system notices, the committee. */
export const canManageNotice = mayManageNotice;

/** 监委会成员: sign off finance notices, see unanswered queries. */
export function canSignoffNotices(roles: readonly Role[]): boolean {
  return roles.includes('supervisor');
}

/** The committee and the supervisors see the 询问 list of the whole village. */
export function canSeeAllQueries(roles: readonly Role[]): boolean {
  return canComposeNotices(roles) || canSignoffNotices(roles);
}

/** 上门告知 is recorded by grid leaders (own grid) and the committee; supervisors only look. */
export function canRecordInPerson(roles: readonly Role[]): boolean {
  return canComposeNotices(roles) || roles.includes('grid_leader');
}

// ---------------------------------------------------------------- reading

/** GET /api/notices — newest first, pinned first; villagers see what is published. */
export const listNotices = (params: NoticeListQuery): Promise<Result<NoticePage>> =>
  http.get<NoticePage>('/notices', query(params));

/** GET /api/notices/:id — with the body already parsed into blocks and what the caller may do. */
export const getNotice = (noticeId: string): Promise<Result<NoticeDetail>> => http.get<NoticeDetail>(`/notices/${id(noticeId)}`);

/**
 * POST /api/notices/:id/read — idempotent. Silent: no loading indicator, one retry; a failure is
 * not shown (the next opening tries again).
 */
export const markNoticeRead = (noticeId: string): Promise<Result<NoticeReadResult>> =>
  http.post<NoticeReadResult>(`/notices/${id(noticeId)}/read`, undefined, { showLoading: false, retries: 1 });

// ---------------------------------------------------------------- writing (committee)

/** POST /api/notices — a new draft. */
export const createNotice = (input: NoticeDraftInput): Promise<Result<NoticeDetail>> =>
  http.post<NoticeDetail>('/notices', { ...input });

/** PATCH /api/notices/:id — drafts only (409 once published). */
export const updateNotice = (noticeId: string, input: Partial<NoticeDraftInput>): Promise<Result<NoticeDetail>> =>
  http.patch<NoticeDetail>(`/notices/${id(noticeId)}`, { ...input });

/** POST /api/notices/:id/publish — a finance notice goes to the 监委会 for sign-off instead. */
export const publishNotice = (noticeId: string): Promise<Result<NoticeDetail>> =>
  http.post<NoticeDetail>(`/notices/${id(noticeId)}/publish`);

/** POST /api/notices/:id/signoff — 监委会 approves (publishes) or refuses (back to draft, with the reason). */
export const signoffNotice = (noticeId: string, input: NoticeSignoffInput): Promise<Result<NoticeDetail>> =>
  http.post<NoticeDetail>(`/notices/${id(noticeId)}/signoff`, { ...input });

/** POST /api/notices/:id/archive */
export const archiveNotice = (noticeId: string): Promise<Result<NoticeDetail>> =>
  http.post<NoticeDetail>(`/notices/${id(noticeId)}/archive`);

/** POST /api/notices/:id/corrections — a new draft that, once published, supersedes this notice. */
export const correctNotice = (noticeId: string, input: NoticeCorrectionInput): Promise<Result<NoticeDetail>> =>
  http.post<NoticeDetail>(`/notices/${id(noticeId)}/corrections`, { ...input });

/** POST /api/notices/:id/attachments (multipart `file`, drafts only); `onProgress` gets 0–100. */
export const uploadNoticeAttachment = (
  noticeId: string,
  file: Pick<UploadFile, 'filePath' | 'fileName' | 'onProgress'>,
): Promise<Result<NoticeAttachment>> =>
  http.upload<NoticeAttachment>(
    `/notices/${id(noticeId)}/attachments`,
    { name: 'file', ...file },
    { timeoutMs: 120_000, showLoading: false },
  );

/** DELETE /api/notices/:id/attachments/:attachmentId */
export const deleteNoticeAttachment = (noticeId: string, attachmentId: string): Promise<Result<void>> =>
  http.delete<void>(`/notices/${id(noticeId)}/attachments/${id(attachmentId)}`);

/** GET /api/notices/policy — minimum windows per category (a village may set more than 7 days). */
export const getNoticePolicy = (): Promise<Result<NoticePolicy>> =>
  http.get<NoticePolicy>('/notices/policy', undefined, { showLoading: false });

/** GET /api/notices/cadence — per category: when the last notice went out, overdue or not. */
export const getNoticeCadence = (): Promise<Result<VillageCadence>> =>
  http.get<VillageCadence>('/notices/cadence', undefined, { showLoading: false });

/** GET /api/township/notice-cadence — every village of the township, most overdue first (乡镇干部). */
export const getTownshipNoticeCadence = (): Promise<Result<VillageCadence[]>> =>
  http.get<VillageCadence[]>('/township/notice-cadence', undefined, { showLoading: false });

/**
 * GET /api/notices/:id/sheet.pdf — the printable 公开栏 sheet: WeChat's document viewer on weapp (print
 * or forward from there), a new browser tab on H5 (saved instead when the browser blocks the tab).
 */
export const openNoticeSheet = (noticeId: string, fileName: string): Promise<Result<void>> =>
  http.download(`/notices/${id(noticeId)}/sheet.pdf`, { fileName, fileType: 'pdf', openInBrowser: true }, { timeoutMs: 60_000 });

// ---------------------------------------------------------------- awareness (知晓率)

/** GET /api/notices/:id/awareness */
export const getNoticeAwareness = (noticeId: string): Promise<Result<NoticeAwareness>> =>
  http.get<NoticeAwareness>(`/notices/${id(noticeId)}/awareness`);

/** GET /api/notices/:id/unreached — households (or party members) nobody has reached yet. */
export const listUnreached = (
  noticeId: string,
  params: { gridId?: string; page: number; pageSize?: number },
): Promise<Result<Page<UnreachedHousehold>>> =>
  http.get<Page<UnreachedHousehold>>(`/notices/${id(noticeId)}/unreached`, query(params));

/** POST /api/notices/:id/in-person — 上门告知: counts as reached, with who recorded it. */
export const recordInPerson = (noticeId: string, input: InPersonNoticeInput): Promise<Result<InPersonNoticeRecord>> =>
  http.post<InPersonNoticeRecord>(`/notices/${id(noticeId)}/in-person`, { ...input });

// ---------------------------------------------------------------- queries (询问)

/** The queries of one notice may come as a list or as a page; either way, the items. */
function itemsOf<T>(data: T[] | Page<T> | null | undefined): T[] {
  if (Array.isArray(data)) return data;
  return data && Array.isArray(data.items) ? data.items : [];
}

/** GET /api/notices/:id/queries — public ones plus the caller's own (with why one is held). */
export async function listNoticeQueries(noticeId: string): Promise<Result<NoticeQueryView[]>> {
  const result = await http.get<NoticeQueryView[] | Page<NoticeQueryView>>(`/notices/${id(noticeId)}/queries`, { pageSize: 50 });
  return result.ok ? { ...result, data: itemsOf(result.data) } : result;
}

/** POST /api/notices/:id/queries — checked by WeChat's content check first (open / pending_review / held). */
export const askNoticeQuery = (noticeId: string, input: NoticeQueryInput): Promise<Result<NoticeQueryView>> =>
  http.post<NoticeQueryView>(`/notices/${id(noticeId)}/queries`, { ...input });

/** GET /api/notice-queries — committee and supervisors: the village's queries. */
export const listAllQueries = (params: {
  status?: NoticeQueryStatus;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}): Promise<Result<Page<NoticeQueryView>>> => http.get<Page<NoticeQueryView>>('/notice-queries', query(params));

/** POST /api/notice-queries/:id/answer — the committee's public answer. */
export const answerQuery = (queryId: string, input: NoticeAnswerInput): Promise<Result<NoticeQueryView>> =>
  http.post<NoticeQueryView>(`/notice-queries/${id(queryId)}/answer`, { ...input });

/** POST /api/notice-queries/:id/review — release or reject a query WeChat's check sent for review. */
export const reviewQuery = (queryId: string, input: NoticeQueryReviewInput): Promise<Result<NoticeQueryView>> =>
  http.post<NoticeQueryView>(`/notice-queries/${id(queryId)}/review`, { ...input });

// ---------------------------------------------------------------- attachments

/** An attachment URL the phone can fetch: the server may answer with a path on its own origin. */
export function absoluteUrl(url: string): string {
  if (/^https?:\/\//i.test(url) || url.startsWith('blob:') || url.startsWith('data:')) return url;
  const base = typeof process.env.TARO_APP_API_BASE === 'string' ? process.env.TARO_APP_API_BASE : '';
  return `${base.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

/**
 * Opens a PDF attachment: H5 in a new browser tab; weapp downloads it (the signed URL needs no
 * token) and opens WeChat's document viewer. Resolves false when it could not be opened.
 */
export async function openPdfAttachment(attachment: Pick<NoticeAttachment, 'url'>): Promise<boolean> {
  const url = absoluteUrl(attachment.url);
  if (process.env.TARO_ENV === 'h5') {
    return window.open(url, '_blank') !== null;
  }
  try {
    const res = await Taro.downloadFile({ url });
    if (res.statusCode < 200 || res.statusCode >= 300) return false;
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true } as Taro.openDocument.Option);
    return true;
  } catch {
    return false;
  }
}
