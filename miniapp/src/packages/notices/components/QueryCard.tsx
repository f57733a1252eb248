import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NOTICE_ANSWER_TEXT_MAX, NOTICE_QUERY_STATUS_LABELS, type ApiErrorBody, type NoticeQueryView } from '@village/shared';
import { useState } from 'react';
import { pressProps, roleProps } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';
import { routes, withQuery } from '../../../constants/routes';
import { answerQuery, reviewQuery } from '../../../services/api/notices';
import { instantDayText } from '../../../services/dates';
import { hasText } from '../utils/queries';
import { AreaField } from '../../../components/AreaField';

const m = messages.notices;

type Mode = 'idle' | 'answer' | 'reject';
type Confirming = 'answer' | 'release' | 'reject' | null;

function statusTone(q: NoticeQueryView): string {
  if (q.status === 'answered') return 'tag tag--primary';
  if (q.status === 'open' || q.status === 'pending_review') return 'tag tag--warning';
  return 'tag tag--muted';
}

/**
 * One query (询问) and its answer. Its state is in words (待答复, 已答复, 审核中, 超期未答复, 我问的);
 * the author of a held or unpublished query sees why. The committee answers here (`canAnswer`) and
 * releases or rejects a query WeChat's check sent for review (`canReview`), each after a confirmation.
 */
export function QueryCard({
  query,
  canAnswer,
  canReview,
  showNotice,
  onChanged,
}: {
  query: NoticeQueryView;
  canAnswer?: boolean;
  canReview?: boolean;
  /** On the 询问 list: a link to the notice it is about. */
  showNotice?: boolean;
  onChanged?: (next: NoticeQueryView, done: string) => void;
}) {
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  const q = query;
  const answerable = Boolean(canAnswer && q.status === 'open');
  const reviewable = Boolean(canReview && q.status === 'pending_review');
  const openNotice = () => void Taro.navigateTo({ url: withQuery(routes.noticeDetail, { id: q.noticeId }) });

  function start(next: Mode): void {
    setMode(next);
    setText('');
    setProblem(null);
    setError(null);
  }

  function next(): void {
    if (mode === 'answer' && !hasText(text)) return setProblem(m.answerNeeded);
    if (mode === 'reject' && !hasText(text)) return setProblem(m.rejectReasonNeeded);
    if (Array.from(text).length > NOTICE_ANSWER_TEXT_MAX) return setProblem(m.tooLong(NOTICE_ANSWER_TEXT_MAX));
    setProblem(null);
    setConfirming(mode === 'answer' ? 'answer' : 'reject');
  }

  async function send(kind: Exclude<Confirming, null>): Promise<void> {
    setBusy(true);
    setError(null);
    const result =
      kind === 'answer'
        ? await answerQuery(q.id, { text: text.trim() })
        : await reviewQuery(q.id, kind === 'release' ? { decision: 'release' } : { decision: 'reject', reason: text.trim() });
    setBusy(false);
    setConfirming(null);
    if (!result.ok) return setError(result.error);
    setMode('idle');
    setText('');
    onChanged?.(result.data, kind === 'answer' ? m.answered : kind === 'release' ? m.released : m.rejected);
  }

  return (
    <View className={`query${q.overdue && q.status === 'open' ? ' query--overdue' : ''}`} data-testid={`query-${q.id}`}>
      <View className="query__tags">
        {q.overdue && q.status === 'open' ? (
          <Text className="tag query__overdue" data-testid={`query-${q.id}-overdue`}>
            {m.overdue}
          </Text>
        ) : null}
        <Text className={statusTone(q)} data-testid={`query-${q.id}-status`}>
          {NOTICE_QUERY_STATUS_LABELS[q.status]}
        </Text>
        {q.mine ? <Text className="tag">{m.mine}</Text> : null}
      </View>
      {showNotice ? (
        <Text className="nt-link" {...roleProps('link')} onClick={openNotice} {...pressProps(openNotice)}>
          {m.onNotice(q.noticeTitle)}
        </Text>
      ) : null}
      <Text className="query__text">{q.text}</Text>
      <Text className="nt-muted">{m.askedBy(q.askedBy.name, instantDayText(q.askedAt))}</Text>

      {q.statusReason && (q.status === 'held' || q.status === 'rejected' || q.status === 'pending_review') ? (
        <Text className="query__reason" data-testid={`query-${q.id}-reason`}>
          {m.statusReason(q.statusReason)}
        </Text>
      ) : null}
      {q.mine && q.status === 'held' ? <Text className="nt-muted">{m.heldNext}</Text> : null}
      {q.mine && q.status === 'pending_review' ? <Text className="nt-muted">{m.pendingNext}</Text> : null}

      {q.answer ? (
        <View className="query__answer" data-testid={`query-${q.id}-answer`}>
          <Text className="nt-strong">{m.answerTitle}</Text>
          <Text className="query__text">{q.answer.text}</Text>
          <Text className="nt-muted">{m.answeredBy(q.answer.by.name, instantDayText(q.answer.at))}</Text>
        </View>
      ) : null}

      {error ? (
        <View className="nt-gap">
          <ErrorState error={error} title={m.actionFailed} />
        </View>
      ) : null}

      {mode === 'idle' && (answerable || reviewable) ? (
        <View className="nt-actions">
          {answerable ? (
            <Button type="primary" onClick={() => start('answer')} data-testid={`query-${q.id}-answer-start`}>
              {m.answer}
            </Button>
          ) : null}
          {reviewable ? (
            <Button type="primary" onClick={() => setConfirming('release')} data-testid={`query-${q.id}-release`}>
              {m.release}
            </Button>
          ) : null}
          {reviewable ? (
            <Button type="default" fill="outline" onClick={() => start('reject')} data-testid={`query-${q.id}-reject`}>
              {m.reject}
            </Button>
          ) : null}
        </View>
      ) : null}

      {mode !== 'idle' ? (
        <View className="query__form">
          <AreaField
            label={mode === 'answer' ? m.answerLabel : m.rejectReasonLabel}
            hint={mode === 'answer' ? m.answerHint : m.rejectReasonHint}
            value={text}
            onChange={setText}
            maxlength={NOTICE_ANSWER_TEXT_MAX}
            error={problem}
            testId={`query-${q.id}-form`}
          />
          <View className="nt-actions">
            <Button type="primary" onClick={next} data-testid={`query-${q.id}-next`}>
              {mode === 'answer' ? m.answerConfirm : m.rejectConfirm}
            </Button>
            <Button type="default" fill="outline" onClick={() => start('idle')}>
              {m.cancel}
            </Button>
          </View>
        </View>
      ) : null}

      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'answer' ? m.answerConfirmTitle : confirming === 'release' ? m.releaseConfirmTitle : m.rejectConfirmTitle}
        confirmText={confirming === 'answer' ? m.answerConfirm : confirming === 'release' ? m.releaseConfirm : m.rejectConfirm}
        cancelText={m.cancel}
        danger={confirming === 'reject'}
        busy={busy}
        onConfirm={() => confirming && void send(confirming)}
        onCancel={() => setConfirming(null)}
        testId={`query-${q.id}-dialog`}
      >
        <Text>
          {confirming === 'answer' ? m.answerConfirmBody : confirming === 'release' ? m.releaseConfirmBody : m.rejectConfirmBody}
        </Text>
        {confirming === 'answer' || confirming === 'reject' ? <Text className="query__quote">{text.trim()}</Text> : null}
      </ConfirmDialog>
    </View>
  );
}
