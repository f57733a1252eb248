import { Text, View } from '@tarojs/components';
import { OBJECTION_REVIEW_REASON_MAX, type ApiErrorBody, type MatterDetail, type MatterObjectionView } from '@village/shared';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { reviewObjection } from '../../../services/api/matters';
import { AreaField } from '../../../components/AreaField';

const m = messages.matters;
const REASON_MIN = 2;

/**
 * An objection WeChat's content check could not clear by itself (正在审核): the committee reads it
 * and either makes it public, or keeps it from the village with a reason its author sees. Either
 * way it still has to be answered before implementation starts.
 */
export function ObjectionReview({ objection, onDone }: { objection: MatterObjectionView; onDone: (matter: MatterDetail) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [asking, setAsking] = useState<'release' | 'reject' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const id = objection.id;

  function askReject(): void {
    const text = reason.trim();
    if (text.length < REASON_MIN) return setReasonError(m.required(m.reviewReasonLabel));
    if (text.length > OBJECTION_REVIEW_REASON_MAX) return setReasonError(m.tooLong(m.reviewReasonLabel, OBJECTION_REVIEW_REASON_MAX));
    setAsking('reject');
  }

  async function send(decision: 'release' | 'reject'): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await reviewObjection(id, decision === 'release' ? { decision } : { decision, reason: reason.trim() });
    setBusy(false);
    setAsking(null);
    if (!result.ok) return setError(result.error);
    onDone(result.data);
  }

  return (
    <View className="matter-answer" data-testid={`matter-review-${id}`}>
      <Text className="matter-line matter-strong">{m.reviewTitle}</Text>
      <Text className="matter-muted">{m.reviewIntro}</Text>
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
      <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={() => setAsking('release')} data-testid={`matter-review-release-${id}`}>
        {m.reviewRelease}
      </Button>
      {rejecting ? (
        <View>
          <AreaField
            label={m.reviewReasonLabel}
            hint={m.reviewReasonHint}
            value={reason}
            maxlength={OBJECTION_REVIEW_REASON_MAX}
            error={reasonError}
            onChange={(v) => {
              setReason(v);
              setReasonError(null);
            }}
            testId={`matter-review-reason-${id}`}
          />
          <Button className="big-button matter-gap" type="default" fill="outline" block disabled={busy} onClick={askReject} data-testid={`matter-review-reject-${id}`}>
            {m.reviewRejectSubmit}
          </Button>
        </View>
      ) : (
        <Button className="big-button matter-gap" type="default" fill="outline" block onClick={() => setRejecting(true)} data-testid={`matter-review-reject-open-${id}`}>
          {m.reviewReject}
        </Button>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'release' ? m.reviewReleaseTitle : m.reviewRejectTitle}
        confirmText={m.confirmSubmit}
        cancelText={m.confirmBack}
        busy={busy}
        onConfirm={() => asking && void send(asking)}
        onCancel={() => setAsking(null)}
        testId={`matter-review-dialog-${id}`}
      >
        <Text className="matter-para">{asking === 'release' ? m.reviewReleaseBody : m.reviewRejectBody}</Text>
      </ConfirmDialog>
    </View>
  );
}
