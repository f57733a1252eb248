import {
  assessQuorum,
  BALLOT_OUTCOME_LABELS,
  DECISION_BODY_LABELS,
  MATTER_OVERRIDE_LABELS,
  VOTER_UNIT_LABELS,
  voterUnitOf,
  type BallotChoice,
  type BallotDetail,
  type BallotListItem,
  type BallotPermissions,
  type BallotReasons,
  type BallotResultView,
  type BallotTally,
  type ChoiceCount,
  type DecisionRule,
  type Electorate,
  type MyParticipation,
  type NamedRef,
  type PaperCountView,
  type ParticipationSummary,
  type QuorumAssessment,
  type Turnout,
} from '@village/shared';
import { phaseOf } from './domain/ballot-phase';
import { splitKeys } from './domain/choices';
import { remainingWords } from './domain/china-time';
import type { ParticipationCounts } from './ballot.store';
import type { Ballot, BallotOpenVote, BallotPaperCount, BallotParticipation, BallotResult } from './entities';

const ELECTORATE_SHORT: Record<Electorate, string> = {
  households: '一户一票',
  adult_residents: '成年村民每人一票',
  villager_reps: '村民代表会议组成人员',
  party_members: '全体党员',
  committee_members: '两委委员',
};

export function ruleOf(ballot: Ballot): DecisionRule {
  return { body: ballot.decisionBody, override: ballot.matterOverride };
}

export function ruleLabel(ballot: Ballot): string {
  const override = ballot.matterOverride ? `（${MATTER_OVERRIDE_LABELS[ballot.matterOverride]}）` : '';
  return `${DECISION_BODY_LABELS[ballot.decisionBody]}${override} · ${ELECTORATE_SHORT[ballot.electorate]}`;
}

export function participationSummary(ballot: Ballot, counts: ParticipationCounts): ParticipationSummary {
  const unit = voterUnitOf(ballot.electorate);
  return {
    unit,
    unitLabel: VOTER_UNIT_LABELS[unit],
    eligible: ballot.eligibleCount ?? 0,
    online: counts.online,
    inPerson: counts.inPerson,
    total: counts.online + counts.inPerson,
  };
}

export function liveQuorum(ballot: Ballot, counts: ParticipationCounts, householdTurnout: Turnout | null): QuorumAssessment {
  return assessQuorum({
    rule: ruleOf(ballot),
    electorate: ballot.electorate,
    turnout: { eligible: ballot.eligibleCount ?? 0, participated: counts.online + counts.inPerson },
    householdTurnout,
  });
}

export function ref(id: string | null | undefined, names: Map<string, string>): NamedRef | null {
  return id ? { id, name: names.get(id) ?? '（未知）' } : null;
}

export function myParticipation(p: BallotParticipation | null, vote: BallotOpenVote | null, names: Map<string, string>): MyParticipation | null {
  if (!p) return null;
  return {
    channel: p.channel,
    at: p.participatedAt.toISOString(),
    choices: vote ? splitKeys(vote.choices) : null,
    castBy: ref(p.castByResidentId, names),
  };
}

export interface ListContext {
  now: Date;
  counts: ParticipationCounts | null;
  eligible: boolean;
  mine: MyParticipation | null;
  outcome: BallotListItem['outcome'];
}

export function listItem(ballot: Ballot, ctx: ListContext): BallotListItem {
  return {
    id: ballot.id,
    title: ballot.title,
    status: ballot.status,
    phase: phaseOf(ballot, ctx.now),
    electorate: ballot.electorate,
    rule: ruleOf(ballot),
    ruleLabel: ruleLabel(ballot),
    secrecy: ballot.secrecy,
    choiceKind: ballot.choiceKind,
    opensAt: ballot.opensAt.toISOString(),
    closesAt: ballot.closesAt.toISOString(),
    participation: ctx.counts && ballot.status !== 'draft' && ballot.status !== 'cancelled' ? participationSummary(ballot, ctx.counts) : null,
    eligible: ctx.eligible,
    myParticipation: ctx.mine,
    outcome: ctx.outcome,
  };
}

export function paperCountView(row: BallotPaperCount | null, names: Map<string, string>): PaperCountView | null {
  if (!row) return null;
  return {
    papers: row.papers,
    counts: JSON.parse(row.countsJson) as Record<string, number>,
    enteredBy: ref(row.enteredByResidentId, names) as NamedRef,
    enteredAt: row.enteredAt.toISOString(),
    confirmedBy: ref(row.confirmedByResidentId, names),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    statusLabel: row.confirmedByResidentId ? '已由计票人、监票人共同确认' : '已录入，等另一位（计票人或监票人）核对确认',
  };
}

export function resultView(ballot: Ballot, result: BallotResult, names: Map<string, string>, receiptCount: number | null): BallotResultView {
  const tally = JSON.parse(result.tallyJson) as BallotTally;
  const unit = voterUnitOf(ballot.electorate);
  return {
    ballotId: ballot.id,
    outcome: result.outcome,
    outcomeLabel: BALLOT_OUTCOME_LABELS[result.outcome],
    explanation: tally.explanation,
    lines: tally.lines,
    participation: {
      unit,
      unitLabel: VOTER_UNIT_LABELS[unit],
      eligible: result.eligible,
      online: result.onlineCount,
      inPerson: result.inPersonCount,
      total: result.onlineCount + result.inPersonCount,
    },
    quorum: tally.quorum,
    decision: tally.decision,
    counts: JSON.parse(result.countsJson) as ChoiceCount[],
    papers: result.papers,
    leaders: tally.leaders,
    closedAt: result.closedAt.toISOString(),
    closeTrigger: result.closeTrigger,
    closedBy: ref(result.closedByResidentId, names),
    noticeId: result.noticeId,
    receiptCount: ballot.secrecy === 'secret' ? receiptCount : null,
  };
}

export function shareTitle(ballot: Ballot, now: Date, result: BallotResult | null): string {
  const kind = ballot.decisionBody === 'poll' ? '民意征询' : ballot.secrecy === 'secret' ? '无记名表决' : '表决';
  if (result) return `【${kind}结果】${ballot.title}：${BALLOT_OUTCOME_LABELS[result.outcome]}`;
  const phase = phaseOf(ballot, now);
  if (phase === 'voting') return `【${kind}】${ballot.title}（${remainingWords(ballot.closesAt, now)}）`;
  return `【${kind}】${ballot.title}`;
}

export interface DetailContext extends ListContext {
  choices: BallotChoice[];
  names: Map<string, string>;
  quorum: QuorumAssessment | null;
  myVoterLabel: string | null;
  paper: BallotPaperCount | null;
  result: BallotResultView | null;
  can: BallotPermissions;
  reasons: BallotReasons;
  shareTitle: string;
}

export function detail(ballot: Ballot, ctx: DetailContext): BallotDetail {
  return {
    ...listItem(ballot, ctx),
    description: ballot.description,
    matterId: ballot.matterId,
    meetingId: ballot.meetingId,
    choices: ctx.choices,
    maxSelections: ballot.maxSelections,
    teller: ref(ballot.tellerResidentId, ctx.names),
    scrutineer: ref(ballot.scrutineerResidentId, ctx.names),
    createdBy: ref(ballot.createdByResidentId, ctx.names) as NamedRef,
    createdAt: ballot.createdAt.toISOString(),
    openedAt: ballot.openedAt?.toISOString() ?? null,
    rosterFrozenAt: ballot.openedAt?.toISOString() ?? null,
    closedAt: ballot.closedAt?.toISOString() ?? null,
    cancelledAt: ballot.cancelledAt?.toISOString() ?? null,
    cancelReason: ballot.cancelReason,
    serverNow: ctx.now.toISOString(),
    quorum: ctx.quorum,
    myVoterLabel: ctx.myVoterLabel,
    paperCount: paperCountView(ctx.paper, ctx.names),
    can: ctx.can,
    reasons: ctx.reasons,
    result: ctx.result,
    shareTitle: ctx.shareTitle,
    version: ballot.version,
  };
}

