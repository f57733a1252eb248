import type {
  AddResidentRequest,
  AnswerCorrectionRequest,
  CorrectionRequestView,
  CorrectionStatus,
  ResidentDepartureRequest,
  ChangeRepresentativeRequest,
  CompositionReport,
  HouseholdDetail,
  HouseholdListItem,
  HouseholdListQuery,
  MoveHouseholdRequest,
  Page,
  ResidentListItem,
  ResidentListQuery,
  RosterGrid,
  RosterImportMode,
  RosterImportReport,
  RosterResident,
  UpdateResidentRequest,
} from '@village/shared';
import { http, type Result, type UploadFile } from '../http';

/** Query parameters without the empty ones (an empty `q` means "no search"). */
function query(params: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

const id = (value: string) => encodeURIComponent(value);

/** GET /api/roster/households — search (户号 prefix, address, any member's name), filter, page. */
export const listHouseholds = (params: HouseholdListQuery): Promise<Result<Page<HouseholdListItem>>> =>
  http.get<Page<HouseholdListItem>>('/roster/households', query(params));

/** GET /api/roster/households/:id — the household and its members (phone and ID masked). */
export const getHousehold = (householdId: string): Promise<Result<HouseholdDetail>> =>
  http.get<HouseholdDetail>(`/roster/households/${id(householdId)}`);

/** POST /api/roster/households/:id/representative — 一户一人: the new 户代表 (audited). */
export const changeRepresentative = (householdId: string, body: ChangeRepresentativeRequest): Promise<Result<HouseholdDetail>> =>
  http.post<HouseholdDetail>(`/roster/households/${id(householdId)}/representative`, { ...body });

/** POST /api/roster/households/:id/move — to another 网格 (and 村民小组). */
export const moveHousehold = (householdId: string, body: MoveHouseholdRequest): Promise<Result<HouseholdDetail>> =>
  http.post<HouseholdDetail>(`/roster/households/${id(householdId)}/move`, { ...body });

/** POST /api/roster/households/:id/residents — a new member. */
export const addResident = (householdId: string, body: AddResidentRequest): Promise<Result<RosterResident>> =>
  http.post<RosterResident>(`/roster/households/${id(householdId)}/residents`, { ...body });

/** GET /api/roster/residents — people by name and filters. */
export const listResidents = (params: ResidentListQuery): Promise<Result<Page<ResidentListItem>>> =>
  http.get<Page<ResidentListItem>>('/roster/residents', query(params));

/** GET /api/roster/residents/:id */
export const getResident = (residentId: string): Promise<Result<ResidentListItem>> =>
  http.get<ResidentListItem>(`/roster/residents/${id(residentId)}`);

/** PATCH /api/roster/residents/:id — only the changed fields, with the version read. */
export const updateResident = (residentId: string, body: UpdateResidentRequest): Promise<Result<RosterResident>> =>
  http.patch<RosterResident>(`/roster/residents/${id(residentId)}`, { ...body });

/**
 * POST /api/roster/residents/:id/departure — 已故 or 迁出 (never deleted; their offices end). A 户代表 with
 * other adults left needs `newRepresentativeResidentId`, else 409 REPRESENTATIVE_SUCCESSOR_REQUIRED with
 * `details.candidates`.
 */
export const departResident = (residentId: string, body: ResidentDepartureRequest): Promise<Result<RosterResident>> =>
  http.post<RosterResident>(`/roster/residents/${id(residentId)}/departure`, { ...body });

/** GET /api/roster/correction-requests — villagers' correction requests, newest first; `status: 'open'` for the unanswered. */
export const listCorrectionRequests = (params: { status?: CorrectionStatus; page?: number; pageSize?: number }): Promise<Result<Page<CorrectionRequestView>>> =>
  http.get<Page<CorrectionRequestView>>('/roster/correction-requests', query(params));

/** POST /api/roster/correction-requests/:id/answer — 已更正 or 不予更正 (with the reason), with the version read. */
export const answerCorrectionRequest = (requestId: string, body: AnswerCorrectionRequest): Promise<Result<CorrectionRequestView>> =>
  http.post<CorrectionRequestView>(`/roster/correction-requests/${id(requestId)}/answer`, { ...body });

/** POST /api/roster/imports?mode=dry-run|commit — the roster file (.xlsx / .csv) as multipart field `file`. */
export const importRoster = (mode: RosterImportMode, file: Omit<UploadFile, 'name'>): Promise<Result<RosterImportReport>> =>
  http.upload<RosterImportReport>(`/roster/imports?mode=${mode}`, { ...file, name: 'file' }, { timeoutMs: 60_000, retries: mode === 'commit' ? 2 : 1 });

/** GET /api/roster/grids — each 网格 with its 网格员 and counts. */
export const listGrids = (): Promise<Result<RosterGrid[]>> => http.get<RosterGrid[]>('/roster/grids');

/** GET /api/roster/composition — 村民代表会议 and 村务监督委员会 against OL art. 25 and 32. */
export const getComposition = (): Promise<Result<CompositionReport>> => http.get<CompositionReport>('/roster/composition');

/** GET /api/roster/export.xlsx — the whole roster (numbers masked), saved or opened. */
export const exportRoster = (fileName: string): Promise<Result<void>> =>
  http.download('/roster/export.xlsx', { fileName, fileType: 'xlsx' }, { timeoutMs: 60_000 });

/** GET /api/roster/import-template.xlsx — the import template with this village's grids and groups. */
export const downloadImportTemplate = (fileName: string): Promise<Result<void>> =>
  http.download('/roster/import-template.xlsx', { fileName, fileType: 'xlsx' });
