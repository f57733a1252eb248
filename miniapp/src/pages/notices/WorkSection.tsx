import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticePage, NoticeQueryView, Page, Role } from '@village/shared';
import { forwardRef, useImperativeHandle } from 'react';
import { roleProps } from '../../components/a11y';
import { LinkRow } from '../../components/LinkRow';
import { NoticeRow } from '../../components/NoticeRow';
import { Button } from '../../components/nutui';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';
import { useRequest } from '../../hooks/useRequest';
import { canComposeNotices, canSignoffNotices, listAllQueries, listNotices } from '../../services/api/notices';
import type { Result } from '../../services/http';

const m = messages.notices;

export interface WorkSectionHandle {
  reload: () => void;
}

/** A count from a list call (pageSize 1 → `total`); null while loading or when it failed (the row still works). */
function total(state: { status: string; data: { total: number } | null }): number | null {
  return state.status === 'success' && state.data ? state.data.total : null;
}

const none = (): Promise<Result<null>> => Promise.resolve({ ok: true, data: null, status: 200 });

/**
 * The 公开 tab's top for those who act on notices. The committee: 发布公告 (the page's main action),
 * their drafts and those waiting for the 监委会, and the queries not yet answered. Supervisors: the
 * finance notices waiting for their sign-off (with the count) and the queries, overdue first.
 */
export const WorkSection = forwardRef<WorkSectionHandle, { roles: readonly Role[] }>(function WorkSection({ roles }, ref) {
  const committee = canComposeNotices(roles);
  const supervisor = canSignoffNotices(roles);
  const drafts = useRequest<NoticePage | null>(() => (committee ? listNotices({ status: 'draft', pageSize: 20 }) : none()), [committee]);
  const pending = useRequest<NoticePage | null>(
    () => (committee || supervisor ? listNotices({ status: 'pending_signoff', pageSize: 20 }) : none()),
    [committee, supervisor],
  );
  const openQueries = useRequest<Page<NoticeQueryView> | null>(() => (committee ? listAllQueries({ status: 'open', pageSize: 1 }) : none()), [committee]);
  const overdueQueries = useRequest<Page<NoticeQueryView> | null>(
    () => (supervisor ? listAllQueries({ status: 'open', overdue: true, pageSize: 1 }) : none()),
    [supervisor],
  );

  useImperativeHandle(ref, () => ({
    reload: () => {
      drafts.reload({ quiet: true });
      pending.reload({ quiet: true });
      openQueries.reload({ quiet: true });
      overdueQueries.reload({ quiet: true });
    },
  }));

  if (!committee && !supervisor) return null;
  const waiting = [...(drafts.data?.items ?? []), ...(pending.data?.items ?? [])];

  return (
    <View data-testid="notices-work">
      {committee ? (
        <View className="section">
          <Button
            className="big-button"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: routes.noticeCompose })}
            data-testid="notices-compose"
          >
            {m.compose}
          </Button>
        </View>
      ) : null}

      {committee && waiting.length > 0 ? (
        <View className="section notices-card" data-testid="notices-drafts">
          <Text className="section__title" {...roleProps('heading')} aria-level={2}>
            {m.draftsTitle}
          </Text>
          {waiting.map((item) => (
            <NoticeRow key={item.id} item={item} testId={`notices-draft-${item.id}`} />
          ))}
        </View>
      ) : null}

      {supervisor ? (
        <View className="section">
          <LinkRow
            title={m.signoffLink}
            hint={m.signoffHint(total(pending))}
            url={routes.noticeSignoff}
            testId="notices-signoff-link"
          />
        </View>
      ) : null}

      <View className="section">
        <LinkRow
          title={m.queriesLink}
          hint={committee ? m.queriesHint(total(openQueries)) : m.supervisorQueriesHint(total(overdueQueries))}
          url={routes.noticeQueries}
          testId="notices-queries-link"
        />
      </View>
    </View>
  );
});
