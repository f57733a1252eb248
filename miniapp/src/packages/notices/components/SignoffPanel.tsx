import { Text, View } from '@tarojs/components';
import type { ApiErrorBody, NoticeDetail } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Button } from '../../../components/nutui';
import { TextField } from '../../../components/TextField';
import { messages } from '../../../constants/messages';
import { signoffNotice } from '../../../services/api/notices';
import { hasText } from '../utils/queries';
import { AreaField } from '../../../components/AreaField';

const m = messages.notices;
const REASON_MAX = 500;

/**
 * 监委会审核 of a finance notice: 审核通过，签字公开 (a confirmation with an optional note) or
 * 不通过，退回修改 (the reason is required; the committee reads it on the draft).
 */
export function SignoffPanel({ notice, onDone }: { notice: NoticeDetail; onDone: (next: NoticeDetail, message: string) => void }) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'approved' | 'refused' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  function nextRefuse(): void {
    if (!hasText(reason)) return setProblem(m.refuseReasonNeeded);
    setProblem(null);
    setConfirming('refused');
  }

  async function send(decision: 'approved' | 'refused'): Promise<void> {
    setBusy(true);
    setError(null);
    const text = (decision === 'approved' ? note : reason).trim();
    const result = await signoffNotice(notice.id, text ? { decision, reason: text } : { decision });
    setBusy(false);
    setConfirming(null);
    if (!result.ok) return setError(result.error);
    setRefusing(false);
    onDone(result.data, decision === 'approved' ? m.approved : m.refused);
  }

  return (
    <View className="section nt-card nt-signoff" data-testid="notice-signoff">
      <Text className="nt-sub" {...roleProps('heading')} aria-level={2}>
        {m.signoffTitle}
      </Text>
      <Text className="nt-para">{m.signoffIntro}</Text>
      {error ? (
        <View className="nt-gap">
          <ErrorState error={error} title={m.actionFailed} />
        </View>
      ) : null}
      {!refusing ? (
        <View>
          <Button className="big-button nt-gap" type="primary" block onClick={() => setConfirming('approved')} data-testid="signoff-approve">
            {m.approve}
          </Button>
          <Button
            className="big-button nt-gap"
            type="default"
            fill="outline"
            block
            onClick={() => {
              setRefusing(true);
              setError(null);
            }}
            data-testid="signoff-refuse"
          >
            {m.refuse}
          </Button>
        </View>
      ) : (
        <View>
          <AreaField
            label={m.refuseReasonLabel}
            hint={m.refuseReasonHint}
            value={reason}
            onChange={setReason}
            maxlength={REASON_MAX}
            error={problem}
            testId="signoff-reason"
          />
          <View className="nt-actions">
            <Button type="primary" onClick={nextRefuse} data-testid="signoff-refuse-next">
              {m.refuseConfirm}
            </Button>
            <Button type="default" fill="outline" onClick={() => setRefusing(false)}>
              {m.cancel}
            </Button>
          </View>
        </View>
      )}

      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'approved' ? m.approveConfirmTitle : m.refuseConfirmTitle}
        confirmText={confirming === 'approved' ? m.approveConfirm : m.refuseConfirm}
        cancelText={m.cancel}
        danger={confirming === 'refused'}
        busy={busy}
        onConfirm={() => confirming && void send(confirming)}
        onCancel={() => setConfirming(null)}
        testId="signoff-dialog"
      >
        {confirming === 'approved' ? (
          <View>
            <Text>{m.approveConfirmBody}</Text>
            <TextField label={m.approveNoteLabel} hint={m.approveNoteHint} value={note} onChange={(v) => setNote(v)} maxlength={REASON_MAX} testId="signoff-note" />
          </View>
        ) : (
          <View>
            <Text>{m.refuseReasonLabel}：</Text>
            <Text className="query__quote">{reason.trim()}</Text>
          </View>
        )}
      </ConfirmDialog>
    </View>
  );
}
