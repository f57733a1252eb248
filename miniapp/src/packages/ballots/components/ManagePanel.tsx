import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ELECTORATE_LABELS, type ApiErrorBody, type BallotDetail } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { Button } from '../../../components/nutui';
import { TextField } from '../../../components/TextField';
import { messages } from '../../../constants/messages';
import { routes, withQuery } from '../../../constants/routes';
import { cancelBallot, closeBallot, openBallot } from '../../../services/api/ballots';
import { noteBallotsChanged } from '../../../services/ballotEvents';
import { remainingText } from '../../../services/ballotTime';
import type { Result } from '../../../services/http';

const m = messages.ballots;

type Action = 'open' | 'cancel' | 'close';

/**
 * The committee's part of a ballot page: 修改草稿, 发布表决 ("开始后名单固定，不能再修改"), 取消草稿
 * (with the reason), 结束表决并计票. Each asks first; the server's reason is shown when an action is
 * not possible now (e.g. the paper count is not confirmed yet).
 */
export function ManagePanel({ ballot, onDone }: { ballot: BallotDetail; onDone: (next: BallotDetail, message: string) => void }) {
  const [asking, setAsking] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { can, reasons } = ballot;
  if (!can.edit && !can.open && !can.cancel && !can.close && !reasons.open && !reasons.close) return null;

  async function run(action: Action): Promise<void> {
    if (action === 'cancel' && reason.trim() === '') {
      setReasonError(m.cancelReasonMissing);
      return;
    }
    setBusy(true);
    setError(null);
    let result: Result<BallotDetail>;
    if (action === 'open') result = await openBallot(ballot.id, ballot.version);
    else if (action === 'cancel') result = await cancelBallot(ballot.id, ballot.version, reason.trim());
    else result = await closeBallot(ballot.id);
    setBusy(false);
    setAsking(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    noteBallotsChanged();
    onDone(result.data, action === 'open' ? m.opened : action === 'cancel' ? m.cancelled : m.closed);
  }

  const closingEarly = ballot.phase === 'voting';

  return (
    <View className="section ballot-card" data-testid="ballot-manage">
      <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
        {m.manageTitle}
      </Text>
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
      {can.open ? (
        <Button className="big-button ballot-gap" type="primary" block onClick={() => setAsking('open')} data-testid="ballot-open">
          {m.open}
        </Button>
      ) : null}
      {reasons.open ? <Notice tone="warning" title={m.cantOpen}><Text>{reasons.open}</Text></Notice> : null}
      {can.edit ? (
        <Button
          className="big-button ballot-gap"
          type="default"
          fill="outline"
          block
          onClick={() => void Taro.navigateTo({ url: withQuery(routes.ballotEdit, { id: ballot.id }) })}
          data-testid="ballot-edit"
        >
          {m.edit}
        </Button>
      ) : null}
      {can.close ? (
        <Button className="big-button ballot-gap" type="primary" block onClick={() => setAsking('close')} data-testid="ballot-close">
          {m.close}
        </Button>
      ) : null}
      {reasons.close ? (
        <View className="section">
          <Notice tone="warning" title={m.cantClose} testId="ballot-cant-close">
            <Text>{reasons.close}</Text>
          </Notice>
        </View>
      ) : null}
      {can.cancel ? (
        <Button className="big-button ballot-gap" type="default" fill="outline" block onClick={() => setAsking('cancel')} data-testid="ballot-cancel">
          {m.cancel}
        </Button>
      ) : null}

      <ConfirmDialog
        open={asking === 'open'}
        title={m.openConfirmTitle}
        confirmText={m.openConfirm}
        cancelText={m.dialogBack}
        busy={busy}
        onConfirm={() => void run('open')}
        onCancel={() => setAsking(null)}
        testId="ballot-open-dialog"
      >
        <Text className="ballot-para ballot-strong">{m.openConfirmBody}</Text>
        <Text className="ballot-para">{m.openConfirmWho(ELECTORATE_LABELS[ballot.electorate])}</Text>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'close'}
        title={m.closeConfirmTitle}
        confirmText={m.closeConfirm}
        cancelText={m.dialogBack}
        danger
        busy={busy}
        onConfirm={() => void run('close')}
        onCancel={() => setAsking(null)}
        testId="ballot-close-dialog"
      >
        <Text className="ballot-para ballot-strong">{m.closeConfirmBody}</Text>
        {closingEarly ? <Text className="ballot-para">{m.closeConfirmEarly(remainingText(ballot.closesAt))}</Text> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'cancel'}
        title={m.cancelConfirmTitle}
        confirmText={m.cancelConfirm}
        cancelText={m.dialogBack}
        danger
        busy={busy}
        onConfirm={() => void run('cancel')}
        onCancel={() => setAsking(null)}
        testId="ballot-cancel-dialog"
      >
        <Text className="ballot-para">{m.cancelConfirmBody}</Text>
        <TextField
          label={m.cancelReasonLabel}
          hint={m.cancelReasonHint}
          value={reason}
          maxlength={200}
          error={reasonError}
          onChange={(v) => {
            setReason(v);
            setReasonError(null);
          }}
          testId="ballot-cancel-reason"
        />
      </ConfirmDialog>
    </View>
  );
}
