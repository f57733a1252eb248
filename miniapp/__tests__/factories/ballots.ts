import {
  assessQuorum,
  tallyBallot,
  type BallotDetail,
  type BallotListItem,
  type BallotPage,
  type BallotResultView,
  type ChoiceCount,
} from '@village/shared';

/** A secret household ballot in its voting window: 村道硬化, 85 households, 43 have voted. */
export function makeBallotItem(overrides: Partial<BallotListItem> = {}): BallotListItem {
  return {
    id: 'b-1',
    title: '村道硬化工程筹资筹劳方案',
    status: 'open',
    phase: 'voting',
    electorate: 'households',
    rule: { body: 'villager_assembly', override: null },
    ruleLabel: '村民会议 · 一户一票',
    secrecy: 'secret',
    choiceKind: 'motion',
    opensAt: '2026-11-25T00:00:00.000Z',
    closesAt: '2026-11-30T10:00:00.000Z',
    participation: { unit: 'household', unitLabel: '户', eligible: 85, online: 40, inPerson: 3, total: 43 },
    eligible: true,
    myParticipation: null,
    outcome: null,
    ...overrides,
  };
}

export function makeBallotPage(items: BallotListItem[], total = items.length, page = 1, pageSize = 20): BallotPage {
  return { items, total, page, pageSize };
}

const MOTION = [
  { key: 'for', label: '同意' },
  { key: 'against', label: '反对' },
  { key: 'abstain', label: '弃权' },
];

export function makeBallotDetail(overrides: Partial<BallotDetail> = {}): BallotDetail {
  const item = makeBallotItem(overrides);
  return {
    ...item,
    description: '从土岭底组到南坪组，长 2.3 公里。',
    matterId: null,
    meetingId: null,
    choices: MOTION,
    maxSelections: 1,
    teller: null,
    scrutineer: null,
    createdBy: { id: 'r-9', name: '任晋生' },
    createdAt: '2026-11-24T02:00:00.000Z',
    openedAt: '2026-11-25T00:00:00.000Z',
    rosterFrozenAt: '2026-11-25T00:00:00.000Z',
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    serverNow: '2026-11-28T05:00:00.000Z',
    quorum: assessQuorum({ rule: item.rule, electorate: item.electorate, turnout: { eligible: 85, participated: 43 } }),
    myVoterLabel: '0012 户（王建国家）',
    paperCount: null,
    can: {
      edit: false,
      open: false,
      cancel: false,
      close: false,
      vote: true,
      recordAttendance: false,
      recordPaperCount: false,
      viewElectorate: false,
      viewVotes: false,
      viewReceipts: false,
    },
    reasons: { vote: null, open: null, close: null },
    result: null,
    shareTitle: '【无记名表决】村道硬化工程筹资筹劳方案（还剩 2 天）',
    version: 3,
    ...overrides,
  };
}

/** A closed result computed with the shared rules, as the server would: 60 of 85 households, 41 for. */
export function makeResult(overrides: Partial<BallotResultView> = {}, c = { for: 41, against: 12, abstain: 5 }, participated = 60): BallotResultView {
  const tally = tallyBallot({
    rule: { body: 'villager_assembly', override: null },
    electorate: 'households',
    turnout: { eligible: 85, participated },
    counts: { kind: 'motion', counts: c },
  });
  const counts: ChoiceCount[] = MOTION.map((x) => ({ key: x.key, label: x.label, online: c[x.key as keyof typeof c], inPerson: 0, total: c[x.key as keyof typeof c] }));
  return {
    ballotId: 'b-1',
    outcome: tally.outcome,
    outcomeLabel: { passed: '通过', rejected: '未通过', invalid: '无效（参与人数不够）', polled: '征询结束' }[tally.outcome],
    explanation: tally.explanation,
    lines: tally.lines,
    participation: { unit: 'household', unitLabel: '户', eligible: 85, online: participated, inPerson: 0, total: participated },
    quorum: tally.quorum,
    decision: tally.decision,
    counts,
    papers: 0,
    leaders: tally.leaders,
    closedAt: '2026-11-30T10:00:00.000Z',
    closeTrigger: 'manual',
    closedBy: { id: 'r-9', name: '任晋生' },
    noticeId: 'n-77',
    receiptCount: 60,
    ...overrides,
  };
}
