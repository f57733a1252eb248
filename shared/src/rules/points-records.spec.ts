import {
  earliestRecordableDay,
  appealAdjustment,
  appealVerdict,
  evidenceVerdict,
  publicationOpensOn,
  publicationVerdict,
  publicationWindowEndsOn,
  recordableDay,
  recordingSource,
  reviewerVerdict,
  seesAllPointsRecords,
  type AppealCheck,
} from './points-records';

describe('recordableDay', () => {
  const today = '2026-11-25';

  it('takes today and any day of this or the previous quarter', () => {
    expect(recordableDay('2026-11-25', today, [])).toEqual({ ok: true, quarter: '2026-Q4' });
    expect(recordableDay('2026-07-01', today, [])).toEqual({ ok: true, quarter: '2026-Q3' });
  });

  it('refuses the future, older quarters and malformed days as input (400)', () => {
    expect(recordableDay('2026-11-26', today, [])).toMatchObject({ ok: false, kind: 'invalid', reason: expect.stringContaining('不能晚于今天') });
    expect(recordableDay('2026-06-30', today, [])).toMatchObject({ ok: false, kind: 'invalid', reason: expect.stringContaining('2026-07-01') });
    expect(recordableDay('2026-02-30', today, [])).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('refuses a published quarter (409): only 复议 corrects it', () => {
    expect(recordableDay('2026-09-30', today, ['2026-Q3'])).toMatchObject({ ok: false, kind: 'refused', reason: expect.stringContaining('2026年第三季度的积分已经公示') });
  });

  it('crosses the year: in January the previous quarter is last year’s fourth', () => {
    expect(recordableDay('2026-12-31', '2027-01-02', [])).toEqual({ ok: true, quarter: '2026-Q4' });
    expect(recordableDay('2026-09-30', '2027-01-02', [])).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('recordingSource', () => {
  const leader = { residentId: 'leader', householdId: 'h-leader' };
  const villager = { residentId: 'v', householdId: 'h-v' };

  it('the grid leader records (实时记录) for households of their grid, negative items too', () => {
    expect(recordingSource(leader, { householdId: 'h-v', gridLeaderResidentId: 'leader', itemPointsTenths: -50 })).toEqual({ ok: true, source: 'recorded' });
  });

  it('anyone self-reports (群众申报) positive items for their own household — a grid leader too', () => {
    expect(recordingSource(villager, { householdId: 'h-v', gridLeaderResidentId: 'leader', itemPointsTenths: 10 })).toEqual({ ok: true, source: 'self_reported' });
    expect(recordingSource(leader, { householdId: 'h-leader', gridLeaderResidentId: 'leader', itemPointsTenths: 10 })).toEqual({ ok: true, source: 'self_reported' });
  });

  it('never a negative item for oneself', () => {
    expect(recordingSource(villager, { householdId: 'h-v', gridLeaderResidentId: 'leader', itemPointsTenths: -50 })).toMatchObject({ ok: false, kind: 'invalid', reason: expect.stringContaining('负面清单') });
  });

  it('nobody records for a household outside their grid', () => {
    expect(recordingSource(leader, { householdId: 'h-x', gridLeaderResidentId: 'other', itemPointsTenths: 10 })).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(recordingSource(villager, { householdId: 'h-x', gridLeaderResidentId: null, itemPointsTenths: 10 })).toMatchObject({ ok: false, kind: 'forbidden' });
  });
});

describe('evidenceVerdict', () => {
  it('needs a photo only for items that require evidence', () => {
    expect(evidenceVerdict(true, 0)).toMatchObject({ ok: false, kind: 'invalid', reason: expect.stringContaining('照片') });
    expect(evidenceVerdict(true, 1)).toEqual({ ok: true });
    expect(evidenceVerdict(false, 0)).toEqual({ ok: true });
  });
});

describe('reviewerVerdict', () => {
  const reviewer = { residentId: 'r', householdId: 'h-r' };
  it('refuses one’s own household and one’s own records, then anything not pending', () => {
    expect(reviewerVerdict(reviewer, { householdId: 'h-r', recordedByResidentId: 'x', status: 'pending' })).toMatchObject({ ok: false, kind: 'forbidden', reason: expect.stringContaining('自己家') });
    expect(reviewerVerdict(reviewer, { householdId: 'h', recordedByResidentId: 'r', status: 'pending' })).toMatchObject({ ok: false, kind: 'forbidden', reason: expect.stringContaining('自己记的') });
    expect(reviewerVerdict(reviewer, { householdId: 'h', recordedByResidentId: 'x', status: 'approved' })).toMatchObject({ ok: false, kind: 'refused' });
    expect(reviewerVerdict(reviewer, { householdId: 'h', recordedByResidentId: 'x', status: 'pending' })).toEqual({ ok: true });
  });
});

describe('publication', () => {
  it('opens on the 28th of the quarter’s last month', () => {
    expect(publicationOpensOn('2026-Q4')).toBe('2026-12-28');
    expect(publicationOpensOn('2027-Q1')).toBe('2027-03-28');
  });

  const base = { quarter: '2026-Q4', today: '2026-12-28', published: false, pendingCount: 0, approvedCount: 3 };
  it('publishes from the 28th, later too, with nothing pending', () => {
    expect(publicationVerdict(base)).toEqual({ ok: true });
    expect(publicationVerdict({ ...base, today: '2027-01-05' })).toEqual({ ok: true });
  });

  it('refuses before the 28th, with pending records, with nothing approved, and a second time', () => {
    expect(publicationVerdict({ ...base, today: '2026-12-27' })).toMatchObject({ ok: false, kind: 'refused', reason: expect.stringContaining('2026-12-28') });
    expect(publicationVerdict({ ...base, pendingCount: 2 })).toMatchObject({ ok: false, reason: expect.stringContaining('还有 2 条记录没有评议') });
    expect(publicationVerdict({ ...base, approvedCount: 0 })).toMatchObject({ ok: false, kind: 'refused' });
    expect(publicationVerdict({ ...base, published: true })).toMatchObject({ ok: false, reason: expect.stringContaining('公示过了') });
  });

  it('the window counts the publication day as its first', () => {
    expect(publicationWindowEndsOn('2026-12-28', 7)).toBe('2027-01-03');
  });
});

describe('appealVerdict', () => {
  const open: AppealCheck = { status: 'published', windowEndsOn: '2027-01-03', today: '2027-01-03', member: true, adult: true, alreadyAppealed: false };

  it('lets an adult member appeal a published record up to the window’s last day', () => {
    expect(appealVerdict(open)).toEqual({ ok: true });
  });

  it('refuses strangers and minors (403), then unpublished, appealed and late records (409)', () => {
    expect(appealVerdict({ ...open, member: false })).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(appealVerdict({ ...open, adult: false })).toMatchObject({ ok: false, kind: 'forbidden', reason: expect.stringContaining('未成年人') });
    expect(appealVerdict({ ...open, status: 'approved', windowEndsOn: null })).toMatchObject({ ok: false, kind: 'refused' });
    expect(appealVerdict({ ...open, alreadyAppealed: true })).toMatchObject({ ok: false, kind: 'refused', reason: expect.stringContaining('只能申请一次') });
    expect(appealVerdict({ ...open, today: '2027-01-04' })).toMatchObject({ ok: false, kind: 'refused', reason: expect.stringContaining('2027-01-03') });
  });
});

describe('appealAdjustment', () => {
  it('is the difference, adjusted − original', () => {
    expect(appealAdjustment(-50, 0)).toEqual({ ok: true, adjustmentTenths: 50 });
    expect(appealAdjustment(10, 30)).toEqual({ ok: true, adjustmentTenths: 20 });
  });

  it('refuses no change and out-of-range points', () => {
    expect(appealAdjustment(10, 10)).toMatchObject({ ok: false, kind: 'invalid', reason: expect.stringContaining('维持原分') });
    expect(appealAdjustment(10, 201)).toMatchObject({ ok: false, kind: 'invalid' });
    expect(appealAdjustment(10, 1.5)).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('seesAllPointsRecords', () => {
  it('the 评议小组, the 两委 and the 监委会; not a grid leader or a villager', () => {
    expect(seesAllPointsRecords(['villager', 'points_reviewer'])).toBe(true);
    expect(seesAllPointsRecords(['villager', 'secretary'])).toBe(true);
    expect(seesAllPointsRecords(['villager', 'supervisor'])).toBe(true);
    expect(seesAllPointsRecords(['villager', 'grid_leader'])).toBe(false);
  });
});

describe('earliestRecordableDay', () => {
  it('is the first day of the previous quarter, across the year too', () => {
    expect(earliestRecordableDay('2026-11-25')).toBe('2026-07-01');
    expect(earliestRecordableDay('2026-02-03')).toBe('2025-10-01');
  });
});
