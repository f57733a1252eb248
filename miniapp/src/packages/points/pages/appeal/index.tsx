import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { POINTS_REASON_MAX, type ApiErrorBody, type PointsAppealView, type PointsRecordView } from '@village/shared';
import { useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { AreaField } from '../../../../components/AreaField';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { randomId } from '../../../../services/ids';
import type { Result } from '../../../../services/http';
import { appealPointsRecord, listPointsRecords } from '../../../../services/points';
import { RecordSummary } from '../../components/RecordSummary';
import '../../components/points.css';

const m = messages.points;

/** The record among the household's published ones (the list is what a household may read). */
async function findRecord(householdId: string, recordId: string): Promise<Result<PointsRecordView | null>> {
  const r = await listPointsRecords({ householdId, status: 'published', pageSize: 50 });
  if (!r.ok) return r;
  return { ok: true, status: r.status, data: r.data.items.find((item) => item.id === recordId) ?? null };
}

/**
 * 申请复议 (`?recordId=`): the record summarised, why the household disagrees (≤ 200 字), asked
 * once more before sending; then a plain "复议已经提交". A refusal (window over, already appealed)
 * is shown in the server's words.
 */
export default function PointsAppealPage() {
  const recordId = useRouter().params.recordId ?? '';
  const { me } = useMe();
  const householdId = me?.household?.id ?? null;
  const record = useRequest(
    () => (householdId ? findRecord(householdId, recordId) : Promise.resolve({ ok: true as const, status: 200, data: null })),
    [householdId, recordId],
  );
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<PointsAppealView | null>(null);
  // One key for every tap on 提交 of the same text: a retry after a lost answer is not a second appeal.
  const key = useRef(randomId());

  function ask(): void {
    if (!reason.trim()) {
      setReasonError(m.appealReasonEmpty);
      return;
    }
    setAsking(true);
  }

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    const r = await appealPointsRecord(recordId, { reason: reason.trim() }, key.current);
    setBusy(false);
    setAsking(false);
    if (r.ok) setDone(r.data);
    else setError(r.error);
  }

  const found = record.status === 'success' ? record.data : null;
  return (
    <PageShell testId="points-appeal-page">
      <Text className="pts-heading" {...roleProps('heading')} aria-level={1}>
        {m.appealTitle}
      </Text>
      {record.status === 'loading' || !me ? <LoadingState /> : null}
      {record.status === 'error' ? <ErrorState error={record.error} onRetry={() => record.reload()} /> : null}
      {record.status === 'success' && me && !found ? (
        <View className="section">
          <Notice tone="warning" title={m.appealNotFound} testId="points-appeal-missing" />
        </View>
      ) : null}

      {done ? (
        <View className="section">
          <Notice tone="success" title={m.appealDone} testId="points-appeal-done">
            <Text>{m.appealDoneHint}</Text>
          </Notice>
          <Button className="big-button pts-gap" type="primary" block onClick={() => void Taro.navigateBack()} data-testid="points-appeal-back">
            {m.appealBackToHistory}
          </Button>
        </View>
      ) : null}

      {found && !done ? (
        <View>
          <Text className="pts-para">{m.appealIntro}</Text>
          <View className="section">
            <Text className="pts-title" {...roleProps('heading')} aria-level={2}>
              {m.appealRecord}
            </Text>
            <RecordSummary record={found} testId="points-appeal-record" />
          </View>
          {!found.canAppeal ? (
            <View className="section">
              <Notice tone="info" title={m.appealClosed} testId="points-appeal-closed" />
            </View>
          ) : (
            <View className="section">
              {error ? <ErrorState error={error} title={m.appealFailed} /> : null}
              <AreaField
                label={m.appealReason}
                hint={m.appealReasonHint}
                value={reason}
                onChange={(v) => {
                  setReason(v);
                  setReasonError(null);
                  key.current = randomId();
                }}
                error={reasonError}
                maxlength={POINTS_REASON_MAX}
                testId="points-appeal-reason"
              />
              <Button className="big-button pts-gap" type="primary" block disabled={busy} onClick={ask} data-testid="points-appeal-submit">
                {busy ? m.appealSending : m.appealSubmit}
              </Button>
            </View>
          )}
        </View>
      ) : null}

      <ConfirmDialog
        open={asking}
        title={m.appealConfirmTitle}
        confirmText={m.appealConfirm}
        cancelText={m.appealBack}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="points-appeal-confirm"
      >
        <Text className="pts-para">{m.appealConfirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
