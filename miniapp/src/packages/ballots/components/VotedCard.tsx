import { Text, View } from '@tarojs/components';
import type { ApiErrorBody, BallotDetail, ReceiptCheckResult } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { checkReceipt } from '../../../services/api/ballots';
import { formatMoment } from '../../../services/ballotTime';
import { readPendingVote, readReceipt, type StoredReceipt } from '../utils/receipts';
import { choiceLabels } from '../utils/selection';
import { ReceiptCode } from './ReceiptCode';
import { sendVote, type Voted } from './VotePanel';

const m = messages.ballots;

/**
 * After voting: ✓ 已投票 with the time (and who cast the household's vote when it was someone else),
 * the choice on an open ballot, or, on a secret one, the receipt code big with 复制, kept on this
 * phone, and 核对回执 (is it recorded?). A vote whose answer was lost can fetch its receipt again:
 * the same Idempotency-Key makes the server repeat its first answer.
 */
export function VotedCard({
  ballot,
  voted,
  myResidentId,
  onRecovered,
}: {
  ballot: BallotDetail;
  /** This visit's vote, when the person has just voted. */
  voted: Voted | null;
  myResidentId: string | null;
  onRecovered: (v: Voted) => void;
}) {
  const mine = ballot.myParticipation;
  const [receipt] = useState<StoredReceipt | null>(() => readReceipt(ballot.id));
  const code = voted?.result.receiptCode ?? receipt?.code ?? null;
  const [pending] = useState(() => (code ? null : readPendingVote(ballot.id)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [check, setCheck] = useState<ReceiptCheckResult | null>(null);

  const at = voted?.result.at ?? mine?.at ?? null;
  const inPerson = mine?.channel === 'in_person' && !voted;
  const chosen = voted?.result.choices ?? mine?.choices ?? null;
  const secret = ballot.secrecy === 'secret';
  const castByOther = mine?.castBy && myResidentId && mine.castBy.id !== myResidentId ? mine.castBy.name : null;

  async function recover(): Promise<void> {
    if (!pending) return;
    setBusy(true);
    setError(null);
    const sent = await sendVote(ballot.id, pending.choices);
    setBusy(false);
    if (sent.ok) onRecovered(sent.voted);
    else setError(sent.error);
  }

  async function verify(): Promise<void> {
    if (!code) return;
    setBusy(true);
    setError(null);
    const result = await checkReceipt(ballot.id, code);
    setBusy(false);
    if (result.ok) setCheck(result.data);
    else setError(result.error);
  }

  return (
    <View className="section ballot-card ballot-voted" data-testid="ballot-voted">
      <View className="ballot-voted__head">
        <Text className="ballot-voted__icon" aria-hidden>
          ✓
        </Text>
        <Text className="ballot-voted__title" {...roleProps('heading')} aria-level={2}>
          {inPerson ? m.votedInPersonTitle : m.votedTitle}
        </Text>
      </View>
      {at ? <Text className="ballot-para" data-testid="ballot-voted-at">{inPerson ? m.inPersonAt(formatMoment(at)) : m.votedAt(formatMoment(at))}</Text> : null}
      {castByOther ? <Text className="ballot-para">{m.castBy(castByOther)}</Text> : null}
      {!secret && chosen && chosen.length > 0 ? (
        <Text className="ballot-voted__choice" data-testid="ballot-voted-choice">
          {m.yourChoice(choiceLabels(ballot.choices, chosen))}
        </Text>
      ) : null}
      {!secret && voted ? <Text className="ballot-para">{voted.result.message}</Text> : null}

      {secret && !inPerson && code ? (
        <View>
          <ReceiptCode code={code} />
          <Text className="ballot-para">{m.receiptHint}</Text>
          {voted && !voted.receiptSaved ? <Notice tone="warning" title={m.receiptNotSaved} /> : <Text className="ballot-muted">{m.receiptSaved}</Text>}
          {ballot.status !== 'closed' ? (
            <Button className="big-button ballot-gap" type="default" fill="outline" block disabled={busy} onClick={() => void verify()} data-testid="ballot-receipt-check">
              {busy ? m.checking : m.checkReceipt}
            </Button>
          ) : null}
          {check ? (
            <View className="section">
              <Notice tone="success" title={check.message} testId="ballot-receipt-checked" />
            </View>
          ) : null}
        </View>
      ) : null}
      {secret && !inPerson && !code ? (
        <View>
          <Text className="ballot-muted" data-testid="ballot-receipt-missing">
            {m.receiptMissing}
          </Text>
          {pending ? (
            <Button className="big-button ballot-gap" type="primary" block disabled={busy} onClick={() => void recover()} data-testid="ballot-receipt-recover">
              {m.recoverReceipt}
            </Button>
          ) : null}
        </View>
      ) : null}
      {error ? <ErrorState error={error} title={m.checkFailed} /> : null}
    </View>
  );
}
