import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { ROSTER_PAGE_SIZE_DEFAULT, type ApiErrorBody, type HouseholdListItem } from '@village/shared';
import { useRef, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LinkRow } from '../../../../components/LinkRow';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { getCurrentVillage } from '../../../../services/api/villages';
import { exportRoster, listHouseholds } from '../../../../services/api/roster';
import { canOverseeRoster } from '../../../../constants/roles';
import { Pager } from '../../components/Pager';
import { SearchBox } from '../../components/SearchBox';
import '../../roster.css';

const m = messages.roster;

/**
 * 户籍名册 (sub-package "roster"): find a household by 户号, address or any member's name, narrow
 * to one 网格, page through 20 at a time, open one. Committee members also get 导入, 网格 and 构成.
 */
export default function HouseholdsPage() {
  const router = useRouter();
  const { isCommittee, roles } = useMe();
  const [exportState, setExportState] = useState<{ busy: boolean; error: ApiErrorBody | null; done: boolean }>({
    busy: false,
    error: null,
    done: false,
  });

  async function exportXlsx(): Promise<void> {
    setExportState({ busy: true, error: null, done: false });
    const today = new Date();
    const stamp = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
    const result = await exportRoster(m.exportFile(stamp));
    setExportState({ busy: false, error: result.ok ? null : result.error, done: result.ok });
  }
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [gridId, setGridId] = useState<string | null>(router?.params?.gridId ?? null);
  const [page, setPage] = useState(1);
  const village = useRequest(getCurrentVillage);
  const list = useRequest(() => listHouseholds({ q, gridId: gridId ?? undefined, page, pageSize: ROSTER_PAGE_SIZE_DEFAULT }), [q, gridId, page]);
  const shown = useRef(false);

  // Back from a household (a changed 户代表, a move): refresh quietly, keeping the list on screen.
  useDidShow(() => {
    if (shown.current) list.reload({ quiet: true });
    shown.current = true;
  });

  function search(): void {
    setQ(input.trim());
    setPage(1);
  }

  function clear(): void {
    setInput('');
    setQ('');
    setPage(1);
  }

  function chooseGrid(id: string | null): void {
    setGridId(id);
    setPage(1);
  }

  const grids = village.status === 'success' ? village.data.grids : [];
  const gridName = grids.find((g) => g.id === gridId)?.name ?? null;

  return (
    <PageShell testId="roster-households-page">
      <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
        {m.listHeading}
      </Text>

      <SearchBox
        label={m.searchLabel}
        placeholder={m.searchPlaceholder}
        value={input}
        onChange={setInput}
        onSearch={search}
        buttonText={m.search}
        testId="roster-search"
      />
      {q ? (
        <View className="roster-actions">
          <Button className="big-button" type="default" fill="outline" onClick={clear} data-testid="roster-clear">
            {m.clear}
          </Button>
        </View>
      ) : null}

      {grids.length > 1 ? (
        <View className="section" data-testid="roster-grid-filter">
          <Text className="roster-muted">{m.gridFilterLabel}</Text>
          <View className="roster-chips" {...roleProps('radiogroup')} aria-label={m.gridFilterLabel}>
            {[{ id: null as string | null, name: m.allGrids }, ...grids.map((g) => ({ id: g.id as string | null, name: g.name }))].map((g) => (
              <Text
                key={g.id ?? 'all'}
                className={`roster-chip${gridId === g.id ? ' roster-chip--on' : ''}`}
                {...roleProps('radio')}
                aria-checked={gridId === g.id}
                onClick={() => chooseGrid(g.id)}
                {...pressProps(() => chooseGrid(g.id))}
              >
                {gridId === g.id ? `✓ ${g.name}` : g.name}
              </Text>
            ))}
          </View>
        </View>
      ) : null}

      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={() => list.reload()} /> : null}
      {list.status === 'success' ? (
        <View data-testid="roster-results">
          <Text className="roster-summary" {...roleProps('status')} data-testid="roster-summary">
            {q ? m.found(q, list.data.total) : gridName ? m.totalInGrid(gridName, list.data.total) : m.total(list.data.total)}
          </Text>
          {list.data.items.length === 0 ? (
            <View className="section" data-testid="roster-empty">
              <Notice tone="info" title={q ? m.emptyTitle(q) : m.emptyGridTitle}>
                {q ? <Text>{m.emptyHint}</Text> : null}
              </Notice>
              {q ? (
                <View className="section">
                  <Button className="big-button" type="primary" block onClick={clear}>
                    {m.clear}
                  </Button>
                </View>
              ) : null}
            </View>
          ) : (
            list.data.items.map((household) => <HouseholdRow key={household.id} household={household} />)
          )}
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </View>
      ) : null}

      {canOverseeRoster(roles) ? (
        <View className="section" data-testid="roster-export">
          {exportState.error ? <ErrorState error={exportState.error} title={m.downloadFailed} /> : null}
          {exportState.done ? <Notice tone="success" title={m.exported} /> : null}
          <Button className="big-button" type="default" fill="outline" block disabled={exportState.busy} onClick={() => void exportXlsx()}>
            {exportState.busy ? m.exporting : m.exportLink}
          </Button>
          <Text className="roster-muted">{m.exportHint}</Text>
        </View>
      ) : null}

      {isCommittee ? (
        <View className="section">
          <Text className="section__title">{m.moreTitle}</Text>
          <View className="roster-link">
            <LinkRow title={m.importLink} hint={m.importHint} url={routes.rosterImport} testId="roster-import-link" />
          </View>
          <View className="roster-link">
            <LinkRow title={m.gridsLink} hint={m.gridsHint} url={routes.rosterGrids} testId="roster-grids-link" />
          </View>
          <View className="roster-link">
            <LinkRow title={m.compositionLink} hint={m.compositionHint} url={routes.rosterComposition} testId="roster-composition-link" />
          </View>
        </View>
      ) : (
        <View className="section">
          <Text className="roster-muted">{m.readOnlyNote}</Text>
        </View>
      )}
    </PageShell>
  );
}

function HouseholdRow({ household }: { household: HouseholdListItem }) {
  return (
    <View
      className="roster-row"
      {...roleProps('link')}
      data-testid={`household-${household.number}`}
      onClick={() => void Taro.navigateTo({ url: withQuery(routes.rosterHousehold, { id: household.id }) })}
      {...pressProps(() => void Taro.navigateTo({ url: withQuery(routes.rosterHousehold, { id: household.id }) }))}
    >
      <View className="roster-row__main">
        <Text className="roster-row__title">
          {m.householdTitle(household.number)}　{m.representativeLine(household.representative?.name ?? null)}
        </Text>
        <Text className="roster-row__line">{household.address}</Text>
        <Text className="roster-row__sub">
          {m.gridAndGroup(household.grid.name, household.villageGroup.name)} · {m.membersCount(household.activeMembers)}
        </Text>
      </View>
      <Text className="roster-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
