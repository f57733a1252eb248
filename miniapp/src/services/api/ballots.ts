/**
 * 表决 (DOMAIN.md §3): `/api/ballots/…`, typed by the contract in shared/src/types/ballot.ts. The 议事
 * tab and 首页 use the list; every other page lives in the "ballots" sub-package. What a person may do
 * on one ballot comes from the server (`can`, `reasons`); the UI never decides it again.
 */
import type {
  BallotDetail,
  BallotDraftInput,
  BallotDraftPatch,
  BallotListQuery,
  BallotPage,
  BallotReceiptList,
  CastVoteResult,
  ElectoratePage,
  ElectorateQuery,
  OpenVotePage,
  PaperCountRequest,
  PaperCountView,
  ReceiptCheckResult,
  RecordAttendanceResult,
  Role,
} from '@village/shared';
import { BALLOT_PAGE_SIZE_DEFAULT } from '@village/shared';
import { COMMITTEE_ROLES } from '../../constants/roles';
import { http, type Result } from '../http';

const id = (value: string) => encodeURIComponent(value);

/** Query parameters without the empty ones. */
function query(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** 书记, 村委会委员, 村党组织委员: 发起表决, drafts, open, close (the server checks again). */
export function canManageBallots(roles: readonly Role[]): boolean {
  return roles.some((r) => COMMITTEE_ROLES.includes(r));
}

// ---------------------------------------------------------------- reading

/**
 * GET /api/ballots — newest first; `awaitingMe` lists only what the caller may vote in and has not.
 * `quiet` (首页's count): no loading indicator and one retry only.
 */
export const listBallots = (params: BallotListQuery, options: { quiet?: boolean } = {}): Promise<Result<BallotPage>> =>
  http.get<BallotPage>('/ballots', query(params), options.quiet ? { showLoading: false, retries: 1 } : undefined);

/** GET /api/ballots/:id — with serverNow (for the countdown), can/reasons, and the result once closed. */
export const getBallot = (ballotId: string): Promise<Result<BallotDetail>> => http.get<BallotDetail>(`/ballots/${id(ballotId)}`);

/** GET /api/ballots/:id/electorate — the list frozen at opening, with who took part and how. */
export const listElectorate = (ballotId: string, params: ElectorateQuery): Promise<Result<ElectoratePage>> =>
  http.get<ElectoratePage>(`/ballots/${id(ballotId)}/electorate`, query(params));

/** GET /api/ballots/:id/votes — 记名 ballots, committee and supervisors: who chose what online. */
export const listOpenVotes = (ballotId: string, page: number): Promise<Result<OpenVotePage>> =>
  http.get<OpenVotePage>(`/ballots/${id(ballotId)}/votes`, { page, pageSize: BALLOT_PAGE_SIZE_DEFAULT });

/** GET /api/ballots/:id/receipts — secret ballots once closed: every receipt with its choice (one document). */
export const getReceipts = (ballotId: string): Promise<Result<BallotReceiptList>> =>
  http.get<BallotReceiptList>(`/ballots/${id(ballotId)}/receipts`);

/** POST /api/ballots/:id/receipts/check — a read sent as POST so the code stays out of addresses and logs. */
export const checkReceipt = (ballotId: string, receiptCode: string): Promise<Result<ReceiptCheckResult>> =>
  http.post<ReceiptCheckResult>(`/ballots/${id(ballotId)}/receipts/check`, { receiptCode });

// ---------------------------------------------------------------- casting

/**
 * POST /api/ballots/:id/votes. `idempotencyKey` must stay the same for every try of one confirmed
 * choice (the automatic retries and the person's own 重试): the server then answers a repeat with the
 * first answer, receipt code included, and never counts the vote twice.
 */
export const castVote = (ballotId: string, choices: string[], idempotencyKey: string): Promise<Result<CastVoteResult>> =>
  http.post<CastVoteResult>(`/ballots/${id(ballotId)}/votes`, { choices }, { idempotencyKey });

// ---------------------------------------------------------------- committee

/** POST /api/ballots — a new draft. */
export const createBallot = (input: BallotDraftInput): Promise<Result<BallotDetail>> => http.post<BallotDetail>('/ballots', { ...input });

/** PATCH /api/ballots/:id — drafts only, with the version read. */
export const updateBallot = (ballotId: string, patch: BallotDraftPatch): Promise<Result<BallotDetail>> =>
  http.patch<BallotDetail>(`/ballots/${id(ballotId)}`, { ...patch });

/** POST /api/ballots/:id/open — freezes the electorate. */
export const openBallot = (ballotId: string, version: number): Promise<Result<BallotDetail>> =>
  http.post<BallotDetail>(`/ballots/${id(ballotId)}/open`, { version });

/** POST /api/ballots/:id/cancel — drafts only. */
export const cancelBallot = (ballotId: string, version: number, reason: string): Promise<Result<BallotDetail>> =>
  http.post<BallotDetail>(`/ballots/${id(ballotId)}/cancel`, { version, reason });

/** POST /api/ballots/:id/close — counts, stores the result for good and publishes it. */
export const closeBallot = (ballotId: string): Promise<Result<BallotDetail>> => http.post<BallotDetail>(`/ballots/${id(ballotId)}/close`);

// ---------------------------------------------------------------- in person (计票人 / 监票人)

/** POST /api/ballots/:id/attendance — all or nothing; 409 names the conflicts in `details.conflicts`. */
export const recordAttendance = (ballotId: string, voterKeys: string[]): Promise<Result<RecordAttendanceResult>> =>
  http.post<RecordAttendanceResult>(`/ballots/${id(ballotId)}/attendance`, { voterKeys });

/** POST /api/ballots/:id/paper-count — the first entry, or the other person's confirmation. */
export const recordPaperCount = (ballotId: string, body: PaperCountRequest): Promise<Result<PaperCountView>> =>
  http.post<PaperCountView>(`/ballots/${id(ballotId)}/paper-count`, { ...body });
