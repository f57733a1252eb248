import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ApiErrorBody, BallotDetail, PaperCountRequest, PaperCountView } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { recordPaperCount } from '../../../../services/api/ballots';
import { noteBallotsChanged } from '../../../../services/ballotEvents';
import { formatMoment } from '../../../../services/ballotTime';
import { useBallot } from '../../hooks/useBallot';
import { checkPaperForm, emptyPaperForm, type PaperForm } from '../../utils/paper';
import '../../ballots.css';

const m = messages.ballots;

/**
 * 纸质票计票 (计票人 / 监票人): one enters the papers handed in and the count per choice, the other
 * checks and confirms with the same numbers (or enters different ones, which the first must then
 * confirm). Once both agree it is locked and the committee may close the ballot.
 */
export default function PaperCountPage() {
  const router = useRouter();
  const ballotId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const { me } = useMe();
  const { state, reload } = useBallot(ballotId);
  const ballot = state.ballot;

  return (
    <PageShell testId="ballot-paper-page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void reload()} /> : null}
      {ballot ? <PaperBody ballot={ballot} myResidentId={me?.resident?.id ?? null} onSaved={() => void reload({ quiet: true })} /> : null}
    </PageShell>
  );
}

function EntryView({ ballot, entry }: { ballot: BallotDetail; entry: PaperCountView }) {
  return (
    <View className="section ballot-card" data-testid="ballot-paper-entry">
      <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
        {m.paperEntry}
      </Text>
      <Text className="ballot-big-line">{m.paperPapers(entry.papers)}</Text>
      {ballot.choices.map((c) => (
        <Text key={c.key} className="ballot-para">
          {m.paperLine(c.label, entry.counts[c.key] ?? 0)}
        </Text>
      ))}
      {ballot.choiceKind !== 'multiple' ? (
        <Text className="ballot-para">{m.blankAuto(Math.max(0, entry.papers - ballot.choices.reduce((a, c) => a + (entry.counts[c.key] ?? 0), 0)))}</Text>
      ) : null}
      <Text className="ballot-muted">{m.paperEntryBy(entry.enteredBy.name, formatMoment(entry.enteredAt))}</Text>
      {entry.confirmedBy && entry.confirmedAt ? <Text className="ballot-muted">{m.paperConfirmedBy(entry.confirmedBy.name, formatMoment(entry.confirmedAt))}</Text> : null}
      <Text className="ballot-para ballot-strong">{entry.statusLabel}</Text>
    </View>
  );
}

function PaperBody({ ballot, myResidentId, onSaved }: { ballot: BallotDetail; myResidentId: string | null; onSaved: () => void }) {
  const entry = ballot.paperCount;
  const inPerson = ballot.participation?.inPerson ?? 0;
  const mineEntered = Boolean(entry && myResidentId && entry.enteredBy.id === myResidentId);
  const [editing, setEditing] = useState(!entry);
  const [form, setForm] = useState<PaperForm>(() => emptyPaperForm(ballot.choices));
  const [tried, setTried] = useState(false);
  const [asking, setAsking] = useState<PaperCountRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const check = checkPaperForm(form, ballot.choices, ballot.choiceKind, inPerson);
  const errors = tried ? check.errors : {};

  async function send(request: PaperCountRequest): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await recordPaperCount(ballot.id, request);
    setBusy(false);
    setAsking(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(result.data.confirmedBy ? m.paperConfirmed : m.paperSaved);
    setEditing(false);
    setTried(false);
    setForm(emptyPaperForm(ballot.choices));
    noteBallotsChanged();
    onSaved();
  }

  function submit(): void {
    setTried(true);
    if (check.request) setAsking(check.request);
  }

  return (
    <View>
      <Text className="ballot-heading" {...roleProps('heading')} aria-level={1}>
        {m.paperTitle}
      </Text>
      <Text className="ballot-subtitle">{ballot.title}</Text>
      <Text className="ballot-para">{m.paperIntro}</Text>
      <Text className="ballot-big-line">{m.paperInPerson(inPerson, ballot.participation?.unitLabel ?? '')}</Text>
      {done ? (
        <View className="section">
          <Notice tone="success" title={done} testId="ballot-paper-done" />
        </View>
      ) : null}
      {!ballot.can.recordPaperCount && !entry?.confirmedBy ? (
        <View className="section">
          <Notice tone="info" title={inPerson === 0 ? m.paperNoInPerson : m.paperNotAllowed} testId="ballot-paper-not-allowed" />
        </View>
      ) : null}

      {entry ? <EntryView ballot={ballot} entry={entry} /> : null}

      {entry && !entry.confirmedBy && ballot.can.recordPaperCount ? (
        <View className="section" data-testid="ballot-paper-next">
          <Notice tone="info" title={mineEntered ? m.paperWaitOther : m.paperCheckOther(entry.enteredBy.name)} />
          {!mineEntered ? (
            <Button
              className="big-button ballot-gap"
              type="primary"
              block
              disabled={busy}
              onClick={() => setAsking({ papers: entry.papers, counts: entry.counts })}
              data-testid="ballot-paper-confirm"
            >
              {m.confirmPaper}
            </Button>
          ) : null}
          {!editing ? (
            <Button className="big-button ballot-gap" type="default" fill="outline" block onClick={() => setEditing(true)} data-testid="ballot-paper-reenter">
              {m.reenter}
            </Button>
          ) : null}
        </View>
      ) : null}

      {ballot.can.recordPaperCount && editing ? (
        <View className="section ballot-card" data-testid="ballot-paper-form">
          <TextField
            label={m.papersLabel}
            value={form.papers}
            type="number"
            maxlength={6}
            hint={m.papersHint(inPerson)}
            error={errors.papers}
            onChange={(v) => setForm({ ...form, papers: v })}
            testId="ballot-paper-papers"
          />
          {ballot.choices.map((c) => (
            <TextField
              key={c.key}
              label={m.countLabel(c.label)}
              value={form.counts[c.key] ?? ''}
              type="number"
              maxlength={6}
              error={errors[c.key]}
              onChange={(v) => setForm({ ...form, counts: { ...form.counts, [c.key]: v } })}
              testId={`ballot-paper-count-${c.key}`}
            />
          ))}
          {check.blank !== null ? <Text className="ballot-para">{m.blankAuto(check.blank)}</Text> : null}
          {errors.sum ? <Text className="ballot-error">{errors.sum}</Text> : null}
          <Button className="big-button ballot-gap" type="primary" block disabled={busy} onClick={submit} data-testid="ballot-paper-submit">
            {m.submitPaper}
          </Button>
        </View>
      ) : null}
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}

      <ConfirmDialog
        open={asking !== null}
        title={m.paperConfirmTitle}
        confirmText={m.paperConfirm}
        cancelText={m.dialogBack}
        busy={busy}
        onConfirm={() => asking && void send(asking)}
        onCancel={() => setAsking(null)}
        testId="ballot-paper-dialog"
      >
        <Text className="ballot-para ballot-strong">{m.paperConfirmBody}</Text>
        {asking ? (
          <View>
            <Text className="ballot-para">{m.paperPapers(asking.papers)}</Text>
            {ballot.choices.map((c) => (
              <Text key={c.key} className="ballot-para">
                {m.paperLine(c.label, asking.counts[c.key] ?? 0)}
              </Text>
            ))}
          </View>
        ) : null}
      </ConfirmDialog>
    </View>
  );
}
