import { daysBetween, isCalendarDay } from './date';
import { decisionBodyFor, decisionRuleFor, type AssemblyBody } from './matter-types';
import {
  checkDecisionRule,
  DECISION_BODY_LABELS,
  describeRule,
  HALF,
  tallyBallot,
  VOTER_UNIT_LABELS,
  type BallotTally,
  type DecisionBody,
  type DecisionRule,
  type QuorumAssessment,
} from './quorum';
import { exceeds, formatShare } from './share';
import {
  DEFAULT_WORKFLOW_POLICY,
  MEETING_PURPOSE_LABELS,
  OL_ART_21,
  VILLAGER_ASSEMBLY_NOTICE_DAYS,
  type DeliberativeStage,
  type MatterState,
  type MeetingPurpose,
  type UnmetCondition,
  type WorkflowContext,
  type WorkflowMeeting,
  type WorkflowPolicy,
} from './workflow-model';
import { dayLabel, fractionLabel } from './workflow-text';

/*
 * Judging a held meeting for its stage: the right body and voters, the revision on the table, the
 * date order of 四议, the notice given, the written records, where the counts come from, and —
 * through quorum.ts, never restated here — whether it counted and whether it passed.
 */

/** The village's policy with defaults filled in and the statutory floor applied. */
export function resolvePolicy(policy: Partial<WorkflowPolicy> | undefined): WorkflowPolicy {
  const lead = { ...DEFAULT_WORKFLOW_POLICY.noticeLeadDays, ...(policy?.noticeLeadDays ?? {}) };
  lead.villager_assembly = Math.max(VILLAGER_ASSEMBLY_NOTICE_DAYS, lead.villager_assembly);
  const days = policy?.disclosureDays;
  return {
    disclosureDays: typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : DEFAULT_WORKFLOW_POLICY.disclosureDays,
    noticeLeadDays: lead,
    partyReviewPassBasis: policy?.partyReviewPassBasis ?? DEFAULT_WORKFLOW_POLICY.partyReviewPassBasis,
  };
}

/** Problems with a policy a village wants to save; empty when it may. */
export function checkWorkflowPolicy(policy: WorkflowPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(policy.disclosureDays) || policy.disclosureDays < DEFAULT_WORKFLOW_POLICY.disclosureDays || policy.disclosureDays > 90) {
    problems.push(`公示期应为 ${DEFAULT_WORKFLOW_POLICY.disclosureDays}–90 天`);
  }
  for (const [body, days] of Object.entries(policy.noticeLeadDays)) {
    if (!Number.isInteger(days) || days < 0 || days > 60) problems.push(`${DECISION_BODY_LABELS[body as DecisionBody]}的提前通知天数应为 0–60 天`);
  }
  if (policy.noticeLeadDays.villager_assembly < VILLAGER_ASSEMBLY_NOTICE_DAYS) {
    problems.push(`村民会议至少提前 ${VILLAGER_ASSEMBLY_NOTICE_DAYS} 天通知（${OL_ART_21}），不能设为 ${policy.noticeLeadDays.villager_assembly} 天`);
  }
  return problems;
}

/** The bodies that may hold each kind of meeting. */
export const MEETING_BODIES: Record<MeetingPurpose, readonly DecisionBody[]> = {
  branch_proposal: ['committee_meeting'],
  merged_proposal: ['committee_meeting'],
  committees_deliberation: ['committee_meeting'],
  party_review: ['party_assembly'],
  assembly_resolution: ['villager_assembly', 'representative_assembly'],
};

/** The stage whose meeting must come first (四议 in order). */
const PREVIOUS_STAGE: Record<MeetingPurpose, DeliberativeStage | null> = {
  branch_proposal: null,
  merged_proposal: null,
  committees_deliberation: 'branch_proposal',
  party_review: 'committees_deliberation',
  assembly_resolution: 'party_review',
};

/** Bodies whose paper count needs a teller and a scrutineer (a 委员会会议 may be a show of hands). */
const COUNTED_BODIES: readonly DecisionBody[] = ['villager_assembly', 'representative_assembly', 'party_assembly'];

/** "村民会议" for stage 4, else the purpose ("党员大会", "两委联席会议"…). */
export function meetingLabel(purpose: MeetingPurpose, body: DecisionBody): string {
  return purpose === 'assembly_resolution' ? DECISION_BODY_LABELS[body] : MEETING_PURPOSE_LABELS[purpose];
}

/**
 * Null when enough notice was given; otherwise "村民会议应提前 10 天通知，本次只提前了 6 天".
 * Usable when scheduling too: pass the planned dates. A day count: notice on the 20th for the 30th is 10 days.
 */
export function checkMeetingNotice(body: Exclude<DecisionBody, 'poll'>, noticeGivenOn: string | null, heldOn: string, policy?: Partial<WorkflowPolicy>): UnmetCondition | null {
  const required = resolvePolicy(policy).noticeLeadDays[body];
  if (required === 0) return null;
  const label = DECISION_BODY_LABELS[body];
  const basis = body === 'villager_assembly' ? OL_ART_21 : undefined;
  if (noticeGivenOn === null || !isCalendarDay(noticeGivenOn)) {
    return { code: 'notice_too_short', reason: `${label}应提前 ${required} 天通知，没有登记通知日期`, basis, details: { required, given: null } };
  }
  const given = daysBetween(noticeGivenOn, heldOn);
  if (given >= required) return null;
  const reason =
    given < 0
      ? `${label}应提前 ${required} 天通知，登记的通知日期（${dayLabel(noticeGivenOn, heldOn)}）在会议（${dayLabel(heldOn, heldOn)}）之后`
      : `${label}应提前 ${required} 天通知，本次只提前了 ${given} 天`;
  return { code: 'notice_too_short', reason, basis, details: { required, given, noticeGivenOn, heldOn } };
}

/** "党员大会到会人数 5/9，未达到三分之二（还差 1 人）"; both ways for a 村民会议 of adults. */
export function quorumShortfallReason(label: string, quorum: QuorumAssessment): string {
  if (quorum.checks.length === 0) return `${label}${quorum.explanation.replace(/^[^：]*：/, '：')}`;
  const parts = quorum.checks.map((c) => {
    const unit = VOTER_UNIT_LABELS[c.unit];
    const who = c.basis === 'households' ? (quorum.checks.length > 1 ? '户代表到会' : `${label}到会户数`) : `${label}到会人数`;
    return `${who} ${c.participated}/${c.eligible}，${c.strict ? '未超过' : '未达到'}${fractionLabel(c.threshold)}（还差 ${c.shortfall} ${unit}）`;
  });
  return parts.length > 1 ? `${parts.join('；')}（两项满足其一即可）` : parts[0];
}

export interface MeetingJudgement {
  unmet: UnmetCondition[];
  /** The tally by quorum.ts, once body, voters and counts allow one. */
  tally: BallotTally | null;
  /** Whether the motion passed (null when the meeting does not count). */
  passed: boolean | null;
  /** "党员大会审议通过：同意 8/15 人（53%），超过全体党员的半数？是" */
  summary: string;
}

/** Everything wrong with recording `meeting` for `purpose` on this matter, and its outcome. */
export function judgeMeeting(matter: MatterState, purpose: MeetingPurpose, meeting: WorkflowMeeting, context: WorkflowContext): MeetingJudgement {
  const policy = resolvePolicy(context.policy);
  const unmet: UnmetCondition[] = [];
  const allowedBodies = MEETING_BODIES[purpose];
  const label = meetingLabel(purpose, meeting.body);
  const none = (): MeetingJudgement => ({ unmet, tally: null, passed: null, summary: '' });

  if (!allowedBodies.includes(meeting.body)) {
    unmet.push({
      code: 'meeting_body_mismatch',
      reason: `${MEETING_PURPOSE_LABELS[purpose]}应由${allowedBodies.map((b) => DECISION_BODY_LABELS[b]).join('或')}表决，登记的是${DECISION_BODY_LABELS[meeting.body]}`,
      details: { body: meeting.body },
    });
    return none();
  }

  let rule: DecisionRule = { body: meeting.body, override: null };
  if (purpose === 'assembly_resolution') {
    const body = meeting.body as AssemblyBody;
    rule = decisionRuleFor(context.matterType, body);
    const ruling = decisionBodyFor(context.matterType, context.authorizations, meeting.heldOn);
    if (!ruling.bodies.includes(body)) {
      unmet.push({ code: 'decision_body_not_authorized', reason: ruling.representativeRefusal ?? '该事项不能由这个会议决定', basis: ruling.basis ?? undefined });
    }
  }

  const electorateProblem = checkDecisionRule(rule, meeting.electorate, true);
  if (electorateProblem) {
    unmet.push({ code: 'meeting_electorate_mismatch', reason: electorateProblem, details: { electorate: meeting.electorate } });
    return none();
  }

  if (meeting.revision !== matter.currentRevision) {
    unmet.push({
      code: 'revision_not_current',
      reason: `会议表决的是第 ${meeting.revision} 稿，现行文本是第 ${matter.currentRevision} 稿，请就第 ${matter.currentRevision} 稿表决`,
      details: { voted: meeting.revision, current: matter.currentRevision },
    });
  }

  if (!isCalendarDay(meeting.heldOn)) {
    unmet.push({ code: 'meeting_records_missing', reason: '会议记录还缺：会议日期', details: { missing: '会议日期' } });
    return none();
  }
  if (meeting.heldOn > context.today) {
    unmet.push({ code: 'meeting_in_future', reason: `会议日期 ${dayLabel(meeting.heldOn, context.today)} 还没到，开完会再登记`, details: { heldOn: meeting.heldOn } });
  }
  const previous = PREVIOUS_STAGE[purpose];
  const before = previous ? matter.meetings[previous] : undefined;
  if (before && meeting.heldOn < before.heldOn) {
    unmet.push({
      code: 'meeting_out_of_order',
      reason: `${label}（${dayLabel(meeting.heldOn, context.today)}）早于${MEETING_PURPOSE_LABELS[previous as MeetingPurpose]}（${dayLabel(before.heldOn, context.today)}），四议须依次进行`,
      details: { heldOn: meeting.heldOn, previousHeldOn: before.heldOn },
    });
  }
  const used = Object.entries(matter.meetings).find(([, m]) => m?.meetingId === meeting.meetingId);
  if (used) {
    unmet.push({ code: 'meeting_already_used', reason: '这次会议已经登记过，每次会议只能登记一次', details: { meetingId: meeting.meetingId, stage: used[0] } });
  }

  const missing: string[] = [];
  if (!meeting.records.minutes) missing.push('会议纪要');
  if (!(meeting.records.signInSheetPhotos >= 1)) missing.push('签到表照片');
  if (!(meeting.records.signers >= 1)) missing.push('纪要签字人');
  if (missing.length > 0) {
    unmet.push({ code: 'meeting_records_missing', reason: `会议记录还缺：${missing.join('、')}`, details: { missing: missing.join('、') } });
  }

  const notice = checkMeetingNotice(meeting.body as Exclude<DecisionBody, 'poll'>, meeting.noticeGivenOn, meeting.heldOn, policy);
  if (notice) unmet.push(notice);

  const source = meeting.source;
  if (source.kind === 'ballot') {
    if (source.status !== 'closed') {
      unmet.push({ code: 'ballot_not_closed', reason: '所附表决还没有结束计票，结束后再登记', details: { ballotId: source.ballotId } });
    }
    if (source.matterId !== matter.id) {
      unmet.push({ code: 'ballot_other_matter', reason: '所附表决不是为本事项发起的，请选择本事项的表决', details: { ballotId: source.ballotId } });
    }
    if (source.rule.body !== rule.body || source.rule.override !== rule.override) {
      unmet.push({
        code: 'meeting_rule_mismatch',
        reason: `所附表决的规则是“${describeRule(source.rule)}”，本阶段应按“${describeRule(rule)}”`,
        details: { ballotBody: source.rule.body, ballotOverride: source.rule.override, body: rule.body, override: rule.override },
      });
    }
  } else if (COUNTED_BODIES.includes(meeting.body)) {
    const { tellerResidentId: teller, scrutineerResidentId: scrutineer } = source;
    if (!teller || !scrutineer || teller === scrutineer) {
      unmet.push({ code: 'paper_count_unconfirmed', reason: '现场计票须有计票人和监票人两个人', details: { teller, scrutineer } });
    } else if (!source.confirmed) {
      unmet.push({ code: 'paper_count_unconfirmed', reason: '计票结果还没有经监票人确认', details: { teller, scrutineer } });
    }
  }

  let tally: BallotTally;
  try {
    tally = tallyBallot({ rule, electorate: meeting.electorate, turnout: meeting.turnout, householdTurnout: meeting.householdTurnout ?? null, counts: { kind: 'motion', counts: meeting.counts } });
  } catch (error) {
    unmet.push({ code: 'meeting_counts_invalid', reason: `票数有误：${error instanceof Error ? error.message : String(error)}` });
    return none();
  }
  if (tally.outcome === 'invalid') {
    unmet.push({
      code: 'quorum_not_met',
      reason: quorumShortfallReason(label, tally.quorum),
      details: { participated: meeting.turnout.participated, eligible: meeting.turnout.eligible },
    });
    return { unmet, tally, passed: null, summary: '' };
  }

  let passed = tally.outcome === 'passed';
  let decisionText = tally.decision?.explanation ?? '';
  if (purpose === 'party_review' && policy.partyReviewPassBasis === 'present') {
    const { participated } = meeting.turnout;
    passed = exceeds(meeting.counts.for, participated, HALF);
    decisionText = `同意 ${formatShare(meeting.counts.for, participated)} 人，超过到会党员的半数？${passed ? '是' : '否'}（本村规定以到会党员计）`;
  }
  const summary = `${label}${passed ? '通过' : '未通过'}：${decisionText}`;
  return { unmet, tally, passed, summary };
}
