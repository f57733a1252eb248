import {
  PROPOSAL_BODY_MAX,
  PROPOSAL_QUEUE_GROUPS,
  PROPOSAL_REASON_MAX,
  PROPOSAL_REPLY_MAX,
  PROPOSAL_TITLE_MAX,
  proposalQueueGroup,
  type ProposalListItem,
  type ProposalQueueGroup,
  type VillageOversightRow,
} from '@village/shared';
import { messages } from '../../../constants/messages';
import { dayText, instantDayText } from '../../../services/dates';

const m = messages.proposals;

// ---------------------------------------------------------------- the 我要提议 form

export interface CreateForm {
  title: string;
  body: string;
  categoryCode: string | null;
}

export type CreateErrors = Partial<Record<'title' | 'body' | 'categoryCode' | 'photos', string>>;

/** The problems of the 我要提议 form, in words (the server checks again and says why it refuses). */
export function checkCreateForm(f: CreateForm, uploading: boolean): CreateErrors {
  const e: CreateErrors = {};
  const title = f.title.trim();
  const body = f.body.trim();
  if (title === '') e.title = m.required('标题');
  else if (title.length > PROPOSAL_TITLE_MAX) e.title = m.tooLong('标题', PROPOSAL_TITLE_MAX);
  if (body === '') e.body = m.required('具体内容');
  else if (body.length > PROPOSAL_BODY_MAX) e.body = m.tooLong('具体内容', PROPOSAL_BODY_MAX);
  if (!f.categoryCode) e.categoryCode = m.choose('属于哪一类');
  if (uploading) e.photos = m.waitUpload;
  return e;
}

// ---------------------------------------------------------------- the committee's acts

export const ACT_KINDS = ['advance', 'reply', 'decline', 'merge', 'convert', 'review'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

export interface ActForm {
  text: string;
  mergeInto: string | null;
  typeCode: string | null;
  title: string;
  budget: string;
  decision: 'release' | 'reject' | null;
}

export type ActErrors = Partial<Record<keyof ActForm, string>>;

/** "12345.50" → fen; '' → null; anything else 'invalid'. */
export function parseYuan(text: string): number | null | 'invalid' {
  const t = text.replace(/[,，\s]/g, '').replace(/元$/, '');
  if (t === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return 'invalid';
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

/** Fen as "12,345.50 元". */
export function money(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(fen % 100).padStart(2, '0')} 元`;
}

/** The problems of the act form for `kind`, in words. */
export function checkActForm(kind: ActKind, f: ActForm): ActErrors {
  const e: ActErrors = {};
  const text = f.text.trim();
  const need = (label: string, max: number) => {
    if (text === '') e.text = m.required(label);
    else if (text.length > max) e.text = m.tooLong(label, max);
  };
  if (kind === 'advance') need(m.noteLabel, PROPOSAL_REPLY_MAX);
  if (kind === 'reply') need(m.replyLabel, PROPOSAL_REPLY_MAX);
  if (kind === 'decline') need(m.declineLabel, PROPOSAL_REASON_MAX);
  if (kind === 'merge') {
    if (!f.mergeInto) e.mergeInto = m.choose(m.mergeTarget);
    need(m.mergeReasonLabel, PROPOSAL_REASON_MAX);
  }
  if (kind === 'convert') {
    if (!f.typeCode) e.typeCode = m.choose(m.typeLabel);
    if (f.title.trim() === '') e.title = m.required(m.matterTitleLabel);
    if (text === '') e.text = m.required(m.matterBodyLabel);
    if (parseYuan(f.budget) === 'invalid') e.budget = m.moneyInvalid;
  }
  if (kind === 'review') {
    if (!f.decision) e.decision = m.choose(m.reviewDecision);
    if (f.decision === 'reject') need(m.reviewReasonLabel, PROPOSAL_REASON_MAX);
  }
  return e;
}

// ---------------------------------------------------------------- the committee's queue

export type QueueGroup = ProposalQueueGroup;

/**
 * The triage queue in the shared order (PROPOSAL_QUEUE_GROUPS, as the server sorts it), unanswered
 * ones soonest due first within their group; stable otherwise, so the server's order decides ties.
 */
export function groupQueue(items: readonly ProposalListItem[]): { group: QueueGroup; items: ProposalListItem[] }[] {
  const due = (i: ProposalListItem) => i.reply?.dueBy ?? '';
  const groupOf = (i: ProposalListItem) => proposalQueueGroup({ status: i.status, answered: !i.reply || Boolean(i.reply.answeredOn), overdue: Boolean(i.reply?.overdue) });
  return PROPOSAL_QUEUE_GROUPS.map((group) => {
    const inGroup = items.filter((i) => groupOf(i) === group);
    if (group === 'overdue' || group === 'due') inGroup.sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
    return { group, items: inGroup };
  }).filter((g) => g.items.length > 0);
}

// ---------------------------------------------------------------- township oversight

export const OVERSIGHT_SORTS = ['problems', 'overdueDisclosures', 'overdueProposalReplies', 'openBlockingOpinions', 'convening', 'awareness'] as const;
export type OversightSort = (typeof OVERSIGHT_SORTS)[number];

/** Everything overdue or unresolved in one village (the red marks of its card). */
export function problemCount(r: VillageOversightRow): number {
  return r.overdueDisclosures + r.overdueProposalReplies + r.openBlockingOpinions + r.overdueConveningObligations;
}

/** 知晓率 as "82%"; null without notices. */
export function percent(share: number | null): string | null {
  return share === null ? null : `${Math.round(share * 100)}%`;
}

/**
 * Villages by the chosen figure, most problems first (知晓率: lowest first, villages without notices
 * last); ties by village name, so the order never jumps about.
 */
export function sortOversight(rows: readonly VillageOversightRow[], by: OversightSort): VillageOversightRow[] {
  const value = (r: VillageOversightRow): number => {
    switch (by) {
      case 'problems':
        return problemCount(r);
      case 'overdueDisclosures':
        return r.overdueDisclosures;
      case 'overdueProposalReplies':
        return r.overdueProposalReplies;
      case 'openBlockingOpinions':
        return r.openBlockingOpinions;
      case 'convening':
        return r.openConveningObligations * 1000 + r.overdueConveningObligations * 1_000_000;
      case 'awareness':
        return r.averageAwareness === null ? -2 : -r.averageAwareness;
    }
  };
  return [...rows].sort((a, b) => value(b) - value(a) || a.village.name.localeCompare(b.village.name, 'zh-CN'));
}

// ---------------------------------------------------------------- dates

/** A day ("2026-11-25") or an instant from the server as 11月25日 (Beijing). */
export function whenText(value: string): string {
  return value.length > 10 ? instantDayText(value) : dayText(value);
}
