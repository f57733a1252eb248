import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import { pressProps, roleProps } from '../../components/a11y';
import { AccountGate } from '../../components/AccountGate';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { NoticeRow } from '../../components/NoticeRow';
import { Button } from '../../components/nutui';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';
import { useMe } from '../../hooks/useMe';
import { NOTICE_TABS, useNoticeList, type NoticeTab } from '../../hooks/useNoticeList';
import { canComposeNotices } from '../../services/api/notices';
import { noticeEventPosition, noticeEventsSince } from '../../services/noticeEvents';
import { WorkSection, type WorkSectionHandle } from './WorkSection';
import './index.css';

const m = messages.notices;

/**
 * 公开 tab (main package, kept light): category tabs, pinned first, 未读 in words, the window in
 * words, 已更正 on superseded notices; more pages load as the villager scrolls, and pulling down
 * reloads. The committee and the supervisors get their work on top (WorkSection). Signed-out
 * visitors and accounts not yet bound are told how to get in.
 */
export default function NoticesPage() {
  const { state: meState, me, roles } = useMe();
  const member = Boolean(me?.resident);
  const list = useNoticeList(member);
  const work = useRef<WorkSectionHandle>(null);
  const seen = useRef(noticeEventPosition());

  useDidShow(() => {
    const events = noticeEventsSince(seen.current);
    seen.current = events.position;
    if (events.changed) {
      void list.reload({ quiet: true });
      work.current?.reload();
    } else {
      list.markRead(events.readIds);
    }
  });

  usePullDownRefresh(() => {
    work.current?.reload();
    void list.reload({ quiet: true }).finally(() => void Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void list.loadMore();
  });

  const { state } = list;
  const tabLabel = m.tabs[state.tab];

  return (
    <PageShell testId="notices-page">
      <Text className="notices-heading" {...roleProps('heading')} aria-level={1}>
        {m.heading}
      </Text>
      <Text className="notices-para">{m.intro}</Text>

      <AccountGate state={meState} texts={m} testPrefix="notices" />

      {member ? <WorkSection ref={work} roles={roles} /> : null}

      {member ? (
        <View className="section" data-testid="notices-list">
          <View className="notices-tabs" {...roleProps('tablist')} aria-label={m.tabsLabel}>
            {NOTICE_TABS.map((tab) => (
              <TabButton key={tab} tab={tab} selected={state.tab === tab} onSelect={() => list.setTab(tab)} />
            ))}
          </View>

          {state.status === 'loading' ? <LoadingState /> : null}
          {state.status === 'error' && state.error ? <ErrorState error={state.error} onRetry={() => void list.reload()} /> : null}
          {state.status === 'ready' && state.items.length === 0 && !list.hasMore ? (
            <View className="section" data-testid="notices-empty">
              <Notice tone="info" title={state.tab === 'all' ? m.empty : m.emptyTab(tabLabel)}>
                {canComposeNotices(roles) ? <Text>{m.emptyCommittee}</Text> : null}
              </Notice>
            </View>
          ) : null}
          {state.status === 'ready'
            ? state.items.map((item) => <NoticeRow key={item.id} item={item} />)
            : null}

          {state.status === 'ready' && state.moreError ? (
            <View className="section">
              <ErrorState error={state.moreError} title={m.loadMoreFailed} onRetry={() => void list.loadMore()} />
            </View>
          ) : null}
          {state.status === 'ready' && list.hasMore && !state.moreError ? (
            <Button
              className="big-button notices-gap"
              type="default"
              fill="outline"
              block
              disabled={state.loadingMore}
              onClick={() => void list.loadMore()}
              data-testid="notices-more"
            >
              {state.loadingMore ? m.loadingMore : m.loadMore}
            </Button>
          ) : null}
          {state.status === 'ready' && !list.hasMore && state.items.length > 0 ? (
            <Text className="notices-end" data-testid="notices-end">
              {m.allShown(state.items.length)}
            </Text>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}

function TabButton({ tab, selected, onSelect }: { tab: NoticeTab; selected: boolean; onSelect: () => void }) {
  return (
    <Text
      className={`notices-tab${selected ? ' notices-tab--on' : ''}`}
      {...roleProps('tab')}
      aria-selected={selected}
      onClick={onSelect}
      {...pressProps(onSelect)}
      data-testid={`notices-tab-${tab}`}
    >
      {m.tabs[tab]}
    </Text>
  );
}
