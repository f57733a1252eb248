import { Text, View } from '@tarojs/components';
import { POINTS_REASON_MAX, type ApiErrorBody, type PointsRecordView, type ReviewPointsResult } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { AreaField } from '../../../../components/AreaField';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { beijingToday } from '../../../../services/dates';
import type { Result } from '../../../../services/http';
import { listPointsRecords, reviewPointsRecords } from '../../../../services/points';
import { FailedNotice, LoadState, PageHeading } from '../../components/PageParts';
import { RecordCard } from '../../components/RecordCard';
import { monthLabel, recentMonths } from '../../utils/text';
import '../../points-admin.css';

const m = messages.pointsAdmin.review;
/** The server's largest page; the queue (a month of one village, a few hundred at most) is read page by page. */
const PAGE_SIZE = 50;
/** The most records the server reviews in one call. */
const REVIEW_BATCH = 200;

/** Every pending record of the month, all pages of them, so "select the whole grid" means the whole grid. */
async function pendingRecords(month: string | null): Promise<Result<PointsRecordView[]>> {
  const items: PointsRecordView[] = [];
  for (let page = 1; ; page += 1) {
    const r = await listPointsRecords({ status: 'pending', month: month ?? undefined, page, pageSize: PAGE_SIZE });
    if (!r.ok) return r;
    items.push(...r.data.items);
    if (r.data.items.length < PAGE_SIZE || items.length >= r.data.total) return { ok: true, data: items, status: r.status };
  }
}

interface GridGroup {
  key: string;
  name: string;
  records: PointsRecordView[];
}

function byGrid(records: readonly PointsRecordView[]): GridGroup[] {
  const groups = new Map<string, GridGroup>();
  for (const r of records) {
    const key = r.grid?.id ?? '';
    const g = groups.get(key) ?? { key, name: r.grid?.name ?? m.noGrid, records: [] };
    g.records.push(r);
    groups.set(key, g);
  }
  return Array.from(groups.values()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * 每月评议 (评议小组): the records waiting for review, one month at a time, grouped by 网格. Tick
 * records (or a whole grid), then 通过 or 不通过 with a reason the household will see; a confirmation
 * says how many, and the result is counted on the page.
 */
export default function ReviewPage() {
  const months = recentMonths(beijingToday(), 4);
  const [month, setMonth] = useState<string | null>(null);
  const list = useRequest(() => pendingRecords(month), [month]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [result, setResult] = useState<ReviewPointsResult | null>(null);

  const records = list.status === 'success' ? list.data : [];
  const groups = byGrid(records);

  function toggle(ids: string[], on: boolean): void {
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    setResult(null);
  }

  function ask(d: 'approve' | 'reject'): void {
    setDecision(d);
    setError(null);
    if (d === 'reject') {
      const t = reason.trim();
      const problem = t === '' ? m.reasonRequired : t.length > POINTS_REASON_MAX ? m.reasonTooLong(POINTS_REASON_MAX) : null;
      setReasonError(problem);
      if (problem) return;
    }
    setAsking(true);
  }

  async function submit(): Promise<void> {
    if (!decision) return;
    setBusy(true);
    const ids = records.filter((r) => selected.has(r.id)).map((r) => r.id);
    const total: ReviewPointsResult = { approved: 0, rejected: 0 };
    for (let i = 0; i < ids.length; i += REVIEW_BATCH) {
      const r = await reviewPointsRecords({ recordIds: ids.slice(i, i + REVIEW_BATCH), decision, ...(decision === 'reject' ? { reason: reason.trim() } : {}) });
      if (!r.ok) {
        setBusy(false);
        setAsking(false);
        setError(r.error);
        // Batches before this one went through: show them and what is still waiting.
        if (i > 0) setResult(total);
        list.reload({ quiet: true });
        return;
      }
      total.approved += r.data.approved;
      total.rejected += r.data.rejected;
    }
    setBusy(false);
    setAsking(false);
    setResult(total);
    setSelected(new Set());
    setReason('');
    setDecision(null);
    list.reload({ quiet: true });
  }

  const count = records.filter((r) => selected.has(r.id)).length;

  return (
    <PageShell testId="points-review-page">
      <PageHeading title={m.heading} intro={m.intro} />

      <View className="section">
        <ChoiceGroup label={m.monthLabel} row testId="points-review-month">
          <Choice label={m.allMonths} checked={month === null} onSelect={() => setMonth(null)} compact testId="points-review-month-all" />
          {months.map((mo) => (
            <Choice key={mo} label={monthLabel(mo)} checked={month === mo} onSelect={() => setMonth(mo)} compact testId={`points-review-month-${mo}`} />
          ))}
        </ChoiceGroup>
      </View>

      {result ? (
        <View className="section">
          <Notice tone="success" title={m.done(result.approved, result.rejected)} testId="points-review-result" />
        </View>
      ) : null}
      <FailedNotice error={error} title={m.failed} />

      <LoadState request={list} />
      {list.status === 'success' && records.length === 0 ? (
        <View className="section">
          <Notice tone="info" title={m.empty} testId="points-review-empty">
            <Text className="pa-para">{m.emptyHint}</Text>
          </Notice>
        </View>
      ) : null}

      {groups.map((g) => {
        const ids = g.records.map((r) => r.id);
        const all = ids.every((id) => selected.has(id));
        return (
          <View key={g.key} className="section" data-testid={`points-review-grid-${g.key || 'none'}`}>
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.gridTitle(g.name, g.records.length)}
            </Text>
            <Button className="big-button pa-gap" type="default" fill="outline" block onClick={() => toggle(ids, !all)} data-testid={`points-review-grid-${g.key || 'none'}-all`}>
              {all ? m.unselectGrid : m.selectGrid(g.records.length)}
            </Button>
            <View className="pa-gap-top">
              {g.records.map((r) => (
                <RecordCard key={r.id} record={r} selected={selected.has(r.id)} onToggle={() => toggle([r.id], !selected.has(r.id))} testId={`points-review-record-${r.id}`} />
              ))}
            </View>
          </View>
        );
      })}

      {records.length > 0 ? (
        <View className="section pa-card" data-testid="points-review-actions">
          <Text className="pa-sub">{count > 0 ? m.selectedCount(count) : m.noneSelected}</Text>
          <Button className="big-button pa-gap" type="primary" block disabled={count === 0 || busy} onClick={() => ask('approve')} data-testid="points-review-approve">
            {m.approve}
          </Button>
          <AreaField label={m.reasonLabel} hint={m.reasonHint} value={reason} onChange={(v) => { setReason(v); setReasonError(null); }} error={reasonError} maxlength={POINTS_REASON_MAX} testId="points-review-reason" />
          <Button className="big-button pa-gap" type="default" fill="outline" block disabled={count === 0 || busy} onClick={() => ask('reject')} data-testid="points-review-reject">
            {m.reject}
          </Button>
        </View>
      ) : null}

      <ConfirmDialog
        open={asking}
        title={decision === 'reject' ? m.confirmReject(count) : m.confirmApprove(count)}
        confirmText={decision === 'reject' ? m.reject : m.approve}
        danger={decision === 'reject'}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="points-review-confirm"
      >
        <Text className="pa-para">{decision === 'reject' ? m.confirmRejectBody(reason.trim()) : m.confirmApproveBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
