import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { MEETING_EVENTS, type MatterDetail, type WorkflowAction } from '@village/shared';
import { useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LinkRow } from '../../../../components/LinkRow';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { routes, withQuery } from '../../../../constants/routes';
import { ActionList } from '../../components/ActionList';
import { Disclosures, Implementation, Objections, Opinions, Revisions, Timeline } from '../../components/Records';
import { Stepper } from '../../components/Stepper';
import { useMatter } from '../../hooks/useMatter';
import { takeMatterChange } from '../../utils/changes';
import { countsToConfirm } from '../../utils/count';
import { money } from '../../utils/format';
import '../../matters.css';

const m = messages.matters;

/** Where an action's button leads: the text form, the meeting page, or the one-form act page. */
export function actionUrl(matterId: string, action: Pick<WorkflowAction, 'event'>): string {
  const event = action.event;
  if (event === 'amend' || event === 'repropose') return withQuery(routes.matterEdit, { id: matterId, mode: event });
  if ((MEETING_EVENTS as readonly string[]).includes(event)) return withQuery(routes.matterMeeting, { id: matterId, event });
  return withQuery(routes.matterAct, { id: matterId, event });
}

/**
 * A matter (村里大事): the title and the step it is at, then the eight steps with what was done,
 * what holds it up (in words) and each step's meetings; then what the caller may do (the server's
 * `actions`, disabled ones with their reasons); then the text, who decides, every revision with
 * its changes, the disclosures, objections, supervision opinions, implementation and the history.
 */
export default function MatterPage() {
  const router = useRouter();
  const matterId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const { state, reload, replace } = useMatter(matterId);
  const [flash, setFlash] = useState<string | null>(null);
  const first = useRef(true);

  // Back from a form: say once what was done, and show the matter as it is now.
  useDidShow(() => {
    const change = matterId ? takeMatterChange(matterId) : null;
    const again = !first.current;
    first.current = false;
    if (!change && !again) return;
    // The flash comes with the new state, so "已办好" never sits above the old steps.
    void reload({ quiet: true }).then(() => {
      if (!change) return;
      setFlash(change);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    });
  });

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => void Taro.stopPullDownRefresh());
  });

  if (!matterId) {
    return (
      <PageShell testId="matter-page">
        <Notice tone="warning" title={m.notFoundTitle} />
      </PageShell>
    );
  }
  const matter = state.matter;
  return (
    <PageShell testId="matter-page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} title={state.error.code === 'MATTER_NOT_FOUND' ? m.notFoundTitle : undefined} onRetry={() => void reload()} /> : null}
      {matter ? (
        <View>
          {flash ? (
            <View className="section">
              <Notice tone="success" title={flash} testId="matter-flash" />
            </View>
          ) : null}
          <Header matter={matter} />
          <CountsToConfirm matter={matter} />
          <Stepper steps={matter.stepper} meetings={matter.meetings} />
          <ActionList actions={matter.actions} onAct={(a) => void Taro.navigateTo({ url: actionUrl(matter.id, a) })} />
          <Body matter={matter} />
          <Opinions matter={matter} />
          <Disclosures matter={matter} />
          <Objections matter={matter} onChange={replace} />
          <Implementation matter={matter} />
          <Revisions revisions={matter.revisions} />
          <Timeline matter={matter} />
        </View>
      ) : null}
    </PageShell>
  );
}

function Header({ matter }: { matter: MatterDetail }) {
  return (
    <View className="matter-header" data-testid="matter-header">
      <View className="matter-tags">
        <Text className="matter-tag">{matter.stageLabel}</Text>
        {matter.blocked ? <Text className="matter-tag matter-tag--warn">{m.blockedTag}</Text> : null}
        <Text className="matter-tag matter-tag--plain">{m.revisionTag(matter.currentRevision)}</Text>
      </View>
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1} data-testid="matter-title">
        {matter.title}
      </Text>
      <Text className="matter-line">{m.typeLine(matter.type.label)}</Text>
      {matter.proposalId ? <LinkRow title={m.fromProposal} url={withQuery(routes.proposalDetail, { id: matter.proposalId })} testId="matter-from-proposal" /> : null}
      <Text className="matter-next" data-testid="matter-next">
        {matter.nextStep}
      </Text>
      {matter.closedReason ? <Text className="matter-warn">{m.closedReason(matter.closedReason)}</Text> : null}
    </View>
  );
}

/** The 监票人 of a paper count is asked here, first thing, to check the numbers. */
function CountsToConfirm({ matter }: { matter: MatterDetail }) {
  const { me } = useMe();
  const mine = countsToConfirm(matter, me?.resident?.id ?? null);
  if (mine.length === 0) return null;
  return (
    <View className="section">
      {mine.map((meeting) => (
        <Notice key={meeting.id} tone="warning" title={m.countForYou(meeting.purposeLabel)} testId={`matter-count-todo-${meeting.id}`}>
          <Button
            className="big-button matter-gap"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.matterCount, { id: matter.id, meeting: meeting.id }) })}
            data-testid={`matter-count-go-${meeting.id}`}
          >
            {m.countGo}
          </Button>
        </Notice>
      ))}
    </View>
  );
}

function Body({ matter }: { matter: MatterDetail }) {
  return (
    <View className="section matter-card" data-testid="matter-body">
      <Text className="matter-card__title" {...roleProps('heading')} aria-level={2}>
        {m.bodyTitle}
      </Text>
      <Text className="matter-line matter-strong" data-testid="matter-budget">
        {matter.budgetFen === null ? m.noBudget : m.budgetLine(money(matter.budgetFen))}
      </Text>
      <Text className="matter-para matter-pre">{matter.body}</Text>
      {matter.decision.ruleLabels.length > 0 || matter.decision.representativeRefusal ? (
        <View className="matter-item">
          <Text className="matter-line matter-strong">{m.decisionTitle}</Text>
          {matter.decision.ruleLabels.map((l) => (
            <Text key={l} className="matter-line">
              {l}
            </Text>
          ))}
          {matter.decision.representativeRefusal ? <Text className="matter-warn">{`⚠ ${matter.decision.representativeRefusal}`}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
