import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { type ApiErrorBody, type GridAwareness, type NoticeAwareness, type UnreachedHousehold } from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { canComposeNotices, canRecordInPerson, canSignoffNotices, getNotice, getNoticeAwareness, listUnreached, recordInPerson } from '../../../../services/api/notices';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { awarenessFigure, gridBar, unreachedLine } from '../../utils/awareness';
import '../../notices.css';
import './index.css';

const m = messages.notices;
const PAGE_SIZE = 20;

type Unreached = {
  items: UnreachedHousehold[];
  total: number;
  page: number;
  status: 'loading' | 'ready' | 'error';
  error: ApiErrorBody | null;
  loadingMore: boolean;
};
const EMPTY: Unreached = { items: [], total: 0, page: 0, status: 'loading', error: null, loadingMore: false };

/**
 * 知晓率 of one notice (committee, supervisors, grid leaders): the big figure "已知晓 61/85 户（72%）"
 * and what is missing, a bar per 网格 with its numbers written on it, and the households not reached
 * yet (by grid, a page at a time) with 已上门告知 for grid leaders and the committee, which counts
 * the household as reached (with who recorded it) and moves the figure at once.
 */
export default function AwarenessPage() {
  const router = useRouter();
  const noticeId = router.params.id ?? '';
  const { roles } = useMe();
  const notice = useRequest(() => getNotice(noticeId), [noticeId]);
  const awareness = useRequest(() => getNoticeAwareness(noticeId), [noticeId]);
  const [gridId, setGridId] = useState<string | null>(null);
  const [list, setList] = useState<Unreached>(EMPTY);
  const [telling, setTelling] = useState<UnreachedHousehold | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [tellError, setTellError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const generation = useRef(0);

  const mayRecord = canRecordInPerson(roles);
  // Grid leaders see their own grid only (the server decides); the committee and supervisors pick.
  const mayPickGrid = canComposeNotices(roles) || canSignoffNotices(roles);

  async function load(page: number): Promise<void> {
    const mine = page === 1 ? ++generation.current : generation.current;
    if (page === 1) setList(EMPTY);
    else setList((s) => ({ ...s, loadingMore: true, error: null }));
    const result = await listUnreached(noticeId, { gridId: gridId ?? undefined, page, pageSize: PAGE_SIZE });
    if (mine !== generation.current) return;
    if (!result.ok) {
      setList((s) => (page === 1 ? { ...EMPTY, status: 'error', error: result.error } : { ...s, loadingMore: false, error: result.error }));
      return;
    }
    setList((s) => {
      const seen = new Set(page === 1 ? [] : s.items.map(keyOf));
      return {
        items: page === 1 ? result.data.items : [...s.items, ...result.data.items.filter((h) => !seen.has(keyOf(h)))],
        total: result.data.total,
        page,
        status: 'ready',
        error: null,
        loadingMore: false,
      };
    });
  }

  useEffect(() => {
    void load(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gridId, noticeId]);

  async function tell(): Promise<void> {
    if (!telling) return;
    setBusy(true);
    setTellError(null);
    const line = unreachedLine(telling);
    const result = await recordInPerson(noticeId, {
      householdId: telling.householdId,
      ...(telling.person ? { residentId: telling.person.id } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setTellError(result.error);
      return;
    }
    const told = telling;
    setTelling(null);
    setNote('');
    setDone(m.inPersonDone(line));
    setList((s) => ({ ...s, items: s.items.filter((h) => keyOf(h) !== keyOf(told)), total: Math.max(0, s.total - 1) }));
    awareness.reload({ quiet: true });
  }

  const data = awareness.status === 'success' ? awareness.data : null;
  const unit = data ? m.units[data.unit] : m.units.household;

  return (
    <PageShell testId="notice-awareness-page">
      <Text className="nt-heading" {...roleProps('heading')} aria-level={1}>
        {m.awarenessHeading}
      </Text>
      {notice.status === 'success' ? <Text className="nt-para">{m.linkedTitle(notice.data.title)}</Text> : null}

      {done ? (
        <View className="section">
          <Notice tone="success" title={done} testId="awareness-done" />
        </View>
      ) : null}

      {awareness.status === 'loading' ? <LoadingState /> : null}
      {awareness.status === 'error' ? <ErrorState error={awareness.error} onRetry={() => awareness.reload()} /> : null}
      {data ? <Figure data={data} /> : null}
      {data && data.byGrid.length > 0 ? <Grids grids={data.byGrid} unit={unit} /> : null}

      <View className="section" data-testid="awareness-unreached">
        <Text className="section__title" {...roleProps('heading')} aria-level={2}>
          {m.unreachedTitle(list.status === 'ready' ? list.total : data ? data.total - data.reached : 0, unit)}
        </Text>
        {!mayRecord ? <Text className="nt-muted">{m.viewOnly}</Text> : null}
        {mayPickGrid && data && data.byGrid.length > 1 ? (
          <View className="nt-chips" {...roleProps('radiogroup')} aria-label={m.unreachedGridsLabel}>
            {[{ id: null as string | null, name: m.unreachedAll }, ...data.byGrid.map((g) => ({ id: g.grid.id as string | null, name: g.grid.name }))].map((g) => (
              <Text
                key={g.id ?? 'all'}
                className={`nt-chip${gridId === g.id ? ' nt-chip--on' : ''}`}
                {...roleProps('radio')}
                aria-checked={gridId === g.id}
                onClick={() => setGridId(g.id)}
                {...pressProps(() => setGridId(g.id))}
                data-testid={`awareness-grid-${g.id ?? 'all'}`}
              >
                {gridId === g.id ? `✓ ${g.name}` : g.name}
              </Text>
            ))}
          </View>
        ) : null}

        {list.status === 'loading' ? <LoadingState /> : null}
        {list.status === 'error' && list.error ? <ErrorState error={list.error} onRetry={() => void load(1)} /> : null}
        {list.status === 'ready' && list.items.length === 0 ? (
          <View className="nt-gap">
            <Notice tone="success" title={m.unreachedNone} testId="awareness-none" />
          </View>
        ) : null}
        {list.items.map((h) => (
          <View key={keyOf(h)} className="aw-house" data-testid={`awareness-household-${h.number}`}>
            <Text className="aw-house__title">{unreachedLine(h)}</Text>
            <Text className="nt-muted">{`${h.grid.name} · ${h.address}`}</Text>
            {h.phoneMasked ? <Text className="nt-muted">{m.phone(h.phoneMasked)}</Text> : null}
            {mayRecord ? (
              <View className="nt-actions">
                <Button
                  type="primary"
                  fill="outline"
                  onClick={() => {
                    setTelling(h);
                    setNote('');
                    setTellError(null);
                    setDone(null);
                  }}
                  data-testid={`awareness-tell-${h.number}`}
                >
                  {m.inPerson}
                </Button>
              </View>
            ) : null}
          </View>
        ))}
        {list.status === 'ready' && list.items.length > 0 && list.items.length < list.total ? (
          <View>
            <Text className="nt-muted aw-shown">{m.shownOf(list.items.length, list.total)}</Text>
            {list.error ? <ErrorState error={list.error} onRetry={() => void load(list.page + 1)} /> : null}
            <Button
              className="big-button"
              type="default"
              fill="outline"
              block
              disabled={list.loadingMore}
              onClick={() => void load(list.page + 1)}
              data-testid="awareness-more"
            >
              {list.loadingMore ? m.loadingMore : m.loadMore}
            </Button>
          </View>
        ) : null}
      </View>

      <ConfirmDialog
        open={telling !== null}
        title={m.inPersonConfirmTitle}
        confirmText={m.inPersonConfirm}
        cancelText={m.cancel}
        busy={busy}
        onConfirm={() => void tell()}
        onCancel={() => setTelling(null)}
        testId="awareness-dialog"
      >
        <View>
          <Text>{telling ? m.inPersonConfirmBody(unreachedLine(telling)) : ''}</Text>
          <TextField label={m.inPersonNoteLabel} hint={m.inPersonNoteHint} value={note} onChange={(v) => setNote(v)} maxlength={200} testId="awareness-note" />
          {tellError ? (
            <View className="nt-gap">
              <ErrorState error={tellError} title={m.actionFailed} />
            </View>
          ) : null}
        </View>
      </ConfirmDialog>
    </PageShell>
  );
}

function keyOf(h: UnreachedHousehold): string {
  return h.person ? `${h.householdId}:${h.person.id}` : h.householdId;
}

function Figure({ data }: { data: NoticeAwareness }) {
  const f = awarenessFigure(data);
  return (
    <View className="section nt-card aw-figure" data-testid="awareness-figure">
      <Text className="aw-figure__big" data-testid="awareness-rate">
        {f.headline}
      </Text>
      <View className="aw-bar aw-bar--big" aria-hidden>
        {f.pct > 0 ? <View className="aw-bar__fill" style={{ width: `${f.pct}%` }} /> : null}
      </View>
      <Text className="nt-para nt-strong" data-testid="awareness-missing">
        {f.missing}
      </Text>
      {f.toldInPerson ? <Text className="nt-para">{f.toldInPerson}</Text> : null}
      <Text className="nt-muted">{f.explain}</Text>
    </View>
  );
}

function Grids({ grids, unit }: { grids: readonly GridAwareness[]; unit: string }) {
  return (
    <View className="section nt-card" data-testid="awareness-grids">
      <Text className="nt-sub" {...roleProps('heading')} aria-level={2}>
        {m.byGridTitle}
      </Text>
      {grids.map((g) => {
        const bar = gridBar(g, unit);
        return (
          <View key={g.grid.id} className="aw-grid" data-testid={`awareness-grid-bar-${g.grid.id}`}>
            <View className="aw-grid__head">
              <Text className="aw-grid__name">{g.grid.name}</Text>
              {g.toldInPerson > 0 ? <Text className="nt-muted aw-grid__told">{m.gridInPerson(g.toldInPerson)}</Text> : null}
            </View>
            <View className="aw-bar" {...roleProps('img')} aria-label={`${g.grid.name} ${bar.label}`}>
              {bar.pct > 0 ? <View className="aw-bar__fill" style={{ width: `${bar.pct}%` }} /> : null}
              <Text className="aw-bar__label" aria-hidden>
                {bar.label}
              </Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

