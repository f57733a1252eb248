import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { BALLOT_ATTENDANCE_BATCH_MAX, BALLOT_PAGE_SIZE_DEFAULT, percent, type ApiErrorBody, type AttendanceConflict, type ElectorateEntry, type ElectoratePage, type ParticipationChannel } from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { listElectorate, recordAttendance } from '../../../../services/api/ballots';
import { noteBallotsChanged } from '../../../../services/ballotEvents';
import { formatMoment } from '../../../../services/ballotTime';
import { useBallot } from '../../hooks/useBallot';
import { canTick, conflictsOf, toggleTick, withoutConflicts } from '../../utils/attendance';
import '../../ballots.css';

const m = messages.ballots;
type Filter = 'all' | ParticipationChannel | 'none';
const FILTERS: Filter[] = ['all', 'online', 'in_person', 'none'];

function entryStatus(e: ElectorateEntry): string {
  if (!e.participation) return m.entryNone;
  if (e.participation.channel === 'online') return m.entryOnline(formatMoment(e.participation.at));
  return m.entryInPerson(formatMoment(e.participation.at), e.participation.recordedBy?.name ?? null);
}

/**
 * 表决名单 (committee, supervisors, tellers): the list frozen at opening with who took part and how,
 * filtered (全部 / 线上投票 / 现场参加 / 还没参与) and searched by 户号 or name, a page at a time.
 * With `task=attend` (计票人 / 监票人 at the meeting): tick the people present — ticks survive search
 * and paging — and record them together; refusals name who and why, nothing half-done.
 */
export default function ElectoratePageView() {
  const router = useRouter();
  const ballotId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const attend = router.params.task === 'attend';
  const { state: detail, reload: reloadDetail } = useBallot(ballotId);
  const ballot = detail.ballot;
  const [filter, setFilter] = useState<Filter>(attend ? 'none' : 'all');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<{ status: 'loading' | 'ready' | 'error'; data: ElectoratePage | null; error: ApiErrorBody | null }>({ status: 'loading', data: null, error: null });
  const [ticks, setTicks] = useState<Map<string, string>>(new Map());
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<AttendanceConflict[]>([]);
  const [failure, setFailure] = useState<ApiErrorBody | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: attend ? m.attendanceTitle : m.electorateTitle });
  }, [attend]);

  async function load(): Promise<void> {
    if (!ballotId) return;
    const mine = ++generation.current;
    setList((s) => ({ ...s, status: 'loading', error: null }));
    const result = await listElectorate(ballotId, { q: q || undefined, participation: filter === 'all' ? undefined : filter, page, pageSize: BALLOT_PAGE_SIZE_DEFAULT });
    if (mine !== generation.current) return;
    setList(result.ok ? { status: 'ready', data: result.data, error: null } : { status: 'error', data: null, error: result.error });
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ballotId, filter, q, page]);

  function search(): void {
    setPage(1);
    setQ(text.trim());
  }

  async function submit(): Promise<void> {
    if (!ballotId) return;
    setBusy(true);
    setFailure(null);
    setConflicts([]);
    const keys = Array.from(ticks.keys()).slice(0, BALLOT_ATTENDANCE_BATCH_MAX);
    const result = await recordAttendance(ballotId, keys);
    setBusy(false);
    setAsking(false);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    if (!result.ok) {
      setConflicts(conflictsOf(result.error.details));
      setFailure(result.error);
      return;
    }
    const p = result.data.participation;
    setRecorded(m.attendanceRecorded(result.data.recorded, p.unitLabel, p.total, p.eligible));
    setTicks(new Map());
    noteBallotsChanged();
    void reloadDetail({ quiet: true });
    void load();
  }

  const unit = ballot?.participation?.unitLabel ?? '';
  const allowed = Boolean(ballot?.can.recordAttendance);
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <PageShell testId={attend ? 'ballot-attendance-page' : 'ballot-electorate-page'}>
      {detail.status === 'error' ? <ErrorState error={detail.error} onRetry={() => void reloadDetail()} /> : null}
      {ballot ? (
        <View>
          <Text className="ballot-heading" {...roleProps('heading')} aria-level={1}>
            {attend ? m.attendanceTitle : m.electorateTitle}
          </Text>
          <Text className="ballot-subtitle">{ballot.title}</Text>
          <Text className="ballot-para">{attend ? m.attendanceIntro : m.electorateIntro(ballot.rosterFrozenAt ? formatMoment(ballot.rosterFrozenAt) : '')}</Text>
          {ballot.participation ? (
            <Text className="ballot-big-line" data-testid="ballot-electorate-turnout">
              {m.participationSoFar(ballot.participation.total, ballot.participation.eligible, unit, percent(ballot.participation.total, ballot.participation.eligible))}
            </Text>
          ) : null}
          {attend && !allowed ? (
            <View className="section">
              <Notice tone="warning" title={m.attendanceNotAllowed} testId="ballot-attendance-not-allowed" />
            </View>
          ) : null}
          {recorded ? (
            <View className="section">
              <Notice tone="success" title={recorded} testId="ballot-attendance-recorded" />
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="section ballot-card">
        <Text className="ballot-field-label">{m.filterLabel}</Text>
        <View className="ballot-filters" {...roleProps('radiogroup')} aria-label={m.filterLabel}>
          {FILTERS.map((f) => {
            const on = filter === f;
            const press = () => {
              setPage(1);
              setFilter(f);
            };
            return (
              <Text
                key={f}
                className={`ballot-filter${on ? ' ballot-filter--on' : ''}`}
                {...roleProps('radio')}
                aria-checked={on}
                onClick={press}
                {...pressProps(press)}
                data-testid={`ballot-filter-${f}`}
              >
                {on ? `✓ ${m.filters[f]}` : m.filters[f]}
              </Text>
            );
          })}
        </View>
        <View className="search-line" {...roleProps('search')}>
          <Text className="ballot-field-label">{m.searchVoter}</Text>
          <View className="search-line__row">
            <Input
              className="search-line__input"
              value={text}
              placeholder={m.searchVoterPlaceholder}
              maxlength={32}
              confirmType="search"
              ariaLabel={m.searchVoter}
              nativeProps={{ 'aria-label': m.searchVoter, type: 'search', autocomplete: 'off' }}
              onInput={(e) => setText(e.detail.value)}
              onConfirm={search}
              data-testid="ballot-electorate-q"
            />
            <Button className="search-line__button" type="primary" onClick={search} data-testid="ballot-electorate-search">
              {m.search}
            </Button>
          </View>
        </View>
      </View>

      {attend && failure ? (
        <View className="section" data-testid="ballot-attendance-failed">
          <ErrorState error={failure} title={conflicts.length > 0 ? m.attendanceConflictsTitle : m.actionFailed} />
          {conflicts.map((c) => (
            <Text key={c.voterKey} className="ballot-para">{`${c.label}：${c.reason}`}</Text>
          ))}
          {conflicts.length > 0 ? (
            <Button
              className="big-button ballot-gap"
              type="default"
              fill="outline"
              block
              onClick={() => {
                setTicks((t) => withoutConflicts(t, conflicts));
                setConflicts([]);
                setFailure(null);
              }}
              data-testid="ballot-attendance-drop-conflicts"
            >
              {m.removeConflicts}
            </Button>
          ) : null}
        </View>
      ) : null}

      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' && list.error ? <ErrorState error={list.error} onRetry={() => void load()} /> : null}
      {data ? (
        <View className="section" data-testid="ballot-electorate-list">
          <Text className="ballot-para ballot-strong" {...roleProps('status')}>
            {m.listCount(data.total, unit)}
          </Text>
          {data.items.length === 0 ? <Text className="ballot-muted">{m.listEmpty}</Text> : null}
          {data.items.map((e) =>
            attend && allowed ? (
              <TickRow key={e.voterKey} entry={e} ticked={ticks.has(e.voterKey)} onToggle={() => setTicks((t) => toggleTick(t, e))} />
            ) : (
              <View key={e.voterKey} className="ballot-voter" data-testid={`ballot-voter-${e.voterKey}`}>
                <Text className="ballot-voter__label">{e.label}</Text>
                <Text className={`ballot-voter__status${e.participation ? ' ballot-voter__status--done' : ''}`}>{entryStatus(e)}</Text>
              </View>
            ),
          )}
          {pages > 1 ? (
            <View className="ballot-pager">
              <Button className="ballot-small-button" type="default" fill="outline" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} data-testid="ballot-pager-prev">
                {m.prevPage}
              </Button>
              <Text className="ballot-pager__label">{m.pageOf(page, pages)}</Text>
              <Button className="ballot-small-button" type="default" fill="outline" disabled={page >= pages} onClick={() => setPage((p) => p + 1)} data-testid="ballot-pager-next">
                {m.nextPage}
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      {attend && allowed ? (
        <View>
          <View className="ballot-footer-space" />
          <View className="ballot-footer" data-testid="ballot-attendance-submit-block">
            <View className="ballot-footer__row">
              <Text className="ballot-para ballot-strong" {...roleProps('status')} data-testid="ballot-ticked">
                {m.ticked(ticks.size, unit)}
              </Text>
              {ticks.size > 0 ? (
                <Button className="ballot-small-button" type="default" fill="outline" onClick={() => setTicks(new Map())} data-testid="ballot-attendance-clear">
                  {m.clearTicks}
                </Button>
              ) : null}
            </View>
            <Button className="big-button ballot-gap" type="primary" block disabled={ticks.size === 0 || busy} onClick={() => setAsking(true)} data-testid="ballot-attendance-submit">
              {m.submitAttendance(ticks.size, unit)}
            </Button>
          </View>
        </View>
      ) : null}

      <ConfirmDialog
        open={asking}
        title={m.attendanceConfirmTitle}
        confirmText={m.attendanceConfirm}
        cancelText={m.dialogBack}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="ballot-attendance-dialog"
      >
        <Text className="ballot-para ballot-strong">{m.attendanceConfirmBody(ticks.size, unit)}</Text>
        <Text className="ballot-para">{Array.from(ticks.values()).join('、')}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}

/** A voter as a whole-row checkbox: ☑ 勾选 in words; people who already took part show how instead. */
function TickRow({ entry, ticked, onToggle }: { entry: ElectorateEntry; ticked: boolean; onToggle: () => void }) {
  const enabled = canTick(entry) || ticked;
  return (
    <View
      className={`ballot-voter ballot-voter--tick${ticked ? ' ballot-voter--ticked' : ''}${enabled ? '' : ' ballot-voter--disabled'}`}
      {...roleProps('checkbox')}
      aria-checked={ticked}
      aria-disabled={!enabled}
      onClick={enabled ? onToggle : undefined}
      {...pressProps(onToggle, !enabled)}
      data-testid={`ballot-tick-${entry.voterKey}`}
    >
      <Text className="ballot-voter__box" aria-hidden>
        {ticked ? '☑' : '☐'}
      </Text>
      <View className="ballot-voter__text">
        <Text className="ballot-voter__label">{entry.label}</Text>
        <Text className={`ballot-voter__status${entry.participation ? ' ballot-voter__status--done' : ''}`}>{ticked ? m.tickedOne : entryStatus(entry)}</Text>
      </View>
    </View>
  );
}
