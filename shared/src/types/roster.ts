import type { AgeBand } from '../rules/age-band';
import type { CompositionIssue, VillagerAssemblyFigures } from '../rules/composition';

/*
 * Roster management (户籍/花名册) for the committee: `/api/roster/…`. Phone and ID numbers only ever
 * appear masked (`phoneMasked`, `idNumberMasked`); they are sent in full only by the committee, on
 * create and edit, and by a roster file upload.
 */

export const ROSTER_PAGE_SIZE_DEFAULT = 20;
export const ROSTER_PAGE_SIZE_MAX = 100;
/** A roster upload is at most this many bytes. */
export const ROSTER_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** …and at most this many people (rows). */
export const ROSTER_IMPORT_MAX_ROWS = 5000;

export type Gender = 'male' | 'female';
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export type HouseholdStatus = 'active' | 'dissolved';
export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = { active: '在册', dissolved: '已注销' };

export type ResidentStatus = 'active' | 'deceased' | 'moved_out';
export const RESIDENT_STATUS_LABELS: Record<ResidentStatus, string> = { active: '在册', deceased: '已故', moved_out: '已迁出' };
/** What a resident can leave the roster as; nobody is ever deleted. */
export type DepartureStatus = Exclude<ResidentStatus, 'active'>;

export interface Page<T> {
  items: T[];
  /** All matches, not just this page. */
  total: number;
  page: number;
  pageSize: number;
}

export interface NamedRef {
  id: string;
  name: string;
}

// ---------------------------------------------------------------- reading

/** `GET /api/roster/households`: `q` matches 户号 (prefix), address or any member's name. */
export interface HouseholdListQuery {
  q?: string;
  gridId?: string;
  villageGroupId?: string;
  /** Default: active. */
  status?: HouseholdStatus;
  page?: number;
  pageSize?: number;
}

export interface HouseholdListItem {
  id: string;
  /** 户号 */
  number: string;
  address: string;
  grid: NamedRef;
  villageGroup: NamedRef;
  /** 户代表; null only while a household has no adult member left. */
  representative: NamedRef | null;
  activeMembers: number;
  status: HouseholdStatus;
  /** Send back on edits (optimistic locking). */
  version: number;
}

export interface RosterResident {
  id: string;
  householdId: string;
  householdNumber: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  age: number;
  relationToHead: string;
  isPartyMember: boolean;
  isVillagerRep: boolean;
  isRepresentative: boolean;
  status: ResidentStatus;
  /** YYYY-MM-DD the resident died or moved out; null while active. */
  departedOn: string | null;
  /** 138****5678 */
  phoneMasked: string | null;
  /** 1404**********1234 */
  idNumberMasked: string | null;
  version: number;
}

export interface HouseholdDetail extends HouseholdListItem {
  /** Active members first (户主 first, then by birth date), then those who died or moved out. */
  members: RosterResident[];
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/roster/residents`: `q` matches the name. */
export interface ResidentListQuery {
  q?: string;
  householdId?: string;
  gridId?: string;
  villageGroupId?: string;
  gender?: Gender;
  isPartyMember?: boolean;
  isVillagerRep?: boolean;
  isRepresentative?: boolean;
  /** Default: active. */
  status?: ResidentStatus;
  ageBand?: AgeBand;
  page?: number;
  pageSize?: number;
}

export interface ResidentListItem extends RosterResident {
  grid: NamedRef;
  villageGroup: NamedRef;
}

// ---------------------------------------------------------------- writing

/** A person as the committee enters them. `phone` and `idNumber` are optional; null clears on edit. */
export interface ResidentInput {
  name: string;
  gender: Gender;
  birthDate: string;
  /** 户主, 配偶, 子, 女, 父, 母, 孙子, 孙女, 儿媳, … */
  relationToHead: string;
  isPartyMember?: boolean;
  isVillagerRep?: boolean;
  /** 11-digit mainland mobile. */
  phone?: string | null;
  /** 18-digit 居民身份证号码 with a valid check digit; must agree with birthDate and gender. */
  idNumber?: string | null;
}

/** `POST /api/roster/households`: the first member becomes the 户代表 and must be an adult. */
export interface CreateHouseholdRequest {
  number: string;
  address: string;
  gridId: string;
  villageGroupId: string;
  firstMember: ResidentInput;
}

/** `PATCH /api/roster/households/:householdId` */
export interface UpdateHouseholdRequest {
  version: number;
  number?: string;
  address?: string;
}

/** `POST /api/roster/households/:householdId/move` — to another 网格 (and 村民小组). */
export interface MoveHouseholdRequest {
  version: number;
  gridId: string;
  villageGroupId?: string;
}

/** `POST /api/roster/households/:householdId/representative` — an active adult member. */
export interface ChangeRepresentativeRequest {
  version: number;
  residentId: string;
}

/** `POST /api/roster/households/:householdId/dissolve` — only when no active member is left. */
export interface DissolveHouseholdRequest {
  version: number;
  reason: string;
}

/** `POST /api/roster/households/:householdId/residents` */
export type AddResidentRequest = ResidentInput;

/** `PATCH /api/roster/residents/:residentId` — any subset of the fields. */
export interface UpdateResidentRequest extends Partial<ResidentInput> {
  version: number;
}

/**
 * `POST /api/roster/residents/:residentId/departure` — marks deceased or moved out; ends their offices.
 * When they are the 户代表 and another adult remains, `newRepresentativeResidentId` is required.
 */
export interface ResidentDepartureRequest {
  version: number;
  status: DepartureStatus;
  /** YYYY-MM-DD; defaults to today. */
  date?: string;
  newRepresentativeResidentId?: string;
  note?: string;
}

// ---------------------------------------------------------------- import / export

/** The roster sheet's columns, in order: import template, export, and import headers. */
export const ROSTER_SHEET_COLUMNS = [
  { key: 'householdNumber', header: '户号' },
  { key: 'address', header: '住址' },
  { key: 'villageGroup', header: '村民小组' },
  { key: 'grid', header: '网格' },
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'birthDate', header: '出生日期' },
  { key: 'relationToHead', header: '与户主关系' },
  { key: 'idNumber', header: '身份证号' },
  { key: 'phone', header: '手机号' },
  { key: 'isPartyMember', header: '是否党员' },
  { key: 'isVillagerRep', header: '是否村民代表' },
  { key: 'isRepresentative', header: '是否户代表' },
] as const;

export type RosterColumnKey = (typeof ROSTER_SHEET_COLUMNS)[number]['key'];

export type RosterImportMode = 'dry-run' | 'commit';
export type RosterImportAction = 'create' | 'update' | 'unchanged';

export interface RosterImportError {
  /** The row as numbered in the spreadsheet (the header row included); null for the whole file. */
  row: number | null;
  /** The column header, e.g. 出生日期; null for the whole row or file. */
  column: string | null;
  /** 第 12 行「出生日期」：不是有效日期（可写成 1968-03-12、1968/3/12 或 19680312） */
  message: string;
}

export interface RosterImportRow {
  row: number;
  householdNumber: string;
  name: string;
  /** What happens to this person; `error` when the row has an error. */
  action: RosterImportAction | 'error';
  /** What happens to their household. */
  householdAction: RosterImportAction | 'error';
  /** Labels of changed fields for updates, e.g. ["手机号", "是否党员"]; never the values. */
  changes: string[];
}

export interface RosterImportCounts {
  create: number;
  update: number;
  unchanged: number;
}

/** `POST /api/roster/imports?mode=dry-run|commit` */
export interface RosterImportReport {
  mode: RosterImportMode;
  /** True only after a commit wrote everything. */
  committed: boolean;
  fileKind: 'xlsx' | 'csv';
  sheetName: string | null;
  /** Data rows read (blank rows skipped). */
  dataRows: number;
  households: RosterImportCounts;
  residents: RosterImportCounts;
  /** Representatives that change (户代表). */
  representativeChanges: number;
  rows: RosterImportRow[];
  /** Every problem found; a commit is refused when there is any. */
  errors: RosterImportError[];
  /** Column headers that were not recognised and were ignored. */
  ignoredColumns: string[];
}

// ---------------------------------------------------------------- grids

export interface RosterGrid {
  id: string;
  name: string;
  sortOrder: number;
  leader: (NamedRef & { phoneMasked: string | null; householdNumber: string }) | null;
  households: number;
  residents: number;
  version: number;
}

/** `POST /api/roster/grids/:gridId/leader`; `residentId: null` leaves the post vacant. */
export interface AppointGridLeaderRequest {
  version: number;
  residentId: string | null;
}

// ---------------------------------------------------------------- composition

export interface SupervisoryCommitteeMember {
  assignmentId: string;
  residentId: string;
  name: string;
  householdNumber: string;
  title: string | null;
  hasAccountingKnowledge: boolean;
  startedOn: string;
}

/** `GET /api/roster/composition` */
export interface CompositionReport {
  /** YYYY-MM-DD */
  checkedOn: string;
  villagerAssembly: {
    figures: VillagerAssemblyFigures;
    /** Warnings only: shown, never blocking. */
    issues: CompositionIssue[];
  };
  supervisoryCommittee: {
    members: SupervisoryCommitteeMember[];
    /** Violations; new appointments that would add one are refused. */
    issues: CompositionIssue[];
  };
}

/** `POST /api/roster/supervisors` */
export interface AppointSupervisorRequest {
  residentId: string;
  /** 主任, 委员 … */
  title?: string;
  /** 具备财会、管理知识 (OL art. 32). */
  hasAccountingKnowledge: boolean;
  /** YYYY-MM-DD; defaults to today. */
  startedOn?: string;
}

/** `POST /api/roster/supervisors/:assignmentId/end` */
export interface EndSupervisorRequest {
  reason: string;
  /** YYYY-MM-DD; defaults to today. */
  endedOn?: string;
}

// ---------------------------------------------------------------- correction requests (PIPL art. 46)

export const CORRECTION_FIELDS = ['name', 'gender', 'birth_date', 'relation_to_head', 'phone', 'id_number', 'household', 'flags', 'other'] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];
export const CORRECTION_FIELD_LABELS: Record<CorrectionField, string> = {
  name: '姓名',
  gender: '性别',
  birth_date: '出生日期',
  relation_to_head: '与户主关系',
  phone: '手机号',
  id_number: '身份证号',
  household: '户籍信息（户号、住址、网格）',
  flags: '党员、村民代表等身份',
  other: '其他',
};

export type CorrectionStatus = 'open' | 'answered';
export type CorrectionOutcome = 'corrected' | 'declined';
export const CORRECTION_OUTCOME_LABELS: Record<CorrectionOutcome, string> = { corrected: '已更正', declined: '不予更正' };
/** A villager may have this many unanswered requests at a time. */
export const CORRECTION_OPEN_LIMIT = 5;

/** `POST /api/me/correction-requests` — digits runs that look like a phone or ID number are masked on receipt. */
export interface CreateCorrectionRequest {
  field: CorrectionField;
  message: string;
}

/** `POST /api/roster/correction-requests/:id/answer` — a refusal must say why (PIPL art. 50). */
export interface AnswerCorrectionRequest {
  version: number;
  outcome: CorrectionOutcome;
  answer: string;
}

export interface CorrectionRequestView {
  id: string;
  resident: NamedRef & { householdNumber: string };
  field: CorrectionField;
  message: string;
  status: CorrectionStatus;
  outcome: CorrectionOutcome | null;
  answer: string | null;
  answeredBy: NamedRef | null;
  requestedAt: string;
  answeredAt: string | null;
  version: number;
}
