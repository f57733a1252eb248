import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { formatPoints, formatPointsChange, LEDGER_ENTRY_KIND_LABELS, type HouseholdPoints, type LedgerEntryView, type PointsRecordPage } from '@village/shared';
import { useRef } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useRequest } from '../../../../hooks/useRequest';
import { instantDayText } from '../../../../services/dates';
import type { Result } from '../../../../services/http';
import { getMyPoints, listPointsRecords } from '../../../../services/points';
import { RecordSummary } from '../../components/RecordSummary';
import '../../components/points.css';

const m = messages.points;

/** Published records fetched to find the ones still in (or answered during) the 公示 window. */
const PUBLISHED_PAGE = 50;

interface History {
  points: HouseholdPoints;
  published: PointsRecordPage;
}

/** The household's standing and its published records, as one answer (either failing fails the page). */
async function loadHistory(): Promise<Result<History>> {
  const points = await getMyPoints();
  if (!points.ok) return points;
  const published = await listPointsRecords({ householdId: points.data.household.id, status: 'published', pageSize: PUBLISHED_PAGE });
  if (!published.ok) return published;
  return { ok: true, status: 200, data: { points: points.data, published: published.data } };
}

/**
 * 积分明细: records not yet in the ledger with their status (and why one was not approved), the
 * records in the 公示 window with 申请复议 and any appeal's answer, then the ledger newest first —
 * what, when, the change and the balance after it.
 */
export default function PointsHistoryPage() {
  const history = useRequest(loadHistory, []);
  const shown = useRef(false);

  useDidShow(() => {
    if (shown.current) history.reload({ quiet: true });
    shown.current = true;
  });

  return (
    <PageShell testId="points-history-page">
      <Text className="pts-heading" {...roleProps('heading')} aria-level={1}>
        {m.historyTitle}
      </Text>
      {history.status === 'loading' ? <LoadingState /> : null}
      {history.status === 'error' ? <ErrorState error={history.error} onRetry={() => history.reload()} /> : null}
      {history.status === 'success' ? <HistoryBody history={history.data} /> : null}
    </PageShell>
  );
}

function HistoryBody({ history }: { history: History }) {
  const { points } = history;
  const inWindow = history.published.items.filter((r) => r.canAppeal || r.appeal);
  return (
    <View>
      <Text className="pts-para">{points.household.label}</Text>
      <Text className="pts-big">{m.balanceLine(formatPoints(points.balanceTenths))}</Text>

      {points.unpublished.length > 0 ? (
        <View className="section" data-testid="points-history-unpublished">
          <Text className="pts-title" {...roleProps('heading')} aria-level={2}>
            {m.unpublishedTitle}
          </Text>
          <Text className="pts-muted">{m.unpublishedHint}</Text>
          {points.unpublished.map((r) => (
            <RecordSummary key={r.id} record={r} testId={`points-record-${r.id}`} />
          ))}
        </View>
      ) : null}

      {inWindow.length > 0 ? (
        <View className="section" data-testid="points-history-window">
          <Text className="pts-title" {...roleProps('heading')} aria-level={2}>
            {m.windowTitle}
          </Text>
          <Text className="pts-muted">{m.windowHint}</Text>
          {inWindow.map((r) => (
            <RecordSummary key={r.id} record={r} testId={`points-record-${r.id}`}>
              {r.canAppeal ? (
                <Button
                  className="big-button pts-gap"
                  type="default"
                  fill="outline"
                  block
                  onClick={() => void Taro.navigateTo({ url: withQuery(routes.pointsAppeal, { recordId: r.id }) })}
                  data-testid={`points-appeal-${r.id}`}
                >
                  {m.appeal}
                </Button>
              ) : null}
            </RecordSummary>
          ))}
        </View>
      ) : null}

      <View className="section" data-testid="points-history-ledger">
        <Text className="pts-title" {...roleProps('heading')} aria-level={2}>
          {m.ledgerTitle}
        </Text>
        {points.ledger.length === 0 ? (
          <Notice tone="info" title={m.ledgerEmpty} testId="points-history-empty" />
        ) : (
          points.ledger.map((entry) => <LedgerRow key={entry.id} entry={entry} />)
        )}
      </View>
    </View>
  );
}

function LedgerRow({ entry }: { entry: LedgerEntryView }) {
  return (
    <View className="pts-card" data-testid={`points-ledger-${entry.id}`}>
      <View className="pts-row">
        <View className="pts-row__main">
          <Text className="pts-line pts-strong">{entry.description}</Text>
          <Text className="pts-muted">{m.recordMeta(instantDayText(entry.createdAt), LEDGER_ENTRY_KIND_LABELS[entry.kind])}</Text>
        </View>
        <View className="pts-row__side">
          <Text className={`pts-change ${entry.amountTenths < 0 ? 'pts-change--minus' : 'pts-change--plus'}`}>{formatPointsChange(entry.amountTenths)}</Text>
          <Text className="pts-muted">{m.ledgerAfter(formatPoints(entry.balanceTenths))}</Text>
        </View>
      </View>
    </View>
  );
}
