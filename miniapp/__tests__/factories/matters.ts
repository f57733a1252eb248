import { MAIN_STAGES, MATTER_STAGE_LABELS, diffRevisions, type MatterDetail, type MatterListItem, type MatterPage, type StageStep, type WorkflowAction } from '@village/shared';

/** A matter at 党员大会审议 in 土岭底村: 村道硬化工程筹资方案, amended once by the 两委. */
export function makeMatterItem(overrides: Partial<MatterListItem> = {}): MatterListItem {
  return {
    id: 'mt-1',
    title: '村道硬化工程筹资方案',
    type: { code: 'fundraising', label: '筹资筹劳' },
    stage: 'party_review',
    stageLabel: '党员大会审议',
    stageEnteredOn: '2026-11-20',
    currentRevision: 2,
    blocked: false,
    blockedReasons: [],
    nextStep: '下一步：登记党员大会审议',
    unansweredObjections: 0,
    blockingOpinions: 0,
    pendingReviewObjections: 0,
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

export function makeMatterPage(items: MatterListItem[]): MatterPage {
  return { items, total: items.length, page: 1, pageSize: 50 } as MatterPage;
}

export function makeSteps(at: number, blockedReasons: string[] = []): StageStep[] {
  return MAIN_STAGES.map((stage, i) => ({
    stage,
    label: MATTER_STAGE_LABELS[stage],
    status: i < at ? 'done' : i > at ? 'upcoming' : blockedReasons.length > 0 ? 'blocked' : 'current',
    reasons: i === at ? blockedReasons : [],
    note: i < at ? '11月20日 会议通过' : null,
    meetingId: i === 0 ? 'mtg-1' : null,
  }));
}

export function action(event: WorkflowAction['event'], label: string, unmet: string[] = [], relevant = true): WorkflowAction {
  return { event, label, relevant, allowed: unmet.length === 0, unmet: unmet.map((reason) => ({ code: 'quorum_not_met', reason })) };
}

const ref = (id: string, name: string) => ({ id, name });
const R1 = { title: '村道硬化工程筹资方案', body: '每人筹资 50 元。\n由村委会负责施工。\n', budgetFen: 12345000 };
const R2 = { title: '村道硬化工程筹资方案', body: '每人筹资 30 元。\n由村委会负责施工。\n', budgetFen: 12345050 };

export function makeMatterDetail(overrides: Partial<MatterDetail> = {}): MatterDetail {
  return {
    ...makeMatterItem(),
    villageId: 'v-1',
    body: R2.body,
    budgetFen: R2.budgetFen,
    workflowVersion: 1,
    decision: { bodies: ['villager_assembly'], authorizationId: null, representativeRefusal: null, ruleLabels: ['村民会议：到会过半数的户，同意过到会半数'] },
    stepper: makeSteps(2),
    revisions: [
      { number: 1, ...R1, changeNote: null, diff: null, createdBy: ref('r-9', '郭建平'), createdAt: '2026-11-10T02:00:00.000Z', stage: 'branch_proposal', current: false },
      {
        number: 2,
        ...R2,
        changeNote: '根据党员意见，将筹资标准由每人 50 元改为 30 元',
        diff: diffRevisions(R1, R2),
        createdBy: ref('r-9', '郭建平'),
        createdAt: '2026-11-15T02:00:00.000Z',
        stage: 'committees_deliberation',
        current: true,
      },
    ],
    meetings: [
      {
        id: 'mtg-1',
        purpose: 'branch_proposal',
        purposeLabel: '党组织提议会议',
        body: 'committee_meeting',
        electorate: 'committee_members',
        status: 'applied',
        scheduledAt: '2026-11-12T01:00:00.000Z',
        place: '村委会会议室',
        noticeGivenOn: '2026-11-10',
        noticeLeadDays: 2,
        noticeWarning: null,
        revision: 1,
        heldOn: '2026-11-12',
        attendance: { unit: 'person', eligible: 7, present: 6 },
        minutes: '会议同意提出村道硬化方案。',
        signInSheetPhotos: [],
        signers: [ref('r-9', '郭建平'), ref('r-8', '闫保平')],
        count: { kind: 'paper', teller: null, scrutineer: null, confirmedAt: '2026-11-12T03:00:00.000Z' },
        counts: { for: 5, against: 1, abstain: 0 },
        outcome: null,
        recordedBy: ref('r-9', '郭建平'),
        cancelledReason: null,
      },
    ],
    disclosures: [],
    objections: [],
    opinions: [],
    implementation: null,
    actions: [],
    timeline: [],
    proposalId: null,
    closedReason: null,
    createdBy: ref('r-9', '郭建平'),
    createdAt: '2026-11-10T02:00:00.000Z',
    version: 4,
    ...overrides,
  };
}
