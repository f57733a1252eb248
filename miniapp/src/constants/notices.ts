/**
 * How a notice is described in words wherever it appears (公开 tab, 首页, the notice pages): its
 * category, 置顶, 未读, where it stands in its disclosure window, 已更正. Colour is never the only
 * signal: every state is a word.
 */
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS, type NoticeKind, type NoticeListItem } from '@village/shared';
import { beijingToday, dayText, instantDayText } from '../services/dates';
import { messages } from './messages';

const m = messages.notices;

export type NoticeTagTone = 'primary' | 'warning' | 'muted' | 'plain' | 'unread';

export interface NoticeTag {
  key: string;
  text: string;
  tone: NoticeTagTone;
}

export function kindLabel(kind: NoticeKind): string {
  return NOTICE_KIND_LABELS[kind] ?? kind;
}

/** Where a published notice stands: in its window, before it, or after it. */
export type WindowState = 'in' | 'before' | 'after';

export function windowState(item: Pick<NoticeListItem, 'inWindow' | 'window'>, today: string = beijingToday()): WindowState {
  if (item.inWindow) return 'in';
  return today < item.window.startsOn ? 'before' : 'after';
}

/** 公开中 / 公示期已结束 / 12月1日起公示; for drafts and the like, their status (草稿, 待监委会审核, 已归档). */
export function stateText(item: Pick<NoticeListItem, 'status' | 'inWindow' | 'window'>, today?: string): { text: string; tone: NoticeTagTone } {
  if (item.status !== 'published') {
    return { text: NOTICE_STATUS_LABELS[item.status], tone: item.status === 'archived' ? 'muted' : 'warning' };
  }
  const state = windowState(item, today);
  if (state === 'in') return { text: m.inWindow, tone: 'primary' };
  if (state === 'before') return { text: m.windowNotStarted(dayText(item.window.startsOn)), tone: 'plain' };
  return { text: m.windowEnded, tone: 'muted' };
}

/** The labels of a notice, in reading order: 置顶, 未读, category, state, 更正公告 / 已更正, 仅党员. */
export function noticeTags(item: NoticeListItem, options: { today?: string; showUnread?: boolean } = {}): NoticeTag[] {
  const tags: NoticeTag[] = [];
  // A published notice stays on top only while in its window; a draft shows what it will be.
  if (item.pinned && (item.status !== 'published' || item.inWindow)) tags.push({ key: 'pinned', text: m.pinned, tone: 'warning' });
  if (options.showUnread !== false && !item.read && item.status === 'published') tags.push({ key: 'unread', text: m.unread, tone: 'unread' });
  tags.push({ key: 'kind', text: kindLabel(item.kind), tone: 'plain' });
  const state = stateText(item, options.today);
  tags.push({ key: 'state', text: state.text, tone: state.tone });
  if (item.supersededBy) tags.push({ key: 'superseded', text: m.superseded, tone: 'warning' });
  else if (item.supersedes) tags.push({ key: 'correction', text: m.correction, tone: 'plain' });
  if (item.audience === 'party_members') tags.push({ key: 'audience', text: m.partyOnly, tone: 'plain' });
  return tags;
}

/** "11月25日公开 · 公示到12月2日", or for a draft "11月20日写". */
export function noticeDateLine(item: Pick<NoticeListItem, 'publishedAt' | 'window'> & { createdAt?: string }): string {
  const parts: string[] = [];
  if (item.publishedAt) parts.push(m.publishedOn(instantDayText(item.publishedAt)));
  else if (item.createdAt) parts.push(m.createdOn(instantDayText(item.createdAt)));
  parts.push(m.windowUntil(dayText(item.window.endsOn)));
  return parts.join(' · ');
}

/** "附件 2 个 · 待答复的询问 1 条", or '' when there is neither. */
export function noticeCountsLine(item: Pick<NoticeListItem, 'attachmentCount' | 'openQueryCount'>): string {
  const parts: string[] = [];
  if (item.attachmentCount > 0) parts.push(m.attachments(item.attachmentCount));
  if (item.openQueryCount > 0) parts.push(m.openQueries(item.openQueryCount));
  return parts.join(' · ');
}

/** The share card's title: 【财务公开】2026年10月财务收支. */
export function shareTitle(item: Pick<NoticeListItem, 'kind' | 'title'>): string {
  return m.shareTitle(kindLabel(item.kind), item.title);
}
