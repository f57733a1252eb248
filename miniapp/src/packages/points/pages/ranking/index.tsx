import { Text, View } from '@tarojs/components';
import { formatPoints, type PointsRanking } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { getRanking } from '../../../../services/points';
import '../../components/points.css';

const m = messages.points;

type Scope = PointsRanking['scope'];

/**
 * 积分排名: this year's published points, 全村 or 本网格; each row its rank, the household as the
 * server masks it, and the points. My household's row has a thicker border and the word 我家.
 */
export default function PointsRankingPage() {
  const [scope, setScope] = useState<Scope>('village');
  const ranking = useRequest(() => getRanking({ scope }), [scope]);

  return (
    <PageShell testId="points-ranking-page">
      <Text className="pts-heading" {...roleProps('heading')} aria-level={1}>
        {m.rankingTitle}
      </Text>
      <View className="section">
        <ChoiceGroup label={m.scopeLabel} row testId="points-ranking-scope">
          <Choice label={m.scopeVillage} checked={scope === 'village'} onSelect={() => setScope('village')} compact testId="points-ranking-village" />
          <Choice label={m.scopeGrid} checked={scope === 'grid'} onSelect={() => setScope('grid')} compact testId="points-ranking-grid" />
        </ChoiceGroup>
      </View>
      {ranking.status === 'loading' ? <LoadingState /> : null}
      {ranking.status === 'error' ? <ErrorState error={ranking.error} onRetry={() => ranking.reload()} /> : null}
      {ranking.status === 'success' ? (
        <View className="section" data-testid="points-ranking-list">
          <Text className="pts-title" {...roleProps('heading')} aria-level={2}>
            {ranking.data.scope === 'grid' && ranking.data.grid ? ranking.data.grid.name : m.scopeVillage}
          </Text>
          <Text className="pts-muted">{m.rankingIntro(ranking.data.year)}</Text>
          {ranking.data.rows.length === 0 ? <Notice tone="info" title={m.rankingEmpty} testId="points-ranking-empty" /> : null}
          {ranking.data.rows.map((row) => (
            <View
              key={row.household.id}
              className={`pts-card${row.mine ? ' pts-card--mine' : ''}`}
              data-testid={row.mine ? 'points-ranking-mine' : `points-ranking-${row.household.id}`}
            >
              <View className="pts-row">
                <Text className="pts-rank">{m.rankNumber(row.rank)}</Text>
                <View className="pts-row__main">
                  <Text className="pts-line">{row.household.label}</Text>
                  {row.mine ? (
                    <View>
                      <Text className="tag tag--primary">{m.mineTag}</Text>
                    </View>
                  ) : null}
                </View>
                <View className="pts-row__side">
                  <Text className="pts-line pts-strong">{m.rankPoints(formatPoints(row.totalTenths))}</Text>
                </View>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
