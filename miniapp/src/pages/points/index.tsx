import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { formatPoints, quarterLabel, type HouseholdPoints, type Role } from '@village/shared';
import { useRef } from 'react';
import { roleProps } from '../../components/a11y';
import { AccountGate } from '../../components/AccountGate';
import { ErrorState } from '../../components/ErrorState';
import { LinkRow } from '../../components/LinkRow';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';
import { routes, withQuery } from '../../constants/routes';
import { useMe } from '../../hooks/useMe';
import { useRequest } from '../../hooks/useRequest';
import { getMyPoints, getPointsSettings, listRuleBooks } from '../../services/points';
import { villageRankText } from './standing';
import { Stars } from './Stars';
import { TrendBars } from './TrendBars';
import { pointsWork, useReviewCount } from './work';
import './index.css';

const m = messages.points;

/** Quarters in the trend: the last two years at most. */
const TREND_QUARTERS = 8;

/**
 * 积分 tab (main package, kept light): my household's balance in very large type, this quarter's
 * stars, the trend of the last quarters, this year's rank; the ways on (明细, 排名, 红黑榜, 积分超市,
 * 我的兑换, 我要申报积分); and for people with points roles, their work. Signed-out visitors and
 * accounts not yet bound are told how to get in. Coming back (after a redemption) reloads quietly.
 */
export default function PointsPage() {
  const { state: meState, me, roles } = useMe();
  const reloadRef = useRef<(() => void) | null>(null);

  usePullDownRefresh(() => {
    reloadRef.current?.();
    void Taro.stopPullDownRefresh();
  });

  return (
    <PageShell testId="points-page">
      <Text className="pts-tab-heading" {...roleProps('heading')} aria-level={1}>
        {m.heading}
      </Text>
      <Text className="pts-tab-para">{m.intro}</Text>

      <AccountGate state={meState} texts={m} testPrefix="points" />
      {me?.resident && !me.household ? (
        <View className="section">
          <Notice tone="info" title={m.noHousehold} testId="points-no-household" />
        </View>
      ) : null}

      {me?.resident ? <RuleBookLine /> : null}
      {me?.resident && me.household ? <MyStanding reloadRef={reloadRef} /> : null}
      {me?.resident ? <PointsWork roles={roles} /> : null}
    </PageShell>
  );
}

/** Says plainly when no rule book is in force yet (nothing can be recorded then); quiet otherwise. */
function RuleBookLine() {
  const books = useRequest(() => listRuleBooks(), []);
  if (books.status !== 'success' || books.data.effective) return null;
  return (
    <View className="section">
      <Notice tone="warning" title={m.noRuleBook} testId="points-no-rule-book" />
    </View>
  );
}

function MyStanding({ reloadRef }: { reloadRef: { current: (() => void) | null } }) {
  const mine = useRequest(() => getMyPoints(), []);
  const shown = useRef(false);
  reloadRef.current = () => mine.reload({ quiet: true });

  useDidShow(() => {
    if (shown.current) mine.reload({ quiet: true });
    shown.current = true;
  });

  return (
    <View>
      {mine.status === 'loading' ? <LoadingState /> : null}
      {mine.status === 'error' ? <ErrorState error={mine.error} title={m.loadFailed} onRetry={() => mine.reload()} /> : null}
      {mine.status === 'success' ? <Standing points={mine.data} /> : null}

      <View className="section" data-testid="points-entries">
        <Text className="pts-tab-title" {...roleProps('heading')} aria-level={2}>
          {m.entriesTitle}
        </Text>
        <LinkRow title={m.history} hint={m.historyHint} url={routes.pointsHistory} testId="points-history" />
        <LinkRow title={m.ranking} hint={m.rankingHint} url={routes.pointsRanking} testId="points-ranking" />
        <LinkRow title={m.board} hint={m.boardHint} url={routes.pointsBoard} testId="points-board" />
        <LinkRow title={m.shop} hint={m.shopHint} url={routes.pointsShop} testId="points-shop" />
        <LinkRow title={m.orders} hint={m.ordersHint} url={routes.pointsOrders} testId="points-orders" />
        <LinkRow title={m.selfReport} hint={m.selfReportHint} url={withQuery(routes.pointsRecord, { as: 'self' })} testId="points-self-report" />
      </View>
    </View>
  );
}

function Standing({ points }: { points: HouseholdPoints }) {
  const current = points.quarters[points.quarters.length - 1];
  // As many stars as the village has thresholds; the words say the count meanwhile (or if this fails).
  const settings = useRequest(() => getPointsSettings({ quiet: true }), []);
  const maxStars = settings.status === 'success' ? settings.data.starThresholdsTenths.length : null;
  const village = villageRankText(points);
  return (
    <View className="section pts-tab-card" data-testid="points-standing">
      <Text className="pts-tab-household">{points.household.label}</Text>
      <View className="pts-tab-balance" data-testid="points-balance">
        <Text className="pts-tab-balance__label">{m.balanceLabel}</Text>
        <Text className="pts-tab-balance__value">{m.balanceValue(formatPoints(points.balanceTenths))}</Text>
      </View>
      <Text className="pts-tab-line">{m.yearTotal(formatPoints(points.yearTotalTenths))}</Text>
      {points.unpublished.length > 0 ? <Text className="pts-tab-line">{m.pendingLine(points.unpublished.length)}</Text> : null}

      {current ? (
        <View className="pts-tab-block">
          <Text className="pts-tab-subtitle">{m.starsTitle(quarterLabel(current.quarter))}</Text>
          <Stars stars={current.stars} max={maxStars} testId="points-stars" />
          <Text className="pts-tab-muted">{m.starsHint}</Text>
        </View>
      ) : null}

      <View className="pts-tab-block">
        <Text className="pts-tab-subtitle">{m.rankTitle}</Text>
        {village ? (
          <Text className="pts-tab-rank" data-testid="points-village-rank">
            {village}
          </Text>
        ) : (
          <Text className="pts-tab-muted">{m.rankNone}</Text>
        )}
        {points.gridRank && points.grid ? (
          <Text className="pts-tab-line" data-testid="points-grid-rank">
            {m.gridRank(points.grid.name, points.gridRank.rank, points.gridRank.of)}
          </Text>
        ) : null}
      </View>

      <View className="pts-tab-block">
        <Text className="pts-tab-subtitle">{m.trendTitle}</Text>
        <TrendBars quarters={points.quarters.slice(-TREND_QUARTERS)} testId="points-trend" />
      </View>
    </View>
  );
}

function PointsWork({ roles }: { roles: readonly Role[] }) {
  const rows = pointsWork(roles, useReviewCount(roles));
  if (rows.length === 0) return null;
  return (
    <View className="section" data-testid="points-work">
      <Text className="pts-tab-title" {...roleProps('heading')} aria-level={2}>
        {m.workTitle}
      </Text>
      {rows.map((row) => (
        <LinkRow key={row.key} title={row.title} hint={row.hint} url={row.url} testId={`points-work-${row.key}`} />
      ))}
    </View>
  );
}
