import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import type { BallotReceiptList } from '@village/shared';
import { useEffect, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LinkRow } from '../../../../components/LinkRow';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useRequest } from '../../../../hooks/useRequest';
import { getReceipts } from '../../../../services/api/ballots';
import { formatMoment } from '../../../../services/ballotTime';
import type { Result } from '../../../../services/http';
import { ChoiceBars } from '../../components/ChoiceBars';
import { OutcomeCard } from '../../components/OutcomeCard';
import { ParticipationRing } from '../../components/ParticipationRing';
import { ReceiptList } from '../../components/ReceiptList';
import { useBallot } from '../../hooks/useBallot';
import { readReceipt } from '../../utils/receipts';
import '../../ballots.css';

const m = messages.ballots;
const none = (): Promise<Result<null>> => Promise.resolve({ ok: true, data: null, status: 200 });

/**
 * 表决结果 (closed ballots): the outcome in big words with the server's explanation, the participation
 * ring against the quorum line, a bar per choice with the numbers on it, every step of the count in
 * the server's words; on a secret ballot, the receipt list with a search (my receipt found at once).
 */
export default function BallotResultPage() {
  const router = useRouter();
  const ballotId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const { state, reload } = useBallot(ballotId);
  const ballot = state.ballot;
  const result = ballot?.result ?? null;
  const wantReceipts = Boolean(ballot && ballot.can.viewReceipts && result);
  const receipts = useRequest<BallotReceiptList | null>(() => (wantReceipts && ballotId ? getReceipts(ballotId) : none()), [wantReceipts, ballotId]);
  const [myCode] = useState(() => (ballotId ? readReceipt(ballotId)?.code ?? null : null));

  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] } as Taro.showShareMenu.Option);
  }, []);
  useShareAppMessage(() => ({
    title: ballot?.shareTitle ?? m.resultTitle,
    path: withQuery(routes.ballotResult, { id: ballotId }),
  }));

  return (
    <PageShell testId="ballot-result-page">
      {!ballotId ? <Notice tone="warning" title={m.notFoundTitle} /> : null}
      {state.status === 'loading' && ballotId ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void reload()} /> : null}
      {ballot ? (
        <View>
          <Text className="ballot-heading" {...roleProps('heading')} aria-level={1} data-testid="ballot-title">
            {ballot.title}
          </Text>
          <Text className="ballot-rule">{ballot.ruleLabel}</Text>

          {!result ? (
            <View className="section">
              <Notice tone="info" title={m.notClosedTitle} testId="ballot-not-closed">
                <Text>{m.notClosedBody}</Text>
              </Notice>
              <View className="section">
                <LinkRow title={m.detailTitle} url={withQuery(routes.ballotDetail, { id: ballot.id })} />
              </View>
            </View>
          ) : (
            <View>
              <View className="section">
                <OutcomeCard result={result} />
              </View>

              <View className="section ballot-card">
                <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
                  {m.ringTitle}
                </Text>
                <ParticipationRing participation={result.participation} quorum={result.quorum} />
              </View>

              <View className="section ballot-card">
                <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
                  {m.barsTitle}
                </Text>
                <ChoiceBars result={result} choiceKind={ballot.choiceKind} />
              </View>

              <View className="section ballot-card" data-testid="ballot-steps">
                <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
                  {m.stepsTitle}
                </Text>
                {result.lines.map((line, i) => (
                  <Text key={i} className="ballot-step">
                    {`${i + 1}. ${line}`}
                  </Text>
                ))}
                <Text className="ballot-muted">
                  {result.closeTrigger === 'scheduled'
                    ? m.closedScheduled(formatMoment(result.closedAt))
                    : result.closedBy
                      ? m.closedByLine(result.closedBy.name, formatMoment(result.closedAt))
                      : m.closedLine(formatMoment(result.closedAt))}
                </Text>
              </View>

              {result.noticeId ? (
                <View className="section">
                  <LinkRow title={m.noticeLink} hint={m.noticeHint} url={withQuery(routes.noticeDetail, { id: result.noticeId })} testId="ballot-notice-link" />
                </View>
              ) : null}

              {wantReceipts ? (
                <View>
                  {receipts.status === 'loading' ? <LoadingState /> : null}
                  {receipts.status === 'error' ? <ErrorState error={receipts.error} onRetry={receipts.reload} /> : null}
                  {receipts.data ? <ReceiptList list={receipts.data} choices={ballot.choices} counts={result.counts} myCode={myCode} /> : null}
                </View>
              ) : null}

              <View className="section">
                <LinkRow title={m.backToBallot} url={withQuery(routes.ballotDetail, { id: ballot.id })} testId="ballot-detail-link" />
              </View>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
