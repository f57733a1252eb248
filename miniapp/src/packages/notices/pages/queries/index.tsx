import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeQueryStatus, NoticeQueryView } from '@village/shared';
import { useEffect, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { canComposeNotices, listAllQueries } from '../../../../services/api/notices';
import { QueryCard } from '../../components/QueryCard';
import { overdueFirst, upsertQuery } from '../../utils/queries';
import '../../notices.css';

const m = messages.notices;
const PAGE_SIZE = 20;

type Filter = 'open' | 'pending_review' | 'answered' | 'all';

/**
 * 村民的询问 (committee and supervisors): unanswered first, overdue ones at the top marked
 * 超期未答复. The committee answers here, and releases or rejects the ones WeChat's check sent for
 * review; supervisors read.
 */
export default function QueriesPage() {
  const { roles } = useMe();
  const committee = canComposeNotices(roles);
  const [filter, setFilter] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<NoticeQueryView[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const status: NoticeQueryStatus | undefined = filter === 'all' ? undefined : filter;
  const list = useRequest(() => listAllQueries({ status, page, pageSize: PAGE_SIZE }), [filter, page]);

  useEffect(() => {
    if (list.status !== 'success') return;
    setItems((prev) => {
      const fresh = page === 1 ? list.data.items : [...prev, ...list.data.items.filter((q) => !prev.some((p) => p.id === q.id))];
      return overdueFirst(fresh);
    });
  }, [list.status, list.data, page]);

  const filters: Filter[] = committee ? ['open', 'pending_review', 'answered', 'all'] : ['open', 'answered', 'all'];
  const total = list.status === 'success' ? list.data.total : null;
  const overdue = items.filter((q) => q.overdue && q.status === 'open').length;

  function choose(next: Filter): void {
    setFilter(next);
    setPage(1);
    setItems([]);
    setDone(null);
  }

  return (
    <PageShell testId="notice-queries-page">
      <Text className="nt-heading" {...roleProps('heading')} aria-level={1}>
        {m.queriesPageHeading}
      </Text>
      <Text className="nt-para">{committee ? m.queriesPageIntro : m.queriesPageIntroSupervisor}</Text>
      <View className="nt-chips" {...roleProps('radiogroup')} aria-label={m.queryFiltersLabel}>
        {filters.map((f) => (
          <Text
            key={f}
            className={`nt-chip${filter === f ? ' nt-chip--on' : ''}`}
            {...roleProps('radio')}
            aria-checked={filter === f}
            onClick={() => choose(f)}
            {...pressProps(() => choose(f))}
            data-testid={`queries-filter-${f}`}
          >
            {filter === f ? `✓ ${m.queryFilters[f]}` : m.queryFilters[f]}
          </Text>
        ))}
      </View>

      {done ? (
        <View className="section">
          <Notice tone="success" title={done} testId="queries-done" />
        </View>
      ) : null}

      <View className="section" data-testid="queries-list">
        {list.status === 'loading' && items.length === 0 ? <LoadingState /> : null}
        {list.status === 'error' ? <ErrorState error={list.error} onRetry={() => list.reload()} /> : null}
        {total !== null ? (
          <Text className="nt-para nt-strong" data-testid="queries-total">
            {m.queriesTotal(total)}
            {overdue > 0 ? `，${m.queriesOverdue(overdue)}` : ''}
          </Text>
        ) : null}
        {list.status === 'success' && items.length === 0 ? <Text className="nt-para">{m.queriesEmpty[filter]}</Text> : null}
        {items.map((q) => (
          <QueryCard
            key={q.id}
            query={q}
            showNotice
            canAnswer={committee}
            canReview={committee}
            onChanged={(next, message) => {
              setItems((all) => overdueFirst(upsertQuery(all, next)));
              setDone(message);
              void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
            }}
          />
        ))}
        {total !== null && items.length < total ? (
          <Button
            className="big-button nt-gap"
            type="default"
            fill="outline"
            block
            disabled={list.status === 'loading'}
            onClick={() => setPage((p) => p + 1)}
            data-testid="queries-more"
          >
            {list.status === 'loading' ? m.loadingMore : m.loadMore}
          </Button>
        ) : null}
      </View>
    </PageShell>
  );
}
