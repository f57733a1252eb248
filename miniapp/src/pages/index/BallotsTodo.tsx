import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { LinkRow } from '../../components/LinkRow';
import { messages } from '../../constants/messages';
import { routes, withQuery } from '../../constants/routes';
import { useRequest } from '../../hooks/useRequest';
import { listBallots } from '../../services/api/ballots';
import { ballotEventPosition, ballotsChangedSince } from '../../services/ballotEvents';
import { remainingText } from '../../services/ballotTime';

const m = messages.ballots;

/**
 * 待我办 from 表决, first on 首页 (UX.md: a ballot my household has not voted in comes first):
 * "有 1 项表决等您投票" with the ballot's title and the time left; one ballot opens it, several open
 * the 议事 tab. The server decides what awaits whom (the household's representative, a party member
 * on a party ballot, …). Nothing is shown when nothing awaits or the count could not be loaded.
 */
export function BallotsTodo({ onCount }: { onCount?: (n: number) => void }) {
  const awaiting = useRequest(() => listBallots({ awaitingMe: true, pageSize: 20 }, { quiet: true }), []);
  const seen = useRef(ballotEventPosition());
  const total = awaiting.data?.total ?? 0;

  useDidShow(() => {
    if (!ballotsChangedSince(seen.current)) return;
    seen.current = ballotEventPosition();
    awaiting.reload({ quiet: true });
  });

  useEffect(() => {
    onCount?.(total);
  }, [total, onCount]);

  if (!awaiting.data || total === 0) return null;
  const first = awaiting.data.items[0];
  const one = total === 1 && first;
  // With several, name the one that closes first.
  const soonest = awaiting.data.items.reduce<typeof first | undefined>((a, b) => (!a || Date.parse(b.closesAt) < Date.parse(a.closesAt) ? b : a), undefined);
  return (
    <View className="home-todo-row" data-testid="home-ballots">
      <LinkRow
        title={m.homeAwaiting(total)}
        hint={
          one
            ? m.homeAwaitingOne(first.title, remainingText(first.closesAt))
            : soonest
              ? m.homeAwaitingMany(soonest.title, remainingText(soonest.closesAt))
              : undefined
        }
        url={one ? withQuery(routes.ballotDetail, { id: first.id }) : routes.council}
        testId="home-ballots-awaiting"
      />
    </View>
  );
}
