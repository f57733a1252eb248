import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import { BALLOT_PHASE_LABELS, BALLOT_SECRECY_LABELS, percent, type BallotDetail } from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LinkRow } from '../../../../components/LinkRow';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { ballotEventPosition, ballotsChangedSince, noteBallotsChanged } from '../../../../services/ballotEvents';
import { currentPhase, formatMoment, remainingText, serverNowMs } from '../../../../services/ballotTime';
import { ManagePanel } from '../../components/ManagePanel';
import { VotedCard } from '../../components/VotedCard';
import { VotePanel, type Voted } from '../../components/VotePanel';
import { useBallot } from '../../hooks/useBallot';
import { ringModel } from '../../utils/chart';
import { clearPendingVote, readReceipt } from '../../utils/receipts';
import '../../ballots.css';

const m = messages.ballots;

/**
 * A ballot: what is decided and by whom, the time left, then — the one main action — the big
 * 同意/反对/弃权 buttons with a confirmation in words; afterwards ✓ 已投票 and, on a secret ballot,
 * the receipt code. Why voting is not possible is said in the server's words. Turnout so far with
 * the server's quorum sentence, the text of the proposal, and the committee's and tellers' work follow.
 */
export default function BallotPage() {
  const router = useRouter();
  const ballotId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const { me } = useMe();
  const { state, reload, replace } = useBallot(ballotId);
  const [voted, setVoted] = useState<Voted | null>(null);
  // Just saved from the form (发起表决): say so once.
  const [flash, setFlash] = useState<string | null>(() => (router.params.saved ? m.saved : null));
  const [nowMs, setNowMs] = useState(() => serverNowMs());
  const seen = useRef(ballotEventPosition());
  const ballot = state.ballot;

  // The countdown moves once a minute (never faster: nothing should flicker while the person reads).
  useEffect(() => {
    setNowMs(serverNowMs());
    const t = setInterval(() => setNowMs(serverNowMs()), 60_000);
    return () => clearInterval(t);
  }, [ballot?.serverNow]);

  useDidShow(() => {
    if (!ballotsChangedSince(seen.current)) return;
    seen.current = ballotEventPosition();
    void reload({ quiet: true });
  });

  useEffect(() => {
    // WeChat shows 转发 in the ⋯ menu; withShareTicket lets the app tell which group opened the card.
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] } as Taro.showShareMenu.Option);
  }, []);

  useShareAppMessage(() => ({
    title: ballot?.shareTitle ?? m.detailTitle,
    path: withQuery(routes.ballotDetail, { id: ballotId }),
  }));

  // A vote that is on record (here or on another phone of the household) needs no pending retry,
  // unless the receipt of a secret ballot is still to be fetched with it.
  useEffect(() => {
    if (!ballot?.myParticipation) return;
    if (ballot.secrecy === 'open' || readReceipt(ballot.id) || ballot.myParticipation.channel === 'in_person') clearPendingVote(ballot.id);
  }, [ballot?.id, ballot?.myParticipation, ballot?.secrecy]);

  function afterVote(v: Voted): void {
    setVoted(v);
    noteBallotsChanged();
    seen.current = ballotEventPosition();
    void reload({ quiet: true });
  }

  // Just voted: bring ✓ 已投票 and the receipt into view (in 长辈版 the header alone fills the screen).
  useEffect(() => {
    if (!voted) return;
    const t = setTimeout(() => {
      Taro.pageScrollTo({ selector: '.ballot-voted', duration: 0 }).catch(() => undefined);
    }, 50);
    return () => clearTimeout(t);
  }, [voted]);

  function afterAction(next: BallotDetail, message: string): void {
    replace(next);
    seen.current = ballotEventPosition();
    setFlash(message);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }

  if (!ballotId) {
    return (
      <PageShell testId="ballot-page">
        <Notice tone="warning" title={m.notFoundTitle} />
      </PageShell>
    );
  }

  return (
    <PageShell testId="ballot-page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} title={state.error.code === 'BALLOT_NOT_FOUND' ? m.notFoundTitle : undefined} onRetry={() => void reload()} /> : null}
      {ballot ? (
        <View>
          {flash ? (
            <View className="section">
              <Notice tone="success" title={flash} testId="ballot-flash" />
            </View>
          ) : null}
          <Header ballot={ballot} nowMs={nowMs} />

          {ballot.myParticipation || voted ? (
            <VotedCard ballot={ballot} voted={voted} myResidentId={me?.resident?.id ?? null} onRecovered={afterVote} />
          ) : ballot.can.vote ? (
            <VotePanel key={ballot.id} ballot={ballot} onVoted={afterVote} onRefused={() => void reload({ quiet: true })} />
          ) : ballot.status === 'open' && (ballot.reasons.vote || !ballot.eligible) ? (
            <View className="section">
              <Notice tone="info" title={m.cantVoteTitle} testId="ballot-cant-vote">
                <Text>{ballot.reasons.vote ?? m.notEligible}</Text>
              </Notice>
            </View>
          ) : null}

          {ballot.can.recordAttendance || ballot.can.recordPaperCount || (ballot.paperCount && (ballot.can.viewElectorate || isTeller(ballot, me?.resident?.id))) ? (
            <View className="section" data-testid="ballot-teller-work">
              <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
                {m.tellerWorkTitle}
              </Text>
              {ballot.can.recordAttendance ? (
                <LinkRow title={m.attendanceLink} hint={m.attendanceHint} url={withQuery(routes.ballotElectorate, { id: ballot.id, task: 'attend' })} testId="ballot-attendance-link" />
              ) : null}
              {ballot.can.recordPaperCount || ballot.paperCount ? (
                <View className="ballot-gap-row">
                  <LinkRow title={m.paperLink} hint={ballot.paperCount?.statusLabel ?? m.paperHint} url={withQuery(routes.ballotPaper, { id: ballot.id })} testId="ballot-paper-link" />
                </View>
              ) : null}
            </View>
          ) : null}

          <ManagePanel ballot={ballot} onDone={afterAction} />

          {ballot.result ? (
            <View className="section">
              <LinkRow title={m.resultLink} hint={m.resultHint(ballot.result.outcomeLabel)} url={withQuery(routes.ballotResult, { id: ballot.id })} testId="ballot-result-link" />
            </View>
          ) : null}

          <Turnout ballot={ballot} />

          {ballot.description ? (
            <View className="section ballot-card">
              <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
                {m.descriptionTitle}
              </Text>
              <Text className="ballot-para ballot-description" data-testid="ballot-description">
                {ballot.description}
              </Text>
            </View>
          ) : null}

          <View className="section ballot-facts">
            <Text className="ballot-muted">{m.timesLine(formatMoment(ballot.opensAt, nowMs), formatMoment(ballot.closesAt, nowMs))}</Text>
            {ballot.closedAt ? <Text className="ballot-muted">{m.closedOn(formatMoment(ballot.closedAt, nowMs))}</Text> : null}
            {ballot.teller && ballot.scrutineer ? <Text className="ballot-muted">{m.tellersLine(ballot.teller.name, ballot.scrutineer.name)}</Text> : null}
            <Text className="ballot-muted">{m.createdLine(ballot.createdBy.name, formatMoment(ballot.createdAt, nowMs))}</Text>
          </View>

          {ballot.can.viewElectorate ? (
            <View className="section">
              <LinkRow title={m.electorateLink} hint={m.electorateHint} url={withQuery(routes.ballotElectorate, { id: ballot.id })} testId="ballot-electorate-link" />
            </View>
          ) : null}

          {ballot.can.viewVotes && ballot.secrecy === 'open' ? (
            <View className="section">
              <LinkRow title={m.votesLink} hint={m.votesHint} url={withQuery(routes.ballotVotes, { id: ballot.id })} testId="ballot-votes-link" />
            </View>
          ) : null}

          {process.env.TARO_ENV === 'weapp' && (ballot.status === 'open' || ballot.status === 'closed') ? (
            <Button className="big-button ballot-gap" type="default" fill="outline" block openType="share" data-testid="ballot-share">
              {m.share}
            </Button>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}

function isTeller(ballot: BallotDetail, residentId: string | undefined): boolean {
  return Boolean(residentId) && (ballot.teller?.id === residentId || ballot.scrutineer?.id === residentId);
}

/** Labels, the title (largest text), rule and who votes, the time left, notes for the phase. */
function Header({ ballot, nowMs }: { ballot: BallotDetail; nowMs: number }) {
  const phase = currentPhase(ballot, nowMs);
  return (
    <View className="ballot-header" data-testid="ballot-header">
      <View className="ballot-tags">
        <Text className={`ballot-tag${phase === 'voting' ? ' ballot-tag--voting' : ''}`}>{BALLOT_PHASE_LABELS[phase]}</Text>
        <Text className="ballot-tag ballot-tag--plain">{BALLOT_SECRECY_LABELS[ballot.secrecy]}</Text>
      </View>
      <Text className="ballot-heading" {...roleProps('heading')} aria-level={1} data-testid="ballot-title">
        {ballot.title}
      </Text>
      <Text className="ballot-rule">{ballot.ruleLabel}</Text>
      {ballot.myVoterLabel ? (
        <Text className="ballot-para ballot-strong" data-testid="ballot-voter">
          {m.voterLine(ballot.myVoterLabel, ballot.electorate === 'households')}
        </Text>
      ) : (
        <Text className="ballot-para" data-testid="ballot-who-votes">
          {m.whoVotes[ballot.electorate]}
        </Text>
      )}
      {phase === 'voting' ? (
        <Text className="ballot-countdown" data-testid="ballot-countdown">
          {m.votingUntil(remainingText(ballot.closesAt, nowMs), formatMoment(ballot.closesAt, nowMs))}
        </Text>
      ) : null}
      {ballot.can.vote ? null : <Text className="ballot-muted">{m.secrecyNote[ballot.secrecy]}</Text>}
      {phase === 'draft' || phase === 'cancelled' || phase === 'upcoming' || phase === 'counting' ? (
        <View className="section">
          {phase === 'draft' ? <Notice tone="info" title={m.draftNote} testId="ballot-draft-note" /> : null}
          {phase === 'cancelled' ? <Notice tone="warning" title={m.cancelledNote(ballot.cancelReason ?? '')} /> : null}
          {phase === 'upcoming' ? <Notice tone="info" title={m.upcomingNote(formatMoment(ballot.opensAt, nowMs))} /> : null}
          {phase === 'counting' ? <Notice tone="info" title={m.countingNote} /> : null}
        </View>
      ) : null}
    </View>
  );
}

/** 已参与 43/85 户（51%）, the split online / in person, and the server's quorum sentence. */
function Turnout({ ballot }: { ballot: BallotDetail }) {
  const p = ballot.participation;
  if (!p || ballot.status === 'closed') return null;
  const ring = ringModel(p, ballot.quorum);
  return (
    <View className="section ballot-card" data-testid="ballot-turnout">
      <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
        {m.quorumTitle}
      </Text>
      <Text className="ballot-big-line">{m.participationSoFar(p.total, p.eligible, p.unitLabel, percent(p.total, p.eligible))}</Text>
      <View className="ballot-progress" aria-hidden>
        <View className="ballot-progress__fill" style={{ width: `${(ring.rightDeg + ring.leftDeg) / 3.6}%` }} />
        {ring.marker ? <View className="ballot-progress__marker" style={{ left: `${ring.marker.deg / 3.6}%` }} /> : null}
      </View>
      {ring.marker ? <Text className="ballot-muted">{m.barQuorumMarker(ring.marker.words)}</Text> : null}
      <Text className="ballot-muted">{m.quorumOnlineInPerson(p.online, p.inPerson, p.unitLabel)}</Text>
      {ballot.quorum ? (
        <Text className="ballot-para" data-testid="ballot-quorum">
          {ballot.quorum.explanation}
        </Text>
      ) : null}
    </View>
  );
}
