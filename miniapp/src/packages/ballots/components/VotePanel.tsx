import { Text, View } from '@tarojs/components';
import { MOTION_CHOICES, type ApiErrorBody, type BallotDetail, type CastVoteResult } from '@village/shared';
import { useState } from 'react';
import { pressProps, roleProps } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { useCareMode } from '../../../hooks/useCareMode';
import { castVote } from '../../../services/api/ballots';
import { randomId } from '../../../services/ids';
import { clearPendingVote, readPendingVote, savePendingVote, saveReceipt } from '../utils/receipts';
import { choiceIcon, choiceLabels, confirmSentence, picksOne, selectionProblem, toggleChoice } from '../utils/selection';

const m = messages.ballots;
const MOTION_KEYS: readonly string[] = MOTION_CHOICES;

export interface Voted {
  result: CastVoteResult;
  /** Secret ballots: whether the phone kept the receipt. */
  receiptSaved: boolean;
}

/** The write failed with no answer (network, time-out, 5xx): it may have arrived; only 重试 is safe. */
export function outcomeUnknown(status: number | null): boolean {
  return status === null || status >= 500;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

/**
 * Sends one confirmed choice. The Idempotency-Key is kept on the phone with the choice before the
 * first try and reused by every try of the same choice (here, after a lost answer, or the next time
 * the page opens), so the server counts it once and answers a repeat with the first answer,
 * receipt code included. A definite refusal (4xx) forgets the key: the person may choose again.
 */
export async function sendVote(ballotId: string, keys: string[], newKey: () => string = randomId) {
  let pending = readPendingVote(ballotId);
  if (!pending || !sameKeys(pending.choices, keys)) {
    pending = { key: newKey(), choices: keys, at: new Date().toISOString() };
    savePendingVote(ballotId, pending);
  }
  const result = await castVote(ballotId, keys, pending.key);
  if (result.ok) {
    clearPendingVote(ballotId);
    const receiptSaved = result.data.receiptCode ? saveReceipt(ballotId, { code: result.data.receiptCode, at: result.data.at }) : false;
    return { ok: true as const, voted: { result: result.data, receiptSaved } };
  }
  if (!outcomeUnknown(result.status)) clearPendingVote(ballotId);
  return { ok: false as const, error: result.error, unknown: outcomeUnknown(result.status) };
}

type Failure = { error: ApiErrorBody; unknown: boolean; keys: string[] };

/**
 * 同意 / 反对 / 弃权 (or the options) as big buttons, each with a sign and its word; a tap asks to
 * confirm in words ("您选择：同意。投票后不能更改。"). Multiple choice: taps tick options (at most
 * maxSelections), then 投票.
 */
export function VotePanel({ ballot, onVoted, onRefused }: { ballot: BallotDetail; onVoted: (v: Voted) => void; onRefused: () => void }) {
  const { careMode } = useCareMode();
  const [selected, setSelected] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [pending] = useState(() => readPendingVote(ballot.id));
  const one = picksOne(ballot.choiceKind);

  function tap(key: string): void {
    if (busy || failure?.unknown) return;
    setFailure(null);
    if (one) {
      setConfirming([key]);
      return;
    }
    const next = toggleChoice(ballot.choices, selected, key, ballot.maxSelections);
    setSelected(next.selected);
    setRefusal(next.refused);
  }

  function submitMany(): void {
    const problem = selectionProblem(ballot.choiceKind, selected, ballot.maxSelections);
    setRefusal(problem);
    if (!problem) setConfirming(selected);
  }

  async function cast(keys: string[]): Promise<void> {
    setBusy(true);
    const sent = await sendVote(ballot.id, keys);
    setBusy(false);
    setConfirming(null);
    if (sent.ok) {
      setFailure(null);
      onVoted(sent.voted);
      return;
    }
    setFailure({ error: sent.error, unknown: sent.unknown, keys });
    if (!sent.unknown) onRefused();
  }

  const locked = busy || Boolean(failure?.unknown);
  const showPending = pending && !failure && !busy;

  return (
    <View className="section ballot-card" data-testid="ballot-vote">
      <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
        {m.chooseTitle}
      </Text>
      <Text className="ballot-para">{one ? m.chooseOne : m.chooseMany(ballot.maxSelections)}</Text>

      {showPending ? (
        <View className="section" data-testid="ballot-pending">
          <Notice tone="warning" title={m.pendingTitle}>
            <Text>{m.pendingBody(choiceLabels(ballot.choices, pending.choices))}</Text>
          </Notice>
          <Button className="big-button ballot-gap" type="primary" block onClick={() => void cast(pending.choices)} data-testid="ballot-pending-retry">
            {m.pendingRetry}
          </Button>
        </View>
      ) : null}

      <View className={`ballot-choices${careMode ? ' ballot-choices--care' : ''}`} {...roleProps('group')} aria-label={m.chooseTitle}>
        {ballot.choices.map((c, i) => {
          const on = !one && selected.includes(c.key);
          const press = () => tap(c.key);
          return (
            <View
              key={c.key}
              className={`ballot-choice ballot-choice--${MOTION_KEYS.includes(c.key) ? c.key : 'option'}${on ? ' ballot-choice--on' : ''}${locked ? ' ballot-choice--locked' : ''}`}
              {...roleProps(one ? 'button' : 'checkbox')}
              {...(one ? {} : { 'aria-checked': on })}
              aria-disabled={locked}
              onClick={locked ? undefined : press}
              {...pressProps(press, locked)}
              data-testid={`ballot-choice-${c.key}`}
            >
              <Text className="ballot-choice__icon" aria-hidden>
                {on ? '✓' : choiceIcon(c.key, i)}
              </Text>
              <Text className="ballot-choice__label">{c.label}</Text>
              {on ? <Text className="ballot-choice__state">{m.chosen}</Text> : null}
            </View>
          );
        })}
      </View>

      {!one ? (
        <View>
          <Text className="ballot-para" {...roleProps('status')} data-testid="ballot-chosen-count">
            {m.chosenCount(selected.length, ballot.maxSelections)}
          </Text>
          <Button className="big-button ballot-gap" type="primary" block disabled={locked} onClick={submitMany} data-testid="ballot-submit-many">
            {m.submitMany}
          </Button>
        </View>
      ) : null}
      <Text className="ballot-muted">{m.secrecyNote[ballot.secrecy]}</Text>
      {refusal ? (
        <Text className="ballot-warning" {...roleProps('alert')} data-testid="ballot-refusal">
          {refusal}
        </Text>
      ) : null}

      {busy && !confirming ? (
        <Text className="ballot-para" {...roleProps('status')}>
          {m.casting}
        </Text>
      ) : null}
      {failure ? (
        <View className="section" data-testid={failure.unknown ? 'ballot-cast-unknown' : 'ballot-cast-failed'}>
          <ErrorState
            error={failure.unknown ? { ...failure.error, message: `${failure.error.message}${m.castUnknownBody(choiceLabels(ballot.choices, failure.keys))}` } : failure.error}
            title={failure.unknown ? m.castUnknownTitle : m.castFailedTitle}
            onRetry={failure.unknown ? () => void cast(failure.keys) : undefined}
          />
        </View>
      ) : null}

      <ConfirmDialog
        open={confirming !== null}
        title={m.confirmTitle}
        confirmText={busy ? m.casting : m.confirm}
        cancelText={m.confirmBack}
        busy={busy}
        onConfirm={() => confirming && void cast(confirming)}
        onCancel={() => setConfirming(null)}
        testId="ballot-confirm"
      >
        {confirming ? (
          <View>
            <Text className="ballot-confirm__choice" data-testid="ballot-confirm-text">
              {confirmSentence(ballot.choices, confirming)}
            </Text>
            {ballot.secrecy === 'secret' ? <Text className="ballot-para">{m.confirmSecret}</Text> : null}
          </View>
        ) : null}
      </ConfirmDialog>
    </View>
  );
}
