import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { BallotChoice, OpenVoteEntry } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { listOpenVotes } from '../../../../services/api/ballots';
import { formatMoment } from '../../../../services/ballotTime';
import { useBallot } from '../../hooks/useBallot';
import '../../ballots.css';

const m = messages.ballots;

/** "同意" or "方案一、方案三": the ballot's own labels, in the ballot's order. */
export function choiceWords(entry: Pick<OpenVoteEntry, 'choices'>, choices: readonly BallotChoice[]): string {
  return choices
    .filter((c) => entry.choices.includes(c.key))
    .map((c) => c.label)
    .join('、');
}

/**
 * 投票明细 of a 记名 ballot (committee and 监委会): every online vote with who cast it and when, a page
 * at a time. Secret ballots never come here — the server keeps no link to show.
 */
export default function BallotVotesPage() {
  const router = useRouter();
  const ballotId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const { state: detail } = useBallot(ballotId);
  const [page, setPage] = useState(1);
  const votes = useRequest(() => listOpenVotes(ballotId ?? '', page), [ballotId, page]);
  const ballot = detail.ballot;
  const data = votes.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <PageShell testId="ballot-votes-page">
      {ballot ? (
        <View>
          <Text className="ballot-heading" {...roleProps('heading')} aria-level={1}>
            {m.votesTitle}
          </Text>
          <Text className="ballot-subtitle">{ballot.title}</Text>
          <Text className="ballot-para">{m.votesIntro}</Text>
        </View>
      ) : null}
      {votes.status === 'loading' ? <LoadingState /> : null}
      {votes.error ? <ErrorState error={votes.error} onRetry={() => votes.reload()} /> : null}
      {data && ballot ? (
        <View className="section" data-testid="ballot-votes-list">
          <Text className="ballot-para ballot-strong" {...roleProps('status')}>
            {m.listCount(data.total, ballot.participation?.unitLabel ?? '')}
          </Text>
          {data.items.length === 0 ? <Text className="ballot-muted">{m.votesEmpty}</Text> : null}
          {data.items.map((v) => (
            <View key={v.voterKey} className="ballot-voter" data-testid={`ballot-vote-${v.voterKey}`}>
              <Text className="ballot-voter__label">{v.label}</Text>
              <Text className="ballot-voter__status ballot-voter__status--done">{m.voteLine(choiceWords(v, ballot.choices), v.castBy.name, formatMoment(v.at))}</Text>
            </View>
          ))}
          {pages > 1 ? (
            <View className="ballot-pager">
              <Button className="ballot-small-button" type="default" fill="outline" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} data-testid="ballot-pager-prev">
                {m.prevPage}
              </Button>
              <Text className="ballot-pager__label">{m.pageOf(page, pages)}</Text>
              <Button className="ballot-small-button" type="default" fill="outline" disabled={page >= pages} onClick={() => setPage((p) => p + 1)} data-testid="ballot-pager-next">
                {m.nextPage}
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
