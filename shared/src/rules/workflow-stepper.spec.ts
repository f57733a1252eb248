import type { MatterState } from './workflow-model';
import { stageBlockers, stageSteps } from './workflow-stepper';
import { matterAt, testContext } from './workflow-testkit';

const statuses = (m: MatterState, today = '2026-12-10') => stageSteps(m, testContext({ today })).map((s) => s.status);

describe('stageSteps', () => {
  it('marks the stages before the current one done, with their meeting dates', () => {
    const steps = stageSteps(matterAt('assembly_resolution'), testContext());
    expect(steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(steps[2]).toMatchObject({ stage: 'party_review', label: '党员大会审议', note: '11月5日 会议通过', meetingId: 'm-party' });
  });

  it('shows a running disclosure window as waiting (the law taking its course, not a stop), with the guard’s words', () => {
    const matter: MatterState = { ...matterAt('resolution_disclosure'), resolutionDisclosure: { startsOn: '2026-11-27', endsOn: '2026-12-03', noticeId: 'n', revision: 1 } };
    const step = stageSteps(matter, testContext({ today: '2026-12-01' }))[4];
    expect(step).toMatchObject({ status: 'waiting', reasons: ['决议公示期到 12月3日 才满 7 天'], note: '决议公示期 11月27日至12月3日' });
    expect(stageSteps(matter, testContext({ today: '2026-12-04' }))[4].status).toBe('current');
  });

  it('a running window with an unanswered objection is blocked, listing both', () => {
    const matter: MatterState = {
      ...matterAt('resolution_disclosure'),
      resolutionDisclosure: { startsOn: '2026-11-27', endsOn: '2026-12-03', noticeId: 'n', revision: 1 },
      objections: [{ id: 'x', disclosure: 'resolution', filedOn: '2026-11-28', answered: false }],
    };
    const step = stageSteps(matter, testContext({ today: '2026-12-01' }))[4];
    expect(step.status).toBe('blocked');
    expect(step.reasons).toHaveLength(2);
  });

  it('shows a blocking opinion whoever looks (a villager too)', () => {
    const matter: MatterState = { ...matterAt('party_review'), opinions: [{ id: 'o', stage: 'party_review', blocking: true, answered: false, lifted: false, addedOn: '2026-12-09' }] };
    const step = stageSteps(matter, testContext({}, ['villager']))[2];
    expect(step).toMatchObject({ status: 'blocked', reasons: ['监委会要求纠正的意见尚未解除，请先答复监委会'] });
  });

  it('waiting for the supervisors’ sign-off is blocked; a missing result report is just work to do', () => {
    const impl = matterAt('implementation');
    const unsigned: MatterState = { ...impl, implementation: impl.implementation && { ...impl.implementation, result: impl.implementation.result && { ...impl.implementation.result, signedOffBy: null } } };
    expect(stageSteps(unsigned, testContext())[5]).toMatchObject({ status: 'blocked', reasons: ['实施结果含支出 980.00 元，公开前须经村务监督委员会审核'] });
    const noResult: MatterState = { ...impl, implementation: impl.implementation && { ...impl.implementation, result: null } };
    expect(stageSteps(noResult, testContext())[5]).toMatchObject({ status: 'current', note: '计划 11月27日至12月31日，已报告进度 1 次' });
  });

  it('a rejected matter stops at the assembly; a withdrawn one where it was withdrawn', () => {
    expect(statuses(matterAt('rejected'))).toEqual(['done', 'done', 'done', 'stopped', 'not_reached', 'not_reached', 'not_reached', 'not_reached']);
    expect(stageSteps(matterAt('rejected'), testContext())[3]).toMatchObject({ reasons: ['表决未通过，事项终止'], note: '11月20日 会议未通过' });
    expect(statuses(matterAt('withdrawn'))).toEqual(['done', 'done', 'stopped', 'not_reached', 'not_reached', 'not_reached', 'not_reached', 'not_reached']);
  });

  it('an archived matter is done throughout', () => {
    expect(statuses(matterAt('archived'))).toEqual(Array(8).fill('done'));
  });

  it('notes a merged stage 1–2 meeting and a party review sent back for revision', () => {
    const merged = { meetingId: 'mm', revision: 1, heldOn: '2026-11-01', outcome: 'passed' as const, merged: true };
    const steps = stageSteps({ ...matterAt('party_review'), meetings: { branch_proposal: merged, committees_deliberation: merged } }, testContext());
    expect(steps[1].note).toBe('11月1日 会议通过（党组织提议和两委商议合并会议）');
    const back: MatterState = {
      ...matterAt('committees_deliberation'),
      meetings: { ...matterAt('party_review').meetings, party_review: { meetingId: 'p', revision: 1, heldOn: '2026-11-05', outcome: 'rejected', merged: false } },
    };
    expect(stageSteps(back, testContext())[1]).toMatchObject({ status: 'current', note: '党员大会 11月5日 未通过，退回修改' });
  });

  it('has no blockers for a closed matter', () => {
    expect(stageBlockers(matterAt('archived'), testContext())).toEqual([]);
  });
});
