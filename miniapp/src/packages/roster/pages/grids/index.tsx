import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RosterGrid } from '@village/shared';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useRequest } from '../../../../hooks/useRequest';
import { listGrids } from '../../../../services/api/roster';
import '../../roster.css';
import './index.css';

const m = messages.roster;

/** 网格和网格员 (sub-package "roster"): each 网格 with its 网格员 (or "暂缺" in words) and counts. */
export default function GridsPage() {
  const grids = useRequest(listGrids);
  return (
    <PageShell testId="roster-grids-page">
      <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
        {m.gridsHeading}
      </Text>
      {grids.status === 'loading' ? <LoadingState /> : null}
      {grids.status === 'error' ? <ErrorState error={grids.error} onRetry={() => grids.reload()} /> : null}
      {grids.status === 'success' ? (
        grids.data.length === 0 ? (
          <View className="section">
            <Notice tone="info" title={m.gridsEmpty} />
          </View>
        ) : (
          <View>
            <Text className="roster-summary" data-testid="grids-summary">
              {m.gridsSummary(grids.data.length, grids.data.reduce((sum, g) => sum + g.households, 0))}
            </Text>
            {[...grids.data].sort((a, b) => a.sortOrder - b.sortOrder).map((grid) => (
              <GridRow key={grid.id} grid={grid} />
            ))}
          </View>
        )
      ) : null}
    </PageShell>
  );
}

function GridRow({ grid }: { grid: RosterGrid }) {
  return (
    <View
      className="roster-row"
      {...roleProps('link')}
      data-testid={`grid-${grid.name}`}
      onClick={() => void Taro.navigateTo({ url: withQuery(routes.rosterHouseholds, { gridId: grid.id }) })}
      {...pressProps(() => void Taro.navigateTo({ url: withQuery(routes.rosterHouseholds, { gridId: grid.id }) }))}
    >
      <View className="roster-row__main">
        <Text className="roster-row__title">{grid.name}</Text>
        {grid.leader ? (
          <View>
            <Text className="roster-row__line grid__leader">{m.gridLeader(grid.leader.name)}</Text>
            <Text className="roster-row__sub">
              {m.gridLeaderFrom(grid.leader.householdNumber)}
              {grid.leader.phoneMasked ? ` · ${grid.leader.phoneMasked}` : ''}
            </Text>
          </View>
        ) : (
          <Text className="roster-row__line grid__missing">{m.gridLeaderMissing}</Text>
        )}
        <Text className="roster-row__sub">
          {m.gridCounts(grid.households, grid.residents)} · {m.gridOpen}
        </Text>
      </View>
      <Text className="roster-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
