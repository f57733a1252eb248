import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { PROPOSAL_COSIGN_STATUSES, PROPOSAL_STATUS_LABELS, type ApiErrorBody, type ProposalAction, type ProposalDetail, type ProposalStatus } from '@village/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ActionList, type ActionItem } from '../../../../components/ActionList';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LinkRow } from '../../../../components/LinkRow';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { PhotoGrid } from '../../../../components/PhotoGrid';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { cosignProposal, getProposal } from '../../../../services/api/proposals';
import { noteReplySeen } from '../../../../services/proposalReplies';
import { deadlineBadge } from '../../../../pages/council/ProposalRow';
import { CosignProgress } from '../../components/CosignProgress';
import { StepTimeline } from '../../components/StepTimeline';
import { takeProposalChange } from '../../utils/changes';
import { whenText } from '../../utils/form';
import '../../proposals.css';

const m = messages.proposals;

/** Committee actions shown in the list; co-signing and sharing have their own big buttons. */
const COMMITTEE_ACTIONS: readonly ProposalAction['action'][] = ['review', 'reply', 'advance', 'convert', 'merge', 'decline'];

/** The button text of an action, in words ("进入下一步：确定议题"). */
export function actionLabel(a: ProposalAction): string {
  if (a.action === 'advance') return a.to === 'completed' ? m.complete : m.advanceTo(a.to ? PROPOSAL_STATUS_LABELS[a.to] : '');
  return m.actionLabels[a.action] ?? a.action;
}

/**
 * The committee's actions as the server listed them, in a fixed order, disabled ones with their
 * reason. 内容审核 only while the proposal waits for it (and then nothing else); when nothing can be
 * done at all (办结, 已合并…), no wall of grey buttons: one sentence saying why.
 */
export function committeeActions(actions: readonly ProposalAction[], status: ProposalStatus): { items: ActionItem[]; note: string | null } {
  const mine = actions
    .filter((a) => COMMITTEE_ACTIONS.includes(a.action))
    .filter((a) => (status === 'pending_review' ? a.action === 'review' : a.action !== 'review'))
    .sort((a, b) => COMMITTEE_ACTIONS.indexOf(a.action) - COMMITTEE_ACTIONS.indexOf(b.action));
  if (mine.length > 0 && mine.every((a) => !a.allowed)) return { items: [], note: mine.find((a) => a.reason)?.reason ?? null };
  return { items: mine.map((a) => ({ key: a.action, label: actionLabel(a), allowed: a.allowed, reasons: a.reason ? [{ text: a.reason }] : [] })), note: null };
}

/** Where an action's button leads: the act page with its one form. */
export function actUrl(proposalId: string, a: Pick<ProposalAction, 'action' | 'to'>): string {
  return withQuery(routes.proposalAct, { id: proposalId, kind: a.action, to: a.to });
}

type State = { status: 'loading' } | { status: 'error'; error: ApiErrorBody } | { status: 'ready'; proposal: ProposalDetail };

/**
 * A villager's proposal (村民提议): what it is and where it stands (内容审核中 / 未公开 with the reason),
 * the text and photos, the big 附议 button (then "✓ 您已附议"), the bar toward 1/10 of adult
 * villagers, 分享到村民群, the six steps, the committee's replies, a decline's reason, merges, the
 * matter it became (with its stage), the committee's actions, and the history.
 */
export default function ProposalPage() {
  const router = useRouter();
  const proposalId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [flash, setFlash] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [cosigning, setCosigning] = useState(false);
  const [cosignError, setCosignError] = useState<ApiErrorBody | null>(null);
  const [copied, setCopied] = useState(false);
  const first = useRef(true);
  const generation = useRef(0);

  const reload = useCallback(
    async (quiet = false) => {
      if (!proposalId) return;
      const mine = ++generation.current;
      if (!quiet) setState({ status: 'loading' });
      const r = await getProposal(proposalId);
      if (mine !== generation.current) return;
      if (r.ok) setState({ status: 'ready', proposal: r.data });
      else if (!quiet) setState({ status: 'error', error: r.error });
    },
    [proposalId],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  // Back from the act page: say once what was done, with the proposal as it is now.
  useDidShow(() => {
    const change = proposalId ? takeProposalChange(proposalId) : null;
    const again = !first.current;
    first.current = false;
    if (!change && !again) return;
    void reload(true).then(() => {
      if (!change) return;
      setFlash(change);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    });
  });

  usePullDownRefresh(() => {
    void reload(true).finally(() => void Taro.stopPullDownRefresh());
  });

  useEffect(() => {
    // WeChat shows 转发 in the ⋯ menu; withShareTicket lets the app tell which group opened the card.
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] } as Taro.showShareMenu.Option);
  }, []);

  const proposal = state.status === 'ready' ? state.proposal : null;
  // The author has now seen the reply (or why it was held): 首页 stops listing it.
  useEffect(() => {
    if (proposal) noteReplySeen(proposal);
  }, [proposal]);
  useShareAppMessage(() => ({
    title: proposal?.share.title ?? m.detailTitle,
    path: proposal?.share.path ?? withQuery(routes.proposalDetail, { id: proposalId }),
  }));

  async function cosign(): Promise<void> {
    if (!proposal) return;
    setCosigning(true);
    setCosignError(null);
    const r = await cosignProposal(proposal.id);
    setCosigning(false);
    setAsking(false);
    if (!r.ok) {
      setCosignError(r.error);
      return;
    }
    generation.current += 1;
    setState({ status: 'ready', proposal: r.data });
    setFlash(m.cosignDone);
  }

  async function copyLink(): Promise<void> {
    if (!proposal) return;
    const origin = typeof window !== 'undefined' && window.location ? window.location.origin : '';
    await Taro.setClipboardData({ data: `${origin}${proposal.share.path}` });
    setCopied(true);
  }

  if (!proposalId) {
    return (
      <PageShell testId="proposal-page">
        <Notice tone="warning" title={m.notFoundTitle} />
      </PageShell>
    );
  }

  return (
    <PageShell testId="proposal-page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} title={state.error.code === 'PROPOSAL_NOT_FOUND' ? m.notFoundTitle : undefined} onRetry={() => void reload()} /> : null}
      {proposal ? (
        <View>
          {flash ? (
            <View className="section">
              <Notice tone="success" title={`✓ ${flash}`} testId="proposal-flash" />
            </View>
          ) : null}
          <Header proposal={proposal} />
          <ReviewState proposal={proposal} />
          {/* What became of it comes first: 不予采纳 / 合并 / the matter it became, with its stage. */}
          <Outcome proposal={proposal} />
          <Matter proposal={proposal} />
          <Body proposal={proposal} />
          <CommitteeActions proposal={proposal} />
          <Cosign proposal={proposal} busy={cosigning} error={cosignError} onCosign={() => setAsking(true)} />
          {proposal.status !== 'pending_review' && proposal.status !== 'held' ? <CosignProgress progress={proposal.progress} /> : null}
          <Share proposal={proposal} copied={copied} onCopy={() => void copyLink()} />
          <Replies proposal={proposal} />
          <StepTimeline steps={proposal.steps} />
          <History proposal={proposal} />
        </View>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={m.cosignConfirmTitle}
        confirmText={m.cosignConfirm}
        cancelText={m.confirmBack}
        busy={cosigning}
        onConfirm={() => void cosign()}
        onCancel={() => setAsking(false)}
        testId="proposal-cosign-confirm"
      >
        <Text className="prop-para">{m.cosignConfirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}

function Header({ proposal }: { proposal: ProposalDetail }) {
  const badge = deadlineBadge(proposal.reply);
  const warn = proposal.status === 'pending_review' || proposal.status === 'held';
  return (
    <View className="prop-header" data-testid="proposal-header">
      <View className="prop-tags">
        <Text className="proposal-tag proposal-tag--category">{proposal.category.label}</Text>
        <Text className={`proposal-tag${warn ? ' proposal-tag--warn' : ''}`} data-testid="proposal-status">
          {proposal.statusLabel}
        </Text>
        {badge ? (
          <Text className={`proposal-tag proposal-tag--${badge.tone}`} data-testid="proposal-deadline">
            {badge.text}
          </Text>
        ) : null}
      </View>
      <Text className="prop-heading" {...roleProps('heading')} aria-level={1} data-testid="proposal-title">
        {proposal.title}
      </Text>
      <Text className="prop-muted">{m.raisedBy(proposal.raisedBy.name, whenText(proposal.raisedAt))}</Text>
      {proposal.reply && !proposal.reply.answeredOn ? (
        <Text className={proposal.reply.overdue ? 'prop-warn' : 'prop-line'} data-testid="proposal-reply-clock">
          {proposal.reply.overdue ? `⚠ ${proposal.reply.text}` : proposal.reply.text}
        </Text>
      ) : null}
    </View>
  );
}

/** 内容审核中 / 未公开: said plainly, with why, to the author (and the committee). */
function ReviewState({ proposal }: { proposal: ProposalDetail }) {
  if (proposal.status === 'pending_review') {
    return (
      <View className="section">
        <Notice tone="info" title={m.pendingReviewTitle} testId="proposal-pending-review">
          {proposal.heldReason ? <Text className="prop-line prop-strong">{m.pendingReason(proposal.heldReason)}</Text> : null}
          <Text className="prop-line">{m.pendingReviewBody}</Text>
        </Notice>
      </View>
    );
  }
  if (proposal.status === 'held') {
    return (
      <View className="section">
        <Notice tone="warning" title={`✗ ${m.heldTitle}`} testId="proposal-held">
          {proposal.heldReason ? <Text className="prop-line prop-strong">{m.heldReason(proposal.heldReason)}</Text> : null}
          <Text className="prop-line">{m.heldHint}</Text>
        </Notice>
      </View>
    );
  }
  return null;
}

function Body({ proposal }: { proposal: ProposalDetail }) {
  const shown = proposal.photos;
  const pending = shown.filter((p) => p.check !== 'pass').length;
  return (
    <View className="section prop-card" data-testid="proposal-body">
      <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
        {m.bodyTitle}
      </Text>
      <Text className="prop-muted">{m.categoryLine(proposal.category.label)}</Text>
      <Text className="prop-para" data-testid="proposal-text">
        {proposal.body}
      </Text>
      {shown.length > 0 ? (
        <View className="prop-item">
          <Text className="prop-line prop-strong">{m.photosTitle(shown.length)}</Text>
          <PhotoGrid photos={shown.map((p, i) => ({ id: p.id, url: p.url, label: m.photoLabel(i + 1, shown.length) }))} testId="proposal-photos" />
          {pending > 0 ? <Text className="prop-muted">{m.photosPending(pending)}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}

/** The big 附议 button, "✓ 您已附议" once done, or why one cannot co-sign now. */
function Cosign({ proposal, busy, error, onCosign }: { proposal: ProposalDetail; busy: boolean; error: ApiErrorBody | null; onCosign: () => void }) {
  const action = proposal.actions.find((a) => a.action === 'cosign');
  if (proposal.cosignedByMe) {
    return (
      <View className="section">
        <View className="prop-cosigned" {...roleProps('status')} data-testid="proposal-cosigned">
          <Text>{m.cosigned}</Text>
        </View>
      </View>
    );
  }
  if (!action) return null;
  return (
    <View className="section" data-testid="proposal-cosign">
      {error ? <ErrorState error={error} title={m.cosignFailed} /> : null}
      {action.allowed ? (
        <View>
          <Button className="big-button prop-gap" type="primary" block disabled={busy} onClick={onCosign} data-testid="proposal-cosign-button">
            {busy ? m.cosigning : m.cosign}
          </Button>
          <Text className="prop-muted">{m.cosignHint}</Text>
        </View>
      ) : action.reason && PROPOSAL_COSIGN_STATUSES.includes(proposal.status) ? (
        // Still open for co-signs, but not for this person (its author): say why, plainly.
        <Text className="prop-line" data-testid="proposal-cosign-why">
          {m.cosignClosed(action.reason)}
        </Text>
      ) : null}
    </View>
  );
}

/** 分享到村民群: WeChat's share card on weapp; on H5 the link is copied to paste into the group. */
function Share({ proposal, copied, onCopy }: { proposal: ProposalDetail; copied: boolean; onCopy: () => void }) {
  const share = proposal.actions.find((a) => a.action === 'share');
  if (!share?.allowed) return null;
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="section">
        <Button className="big-button" type="default" fill="outline" block openType="share" data-testid="proposal-share">
          {m.share}
        </Button>
      </View>
    );
  }
  return (
    <View className="section">
      <Button className="big-button" type="default" fill="outline" block onClick={onCopy} data-testid="proposal-share-copy">
        {m.shareCopy}
      </Button>
      {copied ? (
        <Text className="prop-line prop-ok" {...roleProps('status')} data-testid="proposal-share-copied">
          {m.shareCopied}
        </Text>
      ) : null}
    </View>
  );
}

/** The matter it became (四议两公开), with the stage it is at — tap to follow it. */
function Matter({ proposal }: { proposal: ProposalDetail }) {
  if (!proposal.matter) return null;
  return (
    <View className="section prop-card" data-testid="proposal-matter">
      <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
        {m.matterTitle}
      </Text>
      <Text className="prop-line prop-strong" data-testid="proposal-matter-stage">
        {m.matterStage(proposal.matter.stageLabel)}
      </Text>
      <LinkRow title={`《${proposal.matter.title}》`} hint={m.matterHint} url={withQuery(routes.matterDetail, { id: proposal.matter.id })} testId="proposal-matter-link" />
    </View>
  );
}

function Replies({ proposal }: { proposal: ProposalDetail }) {
  if (proposal.status === 'pending_review' || proposal.status === 'held') return null;
  return (
    <View className="section prop-card" data-testid="proposal-replies">
      <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
        {m.replyTitle}
      </Text>
      {proposal.replies.length === 0 ? <Text className="prop-line">{m.noReply}</Text> : null}
      {proposal.replies.map((r, i) => (
        <View key={`${r.at}-${i}`} className="prop-item" data-testid={`proposal-reply-${i + 1}`}>
          <Text className="prop-muted">{m.replyBy(r.by.name, whenText(r.at))}</Text>
          <View className="prop-answer">
            <Text className="prop-para">{r.text}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** 不予采纳 with its public reason; merged into another (or others merged into this one). */
function Outcome({ proposal }: { proposal: ProposalDetail }) {
  if (!proposal.declinedReason && !proposal.mergedInto && proposal.mergedFrom.length === 0) return null;
  return (
    <View className="section prop-card" data-testid="proposal-outcome">
      {proposal.declinedReason ? (
        <View>
          <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
            {m.declinedTitle}
          </Text>
          <Text className="prop-para" data-testid="proposal-declined-reason">
            {proposal.declinedReason}
          </Text>
        </View>
      ) : null}
      {proposal.mergedInto ? (
        <LinkRow title={m.mergedInto(proposal.mergedInto.title)} hint={m.mergedIntoHint} url={withQuery(routes.proposalDetail, { id: proposal.mergedInto.id })} testId="proposal-merged-into" />
      ) : null}
      {proposal.mergedFrom.length > 0 ? (
        <View>
          <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
            {m.mergedFromTitle}
          </Text>
          {proposal.mergedFrom.map((p) => (
            <LinkRow key={p.id} title={`《${p.title}》`} url={withQuery(routes.proposalDetail, { id: p.id })} testId={`proposal-merged-from-${p.id}`} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function CommitteeActions({ proposal }: { proposal: ProposalDetail }) {
  const { items, note } = committeeActions(proposal.actions, proposal.status);
  if (items.length === 0 && !note) return null;
  return (
    <ActionList
      title={m.actionsTitle}
      items={items}
      emptyText={note ? `${m.noActions}${note}。` : m.noActions}
      onAct={(key) => {
        const a = proposal.actions.find((x) => x.action === key);
        if (a) void Taro.navigateTo({ url: actUrl(proposal.id, a) });
      }}
      testId="proposal-actions"
    />
  );
}

function History({ proposal }: { proposal: ProposalDetail }) {
  if (proposal.history.length === 0) return null;
  return (
    <View className="section prop-card" data-testid="proposal-history">
      <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
        {m.historyTitle}
      </Text>
      {proposal.history.map((h, i) => (
        <View key={`${h.at}-${i}`} className="prop-item">
          <Text className="prop-muted">{m.historyBy(whenText(h.at), h.by?.name ?? null)}</Text>
          <Text className="prop-line">{h.text}</Text>
        </View>
      ))}
    </View>
  );
}
