import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CORRECTION_FIELD_LABELS, CORRECTION_OUTCOME_LABELS, type CorrectionRequestView, type CorrectionStatus } from '@village/shared';
import { useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { listCorrectionRequests } from '../../../../services/api/roster';
import { AnswerForm } from '../../components/AnswerForm';
import { Pager } from '../../components/Pager';
import { dayText } from '../../utils/dates';
import '../../roster.css';
import './index.css';

const m = messages.roster;
const PAGE_SIZE = 20;

/**
 * 更正申请 (sub-package "roster"): villagers' requests to correct their own information, the
 * unanswered first by default. Committee members answer each (已更正 / 不予更正 with the reason)
 * after a confirmation; 监委会 read them.
 */
export default function CorrectionsPage() {
  const { isCommittee } = useMe();
  const [status, setStatus] = useState<CorrectionStatus | null>('open');
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useRequest(() => listCorrectionRequests({ status: status ?? undefined, page, pageSize: PAGE_SIZE }), [status, page]);

  function choose(next: CorrectionStatus | null): void {
    setStatus(next);
    setPage(1);
    setAnswering(null);
  }

  const filters: Array<{ value: CorrectionStatus | null; label: string }> = [
    { value: 'open', label: m.correctionsOpenOnly },
    { value: null, label: m.correctionsAll },
  ];

  return (
    <PageShell testId="roster-corrections-page">
      {done ? (
        <View className="corrections__notice">
          <Notice tone="success" title={done} testId="corrections-done" />
        </View>
      ) : null}
      <View className="roster-card">
        <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
          {m.correctionsHeading}
        </Text>
        <Text className="roster-para">{m.correctionsIntro}</Text>
        <View className="roster-chips" {...roleProps('radiogroup')} aria-label={m.correctionsHeading}>
          {filters.map((f) => (
            <Text
              key={f.value ?? 'all'}
              className={`roster-chip${status === f.value ? ' roster-chip--on' : ''}`}
              {...roleProps('radio')}
              aria-checked={status === f.value}
              onClick={() => choose(f.value)}
              {...pressProps(() => choose(f.value))}
              data-testid={`corrections-filter-${f.value ?? 'all'}`}
            >
              {status === f.value ? `✓ ${f.label}` : f.label}
            </Text>
          ))}
        </View>
      </View>

      <View className="section" data-testid="corrections-list">
        {list.status === 'loading' ? <LoadingState /> : null}
        {list.status === 'error' ? <ErrorState error={list.error} onRetry={() => list.reload()} /> : null}
        {list.status === 'success' && list.data.items.length === 0 ? (
          <Text className="roster-para" data-testid="corrections-empty">
            {status === 'open' ? m.correctionsNone : m.correctionsNoneAll}
          </Text>
        ) : null}
        {list.status === 'success'
          ? list.data.items.map((r) => (
              <RequestCard
                key={r.id}
                request={r}
                canAnswer={isCommittee && r.status === 'open'}
                answering={answering === r.id}
                onAnswer={() => {
                  setDone(null);
                  setAnswering(r.id);
                }}
                onCancel={() => setAnswering(null)}
                onDone={(answered) => {
                  setAnswering(null);
                  setDone(m.correctionAnswered(answered.resident.name));
                  list.reload({ quiet: true });
                  void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
                }}
              />
            ))
          : null}
        {list.status === 'success' ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} /> : null}
      </View>
    </PageShell>
  );
}

function RequestCard({
  request,
  canAnswer,
  answering,
  onAnswer,
  onCancel,
  onDone,
}: {
  request: CorrectionRequestView;
  canAnswer: boolean;
  answering: boolean;
  onAnswer: () => void;
  onCancel: () => void;
  onDone: (answered: CorrectionRequestView) => void;
}) {
  return (
    <View className="member" data-testid={`correction-request-${request.id}`}>
      <View className="corrections__head">
        <Text className="roster-sub">{m.correctionFrom(request.resident.name, request.resident.householdNumber)}</Text>
        <Text className={`tag${request.outcome ? ' tag--primary' : ' tag--warning'}`}>
          {request.outcome ? CORRECTION_OUTCOME_LABELS[request.outcome] : m.correctionStatusOpen}
        </Text>
      </View>
      <Text className="roster-para">{m.correctionField(CORRECTION_FIELD_LABELS[request.field] ?? request.field)}</Text>
      <Text className="roster-para corrections__message">{request.message}</Text>
      <Text className="roster-muted">{m.correctionRequested(dayText(request.requestedAt.slice(0, 10)))}</Text>
      {request.outcome && request.answer ? (
        <View className="corrections__answer">
          <Text className="roster-para">{m.correctionAnswerLine(CORRECTION_OUTCOME_LABELS[request.outcome], request.answer)}</Text>
          {request.answeredBy && request.answeredAt ? (
            <Text className="roster-muted">{m.correctionAnsweredBy(request.answeredBy.name, dayText(request.answeredAt.slice(0, 10)))}</Text>
          ) : null}
        </View>
      ) : null}
      {canAnswer && !answering ? (
        <View className="roster-actions">
          <Button type="primary" onClick={onAnswer} data-testid={`correction-answer-${request.id}`}>
            {m.correctionAnswerStart}
          </Button>
        </View>
      ) : null}
      {canAnswer && answering ? <AnswerForm request={request} onDone={onDone} onCancel={onCancel} /> : null}
    </View>
  );
}
