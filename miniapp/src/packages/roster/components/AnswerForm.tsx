import { Text, View } from '@tarojs/components';
import { CORRECTION_OUTCOME_LABELS, type ApiErrorBody, type CorrectionOutcome, type CorrectionRequestView } from '@village/shared';
import { useState } from 'react';
import { Choice, ChoiceGroup } from '../../../components/Choice';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { TextField } from '../../../components/TextField';
import { messages } from '../../../constants/messages';
import { answerCorrectionRequest } from '../../../services/api/roster';
import { MemberFormActions } from './MemberFormActions';
import './MemberForm.css';

const m = messages.roster;

/**
 * 答复更正申请: 已更正 or 不予更正 (with the reason, PIPL art. 50) and the words the villager will
 * read, then a confirmation. The server's refusal (someone answered first, too short) stays inline.
 */
export function AnswerForm({
  request,
  onDone,
  onCancel,
}: {
  request: CorrectionRequestView;
  onDone: (answered: CorrectionRequestView) => void;
  onCancel: () => void;
}) {
  const [outcome, setOutcome] = useState<CorrectionOutcome | null>(null);
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  function next(): void {
    if (!outcome || answer.trim().length < 2) return setProblem(m.correctionAnswerNeeded);
    setProblem(null);
    setConfirming(true);
  }

  async function send(): Promise<void> {
    if (!outcome) return;
    setBusy(true);
    setError(null);
    const result = await answerCorrectionRequest(request.id, { version: request.version, outcome, answer: answer.trim() });
    setBusy(false);
    setConfirming(false);
    if (result.ok) onDone(result.data);
    else setError(result.error);
  }

  return (
    <View className="member-form" data-testid={`answer-form-${request.id}`}>
      <ChoiceGroup label={m.correctionOutcomeLabel}>
        <Choice
          label={m.correctionCorrected}
          hint={m.correctionCorrectedHint}
          checked={outcome === 'corrected'}
          onSelect={() => setOutcome('corrected')}
          testId="answer-corrected"
        />
        <Choice
          label={m.correctionDeclined}
          hint={m.correctionDeclinedHint}
          checked={outcome === 'declined'}
          onSelect={() => setOutcome('declined')}
          testId="answer-declined"
        />
      </ChoiceGroup>
      <TextField
        label={m.correctionAnswerLabel}
        hint={m.correctionAnswerHint}
        value={answer}
        onChange={(v) => setAnswer(v)}
        maxlength={500}
        testId="answer-text"
      />
      {problem ? (
        <Text className="member-form__problem" data-testid="answer-problem">
          {problem}
        </Text>
      ) : null}
      {error ? (
        <View className="member-form__error">
          <ErrorState error={error} title={m.actionFailed} />
        </View>
      ) : null}
      <MemberFormActions nextText={m.correctionAnswerNext} onNext={next} onCancel={onCancel} nextTestId="answer-next" />

      <ConfirmDialog
        open={confirming}
        title={m.correctionConfirmTitle}
        confirmText={m.correctionConfirm}
        cancelText={m.cancel}
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
        testId="answer-dialog"
      >
        <View>
          <Text className="member-form__strong">
            {m.correctionConfirmBody(request.resident.name, outcome ? CORRECTION_OUTCOME_LABELS[outcome] : '')}
          </Text>
          <Text className="member-form__line">{answer.trim()}</Text>
          <Text className="member-form__line">{m.correctionConfirmNote}</Text>
        </View>
      </ConfirmDialog>
    </View>
  );
}
