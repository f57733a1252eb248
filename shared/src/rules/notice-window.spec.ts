import { checkNoticeWindow, isInWindow, noticeWindowDays } from './notice-window';

describe('notice window', () => {
  const today = '2026-11-25';

  it('counts both ends', () => {
    expect(noticeWindowDays({ startsOn: '2026-11-25', endsOn: '2026-12-01' })).toBe(7);
    expect(noticeWindowDays({ startsOn: '2026-11-25', endsOn: '2026-11-25' })).toBe(1);
  });

  it('knows whether today is inside', () => {
    const window = { startsOn: '2026-11-20', endsOn: '2026-11-26' };
    expect(isInWindow(window, '2026-11-20')).toBe(true);
    expect(isInWindow(window, '2026-11-26')).toBe(true);
    expect(isInWindow(window, '2026-11-27')).toBe(false);
    expect(isInWindow(window, '2026-11-19')).toBe(false);
  });

  it('accepts exactly the minimum, starting today or later', () => {
    expect(checkNoticeWindow({ startsOn: today, endsOn: '2026-12-01' }, today, 7)).toBeNull();
    expect(checkNoticeWindow({ startsOn: '2026-12-01', endsOn: '2026-12-15' }, today, 15)).toBeNull();
  });

  it('refuses one day short, with the numbers', () => {
    expect(checkNoticeWindow({ startsOn: today, endsOn: '2026-11-30' }, today, 7)).toBe(
      '公开期至少 7 天：2026-11-25 至 2026-11-30 只有 6 天，请把结束日期往后改',
    );
  });

  it('refuses a start in the past, an end before the start, a bad date and a window over a year', () => {
    expect(checkNoticeWindow({ startsOn: '2026-11-24', endsOn: '2026-12-24' }, today, 7)).toContain('已经过去');
    expect(checkNoticeWindow({ startsOn: '2026-12-10', endsOn: '2026-12-01' }, today, 7)).toBe('公开结束日期不能早于开始日期');
    expect(checkNoticeWindow({ startsOn: '2026-11-31', endsOn: '2026-12-10' }, today, 7)).toContain('日历上存在的日期');
    expect(checkNoticeWindow({ startsOn: today, endsOn: '2027-11-26' }, today, 7)).toContain('最长 366 天');
  });
});
