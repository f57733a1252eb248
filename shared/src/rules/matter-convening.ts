import { addDays, daysBetween } from './date';
import type { AssemblyBody } from './matter-types';
import { DECISION_BODY_LABELS, neededFor } from './quorum';
import { formatShare, reachesAtLeast, type Fraction } from './share';
import { dayLabel, fractionLabel } from './workflow-text';

/*
 * Convening obligations (召集义务):
 *   村民会议 (OL art. 21): 有十分之一以上的村民或者三分之一以上的村民代表提议，应当召集村民会议.
 *   村民代表会议 (OL art. 26): 有五分之一以上的村民代表提议，应当召集村民代表会议; it also meets
 *   once a quarter (每季度召开一次, representative-cadence.ts).
 * "以上" includes the bound. The law sets no deadline for convening: the village sets one (default
 * 30 days); the committee and the township both see the obligation until a meeting is held.
 */

export const OL_ART_26 = '《村民委员会组织法》第二十六条';
export const CONVENING_ADULT_SHARE: Fraction = { numerator: 1, denominator: 10 };
export const CONVENING_REPRESENTATIVE_SHARE: Fraction = { numerator: 1, denominator: 3 };
export const REPRESENTATIVE_CONVENING_SHARE: Fraction = { numerator: 1, denominator: 5 };
export const DEFAULT_CONVENING_DEADLINE_DAYS = 30;

export interface ConveningPetitionInput {
  body: AssemblyBody;
  petitionedOn: string;
  /** Adult villagers who signed (counts for a 村民会议 only). */
  adultSigners: number;
  /** Villager representatives who signed. */
  representativeSigners: number;
  adultResidents: number;
  representatives: number;
}

export interface ConveningCheck {
  basis: 'adults' | 'representatives';
  signers: number;
  of: number;
  threshold: Fraction;
  met: boolean;
  /** Signatures needed in all. */
  needed: number;
  /** "提议村民 31/300（10%），达到十分之一？是" */
  explanation: string;
}

export interface ConveningAssessment {
  body: AssemblyBody;
  obliged: boolean;
  /** Any one met is enough. */
  checks: ConveningCheck[];
  /** "应当召集村民会议：提议村民 31/300（10%），达到十分之一" */
  explanation: string;
  /** Last day to hold the meeting, when obliged. */
  dueBy: string | null;
  basis: string;
}

function check(basis: ConveningCheck['basis'], signers: number, of: number, threshold: Fraction): ConveningCheck {
  const met = reachesAtLeast(signers, of, threshold);
  const who = basis === 'adults' ? '提议村民' : '提议村民代表';
  const needed = neededFor(of, threshold, false);
  const explanation = `${who} ${formatShare(signers, of)}，达到${fractionLabel(threshold)}？${met ? '是' : `否（至少要 ${needed} 人）`}`;
  return { basis, signers, of, threshold, met, needed, explanation };
}

/** Whether a petition obliges the committee to convene, and by when. */
export function assessConveningPetition(input: ConveningPetitionInput, deadlineDays: number = DEFAULT_CONVENING_DEADLINE_DAYS): ConveningAssessment {
  const checks =
    input.body === 'villager_assembly'
      ? [check('adults', input.adultSigners, input.adultResidents, CONVENING_ADULT_SHARE), check('representatives', input.representativeSigners, input.representatives, CONVENING_REPRESENTATIVE_SHARE)]
      : [check('representatives', input.representativeSigners, input.representatives, REPRESENTATIVE_CONVENING_SHARE)];
  const obliged = checks.some((c) => c.met);
  const label = DECISION_BODY_LABELS[input.body];
  const shown = checks.find((c) => c.met) ?? checks[0];
  const how = obliged ? shown.explanation : checks.map((c) => c.explanation).join('；');
  const dueBy = obliged ? addDays(input.petitionedOn, deadlineDays) : null;
  const explanation = obliged ? `应当召集${label}：${how}，最迟 ${dayLabel(dueBy as string)} 召开` : `尚未达到必须召集${label}的人数：${how}`;
  return { body: input.body, obliged, checks, explanation, dueBy, basis: input.body === 'villager_assembly' ? '《村民委员会组织法》第二十一条' : OL_ART_26 };
}

export type ObligationStatus = 'open' | 'met' | 'overdue';

/** "还剩 5 天" / "已逾期 3 天" / "已于 12月1日 召开". */
export function obligationStatus(dueBy: string, metOn: string | null, today: string): { status: ObligationStatus; text: string } {
  if (metOn !== null) return { status: 'met', text: `已于 ${dayLabel(metOn, today)} 召开` };
  const left = daysBetween(today, dueBy);
  if (left < 0) return { status: 'overdue', text: `已逾期 ${-left} 天（应在 ${dayLabel(dueBy, today)} 前召开）` };
  return { status: 'open', text: left === 0 ? '今天是最后期限' : `还剩 ${left} 天（${dayLabel(dueBy, today)} 前召开）` };
}
