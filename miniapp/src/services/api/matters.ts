/**
 * 村里大事（四议两公开, DOMAIN.md §2): `/api/matters/…`, typed by the contract in
 * shared/src/types/matter.ts. The 议事 tab uses the list; every other page lives in the "matters"
 * sub-package. What a person may do comes from the server (`actions`, with the reasons for the
 * disabled ones) and its stepper; the UI never decides it again. A refusal is 409 with the Chinese
 * reasons in `message`, shown inline (ADR 0008).
 */
import type {
  AdvanceMatterInput,
  AmendMatterInput,
  ConfirmCountInput,
  CreateMatterInput,
  LiftOpinionInput,
  MatterAnswerInput,
  MatterDetail,
  MatterFile,
  MatterListQuery,
  MatterObjectionInput,
  MatterPage,
  MatterTypeView,
  ObjectionReviewInput,
  ProgressReportInput,
  RecordMeetingInput,
  Role,
  ScheduleMeetingInput,
  SendBackInput,
  SupervisionOpinionInput,
} from '@village/shared';
import { BRANCH_ROLES } from '@village/shared';
import { http, type Result, type UploadFile } from '../http';

const id = (value: string) => encodeURIComponent(value);

function query(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** 书记 and 村党组织委员 propose (村党组织提议); the server checks again. */
export function canProposeMatters(roles: readonly Role[]): boolean {
  return roles.some((r) => BRANCH_ROLES.includes(r));
}

// ---------------------------------------------------------------- reading

/** GET /api/matters — newest activity first. `quiet`: no loading indicator, one retry only (the 议事 tab). */
export const listMatters = (params: MatterListQuery, options: { quiet?: boolean } = {}): Promise<Result<MatterPage>> =>
  http.get<MatterPage>('/matters', query(params), options.quiet ? { showLoading: false, retries: 1 } : undefined);

/** GET /api/matters/:id — with the stepper, the caller's actions and every record. */
export const getMatter = (matterId: string): Promise<Result<MatterDetail>> => http.get<MatterDetail>(`/matters/${id(matterId)}`);

/** GET /api/matter-types — the village's types, statutory ones first. */
export const listMatterTypes = (): Promise<Result<MatterTypeView[]>> => http.get<MatterTypeView[]>('/matter-types');

// ---------------------------------------------------------------- committee

/** POST /api/matters — revision 1 at 党组织提议. */
export const createMatter = (input: CreateMatterInput): Promise<Result<MatterDetail>> => http.post<MatterDetail>('/matters', { ...input });

/** POST /api/matters/:id/revisions — a new revision (党组织提议 and 两委商议 only). */
export const amendMatter = (matterId: string, input: AmendMatterInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/revisions`, { ...input });

/** POST /api/matters/:id/meetings — announce a meeting. The server answers with the matter (its meetings include the new one). */
export const scheduleMeeting = (matterId: string, input: ScheduleMeetingInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/meetings`, { ...input });

/** POST /api/matters/:id/meetings/:meetingId/record — the facts of a held meeting (answered with the matter). */
export const recordMeeting = (matterId: string, meetingId: string, input: RecordMeetingInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/meetings/${id(meetingId)}/record`, { ...input });

/** POST /api/matters/:id/meetings/:meetingId/confirm-count — the 监票人 confirms the paper count, or corrects it. */
export const confirmMeetingCount = (matterId: string, meetingId: string, input: ConfirmCountInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/meetings/${id(meetingId)}/confirm-count`, { ...input });

/** POST /api/matters/:id/events — meeting results, implementation, publication, archive, withdraw, repropose. */
export const advanceMatter = (matterId: string, input: AdvanceMatterInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/events`, { ...input });

/** POST /api/matters/:id/progress */
export const reportProgress = (matterId: string, input: ProgressReportInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/progress`, { ...input });

/** POST /api/matter-objections/:id/answer */
export const answerObjection = (objectionId: string, input: MatterAnswerInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matter-objections/${id(objectionId)}/answer`, { ...input });

/** POST /api/matter-objections/:id/review — an objection held for content review: make it public, or keep it back with a reason. */
export const reviewObjection = (objectionId: string, input: ObjectionReviewInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matter-objections/${id(objectionId)}/review`, { ...input });

/** POST /api/matter-opinions/:id/answer */
export const answerOpinion = (opinionId: string, input: MatterAnswerInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matter-opinions/${id(opinionId)}/answer`, { ...input });

// ---------------------------------------------------------------- villagers and supervisors

/** POST /api/matters/:id/objections — during a disclosure window only. */
export const fileObjection = (matterId: string, input: MatterObjectionInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/objections`, { ...input });

/** POST /api/matters/:id/opinions */
export const addOpinion = (matterId: string, input: SupervisionOpinionInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/opinions`, { ...input });

/** POST /api/matter-opinions/:id/lift */
export const liftOpinion = (opinionId: string, input: LiftOpinionInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matter-opinions/${id(opinionId)}/lift`, { ...input });

/** POST /api/matters/:id/send-back */
export const sendBack = (matterId: string, input: SendBackInput): Promise<Result<MatterDetail>> =>
  http.post<MatterDetail>(`/matters/${id(matterId)}/send-back`, { ...input });

/** POST /api/matter-files (multipart `file`; JPEG, PNG or PDF): a sign-in sheet photo, a progress photo. */
export const uploadMatterFile = (file: Pick<UploadFile, 'filePath' | 'fileName'>): Promise<Result<MatterFile>> =>
  http.upload<MatterFile>('/matter-files', { name: 'file', ...file }, { timeoutMs: 120_000, showLoading: false });
