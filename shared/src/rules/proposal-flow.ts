import { COMMITTEE_ROLES, type Role } from '../constants/roles';
import {
  PROPOSAL_COSIGN_STATUSES,
  PROPOSAL_STATUS_LABELS,
  PROPOSAL_STEPS,
  type CosignProgress,
  type ProposalAction,
  type ProposalStatus,
  type ProposalStep,
  type ReplyDeadlineView,
} from '../types/proposal';
import { addDays, daysBetween } from './date';
import { CONVENING_ADULT_SHARE, CONVENING_REPRESENTATIVE_SHARE } from './matter-convening';
import { neededFor } from './quorum';
import { reachesAtLeast } from './share';
import { dayLabel, roleList } from './workflow-text';

/*
 * The proposal flow as data (DOMAIN.md §5): which command is accepted from which status and by whom,
 * with the Chinese reason when it is not. The server applies these inside its unit of work; the
 * mini-program shows the same reasons on disabled buttons.
 *
 *   pending_review ─release→ raised            (两委, after WeChat sent the text or a photo for review)
 *   pending_review ─reject→  held              (两委, with a reason its author sees)
 *   raised → accepted → content_reviewed → deliberating → publicized → implementing → completed
 *                                              (两委, one step at a time, none skipped)
 *   raised … deliberating ─decline→ declined  (两委, public reason)
 *   raised … deliberating ─merge→   merged    (两委, into another open proposal)
 *   raised … deliberating ─convert→ converted (书记, 村党组织委员: they propose matters)
 */

/** Who handles proposals: the 村“两委”. */
export const PROPOSAL_COMMITTEE_ROLES: readonly Role[] = COMMITTEE_ROLES;
/** Who may follow the triage queue: the 两委, and the 监委会 read-only (public proposals only). */
export const PROPOSAL_QUEUE_ROLES: readonly Role[] = [...COMMITTEE_ROLES, 'supervisor'];

/**
 * The triage queue's groups, in order: content review first (nothing else can happen before it),
 * then replies past their deadline, then those still within it, then the answered ones being worked on.
 */
export const PROPOSAL_QUEUE_GROUPS = ['review', 'overdue', 'due', 'answered'] as const;
export type ProposalQueueGroup = (typeof PROPOSAL_QUEUE_GROUPS)[number];

/** Where a proposal stands in the triage queue. */
export function proposalQueueGroup(p: { status: ProposalStatus; answered: boolean; overdue: boolean }): ProposalQueueGroup {
  if (p.status === 'pending_review') return 'review';
  if (!p.answered) return p.overdue ? 'overdue' : 'due';
  return 'answered';
}

/** Who may turn a proposal into a Matter: those who may propose one at 党组织提议. */
export const PROPOSAL_CONVERT_ROLES: readonly Role[] = ['secretary', 'branch_committee'];
/** Statuses from which a proposal may be declined, merged or converted (提出议题 … 协商议事). */
export const PROPOSAL_DECISION_STATUSES: readonly ProposalStatus[] = ['raised', 'accepted', 'content_reviewed', 'deliberating'];
/** Statuses everyone may see (not pending_review, not held). */
export const PROPOSAL_PUBLIC_STATUSES: readonly ProposalStatus[] = ['raised', 'accepted', 'content_reviewed', 'deliberating', 'publicized', 'implementing', 'completed', 'declined', 'merged', 'converted'];
/** Statuses in which the committee still works on it (and may reply). */
export const PROPOSAL_OPEN_STATUSES: readonly ProposalStatus[] = PROPOSAL_STEPS;
export const PROPOSAL_REPLY_DAYS_MIN = 1;
export const PROPOSAL_REPLY_DAYS_MAX = 60;

export type ProposalCommand =
  | { type: 'release' }
  | { type: 'reject' }
  | { type: 'advance'; to: ProposalStep | 'completed' }
  | { type: 'reply' }
  | { type: 'decline' }
  | { type: 'merge' }
  | { type: 'convert' }
  | { type: 'cosign'; isAuthor: boolean; cosignedByMe: boolean };

export type ProposalCommandType = ProposalCommand['type'];

export interface ProposalActorContext {
  roles: readonly Role[];
}

export type ProposalTransition = { ok: true; to: ProposalStatus } | { ok: false; reason: string };

const label = (s: ProposalStatus): string => PROPOSAL_STATUS_LABELS[s];
/** Whether these roles handle proposals (the 村“两委”). */
export function handlesProposals(roles: readonly Role[]): boolean {
  return roles.some((r) => PROPOSAL_COMMITTEE_ROLES.includes(r));
}

/** Whether these roles may follow the triage queue (the 两委, the 监委会 read-only). */
export function followsProposalQueue(roles: readonly Role[]): boolean {
  return roles.some((r) => PROPOSAL_QUEUE_ROLES.includes(r));
}

/** The step after `status` in the six steps (implementing → completed); null outside them. */
export function nextProposalStep(status: ProposalStatus): ProposalStep | 'completed' | null {
  const i = (PROPOSAL_STEPS as readonly ProposalStatus[]).indexOf(status);
  if (i < 0) return null;
  return i === PROPOSAL_STEPS.length - 1 ? 'completed' : PROPOSAL_STEPS[i + 1];
}

/** Why a proposal in this status is out of the committee's hands, or null when it is in them. */
function notOpen(status: ProposalStatus): string | null {
  if (status === 'pending_review') return '提议还在内容审核中，审核公开后才能办理';
  if (status === 'held') return '提议没有公开，不能办理';
  if (!PROPOSAL_OPEN_STATUSES.includes(status)) return `提议${label(status)}，不能再办理`;
  return null;
}

const VERBS: Record<'decline' | 'merge' | 'convert', string> = { decline: '不予采纳', merge: '合并', convert: '转为村里大事' };

/** The status a command leads to, or the reason it is refused (role first, then status). */
export function proposalTransition(status: ProposalStatus, command: ProposalCommand, actor: ProposalActorContext): ProposalTransition {
  const refuse = (reason: string): ProposalTransition => ({ ok: false, reason });
  if (command.type === 'cosign') {
    if (status === 'pending_review' || status === 'held') return refuse('提议还没有公开，暂不能附议');
    if (!PROPOSAL_COSIGN_STATUSES.includes(status)) return refuse(`提议已到“${label(status)}”，不再接受附议`);
    if (command.isAuthor) return refuse('这是你提出的提议，不需要再附议');
    if (command.cosignedByMe) return refuse('你已经附议过了');
    return { ok: true, to: status };
  }
  if (command.type === 'convert') {
    if (!actor.roles.some((r) => PROPOSAL_CONVERT_ROLES.includes(r))) return refuse(`只有${roleList(PROPOSAL_CONVERT_ROLES)}可以把提议转为村里大事（由党组织提议）`);
  } else if (!handlesProposals(actor.roles)) {
    return refuse(`只有${roleList(PROPOSAL_COMMITTEE_ROLES)}可以办理村民提议`);
  }
  switch (command.type) {
    case 'release':
    case 'reject':
      if (status !== 'pending_review') return refuse('提议不在内容审核中，不需要审核');
      return { ok: true, to: command.type === 'release' ? 'raised' : 'held' };
    case 'reply': {
      const why = notOpen(status);
      return why ? refuse(why) : { ok: true, to: status };
    }
    case 'advance': {
      const why = notOpen(status);
      if (why) return refuse(why);
      const next = nextProposalStep(status) as ProposalStep | 'completed';
      if (command.to !== next) {
        const nextLabel = next === 'completed' ? '办结' : label(next);
        const steps = PROPOSAL_STEPS as readonly string[];
        if (command.to !== 'completed' && steps.indexOf(command.to) <= steps.indexOf(status)) return refuse(`提议已在“${label(status)}”，下一步应是“${nextLabel}”`);
        return refuse(`下一步应是“${nextLabel}”，六个步骤要依次进行，不能跳过`);
      }
      return { ok: true, to: next };
    }
    case 'decline':
    case 'merge':
    case 'convert': {
      if (status === 'pending_review' || status === 'held') return refuse(notOpen(status) as string);
      if (!PROPOSAL_DECISION_STATUSES.includes(status)) return refuse(`只有在“提出议题”到“协商议事”之间才能${VERBS[command.type]}，现在是“${label(status)}”`);
      return { ok: true, to: command.type === 'decline' ? 'declined' : command.type === 'merge' ? 'merged' : 'converted' };
    }
    default:
      return assertNeverCommand(command);
  }
}

function assertNeverCommand(command: never): never {
  throw new Error(`未知的提议操作：${JSON.stringify(command)}`);
}

// ---------------------------------------------------------------- co-sign progress

/** One person behind a proposal: its author or a co-signer. */
export interface ProposalSigner {
  householdId: string;
  /** A serving 村民代表 today. */
  representative: boolean;
}

export interface CosignProgressInput {
  /** The author and every co-signer (OL art. 21 counts every villager who proposes). */
  signers: readonly ProposalSigner[];
  adultResidents: number;
  representativesTotal: number;
  obligationId: string | null;
  /** The obligation's last day to convene, when there is one. */
  obligationDueBy: string | null;
  today?: string;
}

/**
 * Co-signs against the convening threshold (OL art. 21): ⌈adults/10⌉ persons or ⌈reps/3⌉
 * representatives oblige a 村民会议. Persons include the author.
 */
export function cosignProgress(input: CosignProgressInput): CosignProgress {
  const persons = input.signers.length;
  const households = new Set(input.signers.map((s) => s.householdId)).size;
  const representatives = input.signers.filter((s) => s.representative).length;
  const personsNeeded = neededFor(input.adultResidents, CONVENING_ADULT_SHARE, false);
  const representativesNeeded = neededFor(input.representativesTotal, CONVENING_REPRESENTATIVE_SHARE, false);
  const byPersons = reachesAtLeast(persons, input.adultResidents, CONVENING_ADULT_SHARE);
  const byReps = reachesAtLeast(representatives, input.representativesTotal, CONVENING_REPRESENTATIVE_SHARE);
  const reached = byPersons || byReps;
  const share = personsNeeded === 0 ? 0 : Math.min(1, persons / personsNeeded);
  const due = input.obligationDueBy ? `，村委会应在 ${dayLabel(input.obligationDueBy, input.today)} 前召集村民会议` : '，村委会应当召集村民会议';
  let text: string;
  if (byPersons) text = `已有 ${persons} 人（${households} 户）提议和附议，达到全村成年村民十分之一${due}`;
  else if (byReps) text = `已有 ${representatives} 名村民代表提议和附议，达到村民代表三分之一${due}`;
  else if (input.adultResidents === 0) text = `已有 ${persons} 人（${households} 户）提议和附议；名册上还没有成年村民，无法计算十分之一`;
  else text = `已有 ${persons} 人（${households} 户）提议和附议，还差 ${personsNeeded - persons} 人达到十分之一`;
  return {
    persons,
    households,
    representatives,
    adultResidents: input.adultResidents,
    personsNeeded,
    representativesTotal: input.representativesTotal,
    representativesNeeded,
    share,
    reached,
    obligationId: input.obligationId,
    text,
  };
}

// ---------------------------------------------------------------- reply deadline

/** The reply clock: due `replyDays` after the day it became public; met by the first public answer. */
export function replyDeadline(publicOn: string, replyDays: number, answeredOn: string | null, today: string): ReplyDeadlineView {
  const dueBy = addDays(publicOn, replyDays);
  if (answeredOn !== null) {
    const late = daysBetween(dueBy, answeredOn);
    return { dueBy, answeredOn, overdue: false, daysLeft: 0, text: late > 0 ? `已于 ${dayLabel(answeredOn, today)} 答复（超期 ${late} 天）` : `已于 ${dayLabel(answeredOn, today)} 答复` };
  }
  const left = daysBetween(today, dueBy);
  if (left < 0) return { dueBy, answeredOn, overdue: true, daysLeft: left, text: `已超期 ${-left} 天未答复（应在 ${dayLabel(dueBy, today)} 前答复）` };
  return { dueBy, answeredOn, overdue: false, daysLeft: left, text: left === 0 ? '今天是答复期限' : `还剩 ${left} 天答复（${dayLabel(dueBy, today)} 前）` };
}

// ---------------------------------------------------------------- actions

export interface ProposalActionsInput {
  status: ProposalStatus;
  roles: readonly Role[];
  isAuthor: boolean;
  cosignedByMe: boolean;
}

/**
 * What the caller may do now, with the reason for what they may not: co-sign and share for
 * everyone; the committee's commands for the 两委 only.
 */
export function proposalActions(input: ProposalActionsInput): ProposalAction[] {
  const actor = { roles: input.roles };
  const of = (action: ProposalAction['action'], t: ProposalTransition, extra: Partial<ProposalAction> = {}): ProposalAction => ({
    action,
    allowed: t.ok,
    reason: t.ok ? null : t.reason,
    ...extra,
  });
  const actions: ProposalAction[] = [
    of('cosign', proposalTransition(input.status, { type: 'cosign', isAuthor: input.isAuthor, cosignedByMe: input.cosignedByMe }, actor)),
    PROPOSAL_PUBLIC_STATUSES.includes(input.status) ? { action: 'share', allowed: true, reason: null } : { action: 'share', allowed: false, reason: '提议还没有公开，不能分享' },
  ];
  if (!handlesProposals(input.roles)) return actions;
  const next = nextProposalStep(input.status);
  actions.push(
    of('review', proposalTransition(input.status, { type: 'release' }, actor)),
    next ? of('advance', proposalTransition(input.status, { type: 'advance', to: next }, actor), { to: next }) : of('advance', { ok: false, reason: notOpen(input.status) ?? '' }),
    of('reply', proposalTransition(input.status, { type: 'reply' }, actor)),
    of('decline', proposalTransition(input.status, { type: 'decline' }, actor)),
    of('merge', proposalTransition(input.status, { type: 'merge' }, actor)),
    of('convert', proposalTransition(input.status, { type: 'convert' }, actor)),
  );
  return actions;
}

// ---------------------------------------------------------------- timeline

export type ProposalStepState = 'done' | 'current' | 'upcoming' | 'skipped';

/** The six steps for the timeline, from the status and the day each step was reached. */
export function proposalTimeline(
  status: ProposalStatus,
  reached: Partial<Record<ProposalStep | 'completed', string>>,
): { step: ProposalStep; label: string; state: ProposalStepState; on: string | null }[] {
  const index = (PROPOSAL_STEPS as readonly ProposalStatus[]).indexOf(status);
  const ended = status === 'declined' || status === 'merged' || status === 'converted';
  return PROPOSAL_STEPS.map((step, i) => {
    let state: ProposalStepState;
    if (status === 'completed') state = 'done';
    else if (index >= 0) state = i < index ? 'done' : i === index ? 'current' : 'upcoming';
    else if (ended) state = reached[step] ? 'done' : 'skipped';
    else state = 'upcoming';
    return { step, label: PROPOSAL_STATUS_LABELS[step], state, on: reached[step] ?? null };
  });
}

/** Whether `replyDays` is a valid setting (whole days, 1–60). */
export function replyDaysProblem(replyDays: number): string | null {
  return Number.isInteger(replyDays) && replyDays >= PROPOSAL_REPLY_DAYS_MIN && replyDays <= PROPOSAL_REPLY_DAYS_MAX ? null : `答复期限应为 ${PROPOSAL_REPLY_DAYS_MIN}–${PROPOSAL_REPLY_DAYS_MAX} 天`;
}
