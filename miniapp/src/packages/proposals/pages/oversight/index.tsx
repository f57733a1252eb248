import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ApiErrorBody, VillageOversightRow } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { downloadTownshipOversight, getTownshipOversight } from '../../../../services/api/proposals';
import type { Result } from '../../../../services/http';
import { OVERSIGHT_SORTS, percent, problemCount, sortOversight, type OversightSort } from '../../utils/form';
import '../../proposals.css';

const m = messages.proposals;

const none = (): Promise<Result<VillageOversightRow[]>> => Promise.resolve({ ok: true, data: [], status: 200 });

/**
 * 乡镇干部's oversight of the township's villages: one card per village with the five figures —
 * overdue disclosures, proposals answered late, open 要求纠正 opinions, convening obligations
 * (and how many are overdue), the average 知晓率 — a problem in red with ⚠ and words; sorted by the
 * figure chosen; "导出表格" saves the same as a CSV.
 */
export default function TownshipOversightPage() {
  const { me, state: meState } = useMe();
  const township = Boolean(me?.township);
  const rows = useRequest(() => (township ? getTownshipOversight() : none()), [township]);
  const [sort, setSort] = useState<OversightSort>('problems');
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState(false);
  const [exportError, setExportError] = useState<ApiErrorBody | null>(null);

  usePullDownRefresh(() => {
    rows.reload({ quiet: true });
    void Taro.stopPullDownRefresh();
  });

  async function exportCsv(): Promise<void> {
    setExporting(true);
    setExported(false);
    setExportError(null);
    const r = await downloadTownshipOversight(m.exportFile);
    setExporting(false);
    if (r.ok) setExported(true);
    else setExportError(r.error);
  }

  const sorted = rows.data ? sortOversight(rows.data, sort) : [];
  return (
    <PageShell testId="township-oversight-page">
      <Text className="prop-heading" {...roleProps('heading')} aria-level={1}>
        {m.oversightTitle}
      </Text>
      <Text className="prop-para">{m.oversightIntro}</Text>
      {meState.status === 'loading' ? <LoadingState /> : null}
      {me && !township ? (
        <View className="section">
          <Notice tone="info" title={m.townshipOnly} testId="township-oversight-not-allowed" />
        </View>
      ) : null}
      {township && rows.status === 'loading' ? <LoadingState /> : null}
      {township && rows.error ? <ErrorState error={rows.error} onRetry={() => rows.reload()} /> : null}
      {township && rows.data ? (
        <View>
          <Button className="big-button prop-gap" type="primary" fill="outline" block disabled={exporting || rows.data.length === 0} onClick={() => void exportCsv()} data-testid="township-oversight-export">
            {exporting ? m.exporting : m.export}
          </Button>
          {exported ? (
            <Text className="prop-line prop-ok" {...roleProps('status')} data-testid="township-oversight-exported">
              {m.exportDone}
            </Text>
          ) : null}
          {exportError ? <ErrorState error={exportError} title={m.exportFailed} /> : null}
          <ChoiceGroup label={m.oversightSort} row testId="township-oversight-sort">
            {OVERSIGHT_SORTS.map((s) => (
              <Choice key={s} compact label={m.oversightSorts[s]} checked={sort === s} onSelect={() => setSort(s)} testId={`township-oversight-sort-${s}`} />
            ))}
          </ChoiceGroup>
          {sorted.length === 0 ? (
            <View className="section">
              <Notice tone="info" title={m.oversightEmpty} />
            </View>
          ) : null}
          <View {...roleProps('list')} data-testid="township-oversight-list">
            {sorted.map((r) => (
              <VillageCard key={r.village.id} row={r} />
            ))}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}

function Figure({ text, bad, testId }: { text: string; bad: boolean; testId: string }) {
  return (
    <Text className={`prop-figure${bad ? ' prop-figure--bad' : ''}`} data-testid={testId}>
      {bad ? `⚠ ${text}` : text}
    </Text>
  );
}

function VillageCard({ row }: { row: VillageOversightRow }) {
  const problems = problemCount(row);
  const id = row.village.id;
  return (
    <View className={`prop-card prop-village${problems > 0 ? ' prop-village--warn' : ''}`} {...roleProps('listitem')} data-testid={`township-oversight-village-${id}`}>
      <Text className="prop-village__name">{problems > 0 ? m.villageWarn(row.village.name, problems) : m.villageOk(row.village.name)}</Text>
      <Figure text={m.figOverdueDisclosures(row.overdueDisclosures)} bad={row.overdueDisclosures > 0} testId={`township-oversight-${id}-disclosures`} />
      <Figure text={m.figOverdueReplies(row.overdueProposalReplies)} bad={row.overdueProposalReplies > 0} testId={`township-oversight-${id}-replies`} />
      <Figure text={m.figBlocking(row.openBlockingOpinions)} bad={row.openBlockingOpinions > 0} testId={`township-oversight-${id}-opinions`} />
      <Figure
        text={m.figConvening(row.openConveningObligations, row.overdueConveningObligations)}
        bad={row.overdueConveningObligations > 0}
        testId={`township-oversight-${id}-convening`}
      />
      <Figure text={m.figAwareness(percent(row.averageAwareness))} bad={false} testId={`township-oversight-${id}-awareness`} />
    </View>
  );
}
