import {
  PROPOSAL_STATUS_LABELS,
  PROPOSAL_STEPS,
  type ProposalAction,
  type ProposalDetail,
  type ProposalListItem,
  type ProposalPage,
  type ReplyDeadlineView,
  type VillageOversightRow,
} from '@village/shared';

/** A villager's proposal in 土岭底村: 南坪组路口装路灯, raised by 张*明, 12 co-signs. */
export function makeProposalItem(overrides: Partial<ProposalListItem> = {}): ProposalListItem {
  return {
    id: 'p-1',
    title: '南坪组路口装一盏路灯',
    category: { code: 'road', label: '道路' },
    status: 'raised',
    statusLabel: PROPOSAL_STATUS_LABELS.raised,
    raisedBy: { id: 'r-5', name: '张*明' },
    raisedAt: '2026-11-20T02:00:00.000Z',
    cosigns: 12,
    coverUrl: null,
    reply: makeReply(),
    mine: false,
    cosignedByMe: false,
    matterId: null,
    ...overrides,
  };
}

export function makeReply(overrides: Partial<ReplyDeadlineView> = {}): ReplyDeadlineView {
  return { dueBy: '2026-11-30', answeredOn: null, overdue: false, daysLeft: 3, text: '还剩 3 天答复', ...overrides };
}

export function makeProposalPage(items: ProposalListItem[], total = items.length, page = 1): ProposalPage {
  return { items, total, page, pageSize: 20 };
}

export function pAction(action: ProposalAction['action'], reason: string | null = null, to?: ProposalAction['to']): ProposalAction {
  return { action, allowed: reason === null, reason, ...(to ? { to } : {}) };
}

export function makeProposalDetail(overrides: Partial<ProposalDetail> = {}): ProposalDetail {
  const item = makeProposalItem();
  return {
    ...item,
    body: '南坪组路口晚上太黑，去年冬天有老人摔倒。\n建议装一盏太阳能路灯。',
    photos: [{ id: 'ph-1', url: 'https://files.test/ph-1.jpg', check: 'pass' }],
    heldReason: null,
    steps: PROPOSAL_STEPS.map((step, i) => ({ step, label: PROPOSAL_STATUS_LABELS[step], state: i === 0 ? 'current' : 'upcoming', on: null })),
    progress: {
      persons: 12,
      households: 9,
      representatives: 0,
      adultResidents: 200,
      personsNeeded: 20,
      representativesTotal: 12,
      representativesNeeded: 4,
      share: 0.6,
      reached: false,
      obligationId: null,
      text: '已有 12 人附议（9 户），还差 8 人达到十分之一',
    },
    replies: [],
    declinedReason: null,
    mergedInto: null,
    mergedFrom: [],
    matter: null,
    history: [{ at: '2026-11-20T02:00:00.000Z', by: { id: 'r-5', name: '张*明' }, status: 'raised', text: '提出议题' }],
    actions: [pAction('cosign'), pAction('share')],
    share: { title: '请附议：南坪组路口装一盏路灯', path: '/packages/proposals/pages/detail/index?id=p-1' },
    version: 3,
    ...overrides,
  };
}

export function makeOversightRow(id: string, name: string, overrides: Partial<VillageOversightRow> = {}): VillageOversightRow {
  return {
    village: { id, name },
    overdueDisclosures: 0,
    overdueProposalReplies: 0,
    openBlockingOpinions: 0,
    openConveningObligations: 0,
    overdueConveningObligations: 0,
    averageAwareness: 0.8,
    ...overrides,
  };
}
