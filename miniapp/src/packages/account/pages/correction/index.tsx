import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CORRECTION_FIELD_LABELS, CORRECTION_OUTCOME_LABELS, formatChineseDate, type CorrectionRequestView } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { listMyCorrectionRequests } from '../../../../services/api/me';
import { CorrectionForm } from '../../components/CorrectionForm';
import './index.css';

const m = messages.correction;

const day = (iso: string) => formatChineseDate(new Date(iso));

/**
 * 我的信息有误？申请更正 (PIPL art. 46), opened from 我的: the form, then my requests with their
 * status and the committee's answer.
 */
export default function CorrectionPage() {
  const mine = useRequest(() => listMyCorrectionRequests());
  const [done, setDone] = useState(false);

  return (
    <PageShell testId="correction-page">
      {done ? (
        <View className="correction__notice">
          <Notice tone="success" title={m.submitted} testId="correction-done" />
        </View>
      ) : null}
      <View className="correction__card">
        <Text className="correction__heading" {...roleProps('heading')} aria-level={1}>
          {m.heading}
        </Text>
        <Text className="correction__para">{m.intro}</Text>
        <CorrectionForm
          onSubmitted={() => {
            setDone(true);
            mine.reload({ quiet: true });
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
          }}
        />
      </View>

      <View className="section" data-testid="correction-mine">
        <Text className="section__title" {...roleProps('heading')} aria-level={2}>
          {m.mineTitle}
        </Text>
        {mine.status === 'loading' ? <LoadingState /> : null}
        {mine.status === 'error' ? <ErrorState error={mine.error} onRetry={() => mine.reload()} /> : null}
        {mine.status === 'success' && mine.data.items.length === 0 ? <Text className="correction__para">{m.none}</Text> : null}
        {mine.status === 'success' ? mine.data.items.map((r) => <RequestRow key={r.id} request={r} />) : null}
      </View>
    </PageShell>
  );
}

function RequestRow({ request }: { request: CorrectionRequestView }) {
  const status = request.outcome ? CORRECTION_OUTCOME_LABELS[request.outcome] : m.statusOpen;
  return (
    <View className="correction__item" data-testid={`correction-${request.id}`}>
      <View className="correction__item-head">
        <Text className="correction__item-field">{CORRECTION_FIELD_LABELS[request.field] ?? request.field}</Text>
        <Text className={`tag${request.status === 'open' ? '' : ' tag--primary'}`}>{status}</Text>
      </View>
      <Text className="correction__para">{request.message}</Text>
      <Text className="correction__muted">{m.requestedOn(day(request.requestedAt))}</Text>
      {request.outcome && request.answer ? (
        <View className="correction__answer">
          <Text className="correction__para correction__strong">{m.answerLine(CORRECTION_OUTCOME_LABELS[request.outcome], request.answer)}</Text>
          {request.answeredBy && request.answeredAt ? (
            <Text className="correction__muted">{m.answeredBy(request.answeredBy.name, day(request.answeredAt))}</Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
