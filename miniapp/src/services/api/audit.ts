/**
 * 审计记录 (GET/POST /api/audit/...): the supervisory committee's view of the tamper-evident trail.
 * Shapes follow server/src/modules/audit/dto/*. Kept small: the 首页 and 我的 only use the role
 * checks and `readLastVerification`; the pages live in the "audit" sub-package.
 */
import Taro from '@tarojs/taro';
import {
  AUDIT_READER_ROLES,
  type AuditEventDetail,
  type AuditEventFilter,
  type AuditEventSummary,
  type AuditVerification,
  type Page,
  type Role,
} from '@village/shared';

export type { AuditEventDetail, AuditEventSummary, AuditProblem, AuditProblemKind, AuditVerification, Page } from '@village/shared';
export { AUDIT_READER_ROLES };
import { http, type Result } from '../http';
import { messages } from '../../constants/messages';
import { readAccessToken } from '../session';

/** Who may sign a checkpoint now (server: supervisor + committee roles). */
export const CHECKPOINT_SIGNER_ROLES: readonly Role[] = ['supervisor', 'secretary', 'village_committee', 'branch_committee'];

export function canReadAudit(roles: readonly Role[]): boolean {
  return roles.some((r) => (AUDIT_READER_ROLES as readonly Role[]).includes(r));
}
export function canSignCheckpoint(roles: readonly Role[]): boolean {
  return roles.some((r) => CHECKPOINT_SIGNER_ROLES.includes(r));
}

export interface AuditCheckpoint {
  id: string;
  villageId: string;
  treeSize: number;
  lastSeq: number;
  headHash: string;
  rootHash: string;
  createdAt: string;
  keyId: string;
  signature: string;
  signedMessage: string;
  trigger: 'every_n' | 'daily' | 'manual' | string;
  requestedBy: string | null;
}

/** Filters shared by the list and the CSV export. */
export type AuditFilter = AuditEventFilter;

export const AUDIT_PAGE_SIZE = 20;

/** The filter without empty values, as query parameters. */
export function filterQuery(filter: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

export const verifyAuditChain = (): Promise<Result<AuditVerification>> =>
  // Our own progress card shows while it runs; a long chain may take a while.
  http.get<AuditVerification>('/audit/verify', undefined, { showLoading: false, timeoutMs: 120_000, retries: 1 });

export const listAuditEvents = (filter: AuditFilter, page: number, pageSize = AUDIT_PAGE_SIZE): Promise<Result<Page<AuditEventSummary>>> =>
  http.get<Page<AuditEventSummary>>('/audit/events', { ...filterQuery(filter), page, pageSize });

export const getAuditEvent = (seq: number): Promise<Result<AuditEventDetail>> => http.get<AuditEventDetail>(`/audit/events/${seq}`);

export const listCheckpoints = (page: number, pageSize = AUDIT_PAGE_SIZE): Promise<Result<Page<AuditCheckpoint>>> =>
  http.get<Page<AuditCheckpoint>>('/audit/checkpoints', { page, pageSize });

/** Verifies the whole chain first, then signs; 409 when the chain is broken or empty. Not retried blindly. */
export const createCheckpoint = (): Promise<Result<AuditCheckpoint>> =>
  http.post<AuditCheckpoint>('/audit/checkpoints', undefined, { timeoutMs: 120_000, retries: 0 });

function queryString(query: Record<string, string>): string {
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export type ExportOutcome = 'saved' | 'shared';

/**
 * CSV export of the filtered range (oldest first, UTF-8 with BOM so Excel/WPS read the Chinese).
 * H5: fetched with the bearer token and handed to the browser's save dialog (services/http download).
 * weapp: WeChat's document viewer cannot open CSV, so the file is downloaded and offered to send to a
 * chat (文件传输助手), from where Excel or WPS opens it; on WeChat for PC it is saved to disk.
 */
export async function exportAuditCsv(filter: AuditFilter, fileName: string): Promise<Result<ExportOutcome>> {
  const path = `/audit/events.csv${queryString(filterQuery(filter))}`;
  if (process.env.TARO_ENV === 'h5') {
    // fileType only matters to WeChat's openDocument; the H5 path saves whatever arrives.
    const result = await http.download(path, { fileName, fileType: 'xlsx' });
    return result.ok ? { ok: true, data: 'saved', status: result.status } : result;
  }
  // One cheap call with the same filters first: it renews an expired session and reports a bad filter
  // in words, through the one client.
  const probe = await listAuditEvents(filter, 1, 1);
  if (!probe.ok) return probe;
  const base = typeof process.env.TARO_APP_API_BASE === 'string' ? process.env.TARO_APP_API_BASE : '';
  const token = readAccessToken();
  try {
    const res = await Taro.downloadFile({
      url: `${base.replace(/\/+$/, '')}/api${path}`,
      header: token ? { Authorization: `Bearer ${token}` } : {},
    } as Taro.downloadFile.Option);
    if (res.statusCode < 200 || res.statusCode >= 300) {
      return {
        ok: false,
        status: res.statusCode,
        error: { code: 'CLIENT_DOWNLOAD_FAILED', message: messages.audit.downloadFailed(res.statusCode), correlationId: '' },
      };
    }
    const wx = Taro as unknown as {
      shareFileMessage?: (o: { filePath: string; fileName: string }) => Promise<unknown>;
      saveFileToDisk?: (o: { filePath: string }) => Promise<unknown>;
    };
    if (typeof wx.shareFileMessage === 'function') {
      await wx.shareFileMessage({ filePath: res.tempFilePath, fileName });
      return { ok: true, data: 'shared', status: res.statusCode };
    }
    if (typeof wx.saveFileToDisk === 'function') await wx.saveFileToDisk({ filePath: res.tempFilePath });
    return { ok: true, data: 'saved', status: res.statusCode };
  } catch {
    return {
      ok: false,
      status: null,
      error: { code: 'CLIENT_NETWORK_ERROR', message: messages.audit.downloadOffline, correlationId: '' },
    };
  }
}

/** The last verification on this phone, for the supervisor's 首页 ("上次核验：11月25日 14:05，通过"). */
const LAST_VERIFY_KEY = 'village.audit.lastVerify';

export interface LastVerification {
  at: string;
  ok: boolean;
  /** The time in words as the audit page showed it ("11月25日 14:05"). */
  when: string;
}

export function saveLastVerification(v: AuditVerification, when: string): void {
  try {
    Taro.setStorageSync(LAST_VERIFY_KEY, JSON.stringify({ at: v.verifiedAt, ok: v.ok, when }));
  } catch {
    // Storage blocked: the 首页 simply shows no last result.
  }
}

export function readLastVerification(): LastVerification | null {
  try {
    const raw: unknown = Taro.getStorageSync(LAST_VERIFY_KEY);
    if (typeof raw !== 'string' || raw === '') return null;
    const parsed = JSON.parse(raw) as Partial<LastVerification>;
    return typeof parsed.at === 'string' && typeof parsed.ok === 'boolean'
      ? { at: parsed.at, ok: parsed.ok, when: typeof parsed.when === 'string' ? parsed.when : parsed.at.slice(0, 10) }
      : null;
  } catch {
    return null;
  }
}
