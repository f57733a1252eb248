import { checkMeetingNotice, checkWorkflowPolicy, quorumShortfallReason, resolvePolicy } from './workflow-meeting';
import { DEFAULT_WORKFLOW_POLICY } from './workflow-model';
import { assessQuorum } from './quorum';

describe('checkMeetingNotice (usable when scheduling)', () => {
  it.each([
    ['2026-11-20', '2026-11-30', null],
    ['2026-11-21', '2026-11-30', '村民会议应提前 10 天通知，本次只提前了 9 天'],
    ['2026-12-01', '2026-11-30', '村民会议应提前 10 天通知，登记的通知日期（12月1日）在会议（11月30日）之后'],
  ])('notice %s for a 村民会议 on %s', (notice, held, reason) => {
    const result = checkMeetingNotice('villager_assembly', notice, held);
    expect(result?.reason ?? null).toBe(reason);
    if (result) expect(result.basis).toBe('《村民委员会组织法》第二十一条');
  });

  it('needs no notice for committee meetings by default', () => {
    expect(checkMeetingNotice('committee_meeting', null, '2026-11-30')).toBeNull();
  });
});

describe('policy', () => {
  it('fills defaults and never goes below the statutory 10 days', () => {
    expect(resolvePolicy(undefined)).toEqual(DEFAULT_WORKFLOW_POLICY);
    expect(resolvePolicy({ noticeLeadDays: { villager_assembly: 3, representative_assembly: 5, party_assembly: 0, committee_meeting: 0 } }).noticeLeadDays).toEqual({
      villager_assembly: 10,
      representative_assembly: 5,
      party_assembly: 0,
      committee_meeting: 0,
    });
    expect(resolvePolicy({ disclosureDays: 0 }).disclosureDays).toBe(7);
  });

  it('explains what a village may not save', () => {
    expect(checkWorkflowPolicy(DEFAULT_WORKFLOW_POLICY)).toEqual([]);
    expect(checkWorkflowPolicy({ ...DEFAULT_WORKFLOW_POLICY, disclosureDays: 5, noticeLeadDays: { ...DEFAULT_WORKFLOW_POLICY.noticeLeadDays, villager_assembly: 7 } })).toEqual([
      '公示期应为 7–90 天',
      '村民会议至少提前 10 天通知（《村民委员会组织法》第二十一条），不能设为 7 天',
    ]);
  });
});

describe('quorumShortfallReason', () => {
  it('speaks of an empty roster plainly', () => {
    const q = assessQuorum({ rule: { body: 'party_assembly', override: null }, electorate: 'party_members', turnout: { eligible: 0, participated: 0 } });
    expect(quorumShortfallReason('党员大会', q)).toBe('党员大会：表决名单里没有人（应参与 0 人）');
  });
});
