import { Text, View } from '@tarojs/components';
import {
  CORRECTION_FIELD_LABELS,
  CORRECTION_FIELDS,
  type ApiErrorBody,
  type CorrectionField,
  type CorrectionRequestView,
} from '@village/shared';
import { useState } from 'react';
import { Choice, ChoiceGroup } from '../../../components/Choice';
import { ErrorState } from '../../../components/ErrorState';
import { Button } from '../../../components/nutui';
import { TextField } from '../../../components/TextField';
import { messages } from '../../../constants/messages';
import { createCorrectionRequest } from '../../../services/api/me';
import './CorrectionForm.css';

const m = messages.correction;

/**
 * 申请更正我的信息: which field (the server's list, in words) and what is wrong. The server's refusal
 * (too many open requests, a too short message) stays on screen in its own words until the next try.
 */
export function CorrectionForm({ onSubmitted }: { onSubmitted: (request: CorrectionRequestView) => void }) {
  const [field, setField] = useState<CorrectionField | null>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (busy) return;
    if (!field) {
      setProblem(m.pickField);
      return;
    }
    if (message.trim().length < 2) {
      setProblem(m.writeMessage);
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    const result = await createCorrectionRequest({ field, message: message.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setField(null);
    setMessage('');
    onSubmitted(result.data);
  }

  return (
    <View className="correction-form" data-testid="correction-form">
      <ChoiceGroup label={m.fieldLabel} testId="correction-field">
        {CORRECTION_FIELDS.map((f) => (
          <Choice
            key={f}
            label={CORRECTION_FIELD_LABELS[f]}
            checked={field === f}
            onSelect={() => setField(f)}
            compact
            testId={`correction-field-${f}`}
          />
        ))}
      </ChoiceGroup>
      <TextField
        label={m.messageLabel}
        value={message}
        onChange={(v) => setMessage(v)}
        hint={m.messageHint}
        placeholder={m.messagePlaceholder}
        maxlength={500}
        testId="correction-message"
      />
      {problem ? (
        <Text className="correction-form__problem" data-testid="correction-problem">
          {problem}
        </Text>
      ) : null}
      {error ? (
        <View className="correction-form__error">
          <ErrorState error={error} title={m.submitFailed} />
        </View>
      ) : null}
      <Button className="big-button correction-form__submit" type="primary" block disabled={busy} onClick={() => void submit()} data-testid="correction-submit">
        {m.submit}
      </Button>
    </View>
  );
}
