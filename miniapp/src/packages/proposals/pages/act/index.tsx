import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  MATTER_BODY_MAX,
  MATTER_TITLE_MAX,
  PROPOSAL_REASON_MAX,
  PROPOSAL_REPLY_MAX,
  PROPOSAL_STATUS_LABELS,
  PROPOSAL_STEPS,
  type ApiErrorBody,
  type MatterTypeView,
  type ProposalDetail,
  type ProposalListItem,
  type ProposalStatus,
  type ProposalStep,
} from '@village/shared';
import { useEffect, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { listMatterTypes } from '../../../../services/api/matters';
import {
  advanceProposal,
  convertProposal,
  declineProposal,
  getProposal,
  listProposals,
  mergeProposal,
  replyProposal,
  reviewProposal,
} from '../../../../services/api/proposals';
import type { Result } from '../../../../services/http';
import { AreaField } from '../../../../components/AreaField';
import { backToProposal, noteProposalChanged } from '../../utils/changes';
import { ACT_KINDS, checkActForm, money, parseYuan, type ActErrors, type ActForm, type ActKind } from '../../utils/form';
import '../../proposals.css';

const m = messages.proposals;

/** Statuses a proposal can still be merged into. */
const OPEN_STATUSES: readonly ProposalStatus[] = [...PROPOSAL_STEPS];

function isStepTarget(value: string | undefined): value is ProposalStep | 'completed' {
  return value === 'completed' || (PROPOSAL_STEPS as readonly string[]).includes(value ?? '');
}

/** What is sent for `kind`: exactly the contract's body, with the proposal's version where it asks for one. */
export function actBody(kind: ActKind, p: Pick<ProposalDetail, 'version' | 'body'>, f: ActForm, to: ProposalStep | 'completed' | null): Record<string, unknown> {
  const text = f.text.trim();
  switch (kind) {
    case 'advance':
      return { to, note: text, version: p.version };
    case 'reply':
      return { text };
    case 'decline':
      return { reason: text, version: p.version };
    case 'merge':
      return { intoProposalId: f.mergeInto, reason: text, version: p.version };
    case 'convert': {
      const fen = parseYuan(f.budget);
      return { typeCode: f.typeCode, title: f.title.trim(), body: text, budgetFen: typeof fen === 'number' ? fen : null, version: p.version };
    }
    case 'review':
      return f.decision === 'reject' ? { decision: 'reject', reason: text } : { decision: 'release' };
  }
}

function send(kind: ActKind, proposalId: string, body: Record<string, unknown>): Promise<Result<ProposalDetail>> {
  switch (kind) {
    case 'advance':
      return advanceProposal(proposalId, body as never);
    case 'reply':
      return replyProposal(proposalId, body as never);
    case 'decline':
      return declineProposal(proposalId, body as never);
    case 'merge':
      return mergeProposal(proposalId, body as never);
    case 'convert':
      return convertProposal(proposalId, body as never);
    case 'review':
      return reviewProposal(proposalId, body as never);
  }
}

/**
 * One act of the 两委 on a proposal, each a short form: 进入下一步 (with what was decided), 答复,
 * 不予采纳 (public reason), 合并 (pick the proposal to merge into), 转为村里大事 (type, title, text,
 * budget — the proposal's text to start with), 内容审核 (公开 / 不公开 with a reason). Each asks first
 * what will happen; a refusal stays on the page in the server's words.
 */
export default function ProposalActPage() {
  const router = useRouter();
  const proposalId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const kind = (ACT_KINDS as readonly string[]).includes(router.params.kind ?? '') ? (router.params.kind as ActKind) : null;
  const to = isStepTarget(router.params.to) ? router.params.to : null;
  const [proposal, setProposal] = useState<ProposalDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [targets, setTargets] = useState<ProposalListItem[] | null>(null);
  const [types, setTypes] = useState<MatterTypeView[] | null>(null);
  const [form, setForm] = useState<ActForm>({ text: '', mergeInto: null, typeCode: null, title: '', budget: '', decision: null });
  const [errors, setErrors] = useState<ActErrors>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  async function load(): Promise<void> {
    if (!proposalId || !kind) return;
    setLoadError(null);
    const r = await getProposal(proposalId);
    if (!r.ok) return setLoadError(r.error);
    setProposal(r.data);
    if (kind === 'convert') setForm((f) => ({ ...f, title: r.data.title.slice(0, MATTER_TITLE_MAX), text: r.data.body }));
    if (kind === 'merge') {
      const list = await listProposals({ sort: 'new', pageSize: 50 });
      setTargets(list.ok ? list.data.items.filter((i) => i.id !== r.data.id && OPEN_STATUSES.includes(i.status)) : []);
      if (!list.ok) setLoadError(list.error);
    }
    if (kind === 'convert') {
      const t = await listMatterTypes();
      if (t.ok) setTypes(t.data);
      else setLoadError(t.error);
    }
  }

  useEffect(() => {
    if (kind) void Taro.setNavigationBarTitle({ title: m.actTitle[kind] });
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [proposalId, kind]);

  function set<K extends keyof ActForm>(k: K, v: ActForm[K]): void {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  }

  function ask(): void {
    if (!kind) return;
    const found = checkActForm(kind, form);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setAsking(true);
  }

  async function submit(): Promise<void> {
    if (!proposal || !kind) return;
    setBusy(true);
    setError(null);
    const r = await send(kind, proposal.id, actBody(kind, proposal, form, to));
    setBusy(false);
    setAsking(false);
    if (!r.ok) {
      setError(r.error);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    noteProposalChanged(proposal.id, `${title}：${m.done}`);
    backToProposal(proposal.id);
  }

  if (!proposalId || !kind || (kind === 'advance' && !to)) {
    return (
      <PageShell testId="proposal-act-page">
        <Notice tone="warning" title={m.notFoundTitle} />
      </PageShell>
    );
  }

  const toLabel = to === 'completed' ? m.complete : to ? PROPOSAL_STATUS_LABELS[to] : '';
  const title = kind === 'advance' ? (to === 'completed' ? m.complete : m.advanceTo(toLabel)) : m.actTitle[kind];
  const action = proposal?.actions.find((a) => a.action === kind);
  const target = targets?.find((t) => t.id === form.mergeInto);
  const type = types?.find((t) => t.code === form.typeCode);

  return (
    <PageShell testId="proposal-act-page">
      <Text className="prop-heading" {...roleProps('heading')} aria-level={1}>
        {title}
      </Text>
      {loadError ? <ErrorState error={loadError} onRetry={() => void load()} /> : null}
      {!proposal && !loadError ? <LoadingState /> : null}
      {proposal ? (
        <View className="section" data-testid={`proposal-act-${kind}`}>
          <Text className="prop-line prop-strong" data-testid="proposal-act-title">{`《${proposal.title}》`}</Text>
          <Text className="prop-muted">{proposal.statusLabel}</Text>
          {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
          {action && !action.allowed && action.reason ? (
            <Notice tone="warning" title={m.cantBecause} testId="proposal-act-unmet">
              <Text className="prop-line">{`⚠ ${action.reason}`}</Text>
            </Notice>
          ) : null}

          {kind === 'review' ? (
            <View>
              <Text className="prop-para">{m.reviewIntro}</Text>
              <View className="prop-item">
                <Text className="prop-para">{proposal.body}</Text>
              </View>
              <ChoiceGroup label={m.reviewDecision} testId="proposal-act-decision">
                <Choice label={m.reviewRelease} checked={form.decision === 'release'} onSelect={() => set('decision', 'release')} testId="proposal-act-release" />
                <Choice label={m.reviewReject} checked={form.decision === 'reject'} onSelect={() => set('decision', 'reject')} testId="proposal-act-reject" />
                {errors.decision ? <Text className="prop-error">{errors.decision}</Text> : null}
              </ChoiceGroup>
            </View>
          ) : null}

          {kind === 'merge' ? (
            targets === null ? (
              <LoadingState />
            ) : (
              <ChoiceGroup label={m.mergeTarget} testId="proposal-act-targets">
                {targets.length === 0 ? <Text className="prop-line">{m.mergeNone}</Text> : null}
                {targets.map((t) => (
                  <Choice
                    key={t.id}
                    label={t.title}
                    hint={`${t.category.label} · ${t.statusLabel} · ${m.cosigns(t.cosigns)}`}
                    checked={form.mergeInto === t.id}
                    onSelect={() => set('mergeInto', t.id)}
                    testId={`proposal-act-target-${t.id}`}
                  />
                ))}
                {errors.mergeInto ? <Text className="prop-error">{errors.mergeInto}</Text> : null}
              </ChoiceGroup>
            )
          ) : null}

          {kind === 'convert' ? (
            <View>
              {types === null ? (
                <LoadingState label={m.typesLoading} />
              ) : (
                <ChoiceGroup label={m.typeLabel} testId="proposal-act-types">
                  {types.map((t) => (
                    <Choice key={t.code} label={t.label} hint={t.decisionModeLabel} checked={form.typeCode === t.code} onSelect={() => set('typeCode', t.code)} testId={`proposal-act-type-${t.code}`} />
                  ))}
                  {errors.typeCode ? <Text className="prop-error">{errors.typeCode}</Text> : null}
                </ChoiceGroup>
              )}
              <TextField label={m.matterTitleLabel} value={form.title} onChange={(v) => set('title', v)} error={errors.title} maxlength={MATTER_TITLE_MAX} testId="proposal-act-matter-title" />
              <AreaField label={m.matterBodyLabel} hint={m.matterBodyHint} value={form.text} onChange={(v) => set('text', v)} error={errors.text} maxlength={MATTER_BODY_MAX} testId="proposal-act-text" />
              <TextField label={m.budgetLabel} hint={m.budgetHint} type="digit" value={form.budget} onChange={(v) => set('budget', v)} error={errors.budget} maxlength={20} testId="proposal-act-budget" />
            </View>
          ) : null}

          {kind !== 'convert' && (kind !== 'review' || form.decision === 'reject') ? (
            <AreaField
              label={textLabel(kind)}
              hint={textHint(kind)}
              value={form.text}
              onChange={(v) => set('text', v)}
              error={errors.text}
              maxlength={kind === 'reply' || kind === 'advance' ? PROPOSAL_REPLY_MAX : PROPOSAL_REASON_MAX}
              testId="proposal-act-text"
            />
          ) : null}
          <Button className="big-button prop-gap" type="primary" block disabled={busy} onClick={ask} data-testid="proposal-act-submit">
            {busy ? m.submitting : title}
          </Button>
        </View>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={`${title}？`}
        confirmText={m.confirmSubmit}
        cancelText={m.confirmBack}
        danger={kind === 'decline' || kind === 'merge' || (kind === 'review' && form.decision === 'reject')}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="proposal-act-confirm"
      >
        <Text className="prop-para" data-testid="proposal-act-confirm-text">
          {confirmText(kind, form, to, target?.title ?? null, type?.label ?? null)}
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}

function textLabel(kind: ActKind): string {
  if (kind === 'advance') return m.noteLabel;
  if (kind === 'reply') return m.replyLabel;
  if (kind === 'decline') return m.declineLabel;
  if (kind === 'merge') return m.mergeReasonLabel;
  if (kind === 'convert') return m.matterBodyLabel;
  return m.reviewReasonLabel;
}

function textHint(kind: ActKind): string {
  if (kind === 'advance') return m.noteHint;
  if (kind === 'reply') return m.replyHint;
  if (kind === 'decline') return m.declineHint;
  if (kind === 'merge') return m.mergeReasonHint;
  if (kind === 'convert') return m.matterBodyHint;
  return m.reviewReasonHint;
}

/** The consequence, in words, with the choices as they will be recorded. */
export function confirmText(kind: ActKind, f: ActForm, to: ProposalStep | 'completed' | null, targetTitle: string | null, typeLabel: string | null): string {
  if (kind === 'advance') return to === 'completed' ? m.confirmAct.complete : `${m.nextStepLine(to ? PROPOSAL_STATUS_LABELS[to] : '')}。${m.confirmAct.advance}`;
  if (kind === 'merge') return `${targetTitle ? m.mergeInto(targetTitle) : ''}${m.confirmAct.merge}`;
  if (kind === 'convert') {
    const fen = parseYuan(f.budget);
    return `${m.convertAs(typeLabel ?? '', typeof fen === 'number' ? money(fen) : null)}${m.confirmAct.convert}`;
  }
  if (kind === 'review') return f.decision === 'reject' ? m.confirmAct.reject : m.confirmAct.release;
  return m.confirmAct[kind];
}
