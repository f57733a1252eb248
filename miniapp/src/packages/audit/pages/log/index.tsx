import { Text, View } from '@tarojs/components';
import type { ApiErrorBody } from '@village/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LinkRow } from '../../../../components/LinkRow';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes } from '../../../../constants/routes';
import {
  exportAuditCsv,
  listAuditEvents,
  saveLastVerification,
  verifyAuditChain,
  type AuditEventSummary,
  type AuditFilter,
} from '../../../../services/api/audit';
import { DateField } from '../../components/DateField';
import { EventRow } from '../../components/EventRow';
import { OptionSelect, type Option } from '../../components/OptionSelect';
import { VerifyCard } from '../../components/VerifyCard';
import { beijingToday, formatWhen, whoDid } from '../../utils/format';
import { verdictOf, type Verdict } from '../../utils/verdict';
import '../../audit.css';

const m = messages.audit;

type ListState = {
  items: AuditEventSummary[];
  total: number;
  page: number;
  status: 'loading' | 'ready' | 'error';
  error: ApiErrorBody | null;
  loadingMore: boolean;
  moreError: ApiErrorBody | null;
};

const INITIAL: ListState = { items: [], total: 0, page: 0, status: 'loading', error: null, loadingMore: false, moreError: null };

const actionOptions: Option[] = [
  { value: '', label: m.filterAny },
  ...Object.entries(m.actions).map(([code, label]) => ({ value: code, label, code })),
];
const entityOptions: Option[] = [
  { value: '', label: m.filterAny },
  ...Object.entries(m.entities).map(([code, label]) => ({ value: code, label, code })),
];

/**
 * 审计记录 (sub-package "audit"): the big 核验记录 button and its result first, then the records
 * newest first with filters (操作人, 操作类型, 对象类型, dates), 加载更多, the way to 签名存证 and
 * the CSV export of the filtered range.
 */
export default function AuditLogPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [list, setList] = useState<ListState>(INITIAL);
  const [actors, setActors] = useState<Map<string, string>>(new Map());
  const generation = useRef(0);

  const [filtersOpen, setFiltersOpen] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [verifyError, setVerifyError] = useState<ApiErrorBody | null>(null);

  const [exportState, setExportState] = useState<{ busy: boolean; error: ApiErrorBody | null; done: string | null }>({
    busy: false,
    error: null,
    done: null,
  });

  async function load(page: number): Promise<void> {
    const mine = page === 1 ? ++generation.current : generation.current;
    if (page === 1) setList(INITIAL);
    else setList((s) => ({ ...s, loadingMore: true, moreError: null }));
    const result = await listAuditEvents(filter, page);
    if (mine !== generation.current) return;
    if (!result.ok) {
      if (page === 1) setList({ ...INITIAL, status: 'error', error: result.error });
      else setList((s) => ({ ...s, loadingMore: false, moreError: result.error }));
      return;
    }
    const { items, total } = result.data;
    setActors((prev) => {
      const next = new Map(prev);
      for (const e of items) if (e.actorId && !next.has(e.actorId)) next.set(e.actorId, whoDid(e));
      return next.size === prev.size ? prev : next;
    });
    setList((s) => ({
      items: page === 1 ? items : [...s.items, ...items.filter((e) => !s.items.some((x) => x.seq === e.seq))],
      total,
      page,
      status: 'ready',
      error: null,
      loadingMore: false,
      moreError: null,
    }));
  }

  useEffect(() => {
    void load(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter]);

  async function verify(): Promise<void> {
    setVerifying(true);
    setVerdict(null);
    setVerifyError(null);
    const result = await verifyAuditChain();
    setVerifying(false);
    if (result.ok) {
      saveLastVerification(result.data, formatWhen(result.data.verifiedAt));
      setVerdict(verdictOf(result.data));
    } else {
      setVerifyError(result.error);
    }
  }

  async function exportCsv(): Promise<void> {
    setExportState({ busy: true, error: null, done: null });
    const result = await exportAuditCsv(filter, m.exportFile(beijingToday().replace(/-/g, '')));
    setExportState({
      busy: false,
      error: result.ok ? null : result.error,
      done: result.ok ? (result.data === 'shared' ? m.exportedWeapp : m.exported) : null,
    });
  }

  function set(patch: Partial<AuditFilter>): void {
    setExportState({ busy: false, error: null, done: null });
    setFilter((f) => ({ ...f, ...patch }));
  }

  function clearFilters(): void {
    setExportState({ busy: false, error: null, done: null });
    setFilter({});
  }

  const actorOptions: Option[] = useMemo(
    () => [{ value: '', label: m.filterAny }, ...Array.from(actors.entries()).map(([value, label]) => ({ value, label }))],
    [actors],
  );
  const activeCount = Object.values(filter).filter((v) => v).length;
  const filtered = activeCount > 0;
  const today = beijingToday();
  const datesWrong = Boolean(filter.from && filter.to && filter.from > filter.to);

  return (
    <PageShell testId="audit-log-page">
      <Text className="audit-heading" {...roleProps('heading')} aria-level={1}>
        {m.logHeading}
      </Text>
      <Text className="audit-para">{m.logIntro}</Text>

      <View className="section" data-testid="audit-verify-section">
        <Button className="big-button audit-verify-button" type="primary" block disabled={verifying} onClick={() => void verify()} data-testid="audit-verify">
          {verifying ? m.verifying : verdict ? m.verifyAgain : m.verifyButton}
        </Button>
        {!verifying && !verdict && !verifyError ? <Text className="audit-muted">{m.verifyHint}</Text> : null}
        {verifying ? (
          <View className="audit-progress" {...roleProps('status')} aria-live="polite" data-testid="audit-verifying">
            <Text className="audit-progress__spinner" aria-hidden>
              ⏳
            </Text>
            <Text className="audit-para">{m.verifyingHint}</Text>
          </View>
        ) : null}
        {verdict ? (
          <View className="section">
            <VerifyCard verdict={verdict} />
          </View>
        ) : null}
        {verifyError ? <ErrorState error={verifyError} title={m.verifyFailedTitle} onRetry={() => void verify()} /> : null}
      </View>

      <View className="section audit-card" data-testid="audit-filters">
        <View
          className="audit-filter-toggle"
          {...roleProps('button')}
          aria-expanded={filtersOpen}
          onClick={() => setFiltersOpen((o) => !o)}
          {...pressProps(() => setFiltersOpen((o) => !o))}
          data-testid="audit-filters-toggle"
        >
          <Text className="audit-filter-toggle__text">
            {m.filterTitle}：{filtered ? m.filterActive(activeCount) : m.filterOpen}
          </Text>
          <Text className="audit-select__arrow" aria-hidden>
            {filtersOpen ? '▲' : '▼'}
          </Text>
        </View>
        {filtersOpen ? (
          <View>
            <OptionSelect
              label={m.filterActor}
              options={actorOptions}
              value={filter.actor ?? ''}
              onChange={(v) => set({ actor: v || undefined })}
              hint={m.filterActorHint}
              testId="audit-filter-actor"
            />
            <OptionSelect
              label={m.filterAction}
              options={actionOptions}
              value={filter.action ?? ''}
              onChange={(v) => set({ action: v || undefined })}
              testId="audit-filter-action"
            />
            <OptionSelect
              label={m.filterEntity}
              options={entityOptions}
              value={filter.entityType ?? ''}
              onChange={(v) => set({ entityType: v || undefined })}
              testId="audit-filter-entity"
            />
            <DateField
              label={m.filterFrom}
              value={filter.from ?? ''}
              end={filter.to || today}
              onChange={(d) => set({ from: d })}
              testId="audit-filter-from"
            />
            <DateField label={m.filterTo} value={filter.to ?? ''} start={filter.from} end={today} onChange={(d) => set({ to: d })} testId="audit-filter-to" />
            <Text className="audit-muted">{m.filterDateHint}</Text>
          </View>
        ) : null}
        {datesWrong ? <Notice tone="warning" title={m.filterDateWrong} /> : null}
        {filtered ? (
          <Button className="big-button audit-clear" type="default" fill="outline" block onClick={clearFilters} data-testid="audit-filter-clear">
            {m.filterClear}
          </Button>
        ) : null}
      </View>

      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' && list.error ? <ErrorState error={list.error} onRetry={() => void load(1)} /> : null}
      {list.status === 'ready' ? (
        <View data-testid="audit-results">
          <Text className="audit-summary" {...roleProps('status')} data-testid="audit-summary">
            {filtered ? m.totalFiltered(list.total) : m.total(list.total)}
          </Text>
          {list.items.length === 0 ? (
            <View className="section" data-testid="audit-empty">
              <Notice tone="info" title={m.empty}>
                {filtered ? <Text>{m.emptyHint}</Text> : null}
              </Notice>
            </View>
          ) : (
            list.items.map((e) => <EventRow key={e.seq} event={e} />)
          )}
          {list.items.length > 0 && list.items.length < list.total ? (
            <Text className="audit-muted audit-shown">{m.shown(list.items.length, list.total)}</Text>
          ) : null}
          {list.moreError ? <ErrorState error={list.moreError} onRetry={() => void load(list.page + 1)} /> : null}
          {list.items.length < list.total ? (
            <Button
              className="big-button"
              type="default"
              fill="outline"
              block
              disabled={list.loadingMore}
              onClick={() => void load(list.page + 1)}
              data-testid="audit-load-more"
            >
              {list.loadingMore ? m.loadingMore : m.loadMore}
            </Button>
          ) : list.items.length > 0 ? (
            <Text className="audit-muted audit-shown">{m.allShown}</Text>
          ) : null}
        </View>
      ) : null}

      <View className="section">
        <LinkRow title={m.checkpointsLink} hint={m.checkpointsHint} url={routes.auditCheckpoints} testId="audit-checkpoints-link" />
      </View>

      <View className="section audit-card" data-testid="audit-export">
        <Text className="section__title" {...roleProps('heading')} aria-level={2}>
          {m.exportTitle}
        </Text>
        <Text className="audit-para">{m.exportHint}</Text>
        {exportState.error ? <ErrorState error={exportState.error} title={m.exportFailed} /> : null}
        {exportState.done ? <Notice tone="success" title={exportState.done} testId="audit-exported" /> : null}
        <Button
          className="big-button"
          type="default"
          fill="outline"
          block
          disabled={exportState.busy || datesWrong}
          onClick={() => void exportCsv()}
          data-testid="audit-export-button"
        >
          {exportState.busy ? m.exporting : m.exportButton}
        </Button>
      </View>
    </PageShell>
  );
}
