/**
 * 议事设置 (DOMAIN.md §2): the village's matter types, workflow policy, 村民会议 authorizations and
 * convening obligations (召集义务), typed by the contract in shared/src/types/matter.ts. Reading is
 * open as the server allows; writes are for 书记 and 村委会委员 (the server checks again).
 */
import type {
  AssemblyAuthorizationInput,
  AssemblyAuthorizationView,
  AuthorizingMeetingView,
  ConveningObligationView,
  ConveningPetitionRequest,
  MatterPolicyView,
  MatterTypeConfigInput,
  MatterTypeView,
  RepresentativeCadenceView,
  RevokeAuthorizationInput,
  Role,
  TownshipConveningObligationView,
  TownshipRepresentativeCadenceView,
} from '@village/shared';
import { http, type Result } from '../http';

export type ObligationFilter = 'open' | 'overdue' | 'met';

/** 书记 and 村委会委员 change the settings (PUT/POST below). */
export const SETTINGS_EDIT_ROLES: readonly Role[] = ['secretary', 'village_committee'];
/** The roles that may read the 召集义务 (and so open the 议事设置 hub). */
export const SETTINGS_READ_ROLES: readonly Role[] = ['secretary', 'village_committee', 'branch_committee', 'supervisor'];

export function canEditMatterSettings(roles: readonly Role[]): boolean {
  return roles.some((r) => SETTINGS_EDIT_ROLES.includes(r));
}

export function canReadMatterSettings(roles: readonly Role[]): boolean {
  return roles.some((r) => SETTINGS_READ_ROLES.includes(r));
}

const id = (value: string) => encodeURIComponent(value);

/** PUT /api/matter-types — the village's own types and the non-statutory defaults it turns off; answers with the new list. */
export const saveMatterTypes = (input: MatterTypeConfigInput): Promise<Result<MatterTypeView[]>> =>
  http.put<MatterTypeView[]>('/matter-types', { extras: input.extras.map((e) => ({ ...e })), disabled: [...input.disabled] });

/** GET /api/matter-policy — defaults filled in. */
export const getMatterPolicy = (): Promise<Result<MatterPolicyView>> => http.get<MatterPolicyView>('/matter-policy');

/** PUT /api/matter-policy */
export const saveMatterPolicy = (policy: MatterPolicyView): Promise<Result<MatterPolicyView>> =>
  http.put<MatterPolicyView>('/matter-policy', { ...policy, noticeLeadDays: { ...policy.noticeLeadDays } });

/** GET /api/assembly-authorizations — expired and revoked ones too. */
export const listAuthorizations = (): Promise<Result<AssemblyAuthorizationView[]>> => http.get<AssemblyAuthorizationView[]>('/assembly-authorizations');

/** GET /api/assembly-authorizations/meetings — the passed 村民会议 that may grant or withdraw an authorization, newest first. */
export const listAuthorizingMeetings = (): Promise<Result<AuthorizingMeetingView[]>> => http.get<AuthorizingMeetingView[]>('/assembly-authorizations/meetings');

/** POST /api/assembly-authorizations — answers with the whole list. */
export const grantAuthorization = (input: AssemblyAuthorizationInput): Promise<Result<AssemblyAuthorizationView[]>> =>
  http.post<AssemblyAuthorizationView[]>('/assembly-authorizations', { ...input, typeCodes: [...input.typeCodes] });

/** POST /api/assembly-authorizations/:id/revoke — answers with the whole list. */
export const revokeAuthorization = (authorizationId: string, input: RevokeAuthorizationInput): Promise<Result<AssemblyAuthorizationView[]>> =>
  http.post<AssemblyAuthorizationView[]>(`/assembly-authorizations/${id(authorizationId)}/revoke`, { ...input });

/** GET /api/convening-obligations?status= (committee, supervisors). */
export const listObligations = (status?: ObligationFilter, options: { quiet?: boolean } = {}): Promise<Result<ConveningObligationView[]>> =>
  http.get<ConveningObligationView[]>('/convening-obligations', status ? { status } : {}, options.quiet ? { showLoading: false, retries: 1 } : undefined);

/** GET /api/township/convening-obligations?status= (township staff, every village). */
export const listTownshipObligations = (status?: ObligationFilter): Promise<Result<TownshipConveningObligationView[]>> =>
  http.get<TownshipConveningObligationView[]>('/township/convening-obligations', status ? { status } : {});

/** POST /api/convening-petitions — answers with every obligation of the village (the new one among them when it obliges). */
export const registerPetition = (input: ConveningPetitionRequest): Promise<Result<ConveningObligationView[]>> =>
  http.post<ConveningObligationView[]>('/convening-petitions', {
    ...input,
    adultSignerIds: [...input.adultSignerIds],
    representativeSignerIds: [...input.representativeSignerIds],
    photoIds: [...input.photoIds],
  });

/**
 * GET /api/representative-cadence — quarters without a 村民代表会议. `null` when the server has no
 * such route (404): the block is then left out, it is not an error.
 */
export async function getRepresentativeCadence(): Promise<Result<RepresentativeCadenceView | null>> {
  const r = await http.get<RepresentativeCadenceView>('/representative-cadence', {}, { showLoading: false, retries: 1 });
  if (!r.ok && r.status === 404) return { ok: true, data: null, status: 404 };
  return r;
}

/** GET /api/township/representative-cadence — one per village; `null` when the server has no such route (404). */
export async function getTownshipRepresentativeCadence(): Promise<Result<TownshipRepresentativeCadenceView[] | null>> {
  const r = await http.get<TownshipRepresentativeCadenceView[]>('/township/representative-cadence', {}, { showLoading: false, retries: 1 });
  if (!r.ok && r.status === 404) return { ok: true, data: null, status: 404 };
  return r;
}
