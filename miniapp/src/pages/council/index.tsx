import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { BallotListItem } from '@village/shared';
import { useRef, useState } from 'react';
import { roleProps } from '../../components/a11y';
import { AccountGate } from '../../components/AccountGate';
import { ErrorState } from '../../components/ErrorState';
import { LinkRow } from '../../components/LinkRow';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { Button } from '../../components/nutui';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';
import { useMe } from '../../hooks/useMe';
import { canManageBallots } from '../../services/api/ballots';
import { ballotEventPosition, ballotsChangedSince } from '../../services/ballotEvents';
import { serverNowMs } from '../../services/ballotTime';
import { canProposeMatters } from '../../services/api/matters';
import { canReadMatterSettings } from '../../services/api/matterSettings';
import { BallotRow } from './BallotRow';
import { useBallotBoard } from './board';
import { MattersSection } from './MattersSection';
import { ProposalsSection } from './ProposalsSection';
import './index.css';

const m = messages.ballots;

/**
 * 议事 tab (main package, kept light). 表决 first: 待我投票 on top, then the other open ballots, the
 * committee's drafts (with 发起表决), then the closed ones a page at a time; pulling down reloads.
 * 村里大事（四议两公开）follows (MattersSection), then 村民提议 (ProposalsSection). Signed-out visitors and accounts not yet bound are told how
 * to get in.
 */
export default function CouncilPage() {
  const { state: meState, me, roles } = useMe();
  const member = Boolean(me?.resident);
  const committee = canManageBallots(roles);
  const board = useBallotBoard(member, committee);
  const seen = useRef(ballotEventPosition());
  const [nowMs, setNowMs] = useState(() => serverNowMs());
  // Coming back (from a matter page) or pulling down reloads the 村里大事 section quietly.
  const [mattersKey, setMattersKey] = useState(0);
  const shown = useRef(false);

  useDidShow(() => {
    setNowMs(serverNowMs());
    if (shown.current) setMattersKey((k) => k + 1);
    shown.current = true;
    if (ballotsChangedSince(seen.current)) {
      seen.current = ballotEventPosition();
      void board.reload({ quiet: true });
    }
  });

  usePullDownRefresh(() => {
    setNowMs(serverNowMs());
    setMattersKey((k) => k + 1);
    void board.reload({ quiet: true }).finally(() => void Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void board.loadMore();
  });

  const { state } = board;
  const nothingOpen = state.awaiting.length === 0 && state.open.length === 0 && state.drafts.length === 0;

  return (
    <PageShell testId="council-page">
      <Text className="council-heading" {...roleProps('heading')} aria-level={1}>
        {messages.council.heading}
      </Text>

      <AccountGate state={meState} texts={m} testPrefix="council" />

      {member ? (
        <View className="section" data-testid="council-ballots">
          <Text className="council-title" {...roleProps('heading')} aria-level={2}>
            {m.heading}
          </Text>
          <Text className="council-para">{m.intro}</Text>
          {committee ? (
            <Button className="big-button council-gap" type="primary" block onClick={() => void Taro.navigateTo({ url: routes.ballotEdit })} data-testid="council-create">
              {m.create}
            </Button>
          ) : null}

          {state.status === 'loading' ? <LoadingState /> : null}
          {state.status === 'error' && state.error ? <ErrorState error={state.error} onRetry={() => void board.reload()} /> : null}
          {state.status === 'ready' ? (
            <View>
              <Group title={m.awaitingTitle} items={state.awaiting} nowMs={nowMs} testId="council-awaiting" />
              <Group title={m.openTitle} items={state.open} nowMs={nowMs} testId="council-open" />
              {committee ? <Group title={m.draftsTitle} items={state.drafts} nowMs={nowMs} testId="council-drafts" /> : null}
              {nothingOpen ? (
                <View className="section" data-testid="council-empty">
                  <Notice tone="info" title={m.empty}>
                    {committee ? <Text>{m.emptyCommittee}</Text> : null}
                  </Notice>
                </View>
              ) : null}

              <View className="section" data-testid="council-closed">
                <Text className="council-group-title" {...roleProps('heading')} aria-level={3}>
                  {m.closedTitle}
                </Text>
                {state.closed.length === 0 && !board.hasMore ? <Text className="council-muted">{m.closedEmpty}</Text> : null}
                {state.closed.map((item) => (
                  <BallotRow key={item.id} item={item} nowMs={nowMs} />
                ))}
                {state.moreError ? (
                  <ErrorState error={state.moreError} title={m.loadMoreFailed} onRetry={() => void board.loadMore()} />
                ) : null}
                {board.hasMore && !state.moreError ? (
                  <Button
                    className="big-button council-gap"
                    type="default"
                    fill="outline"
                    block
                    disabled={state.loadingMore}
                    onClick={() => void board.loadMore()}
                    data-testid="council-more"
                  >
                    {state.loadingMore ? m.loadingMore : m.loadMore}
                  </Button>
                ) : null}
                {!board.hasMore && state.closed.length > 0 ? (
                  <Text className="council-muted council-end" data-testid="council-end">
                    {m.allShown(state.closed.length)}
                  </Text>
                ) : null}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      {member ? <MattersSection canPropose={canProposeMatters(roles)} reloadKey={mattersKey} /> : null}

      {member && canReadMatterSettings(roles) ? (
        <View className="section">
          <LinkRow title={messages.matterSettings.entry} hint={messages.matterSettings.entryHint} url={routes.matterSettings} testId="council-matter-settings" />
        </View>
      ) : null}

      {member ? <ProposalsSection reloadKey={mattersKey} /> : null}
    </PageShell>
  );
}

function Group({ title, items, nowMs, testId }: { title: string; items: BallotListItem[]; nowMs: number; testId: string }) {
  if (items.length === 0) return null;
  return (
    <View className="section" data-testid={testId}>
      <Text className="council-group-title" {...roleProps('heading')} aria-level={3}>
        {title}
      </Text>
      {items.map((item) => (
        <BallotRow key={item.id} item={item} nowMs={nowMs} />
      ))}
    </View>
  );
}
