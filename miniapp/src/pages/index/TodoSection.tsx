import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LinkRow } from '../../components/LinkRow';
import { Button } from '../../components/nutui';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';
import { useMe } from '../../hooks/useMe';
import { useState } from 'react';
import { BallotsTodo } from './BallotsTodo';
import { NoticesTodo } from './NoticesTodo';
import { MyProposalsTodo, ProposalsTodo } from './ProposalsTodo';
import { canAnswerProposals, canWatchProposals } from '../../services/api/proposals';
import { TownshipCadence } from './TownshipCadence';

const m = messages.home;

/**
 * 待我办: ballots my household has not voted in, notices not yet read, replies to my proposals.
 * Ballots awaiting my vote come first (BallotsTodo), then notices (NoticesTodo: unread, overdue
 * disclosures, sign-offs, queries); for the 两委, proposals awaiting a reply (ProposalsTodo); for an author, replies to
 * their proposals not yet opened (MyProposalsTodo). Signed out or not yet bound, it offers the next step: 登录 or the binding code.
 */
export function TodoSection() {
  const { state, me } = useMe();
  // Ballots waiting for my vote come first; with one shown, the notices part does not say "nothing to do".
  const [ballotsDue, setBallotsDue] = useState(0);
  const [proposalsDue, setProposalsDue] = useState(0);
  const [repliesDue, setRepliesDue] = useState(0);
  return (
    <View className="section home-card" data-testid="home-todo">
      <Text className="section__title">{m.todoTitle}</Text>
      {me?.resident ? <Text className="home-card__line">{m.todoSignedIn(me.resident.name)}</Text> : null}
      {me?.resident ? <BallotsTodo onCount={setBallotsDue} /> : null}
      {me?.resident && canAnswerProposals(me.roles) ? <ProposalsTodo onCount={setProposalsDue} /> : null}
      {me?.resident && !canAnswerProposals(me.roles) && canWatchProposals(me.roles) ? <ProposalsTodo watch onCount={setProposalsDue} /> : null}
      {me?.resident ? <MyProposalsTodo onCount={setRepliesDue} /> : null}
      {me?.resident ? <NoticesTodo roles={me.roles} othersShown={ballotsDue > 0 || proposalsDue > 0 || repliesDue > 0} /> : null}
      {me && !me.resident && me.township ? <Text className="home-card__muted">{m.todoTownship(me.township.staffName)}</Text> : null}
      {me && !me.resident && me.township ? <TownshipCadence /> : null}
      {me && !me.resident && me.township ? (
        <View className="section">
          <LinkRow title={messages.proposals.townshipEntry} hint={messages.proposals.townshipEntryHint} url={routes.townshipOversight} testId="home-township-oversight" />
          <LinkRow title={messages.matterSettings.townshipEntry} hint={messages.matterSettings.townshipEntryHint} url={routes.matterObligations} testId="home-township-obligations" />
        </View>
      ) : null}
      {me && !me.resident && !me.township ? (
        <View>
          <Text className="home-card__muted">{m.todoNotBound}</Text>
          <Button
            className="big-button home-card__action"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: routes.bind })}
            data-testid="home-bind"
          >
            {m.todoBind}
          </Button>
        </View>
      ) : null}
      {state.status === 'signedOut' ? (
        <View>
          <Text className="home-card__muted">{m.todoEmpty}</Text>
          <Button
            className="big-button home-card__action"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: routes.login })}
            data-testid="home-login"
          >
            {m.todoLogin}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
