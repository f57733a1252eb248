/**
 * Time on ballots, as the village reads it: Beijing time ("11月30日 18:00") and a countdown in words
 * ("还剩 2 天 5 小时"). The countdown runs on the server's clock, not the phone's: every ballot the
 * server sends carries `serverNow`, and the difference to the phone's clock is kept here, so a phone
 * set ten minutes wrong still shows the right time left (lists, which carry no serverNow, use the
 * last difference seen).
 */
import type { BallotListItem, BallotPhase } from '@village/shared';
import { messages } from '../constants/messages';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;

let offsetMs = 0;

/** Remembers how far the phone's clock is from the server's (`serverNow` of a ballot just loaded). */
export function noteServerNow(serverNowIso: string, phoneNowMs: number = Date.now()): void {
  const t = Date.parse(serverNowIso);
  if (!Number.isNaN(t)) offsetMs = t - phoneNowMs;
}

/** The server's time now, as well as the phone can tell (ms since 1970). */
export function serverNowMs(phoneNowMs: number = Date.now()): number {
  return phoneNowMs + offsetMs;
}

/** For tests. */
export function resetServerClock(): void {
  offsetMs = 0;
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
}

/** Time left until `untilIso`, rounded up to whole minutes; null once it has passed. */
export function remainingUntil(untilIso: string, nowMs: number): Remaining | null {
  const ms = Date.parse(untilIso) - nowMs;
  if (Number.isNaN(ms) || ms <= 0) return null;
  const total = Math.ceil(ms / MINUTE_MS);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** "还剩 2 天 5 小时" / "还剩 3 小时 20 分钟" / "还剩 8 分钟" / "已截止". */
export function remainingText(untilIso: string, nowMs: number = serverNowMs()): string {
  const left = remainingUntil(untilIso, nowMs);
  return left ? messages.ballots.remaining(left) : messages.ballots.deadlinePassed;
}

/** "11月30日 18:00" in Beijing time, with the year when it is not this year. */
export function formatMoment(iso: string, nowMs: number = serverNowMs()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + CHINA_OFFSET_MS);
  const year = new Date(nowMs + CHINA_OFFSET_MS).getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const md = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCFullYear() === year ? md : `${d.getUTCFullYear()}年${md}`;
}

/**
 * The phase now: the server's phase moved on by the clock (a ballot listed as 投票中 whose closing
 * time has since passed is 等待计票; an upcoming one whose opening time has come is 投票中).
 */
export function currentPhase(item: Pick<BallotListItem, 'phase' | 'opensAt' | 'closesAt'>, nowMs: number = serverNowMs()): BallotPhase {
  if (item.phase !== 'upcoming' && item.phase !== 'voting') return item.phase;
  if (nowMs >= Date.parse(item.closesAt)) return 'counting';
  if (nowMs >= Date.parse(item.opensAt)) return 'voting';
  return 'upcoming';
}

/**
 * The one time line a ballot row shows for its phase; none once closed (a ballot may be closed before
 * its closing time, and the list does not carry when: the result page says).
 */
export function ballotTimeLine(item: Pick<BallotListItem, 'phase' | 'opensAt' | 'closesAt'>, nowMs: number = serverNowMs()): string | null {
  const m = messages.ballots;
  switch (currentPhase(item, nowMs)) {
    case 'voting':
      return m.votingUntil(remainingText(item.closesAt, nowMs), formatMoment(item.closesAt, nowMs));
    case 'upcoming':
      return m.startsAt(formatMoment(item.opensAt, nowMs));
    case 'counting':
      return m.countingSince(formatMoment(item.closesAt, nowMs));
    case 'closed':
      return null;
    case 'draft':
    case 'cancelled':
    default:
      return m.plannedTimes(formatMoment(item.opensAt, nowMs), formatMoment(item.closesAt, nowMs));
  }
}
