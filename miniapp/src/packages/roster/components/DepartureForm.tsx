import { Text, View } from '@tarojs/components';
import { RESIDENT_STATUS_LABELS, type ApiErrorBody, type DepartureStatus, type NamedRef, type RosterResident } from '@village/shared';
import { useState } from 'react';
import { Choice, ChoiceGroup } from '../../../components/Choice';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { TextField } from '../../../components/TextField';
import { messages } from '../../../constants/messages';
import { departResident } from '../../../services/api/roster';
import { dayText, normaliseDateInput } from '../utils/dates';
import { MemberFormActions } from './MemberFormActions';
import './MemberForm.css';

const m = messages.roster;

/** The adults the server offers as the next 户代表 (409 details.candidates). */
function candidatesOf(error: ApiErrorBody): NamedRef[] {
  const details = error.details as { candidates?: unknown } | undefined;
  if (!details || !Array.isArray(details.candidates)) return [];
  return details.candidates.filter(
    (c): c is NamedRef => typeof c === 'object' && c !== null && typeof (c as NamedRef).id === 'string' && typeof (c as NamedRef).name === 'string',
  );
}

/**
 * 登记去世/迁出 for one member: 已去世 or 已迁出, the date (today when empty) and a note, then a
 * confirmation that says what ends. When the member is the 户代表 and other adults remain, the
 * server answers 409 with the adults it accepts: the clerk picks one and sends again.
 */
export function DepartureForm({
  member,
  onDone,
  onCancel,
}: {
  member: RosterResident;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [status, setStatus] = useState<DepartureStatus | null>(null);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [candidates, setCandidates] = useState<NamedRef[]>([]);
  const [successor, setSuccessor] = useState<NamedRef | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const statusLabel = status ? RESIDENT_STATUS_LABELS[status] : '';
  const dateSent = date.trim() ? normaliseDateInput(date) : undefined;

  function next(): void {
    if (!status) return setProblem(m.departPick);
    if (candidates.length > 0 && !successor) return setProblem(m.departSuccessorNeeded);
    setProblem(null);
    setConfirming(true);
  }

  async function send(): Promise<void> {
    if (!status) return;
    setBusy(true);
    setError(null);
    const result = await departResident(member.id, {
      version: member.version,
      status,
      ...(dateSent ? { date: dateSent } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(successor ? { newRepresentativeResidentId: successor.id } : {}),
    });
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      onDone(m.departDone(member.name, RESIDENT_STATUS_LABELS[status]));
      return;
    }
    const offered = candidatesOf(result.error);
    if (offered.length > 0) {
      setCandidates(offered);
      setSuccessor(null);
    }
    setError(result.error);
  }

  return (
    <View className="member-form" data-testid={`depart-form-${member.name}`}>
      <Text className="member-form__title">{m.departTitle(member.name)}</Text>
      <ChoiceGroup label={m.departStatusLabel} row>
        <Choice label={m.departDeceased} checked={status === 'deceased'} onSelect={() => setStatus('deceased')} compact testId="depart-deceased" />
        <Choice label={m.departMovedOut} checked={status === 'moved_out'} onSelect={() => setStatus('moved_out')} compact testId="depart-moved-out" />
      </ChoiceGroup>
      <TextField label={m.departDateLabel} hint={m.departDateHint} value={date} onChange={(v) => setDate(v)} maxlength={12} testId="depart-date" />
      <TextField label={m.departNoteLabel} hint={m.departNoteHint} value={note} onChange={(v) => setNote(v)} maxlength={200} testId="depart-note" />

      {error ? (
        <View className="member-form__error">
          {candidates.length > 0 ? (
            <Notice tone="warning" title={m.actionFailed} testId="depart-successor-needed">
              <Text>{error.message}</Text>
            </Notice>
          ) : (
            <ErrorState error={error} title={m.actionFailed} />
          )}
        </View>
      ) : null}
      {candidates.length > 0 ? (
        <ChoiceGroup label={m.departSuccessorLabel} testId="depart-successor">
          {candidates.map((c) => (
            <Choice key={c.id} label={c.name} checked={successor?.id === c.id} onSelect={() => setSuccessor(c)} testId={`depart-successor-${c.name}`} />
          ))}
        </ChoiceGroup>
      ) : null}
      {problem ? (
        <Text className="member-form__problem" data-testid="depart-problem">
          {problem}
        </Text>
      ) : null}

      <MemberFormActions nextText={m.departNext} onNext={next} onCancel={onCancel} nextTestId="depart-next" />

      <ConfirmDialog
        open={confirming}
        title={m.departConfirmTitle(statusLabel)}
        confirmText={m.departConfirm}
        cancelText={m.cancel}
        danger
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
        testId="depart-dialog"
      >
        <View>
          <Text className="member-form__strong">{m.departConfirmBody(member.name, statusLabel, dateSent ? dayText(dateSent) : m.departToday)}</Text>
          {successor ? <Text className="member-form__line">{m.departConfirmSuccessor(successor.name)}</Text> : null}
          <Text className="member-form__line">{m.departConfirmNote}</Text>
        </View>
      </ConfirmDialog>
    </View>
  );
}
