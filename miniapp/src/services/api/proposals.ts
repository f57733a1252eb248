/**
 * 村民提议 (DOMAIN.md §5): `/api/proposals/…`, `/api/proposal-files`, `/api/proposal-settings` and
 * the township's `/api/township/oversight`, typed by the contract in shared/src/types/proposal.ts.
 * The 议事 tab uses the list; every other page lives in the "proposals" sub-package. What a person
 * may do comes from the server (`actions`, disabled ones with the reason); a refusal is shown
 * inline in the server's words.
 */
import type {
  AdvanceProposalInput,
  ConvertProposalInput,
  CreateProposalInput,
  DeclineProposalInput,
  MergeProposalInput,
  ProposalDetail,
  ProposalFile,
  ProposalListQuery,
  ProposalPage,
  ProposalReplyInput,
  ProposalReviewInput,
  ProposalSettings,
  Role,
  VillageOversightRow,
} from '@village/shared';
import { followsProposalQueue, handlesProposals } from '@village/shared';
import { http, type Result, type UploadFile } from '../http';

const id = (value: string) => encodeURIComponent(value);

function query(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false));
}

/** The 两委 answer proposals; the server checks again. */
export function canAnswerProposals(roles: readonly Role[]): boolean {
  return handlesProposals(roles);
}

/** The 两委, and the 监委会 read-only: who may follow the triage queue (the server checks again). */
export function canWatchProposals(roles: readonly Role[]): boolean {
  return followsProposalQueue(roles);
}

// ---------------------------------------------------------------- reading

/** GET /api/proposals — hot / new / mine, or the committee's queue. `quiet`: no loading indicator, one retry (the 议事 tab, 首页). */
export const listProposals = (params: ProposalListQuery, options: { quiet?: boolean } = {}): Promise<Result<ProposalPage>> =>
  http.get<ProposalPage>('/proposals', query(params), options.quiet ? { showLoading: false, retries: 1 } : undefined);

/** GET /api/proposals/:id — with the steps, co-sign progress, replies, history and the caller's actions. */
export const getProposal = (proposalId: string): Promise<Result<ProposalDetail>> => http.get<ProposalDetail>(`/proposals/${id(proposalId)}`);

/** GET /api/proposal-settings — reply days and the categories (a villager's form lists the enabled ones). */
export const getProposalSettings = (): Promise<Result<ProposalSettings>> => http.get<ProposalSettings>('/proposal-settings');

/** PUT /api/proposal-settings (两委). */
export const saveProposalSettings = (input: ProposalSettings): Promise<Result<ProposalSettings>> =>
  http.put<ProposalSettings>('/proposal-settings', { ...input });

// ---------------------------------------------------------------- villagers

/** POST /api/proposal-files (multipart `file`, JPEG or PNG) — its WeChat media check starts at once. */
export const uploadProposalFile = (file: Pick<UploadFile, 'filePath' | 'fileName' | 'onProgress'>): Promise<Result<ProposalFile>> =>
  http.upload<ProposalFile>('/proposal-files', { name: 'file', ...file }, { timeoutMs: 120_000, showLoading: false });

/** POST /api/proposals — the text is checked by WeChat first; it may come back `pending_review` or `held`. */
export const createProposal = (input: CreateProposalInput, idempotencyKey?: string): Promise<Result<ProposalDetail>> =>
  http.post<ProposalDetail>('/proposals', { ...input }, idempotencyKey ? { idempotencyKey } : undefined);

/** POST /api/proposals/:id/cosign — one per resident; repeating it changes nothing. */
export const cosignProposal = (proposalId: string): Promise<Result<ProposalDetail>> => http.post<ProposalDetail>(`/proposals/${id(proposalId)}/cosign`, {});

// ---------------------------------------------------------------- committee

/** POST /api/proposals/:id/steps — the next of the six steps, with what was decided. */
export const advanceProposal = (proposalId: string, input: AdvanceProposalInput): Promise<Result<ProposalDetail>> =>
  http.post<ProposalDetail>(`/proposals/${id(proposalId)}/steps`, { ...input });

/** POST /api/proposals/:id/reply — public; the first reply meets the reply deadline. */
export const replyProposal = (proposalId: string, input: ProposalReplyInput): Promise<Result<ProposalDetail>> =>
  http.post<ProposalDetail>(`/proposals/${id(proposalId)}/reply`, { ...input });

/** POST /api/proposals/:id/decline — with a public reason. */
export const declineProposal = (proposalId: string, input: DeclineProposalInput): Promise<Result<ProposalDetail>> =>
  http.post<ProposalDetail>(`/proposals/${id(proposalId)}/decline`, { ...input });

/** POST /api/proposals/:id/merge — into another open proposal. */
export const mergeProposal = (proposalId: string, input: MergeProposalInput): Promise<Result<ProposalDetail>> =>
  http.post<ProposalDetail>(`/proposals/${id(proposalId)}/merge`, { ...input });

/** POST /api/proposals/:id/convert — a Matter at 党组织提议, linked both ways. */
export const convertProposal = (proposalId: string, input: ConvertProposalInput): Promise<Result<ProposalDetail>> =>
  http.post<ProposalDetail>(`/proposals/${id(proposalId)}/convert`, { ...input });

/** POST /api/proposals/:id/review — release a proposal held for content review, or keep it back. */
export const reviewProposal = (proposalId: string, input: ProposalReviewInput): Promise<Result<ProposalDetail>> =>
  http.post<ProposalDetail>(`/proposals/${id(proposalId)}/review`, { ...input });

// ---------------------------------------------------------------- township

/** GET /api/township/oversight — one row per village of the township (乡镇干部). */
export const getTownshipOversight = (sort?: string): Promise<Result<VillageOversightRow[]>> =>
  http.get<VillageOversightRow[]>('/township/oversight', query({ sort }));

/** GET /api/township/oversight.csv — saved by the browser (H5) or handed to WeChat to send on (weapp). */
export const downloadTownshipOversight = (fileName: string): Promise<Result<void>> =>
  http.download('/township/oversight.csv', { fileName, fileType: 'csv' }, { timeoutMs: 60_000 });
