import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { NOTICE_KIND_LABELS, daysBetween, type NoticePage, type Page, type NoticeQueryView, type Role, type VillageCadence } from '@village/shared';
import { useRef } from 'react';
import { LinkRow } from '../../components/LinkRow';
import { messages } from '../../constants/messages';
import { routes, withQuery } from '../../constants/routes';
import { useRequest } from '../../hooks/useRequest';
import { canComposeNotices, canSignoffNotices, getNoticeCadence, listAllQueries, listNotices } from '../../services/api/notices';
import { beijingToday } from '../../services/dates';
import type { Result } from '../../services/http';
import { noticeEventPosition, noticeEventsSince } from '../../services/noticeEvents';

const m = messages.notices;

interface Row {
  key: string;
  title: string;
  hint: string;
  url: string;
}

const none = (): Promise<Result<null>> => Promise.resolve({ ok: true, data: null, status: 200 });

/**
 * 待我办 from 村务公开, per UX.md "each person's first screen": everyone — notices not yet read;
 * the committee — categories whose disclosure is overdue (财务公开已逾期 25 天 → 写公告) and queries
 * waiting for an answer; supervisors — the same overdue categories, finance notices waiting for their sign-off and queries left
 * unanswered too long. A failed count shows nothing rather than a wrong number.
 */
export function NoticesTodo({ roles, othersShown = false }: { roles: readonly Role[]; /** Another 待我办 row is on show (a ballot): do not say "nothing to do". */ othersShown?: boolean }) {
  const committee = canComposeNotices(roles);
  const supervisor = canSignoffNotices(roles);
  const latest = useRequest(() => listNotices({ pageSize: 20 }), []);
  // The committee writes the overdue notice; supervisors see the same list to press for it (OL art. 30).
  const watchesCadence = committee || supervisor;
  const cadence = useRequest<VillageCadence | null>(() => (watchesCadence ? getNoticeCadence() : none()), [watchesCadence]);
  const openQueries = useRequest<Page<NoticeQueryView> | null>(() => (committee ? listAllQueries({ status: 'open', pageSize: 1 }) : none()), [committee]);
  const pending = useRequest<NoticePage | null>(() => (supervisor ? listNotices({ kind: 'finance', status: 'pending_signoff', pageSize: 1 }) : none()), [supervisor]);
  const overdue = useRequest<Page<NoticeQueryView> | null>(() => (supervisor ? listAllQueries({ status: 'open', overdue: true, pageSize: 1 }) : none()), [supervisor]);
  const seen = useRef(noticeEventPosition());

  useDidShow(() => {
    const events = noticeEventsSince(seen.current);
    seen.current = events.position;
    if (events.changed || events.readIds.length > 0) {
      for (const r of [latest, cadence, openQueries, pending, overdue]) r.reload({ quiet: true });
    }
  });

  const rows: Row[] = [];
  const today = beijingToday();
  if (cadence.data) {
    for (const c of cadence.data.categories.filter((x) => x.overdue)) {
      rows.push({
        key: `cadence-${c.category}`,
        title: m.homeOverdue(NOTICE_KIND_LABELS[c.category], Math.max(0, daysBetween(c.dueBy, today))),
        hint: c.explanation,
        url: committee ? withQuery(routes.noticeCompose, { kind: c.category }) : routes.notices,
      });
    }
  }
  if (pending.data) rows.push({ key: 'signoff', title: m.homeSignoff(pending.data.total), hint: m.homeSignoffHint, url: routes.noticeSignoff });
  if (overdue.data) rows.push({ key: 'overdue', title: m.homeOverdueQueries(overdue.data.total), hint: m.homeQueriesHint, url: routes.noticeQueries });
  if (openQueries.data && openQueries.data.total > 0) {
    rows.push({ key: 'queries', title: m.queriesLink, hint: m.queriesHint(openQueries.data.total), url: routes.noticeQueries });
  }
  const unread = latest.data ? latest.data.items.filter((i) => !i.read && i.status === 'published').length : 0;
  if (unread > 0) rows.push({ key: 'unread', title: m.homeUnread(unread), hint: m.homeUnreadHint, url: routes.notices });

  const settled = [latest, cadence, openQueries, pending, overdue].every((r) => r.status !== 'loading');
  return (
    <View data-testid="home-notices">
      {rows.map((row) => (
        <View className="home-todo-row" key={row.key}>
          <LinkRow title={row.title} hint={row.hint} url={row.url} testId={`home-notices-${row.key}`} />
        </View>
      ))}
      {settled && rows.length === 0 && !othersShown ? <Text className="home-card__muted">{messages.home.todoNothing}</Text> : null}
    </View>
  );
}
