import { Text, View } from '@tarojs/components';
import { NOTICE_QUERY_TEXT_MAX, type ApiErrorBody, type NoticeQueryView } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { ErrorState } from '../../../components/ErrorState';
import { Notice } from '../../../components/Notice';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { askNoticeQuery } from '../../../services/api/notices';
import { hasText } from '../utils/queries';
import { AreaField } from '../../../components/AreaField';

const m = messages.notices;

type Outcome = { tone: 'success' | 'warning'; title: string; lines: string[] };

/** What the villager is told after asking: published, waiting for review, or held (with why). */
export function askOutcome(q: NoticeQueryView): Outcome {
  if (q.status === 'held') return { tone: 'warning', title: m.askHeld, lines: [q.statusReason ? m.statusReason(q.statusReason) : '', m.heldNext].filter(Boolean) };
  if (q.status === 'pending_review') return { tone: 'success', title: m.askPending, lines: [] };
  return { tone: 'success', title: m.askSent, lines: [] };
}

/**
 * 我要询问: a question about this notice (at most NOTICE_QUERY_TEXT_MAX characters). WeChat's content
 * check decides on the server whether it is published at once, reviewed first, or held; the asker is
 * told which, in words. A failed send keeps what was typed.
 */
export function AskForm({ noticeId, onAsked }: { noticeId: string; onAsked: (q: NoticeQueryView) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(): Promise<void> {
    if (!hasText(text)) return setProblem(m.askTooShort);
    if (Array.from(text).length > NOTICE_QUERY_TEXT_MAX) return setProblem(m.tooLong(NOTICE_QUERY_TEXT_MAX));
    setProblem(null);
    setError(null);
    setOutcome(null);
    setBusy(true);
    const result = await askNoticeQuery(noticeId, { text: text.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setText('');
    setOutcome(askOutcome(result.data));
    onAsked(result.data);
  }

  return (
    <View className="section nt-card" data-testid="notice-ask">
      <Text className="nt-sub" {...roleProps('heading')} aria-level={2}>
        {m.askTitle}
      </Text>
      <Text className="nt-para">{m.askIntro}</Text>
      {outcome ? (
        <View className="nt-gap">
          <Notice tone={outcome.tone} title={outcome.title} testId="ask-outcome">
            {outcome.lines.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </Notice>
        </View>
      ) : null}
      <AreaField
        label={m.askLabel}
        placeholder={m.askPlaceholder}
        value={text}
        onChange={(v) => {
          setText(v);
          if (problem) setProblem(null);
        }}
        maxlength={NOTICE_QUERY_TEXT_MAX}
        error={problem}
        testId="ask-text"
      />
      {error ? (
        <View className="nt-gap">
          <ErrorState error={error} title={m.askFailed} onRetry={() => void submit()} />
        </View>
      ) : null}
      <Button className="big-button nt-gap" type="primary" block disabled={busy} onClick={() => void submit()} data-testid="ask-submit">
        {busy ? m.askSending : m.askSubmit}
      </Button>
    </View>
  );
}
