/**
 * Pure helpers of the 议事设置 pages: what the village has configured (from the merged list the
 * server answers), summaries for the hub, where a server problem belongs on the form.
 */
import {
  DEFAULT_MATTER_TYPES,
  STATUTORY_MATTER_TYPES,
  type AssemblyAuthorizationView,
  type ConveningObligationView,
  type MatterTypeConfigInput,
  type MatterTypeInput,
  type MatterTypeProblem,
  type MatterTypeView,
  type WorkflowPolicy,
} from '@village/shared';
import { messages } from '../../../constants/messages';

const s = messages.matterSettings;

const DEFAULT_CODES = new Set(DEFAULT_MATTER_TYPES.map((t) => t.code));

/** The village's own types (not among the defaults). */
export function ownTypes(types: readonly MatterTypeView[]): MatterTypeView[] {
  return types.filter((t) => !DEFAULT_CODES.has(t.code));
}

/** The non-statutory defaults the village has turned off (absent from its list). */
export function disabledDefaults(types: readonly MatterTypeView[]): string[] {
  const present = new Set(types.map((t) => t.code));
  return DEFAULT_MATTER_TYPES.filter((t) => !t.statutory && !present.has(t.code)).map((t) => t.code);
}

/** What PUT /api/matter-types takes, rebuilt from the list GET answers. */
export function typeConfigOf(types: readonly MatterTypeView[]): MatterTypeConfigInput {
  return {
    extras: ownTypes(types).map((t): MatterTypeInput => ({ code: t.code, label: t.label, description: t.description || undefined, decisionMode: t.decisionMode, override: t.override })),
    disabled: disabledDefaults(types),
  };
}

/** A code the server accepts (a–z, 0–9, _), unique enough for one village: the person only sees the name. */
export function newTypeCode(nowMs: number = Date.now(), taken: readonly string[] = []): string {
  let n = nowMs;
  for (;;) {
    const code = `own_${n.toString(36)}`;
    if (!taken.includes(code) && !DEFAULT_CODES.has(code)) return code;
    n += 1;
  }
}

export function typesSummary(types: readonly MatterTypeView[]): string {
  return s.typesSummary(types.filter((t) => t.statutory).length, ownTypes(types).length);
}

export const STATUTORY_TYPE_COUNT = STATUTORY_MATTER_TYPES.length;

export function policySummary(policy: WorkflowPolicy): string {
  return s.policySummary(policy.disclosureDays, policy.noticeLeadDays.villager_assembly);
}

export type AuthorizationState = 'in_force' | 'expired' | 'revoked' | 'pending';

/** 有效 / 已到期 / 已撤销 (the server's inForce decides 有效). */
export function authorizationState(a: AssemblyAuthorizationView, today: string): AuthorizationState {
  if (a.inForce) return 'in_force';
  if (a.revokedOn !== null && a.revokedOn <= today) return 'revoked';
  if (a.expiresOn !== null && a.expiresOn < today) return 'expired';
  return a.revokedOn !== null ? 'revoked' : 'pending';
}

export function authorizationsSummary(list: readonly AssemblyAuthorizationView[]): string {
  return s.authorizationsSummary(list.filter((a) => a.inForce).length);
}

/** The hub's line: overdue first (with ⚠ and words), then the ones still to hold. */
export function obligationsSummary(list: readonly ConveningObligationView[]): { text: string; warn: boolean } {
  const overdue = list.filter((o) => o.status === 'overdue').length;
  if (overdue > 0) return { text: s.obligationsOverdue(overdue), warn: true };
  const open = list.filter((o) => o.status === 'open').length;
  if (open > 0) return { text: s.obligationsOpen(open), warn: false };
  return { text: s.obligationsNone, warn: false };
}

/** `details.problems` of a 400 MATTER_TYPES_INVALID, when present. */
export function typeProblems(details: unknown): MatterTypeProblem[] {
  const list = (details as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(list)) return [];
  return list.filter((p): p is MatterTypeProblem => typeof p === 'object' && p !== null && typeof (p as MatterTypeProblem).message === 'string');
}

export type NewTypeField = 'label' | 'description' | 'decisionMode' | 'override';

/** Which field of the 添加 form a server problem belongs to. */
export function newTypeField(problem: MatterTypeProblem): NewTypeField {
  switch (problem.code) {
    case 'invalid_description':
      return 'description';
    case 'invalid_mode':
      return 'decisionMode';
    case 'invalid_override':
      return 'override';
    default:
      return 'label';
  }
}

/** `details.problems` of a 400 MATTER_POLICY_INVALID / MATTER_AUTHORIZATION_INVALID (plain sentences). */
export function textProblems(details: unknown): string[] {
  const list = (details as { problems?: unknown } | null | undefined)?.problems;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
}

export type PolicyField = 'disclosureDays' | 'villager_assembly' | 'representative_assembly' | 'party_assembly' | 'committee_meeting' | 'partyReviewPassBasis';

/** Where a policy problem (checkWorkflowPolicy's wording) is shown. */
export function policyField(problem: string): PolicyField | null {
  if (problem.includes('公示期')) return 'disclosureDays';
  if (problem.startsWith('村民会议')) return 'villager_assembly';
  if (problem.startsWith('村民代表会议')) return 'representative_assembly';
  if (problem.startsWith('党员大会的提前')) return 'party_assembly';
  if (problem.startsWith('委员会会议')) return 'committee_meeting';
  if (problem.includes('党员大会')) return 'partyReviewPassBasis';
  return null;
}

/** A whole number typed in a box, or null. */
export function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d{1,3}$/.test(t) ? Number(t) : null;
}

/** "2026-Q3" → 2026年第三季度. */
export function quarterText(key: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? s.quarter(m[1], Number(m[2])) : key;
}
