import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { PROPOSAL_PAGE_SIZE_MAX, type ApiErrorBody, type ProposalListItem } from '@village/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { ProposalRow } from '../../../../pages/council/ProposalRow';
import { canWatchProposals, listProposals } from '../../../../services/api/proposals';
import { beijingToday } from '../../../../services/dates';
import { groupQueue, type QueueGroup } from '../../utils/form';
import '../../proposals.css';

const m = messages.proposals;

const GROUP_TITLE: Record<QueueGroup, (n: number) => string> = {
  review: m.queueReview,
  overdue: m.queueOverdue,
  due: m.queueDue,
  answered: m.queueAnswered,
};

interface QueueState {
  status: 'loading' | 'ready' | 'error';
  items: ProposalListItem[];
  total: number;
  page: number;
  error: ApiErrorBody | null;
  loadingMore: boolean;
}

/**
 * The 两委's triage queue (GET /api/proposals?queue=true): 内容待审核 first, then ⚠ 已超期未答复
 * (longest overdue first), then 等待答复 by deadline ("还剩 3 天"), then those answered and still
 * being worked on. Each row opens the proposal, where the actions are.
 */
export default function ProposalQueuePage() {
  const { me, roles, state: meState } = useMe();
  const allowed = canWatchProposals(roles);
  const [state, setState] = useState<QueueState>({ status: 'loading', items: [], total: 0, page: 0, error: null, loadingMore: false });
  const [moreError, setMoreError] = useState<ApiErrorBody | null>(null);
  const first = useRef(true);

  const load = useCallback(async (quiet: boolean) => {
    if (!quiet) setState((s) => ({ ...s, status: 'loading', error: null }));
    const r = await listProposals({ queue: true, page: 1, pageSize: PROPOSAL_PAGE_SIZE_MAX }, { quiet });
    if (r.ok) setState({ status: 'ready', items: r.data.items, total: r.data.total, page: 1, error: null, loadingMore: false });
    else if (!quiet) setState((s) => ({ ...s, status: 'error', error: r.error }));
  }, []);

  useEffect(() => {
    if (allowed) void load(false);
  }, [allowed, load]);

  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (allowed) void load(true);
  });

  usePullDownRefresh(() => {
    void load(true).finally(() => void Taro.stopPullDownRefresh());
  });

  async function loadMore(): Promise<void> {
    setMoreError(null);
    setState((s) => ({ ...s, loadingMore: true }));
    const r = await listProposals({ queue: true, page: state.page + 1, pageSize: PROPOSAL_PAGE_SIZE_MAX });
    if (r.ok) {
      setState((s) => {
        const seen = new Set(s.items.map((i) => i.id));
        return { ...s, items: [...s.items, ...r.data.items.filter((i) => !seen.has(i.id))], total: r.data.total, page: s.page + 1, loadingMore: false };
      });
    } else {
      setState((s) => ({ ...s, loadingMore: false }));
      setMoreError(r.error);
    }
  }

  const today = beijingToday();
  const groups = groupQueue(state.items);
  return (
    <PageShell testId="proposal-queue-page">
      <Text className="prop-heading" {...roleProps('heading')} aria-level={1}>
        {m.queueTitle}
      </Text>
      <Text className="prop-para">{m.queueIntro}</Text>
      {meState.status === 'loading' ? <LoadingState /> : null}
      {me && !allowed ? (
        <View className="section">
          <Notice tone="info" title={m.committeeOnly} testId="proposal-queue-not-allowed" />
        </View>
      ) : null}
      {allowed && state.status === 'loading' ? <LoadingState /> : null}
      {allowed && state.status === 'error' && state.error ? <ErrorState error={state.error} onRetry={() => void load(false)} /> : null}
      {allowed && state.status === 'ready' ? (
        <View>
          {state.items.length === 0 ? (
            <View className="section">
              <Notice tone="success" title={`✓ ${m.queueEmpty}`} testId="proposal-queue-empty" />
            </View>
          ) : null}
          {groups.map((g) => (
            <View key={g.group} className="section" data-testid={`proposal-queue-${g.group}`}>
              <Text className={g.group === 'overdue' ? 'prop-card__title prop-overdue-title' : 'prop-card__title'} {...roleProps('heading')} aria-level={2}>
                {GROUP_TITLE[g.group](g.items.length)}
              </Text>
              {g.items.map((item) => (
                <ProposalRow key={item.id} item={item} today={today} />
              ))}
            </View>
          ))}
          {moreError ? <ErrorState error={moreError} title={m.loadMoreFailed} onRetry={() => void loadMore()} /> : null}
          {state.items.length < state.total && !moreError ? (
            <Button className="big-button prop-gap" type="default" fill="outline" block disabled={state.loadingMore} onClick={() => void loadMore()} data-testid="proposal-queue-more">
              {state.loadingMore ? m.loadingMore : m.loadMore}
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
