import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PROPOSAL_REPLY_DAYS_DEFAULT, type ApiErrorBody, type ProposalListItem } from '@village/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { pressProps, roleProps } from '../../components/a11y';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { Button } from '../../components/nutui';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';
import { listProposals } from '../../services/api/proposals';
import { beijingToday } from '../../services/dates';
import { ProposalRow } from './ProposalRow';
import './ProposalsSection.css';

const m = messages.proposals;
const PAGE_SIZE = 20;

export type ProposalTab = 'hot' | 'new' | 'mine';
const TABS: readonly ProposalTab[] = ['hot', 'new', 'mine'];

interface ListState {
  status: 'loading' | 'ready' | 'error';
  items: ProposalListItem[];
  total: number;
  page: number;
  error: ApiErrorBody | null;
  loadingMore: boolean;
  moreError: ApiErrorBody | null;
}

const initial: ListState = { status: 'loading', items: [], total: 0, page: 0, error: null, loadingMore: false, moreError: null };

function queryFor(tab: ProposalTab, page: number) {
  return tab === 'mine' ? { mine: true, sort: 'new' as const, page, pageSize: PAGE_SIZE } : { sort: tab, page, pageSize: PAGE_SIZE };
}

/**
 * 村民提议 on the 议事 tab: 热门 / 最新 / 我的, each row with its category, status in words, co-sign
 * count and reply badge (⚠ 已超期 in words); the big "＋ 我要提议" on top; 加载更多 at the end. A new
 * `reloadKey` (coming back to the tab, pulling down) reloads the first page quietly.
 */
export function ProposalsSection({ reloadKey }: { reloadKey: number }) {
  const [tab, setTab] = useState<ProposalTab>('hot');
  const [list, setList] = useState<ListState>(initial);
  const generation = useRef(0);

  const load = useCallback(async (which: ProposalTab, quiet: boolean) => {
    const mine = ++generation.current;
    if (!quiet) setList(initial);
    const r = await listProposals(queryFor(which, 1), { quiet: true });
    if (mine !== generation.current) return;
    if (r.ok) setList({ ...initial, status: 'ready', items: r.data.items, total: r.data.total, page: 1 });
    else if (!quiet) setList({ ...initial, status: 'error', error: r.error });
  }, []);

  const firstKey = useRef(reloadKey);
  useEffect(() => {
    void load(tab, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab]);
  useEffect(() => {
    if (reloadKey === firstKey.current) return;
    void load(tab, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);

  async function loadMore(): Promise<void> {
    if (list.loadingMore) return;
    const mine = generation.current;
    setList((l) => ({ ...l, loadingMore: true, moreError: null }));
    const r = await listProposals(queryFor(tab, list.page + 1), { quiet: true });
    if (mine !== generation.current) return;
    if (r.ok) {
      setList((l) => {
        const seen = new Set(l.items.map((i) => i.id));
        return { ...l, items: [...l.items, ...r.data.items.filter((i) => !seen.has(i.id))], total: r.data.total, page: l.page + 1, loadingMore: false };
      });
    } else setList((l) => ({ ...l, loadingMore: false, moreError: r.error }));
  }

  const hasMore = list.status === 'ready' && list.items.length < list.total;
  const today = beijingToday();
  return (
    <View className="section council-card" data-testid="council-proposals">
      <Text className="council-title" {...roleProps('heading')} aria-level={2}>
        {m.heading}
      </Text>
      <Text className="council-para">{m.intro(PROPOSAL_REPLY_DAYS_DEFAULT)}</Text>
      <Button className="big-button council-gap" type="primary" block onClick={() => void Taro.navigateTo({ url: routes.proposalCreate })} data-testid="council-proposal-create">
        {m.create}
      </Button>

      <View className="proposal-tabs" {...roleProps('tablist')} aria-label={m.sortLabel} data-testid="council-proposal-tabs">
        {TABS.map((t) => {
          const select = () => setTab(t);
          const selected = t === tab;
          return (
            <View
              key={t}
              className={`proposal-tabs__tab${selected ? ' proposal-tabs__tab--on' : ''}`}
              {...roleProps('tab')}
              aria-selected={selected}
              onClick={select}
              {...pressProps(select)}
              data-testid={`council-proposal-tab-${t}`}
            >
              <Text>{selected ? `✓ ${m.sorts[t]}` : m.sorts[t]}</Text>
            </View>
          );
        })}
      </View>

      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' && list.error ? <ErrorState error={list.error} onRetry={() => void load(tab, false)} /> : null}
      {list.status === 'ready' ? (
        <View data-testid={`council-proposals-${tab}`}>
          {list.items.length === 0 ? (
            <View className="section" data-testid="council-proposals-empty">
              <Notice tone="info" title={tab === 'mine' ? m.emptyMine : m.empty} />
            </View>
          ) : null}
          {list.items.map((item) => (
            <ProposalRow key={item.id} item={item} today={today} />
          ))}
          {list.moreError ? <ErrorState error={list.moreError} title={m.loadMoreFailed} onRetry={() => void loadMore()} /> : null}
          {hasMore && !list.moreError ? (
            <Button className="big-button council-gap" type="default" fill="outline" block disabled={list.loadingMore} onClick={() => void loadMore()} data-testid="council-proposals-more">
              {list.loadingMore ? m.loadingMore : m.loadMore}
            </Button>
          ) : null}
          {!hasMore && list.items.length > 0 ? (
            <Text className="council-muted council-end" data-testid="council-proposals-end">
              {m.allShown(list.items.length)}
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
