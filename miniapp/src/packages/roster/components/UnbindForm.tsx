import { Text, View } from '@tarojs/components';
import type { ApiErrorBody, RosterResident } from '@village/shared';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { TextField } from '../../../components/TextField';
import { messages } from '../../../constants/messages';
import { unbindResident } from '../../../services/api/bindings';
import { MemberFormActions } from './MemberFormActions';
import './MemberForm.css';

const m = messages.roster;

/** 解除微信绑定（换手机）: the reason, then a confirmation that says the old WeChat stops working. */
export function UnbindForm({
  member,
  onDone,
  onCancel,
}: {
  member: RosterResident;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  function next(): void {
    if (!reason.trim()) return setProblem(m.unbindReasonNeeded);
    setProblem(null);
    setConfirming(true);
  }

  async function send(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await unbindResident(member.id, reason.trim());
    setBusy(false);
    setConfirming(false);
    if (result.ok) onDone(m.unbound(member.name));
    else setError(result.error);
  }

  return (
    <View className="member-form" data-testid={`unbind-form-${member.name}`}>
      <Text className="member-form__title">{m.unbindTitle(member.name)}</Text>
      <Text className="member-form__line">{m.unbindIntro}</Text>
      <TextField
        label={m.unbindReasonLabel}
        hint={m.unbindReasonHint}
        value={reason}
        onChange={(v) => setReason(v)}
        maxlength={128}
        error={problem}
        testId="unbind-reason"
      />
      {error ? (
        <View className="member-form__error">
          <ErrorState error={error} title={m.actionFailed} />
        </View>
      ) : null}
      <MemberFormActions nextText={m.unbindNext} onNext={next} onCancel={onCancel} nextTestId="unbind-next" />

      <ConfirmDialog
        open={confirming}
        title={m.unbindConfirmTitle}
        confirmText={m.unbindConfirm}
        cancelText={m.cancel}
        danger
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
        testId="unbind-dialog"
      >
        <View>
          <Text className="member-form__strong">{m.unbindConfirmBody(member.name)}</Text>
          <Text className="member-form__line">{m.unbindConfirmNote}</Text>
        </View>
      </ConfirmDialog>
    </View>
  );
}
