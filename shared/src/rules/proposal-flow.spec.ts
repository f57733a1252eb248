import type { Role } from '../constants/roles';
import { PROPOSAL_STATUSES, PROPOSAL_STEPS, type ProposalStatus, type ProposalStep } from '../types/proposal';
import {
  PROPOSAL_QUEUE_GROUPS,
  proposalQueueGroup,
  cosignProgress,
  nextProposalStep,
  PROPOSAL_DECISION_STATUSES,
  proposalActions,
  proposalTimeline,
  proposalTransition,
  replyDaysProblem,
  replyDeadline,
  type ProposalCommand,
} from './proposal-flow';

const SECRETARY: Role[] = ['villager', 'secretary'];
const BRANCH: Role[] = ['villager', 'party_member', 'branch_committee'];
const COMMITTEE: Role[] = ['villager', 'village_committee'];
const VILLAGER: Role[] = ['villager'];
const SUPERVISOR: Role[] = ['villager', 'supervisor'];

describe('nextProposalStep', () => {
  it('walks the six steps in order, then completed', () => {
    expect(PROPOSAL_STEPS.map(nextProposalStep)).toEqual(['accepted', 'content_reviewed', 'deliberating', 'publicized', 'implementing', 'completed']);
  });
  it.each(['pending_review', 'held', 'completed', 'declined', 'merged', 'converted'] as ProposalStatus[])('%s has no next step', (s) => {
    expect(nextProposalStep(s)).toBeNull();
  });
});

describe('proposalTransition: advance', () => {
  const targets: (ProposalStep | 'completed')[] = [...PROPOSAL_STEPS, 'completed'];
  // Every status × every target: only the immediate next step is accepted.
  for (const status of PROPOSAL_STATUSES) {
    for (const to of targets) {
      const expected = nextProposalStep(status) === to;
      it(`${status} → ${to}: ${expected ? 'accepted' : 'refused'}`, () => {
        const t = proposalTransition(status, { type: 'advance', to }, { roles: COMMITTEE });
        expect(t.ok).toBe(expected);
        if (t.ok) expect(t.to).toBe(to);
        else expect(t.reason).toMatch(/[\u4e00-\u9fa5]/);
      });
    }
  }

  it('names the step that comes next when one is skipped or repeated', () => {
    expect(proposalTransition('raised', { type: 'advance', to: 'deliberating' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '下一步应是“确定议题”，六个步骤要依次进行，不能跳过' });
    expect(proposalTransition('deliberating', { type: 'advance', to: 'accepted' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '提议已在“协商议事”，下一步应是“公开公示”' });
    expect(proposalTransition('publicized', { type: 'advance', to: 'completed' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '下一步应是“研究落实”，六个步骤要依次进行，不能跳过' });
    expect(proposalTransition('implementing', { type: 'advance', to: 'completed' }, { roles: COMMITTEE })).toEqual({ ok: true, to: 'completed' });
  });

  it('says why a proposal out of the committee’s hands cannot move', () => {
    expect(proposalTransition('pending_review', { type: 'advance', to: 'accepted' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '提议还在内容审核中，审核公开后才能办理' });
    expect(proposalTransition('held', { type: 'advance', to: 'accepted' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '提议没有公开，不能办理' });
    expect(proposalTransition('declined', { type: 'advance', to: 'accepted' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '提议不予采纳，不能再办理' });
    expect(proposalTransition('completed', { type: 'reply' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '提议已办结，不能再办理' });
  });

  it.each([[VILLAGER], [SUPERVISOR], [['villager', 'villager_rep', 'party_member'] as Role[]]])('refuses %j: only the 两委', (roles: Role[]) => {
    expect(proposalTransition('raised', { type: 'advance', to: 'accepted' }, { roles })).toEqual({ ok: false, reason: '只有书记、村委会委员、村党组织委员可以办理村民提议' });
  });
});

describe('proposalTransition: decline, merge, convert', () => {
  const cases: [ProposalCommand['type'], ProposalStatus][] = [
    ['decline', 'declined'],
    ['merge', 'merged'],
    ['convert', 'converted'],
  ];
  for (const [type, to] of cases) {
    for (const status of PROPOSAL_STATUSES) {
      const expected = PROPOSAL_DECISION_STATUSES.includes(status);
      it(`${type} from ${status}: ${expected ? 'accepted' : 'refused'}`, () => {
        const t = proposalTransition(status, { type } as ProposalCommand, { roles: SECRETARY });
        expect(t).toEqual(expected ? { ok: true, to } : { ok: false, reason: expect.any(String) });
      });
    }
  }

  it('refuses from 公开公示 on with the range in words', () => {
    expect(proposalTransition('publicized', { type: 'decline' }, { roles: SECRETARY })).toEqual({ ok: false, reason: '只有在“提出议题”到“协商议事”之间才能不予采纳，现在是“公开公示”' });
    expect(proposalTransition('implementing', { type: 'merge' }, { roles: SECRETARY })).toEqual({ ok: false, reason: '只有在“提出议题”到“协商议事”之间才能合并，现在是“研究落实”' });
    expect(proposalTransition('pending_review', { type: 'convert' }, { roles: SECRETARY })).toEqual({ ok: false, reason: '提议还在内容审核中，审核公开后才能办理' });
  });

  it('convert is for 书记 and 村党组织委员, who propose matters; decline and merge for all of the 两委', () => {
    expect(proposalTransition('raised', { type: 'convert' }, { roles: BRANCH }).ok).toBe(true);
    expect(proposalTransition('raised', { type: 'convert' }, { roles: COMMITTEE })).toEqual({ ok: false, reason: '只有书记、村党组织委员可以把提议转为村里大事（由党组织提议）' });
    expect(proposalTransition('raised', { type: 'convert' }, { roles: VILLAGER }).ok).toBe(false);
    expect(proposalTransition('raised', { type: 'decline' }, { roles: COMMITTEE }).ok).toBe(true);
    expect(proposalTransition('raised', { type: 'merge' }, { roles: VILLAGER }).ok).toBe(false);
  });
});

describe('proposalTransition: review and reply', () => {
  it.each(PROPOSAL_STATUSES)('release/reject only from pending_review (%s)', (status) => {
    const release = proposalTransition(status, { type: 'release' }, { roles: COMMITTEE });
    const reject = proposalTransition(status, { type: 'reject' }, { roles: COMMITTEE });
    if (status === 'pending_review') {
      expect(release).toEqual({ ok: true, to: 'raised' });
      expect(reject).toEqual({ ok: true, to: 'held' });
    } else {
      expect(release).toEqual({ ok: false, reason: '提议不在内容审核中，不需要审核' });
      expect(reject.ok).toBe(false);
    }
  });

  it.each(PROPOSAL_STATUSES)('reply keeps the status, in the six steps only (%s)', (status) => {
    const t = proposalTransition(status, { type: 'reply' }, { roles: BRANCH });
    expect(t.ok).toBe((PROPOSAL_STEPS as readonly string[]).includes(status));
    if (t.ok) expect(t.to).toBe(status);
  });

  it('review is the 两委’s', () => {
    expect(proposalTransition('pending_review', { type: 'release' }, { roles: SUPERVISOR }).ok).toBe(false);
  });
});

describe('proposalTransition: cosign', () => {
  const cosign = (status: ProposalStatus, isAuthor = false, cosignedByMe = false) => proposalTransition(status, { type: 'cosign', isAuthor, cosignedByMe }, { roles: VILLAGER });
  it.each(PROPOSAL_STATUSES)('only in raised … deliberating (%s)', (status) => {
    expect(cosign(status).ok).toBe(['raised', 'accepted', 'content_reviewed', 'deliberating'].includes(status));
  });
  it('never by its author, once per resident, with the reasons', () => {
    expect(cosign('raised', true)).toEqual({ ok: false, reason: '这是你提出的提议，不需要再附议' });
    expect(cosign('raised', false, true)).toEqual({ ok: false, reason: '你已经附议过了' });
    expect(cosign('pending_review')).toEqual({ ok: false, reason: '提议还没有公开，暂不能附议' });
    expect(cosign('publicized')).toEqual({ ok: false, reason: '提议已到“公开公示”，不再接受附议' });
    expect(cosign('converted')).toEqual({ ok: false, reason: '提议已到“已转为村里大事”，不再接受附议' });
  });
});

describe('cosignProgress', () => {
  const signers = (n: number, households = n, reps = 0) =>
    Array.from({ length: n }, (_, i) => ({ householdId: `h${i % households}`, representative: i < reps }));

  it('counts persons and households against ⌈adults/10⌉', () => {
    const p = cosignProgress({ signers: signers(23, 18), adultResidents: 312, representativesTotal: 15, obligationId: null, obligationDueBy: null });
    expect(p).toMatchObject({ persons: 23, households: 18, representatives: 0, personsNeeded: 32, representativesNeeded: 5, reached: false, obligationId: null });
    expect(p.share).toBeCloseTo(23 / 32);
    expect(p.text).toBe('已有 23 人（18 户）提议和附议，还差 9 人达到十分之一');
  });

  it('reaches 1/10 exactly at the bound (30/300), not one below', () => {
    expect(cosignProgress({ signers: signers(29), adultResidents: 300, representativesTotal: 15, obligationId: null, obligationDueBy: null }).reached).toBe(false);
    const met = cosignProgress({ signers: signers(30, 25), adultResidents: 300, representativesTotal: 15, obligationId: 'o1', obligationDueBy: '2026-12-20', today: '2026-11-20' });
    expect(met).toMatchObject({ reached: true, share: 1, obligationId: 'o1' });
    expect(met.text).toBe('已有 30 人（25 户）提议和附议，达到全村成年村民十分之一，村委会应在 12月20日 前召集村民会议');
  });

  it('⌈adults/10⌉ rounds up (301 adults need 31)', () => {
    const p = cosignProgress({ signers: signers(30), adultResidents: 301, representativesTotal: 0, obligationId: null, obligationDueBy: null });
    expect(p).toMatchObject({ personsNeeded: 31, reached: false, representativesNeeded: 0 });
  });

  it('or 1/3 of the representatives (5/15)', () => {
    const p = cosignProgress({ signers: signers(5, 5, 5), adultResidents: 300, representativesTotal: 15, obligationId: null, obligationDueBy: null });
    expect(p).toMatchObject({ representatives: 5, reached: true });
    expect(p.text).toBe('已有 5 名村民代表提议和附议，达到村民代表三分之一，村委会应当召集村民会议');
    expect(cosignProgress({ signers: signers(4, 4, 4), adultResidents: 300, representativesTotal: 15, obligationId: null, obligationDueBy: null }).reached).toBe(false);
  });

  it('share caps at 1 and an empty roster never reaches', () => {
    expect(cosignProgress({ signers: signers(50), adultResidents: 100, representativesTotal: 3, obligationId: null, obligationDueBy: null }).share).toBe(1);
    const empty = cosignProgress({ signers: signers(1), adultResidents: 0, representativesTotal: 0, obligationId: null, obligationDueBy: null });
    expect(empty).toMatchObject({ reached: false, share: 0, personsNeeded: 0 });
    expect(empty.text).toBe('已有 1 人（1 户）提议和附议；名册上还没有成年村民，无法计算十分之一');
  });
});

describe('replyDeadline', () => {
  it.each([
    ['2026-11-01', null, false, 10, '还剩 10 天答复（11月11日 前）'],
    ['2026-11-08', null, false, 3, '还剩 3 天答复（11月11日 前）'],
    ['2026-11-11', null, false, 0, '今天是答复期限'],
    ['2026-11-13', null, true, -2, '已超期 2 天未答复（应在 11月11日 前答复）'],
    ['2026-11-13', '2026-11-05', false, 0, '已于 11月5日 答复'],
    ['2026-11-13', '2026-11-11', false, 0, '已于 11月11日 答复'],
    ['2026-11-20', '2026-11-13', false, 0, '已于 11月13日 答复（超期 2 天）'],
    ['2027-01-02', '2026-12-30', false, 0, '已于 2026年12月30日 答复（超期 49 天）'],
  ])('today %s, answered %s', (today, answeredOn, overdue, daysLeft, text) => {
    expect(replyDeadline('2026-11-01', 10, answeredOn, today)).toEqual({ dueBy: '2026-11-11', answeredOn, overdue, daysLeft, text });
  });

  it('crosses months and years', () => {
    expect(replyDeadline('2026-12-28', 10, null, '2026-12-28').dueBy).toBe('2027-01-07');
  });
});

describe('replyDaysProblem', () => {
  it.each([
    [1, null],
    [10, null],
    [60, null],
    [0, '答复期限应为 1–60 天'],
    [61, '答复期限应为 1–60 天'],
    [2.5, '答复期限应为 1–60 天'],
  ])('%s', (days, problem) => expect(replyDaysProblem(days)).toBe(problem));
});

describe('proposalActions', () => {
  const byAction = (list: ReturnType<typeof proposalActions>) => Object.fromEntries(list.map((a) => [a.action, a]));

  it('a villager sees co-sign and share only', () => {
    const list = proposalActions({ status: 'raised', roles: VILLAGER, isAuthor: false, cosignedByMe: false });
    expect(list.map((a) => a.action)).toEqual(['cosign', 'share']);
    expect(list.every((a) => a.allowed)).toBe(true);
  });

  it('the author may share but not co-sign', () => {
    const a = byAction(proposalActions({ status: 'raised', roles: VILLAGER, isAuthor: true, cosignedByMe: false }));
    expect(a.cosign).toEqual({ action: 'cosign', allowed: false, reason: '这是你提出的提议，不需要再附议' });
    expect(a.share.allowed).toBe(true);
  });

  it('nobody shares a proposal under review', () => {
    const a = byAction(proposalActions({ status: 'pending_review', roles: VILLAGER, isAuthor: true, cosignedByMe: false }));
    expect(a.share).toEqual({ action: 'share', allowed: false, reason: '提议还没有公开，不能分享' });
  });

  it('the 两委 see their commands with the next step and the reasons', () => {
    const a = byAction(proposalActions({ status: 'content_reviewed', roles: COMMITTEE, isAuthor: false, cosignedByMe: true }));
    expect(a.advance).toEqual({ action: 'advance', allowed: true, reason: null, to: 'deliberating' });
    expect(a.review).toEqual({ action: 'review', allowed: false, reason: '提议不在内容审核中，不需要审核' });
    expect(a.reply.allowed).toBe(true);
    expect(a.decline.allowed).toBe(true);
    expect(a.merge.allowed).toBe(true);
    expect(a.convert).toEqual({ action: 'convert', allowed: false, reason: '只有书记、村党组织委员可以把提议转为村里大事（由党组织提议）' });
    expect(a.cosign).toEqual({ action: 'cosign', allowed: false, reason: '你已经附议过了' });
  });

  it('after completion nothing is left to do but share', () => {
    const list = proposalActions({ status: 'completed', roles: SECRETARY, isAuthor: false, cosignedByMe: false });
    expect(list.filter((a) => a.allowed).map((a) => a.action)).toEqual(['share']);
    expect(byAction(list).advance).toEqual({ action: 'advance', allowed: false, reason: '提议已办结，不能再办理' });
  });

  it('under review the 两委 may review only', () => {
    const list = proposalActions({ status: 'pending_review', roles: SECRETARY, isAuthor: false, cosignedByMe: false });
    expect(list.filter((a) => a.allowed).map((a) => a.action)).toEqual(['review']);
  });
});

describe('proposalTimeline', () => {
  it('marks steps before the current one done, with their days', () => {
    const t = proposalTimeline('content_reviewed', { raised: '2026-11-01', accepted: '2026-11-03', content_reviewed: '2026-11-05' });
    expect(t.map((s) => s.state)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming']);
    expect(t[0]).toEqual({ step: 'raised', label: '提出议题', state: 'done', on: '2026-11-01' });
  });
  it('completed: all done; declined/converted: steps not reached are skipped; pending: all upcoming', () => {
    expect(proposalTimeline('completed', {}).every((s) => s.state === 'done')).toBe(true);
    expect(proposalTimeline('converted', { raised: '2026-11-01', accepted: '2026-11-02' }).map((s) => s.state)).toEqual(['done', 'done', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(proposalTimeline('pending_review', {}).every((s) => s.state === 'upcoming')).toBe(true);
  });
});

describe('proposalQueueGroup', () => {
  it('puts content review first, then overdue, then due, then the answered', () => {
    expect(proposalQueueGroup({ status: 'pending_review', answered: false, overdue: true })).toBe('review');
    expect(proposalQueueGroup({ status: 'raised', answered: false, overdue: true })).toBe('overdue');
    expect(proposalQueueGroup({ status: 'raised', answered: false, overdue: false })).toBe('due');
    expect(proposalQueueGroup({ status: 'accepted', answered: true, overdue: false })).toBe('answered');
    expect(PROPOSAL_QUEUE_GROUPS).toEqual(['review', 'overdue', 'due', 'answered']);
  });
});
