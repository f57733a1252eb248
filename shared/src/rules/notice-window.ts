import type { NoticeWindow } from '../types/notice';
import { daysBetween, isCalendarDay } from './date';

/*
 * The disclosure window (公开期) of a notice: whole Beijing days, both ends included. It may not start
 * in the past, and it lasts at least the village's minimum for the category (default 7 days, the
 * statutory practice for 公示). The server refuses and the mini-program explains with these words.
 */

/** Longest window accepted: a notice meant to stay up longer is republished, not left for years. */
export const NOTICE_WINDOW_MAX_DAYS = 366;

/** Days in the window, both ends included: 2026-11-25 … 2026-12-01 is 7 days. */
export function noticeWindowDays(window: NoticeWindow): number {
  return daysBetween(window.startsOn, window.endsOn) + 1;
}

/** Whether `today` lies in the window (both ends included). */
export function isInWindow(window: NoticeWindow, today: string): boolean {
  return window.startsOn <= today && today <= window.endsOn;
}

/**
 * Null when the window can be used for a notice published today; otherwise what is wrong, in Chinese.
 * `minDays` is the village's minimum for the category.
 */
export function checkNoticeWindow(window: NoticeWindow, today: string, minDays: number): string | null {
  if (!isCalendarDay(window.startsOn) || !isCalendarDay(window.endsOn)) {
    return '公开期的日期应写成 2026-11-25 这样的格式，且是日历上存在的日期';
  }
  if (window.startsOn < today) return `公开开始日期 ${window.startsOn} 已经过去，最早只能从今天（${today}）开始`;
  if (window.endsOn < window.startsOn) return '公开结束日期不能早于开始日期';
  const days = noticeWindowDays(window);
  if (days < minDays) {
    return `公开期至少 ${minDays} 天：${window.startsOn} 至 ${window.endsOn} 只有 ${days} 天，请把结束日期往后改`;
  }
  if (days > NOTICE_WINDOW_MAX_DAYS) return `公开期最长 ${NOTICE_WINDOW_MAX_DAYS} 天，需要更久的请到期后重新发布`;
  return null;
}
