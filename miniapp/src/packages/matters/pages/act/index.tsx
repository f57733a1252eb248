import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  MATTER_PHOTOS_MAX,
  MATTER_ANSWER_TEXT_MAX,
  MATTER_OBJECTION_TEXT_MAX,
  MATTER_OPINION_TEXT_MAX,
  MATTER_REASON_MAX,
  MATTER_STAGE_LABELS,
  SEND_BACK_TARGETS,
  dayLabel,
  stageIndex,
  type ApiErrorBody,
  type MatterDetail,
  type MatterFile,
  type SendBackTarget,
  type WorkflowEventType,
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
import { DateTimeField } from '../../../../components/DateTimeField';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import {
  addOpinion,
  advanceMatter,
  answerObjection,
  answerOpinion,
  fileObjection,
  getMatter,
  liftOpinion,
  reportProgress,
  sendBack,
  uploadMatterFile,
} from '../../../../services/api/matters';
import type { Result } from '../../../../services/http';
import { AreaField } from '../../../../components/AreaField';
import { PeoplePicker, type Person } from '../../components/PeoplePicker';
import { PhotoPicker } from '../../../../components/PhotoPicker';
import { backToMatter, noteMatterChanged } from '../../utils/changes';
import { beijingToday, isDay, money, parseYuan, yuanInput } from '../../utils/format';
import '../../matters.css';

const m = messages.matters;

export const ACT_EVENTS = [
  'file_objection',
  'add_opinion',
  'answer_objection',
  'answer_opinion',
  'lift_opinion',
  'send_back',
  'withdraw',
  'start_implementation',
  'report_progress',
  'report_result',
  'sign_off_result',
  'publish_result',
  'archive',
] as const satisfies readonly WorkflowEventType[];
export type ActEvent = (typeof ACT_EVENTS)[number];

export interface ActForm {
  text: string;
  blocking: boolean | null;
  target: SendBackTarget | null;
  people: Person[];
  start: string;
  end: string;
  amount: string;
  day: string;
  photos: MatterFile[];
}

/** The problems of the form for `event`, in words (the server checks again and says why it refuses). */
export function checkActForm(event: ActEvent, f: ActForm): Partial<Record<keyof ActForm, string>> {
  const e: Partial<Record<keyof ActForm, string>> = {};
  const needText = (label: string, max: number) => {
    if (f.text.trim() === '') e.text = m.required(label);
    else if (f.text.length > max) e.text = m.tooLong(label, max);
  };
  if (event === 'file_objection') needText(m.objectionLabel, MATTER_OBJECTION_TEXT_MAX);
  if (event === 'add_opinion') {
    needText(m.opinionLabel, MATTER_OPINION_TEXT_MAX);
    if (f.blocking === null) e.blocking = m.required(`“${m.blockingLabel}”`);
  }
  if (event === 'answer_objection' || event === 'answer_opinion') needText(m.answerLabel, MATTER_ANSWER_TEXT_MAX);
  if (event === 'send_back') {
    if (!f.target) e.target = m.required(m.sendBackTarget);
    needText(m.reasonLabel, MATTER_REASON_MAX);
  }
  if (event === 'withdraw') needText(m.reasonLabel, MATTER_REASON_MAX);
  if (event === 'start_implementation') {
    if (f.people.length === 0) e.people = m.responsibleMissing;
    if (!isDay(f.start)) e.start = m.dateInvalid;
    if (!isDay(f.end)) e.end = m.dateInvalid;
    if (parseYuan(f.amount) === 'invalid') e.amount = m.moneyInvalid;
  }
  if (event === 'report_progress') {
    needText(m.progressLabel, MATTER_ANSWER_TEXT_MAX);
    const fen = parseYuan(f.amount);
    if (fen === null || fen === 'invalid') e.amount = m.moneyInvalid;
  }
  if (event === 'report_result') {
    needText(m.summaryLabel, MATTER_ANSWER_TEXT_MAX);
    if (!isDay(f.day)) e.day = m.dateInvalid;
    const fen = parseYuan(f.amount);
    if (fen === null || fen === 'invalid') e.amount = m.moneyInvalid;
  }
  return e;
}

function fen(text: string): number {
  const v = parseYuan(text);
  return typeof v === 'number' ? v : 0;
}

/** Sends the act; every answer is the matter as it is now, or the server's refusal in its words. */
function send(matter: MatterDetail, event: ActEvent, target: string | undefined, f: ActForm): Promise<Result<MatterDetail>> {
  const version = matter.version;
  const text = f.text.trim();
  switch (event) {
    case 'file_objection':
      return fileObjection(matter.id, { text });
    case 'add_opinion':
      return addOpinion(matter.id, { text, blocking: Boolean(f.blocking) });
    case 'answer_objection':
      return answerObjection(target ?? '', { text });
    case 'answer_opinion':
      return answerOpinion(target ?? '', { text });
    case 'lift_opinion':
      return liftOpinion(target ?? '', text ? { note: text } : {});
    case 'send_back':
      return sendBack(matter.id, { toStage: f.target as SendBackTarget, reason: text, opinionId: target ?? null, version });
    case 'report_progress':
      return reportProgress(matter.id, { text, spentFen: fen(f.amount), photoIds: f.photos.map((p) => p.id), version });
    case 'withdraw':
      return advanceMatter(matter.id, { event: { type: 'withdraw', reason: text }, version });
    case 'start_implementation': {
      const budget = parseYuan(f.amount);
      return advanceMatter(matter.id, {
        event: { type: 'start_implementation', responsibleResidentId: f.people[0].id, plannedStartOn: f.start, plannedEndOn: f.end, budgetFen: typeof budget === 'number' ? budget : null },
        version,
      });
    }
    case 'report_result':
      return advanceMatter(matter.id, { event: { type: 'report_result', summary: text, completedOn: f.day, totalSpentFen: fen(f.amount), photoIds: f.photos.map((p) => p.id) }, version });
    case 'sign_off_result':
      return advanceMatter(matter.id, { event: text ? { type: 'sign_off_result', note: text } : { type: 'sign_off_result' }, version });
    case 'publish_result':
      return advanceMatter(matter.id, { event: { type: 'publish_result' }, version });
    case 'archive':
      return advanceMatter(matter.id, { event: { type: 'archive' }, version });
  }
}

/**
 * One act on a matter, each a short form: 提出异议 (villagers, during a disclosure window), 提出监督
 * 意见 (要求纠正 or not), 答复, 解除纠正要求, 退回重新办理, 撤回, 开始实施, 报告进度, 提交结果,
 * 审核, 公开结果, 归档. Every one asks first, in words, what will happen; a refusal stays on the page
 * in the server's words. The reasons an act is not possible now are on the matter page already.
 */
export default function MatterActPage() {
  const router = useRouter();
  const matterId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const event = (ACT_EVENTS as readonly string[]).includes(router.params.event ?? '') ? (router.params.event as ActEvent) : null;
  const target = router.params.target ? decodeURIComponent(router.params.target) : undefined;
  const [matter, setMatter] = useState<MatterDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [form, setForm] = useState<ActForm>({ text: '', blocking: null, target: null, people: [], start: beijingToday(), end: '', amount: '', day: beijingToday(), photos: [] });
  const [errors, setErrors] = useState<Partial<Record<keyof ActForm, string>>>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  async function load(): Promise<void> {
    if (!matterId) return;
    setLoadError(null);
    const r = await getMatter(matterId);
    if (!r.ok) return setLoadError(r.error);
    setMatter(r.data);
    if (event === 'start_implementation' && r.data.budgetFen !== null) setForm((f) => ({ ...f, amount: yuanInput(r.data.budgetFen) }));
  }

  useEffect(() => {
    if (event) void Taro.setNavigationBarTitle({ title: m.actTitle[event] });
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matterId, event]);

  function set<K extends keyof ActForm>(key: K, value: ActForm[K]): void {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function ask(): void {
    if (!event) return;
    const found = checkActForm(event, form);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setAsking(true);
  }

  async function submit(): Promise<void> {
    if (!matter || !event) return;
    setBusy(true);
    setError(null);
    const result = await send(matter, event, target, form);
    setBusy(false);
    setAsking(false);
    if (!result.ok) {
      setError(result.error);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    noteMatterChanged(matter.id, `${m.actTitle[event]}：${m.done}`);
    backToMatter(matter.id);
  }

  if (!matterId || !event) {
    return (
      <PageShell testId="matter-act-page">
        <Notice tone="warning" title={m.notFoundTitle} />
      </PageShell>
    );
  }

  const action = matter?.actions.find((a) => a.event === event);
  const objection = matter?.objections.find((o) => o.id === target);
  const opinion = matter?.opinions.find((o) => o.id === target);
  const openWindow = matter?.disclosures.find((d) => d.status === 'open')?.window;
  const here = matter ? stageIndex(matter.stage) : -1;
  const targets = SEND_BACK_TARGETS.filter((s) => stageIndex(s) <= here);

  return (
    <PageShell testId="matter-act-page">
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1}>
        {m.actTitle[event]}
      </Text>
      {loadError ? <ErrorState error={loadError} onRetry={() => void load()} /> : null}
      {!matter && !loadError ? <LoadingState /> : null}
      {matter ? (
        <View className="section">
          <Text className="matter-line matter-strong" data-testid="matter-act-title">
            {matter.title}
          </Text>
          <Text className="matter-muted">{matter.stageLabel}</Text>
          {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
          {action && !action.allowed && action.unmet.length > 0 ? (
            <Notice tone="warning" title={m.cantBecause} testId="matter-act-unmet">
              {action.unmet.map((u) => (
                <Text key={u.reason} className="matter-line">{`⚠ ${u.reason}`}</Text>
              ))}
            </Notice>
          ) : null}

          {event === 'file_objection' && openWindow ? <Text className="matter-line">{m.objectionWindow(dayLabel(openWindow.startsOn, beijingToday()), dayLabel(openWindow.endsOn, beijingToday()))}</Text> : null}
          {objection ? (
            <View className="matter-item">
              <Text className="matter-muted">{objection.filedBy.name}</Text>
              <Text className="matter-para matter-pre">{objection.text}</Text>
            </View>
          ) : null}
          {opinion ? (
            <View className="matter-item">
              <Text className={opinion.blocking ? 'matter-warn' : 'matter-line matter-strong'}>{opinion.blocking ? m.blockingTag : m.adviceTag}</Text>
              <Text className="matter-para matter-pre">{opinion.text}</Text>
            </View>
          ) : null}

          {event === 'add_opinion' ? (
            <ChoiceGroup label={m.blockingLabel} testId="matter-act-blocking">
              <Choice label={m.blockingNo} hint={m.blockingNoHint} checked={form.blocking === false} onSelect={() => set('blocking', false)} testId="matter-act-advice" />
              <Choice label={`⚠ ${m.blockingYes}`} hint={m.blockingYesHint} checked={form.blocking === true} onSelect={() => set('blocking', true)} testId="matter-act-block" />
              {errors.blocking ? <Text className="matter-error">{errors.blocking}</Text> : null}
            </ChoiceGroup>
          ) : null}
          {event === 'send_back' ? (
            <ChoiceGroup label={m.sendBackTarget} testId="matter-act-target">
              {targets.map((s) => (
                <Choice key={s} label={MATTER_STAGE_LABELS[s]} checked={form.target === s} onSelect={() => set('target', s)} testId={`matter-act-target-${s}`} />
              ))}
              {errors.target ? <Text className="matter-error">{errors.target}</Text> : null}
            </ChoiceGroup>
          ) : null}
          {event === 'start_implementation' ? (
            <View>
              <PeoplePicker label={m.responsibleLabel} single value={form.people} onChange={(p) => set('people', p)} error={errors.people} testId="matter-act-responsible" />
              <DateTimeField label={m.plannedStartLabel} day={form.start} onDay={(d) => set('start', d)} error={errors.start} testId="matter-act-start" />
              <DateTimeField label={m.plannedEndLabel} day={form.end} start={form.start || undefined} onDay={(d) => set('end', d)} error={errors.end} testId="matter-act-end" />
              <TextField label={m.budgetLabel} hint={m.budgetHint} type="digit" value={form.amount} onChange={(v) => set('amount', v)} error={errors.amount} maxlength={20} testId="matter-act-amount" />
            </View>
          ) : null}
          {event === 'report_result' ? (
            <DateTimeField label={m.completedOnLabel} day={form.day} end={beijingToday()} onDay={(d) => set('day', d)} error={errors.day} testId="matter-act-day" />
          ) : null}
          {event === 'report_progress' || event === 'report_result' ? (
            <TextField
              label={event === 'report_progress' ? m.spentLabel : m.totalSpentLabel}
              type="digit"
              value={form.amount}
              onChange={(v) => set('amount', v)}
              error={errors.amount}
              maxlength={20}
              testId="matter-act-amount"
            />
          ) : null}
          {event === 'report_progress' || event === 'report_result' ? (
            <PhotoPicker label={m.workPhotos} max={MATTER_PHOTOS_MAX} upload={uploadMatterFile} value={form.photos} onChange={(p) => set('photos', p)} testId="matter-act-photos" />
          ) : null}
          {event !== 'start_implementation' && event !== 'publish_result' && event !== 'archive' ? (
            <AreaField label={textLabel(event)} hint={textHint(event)} value={form.text} onChange={(v) => set('text', v)} error={errors.text} maxlength={textMax(event)} testId="matter-act-text" />
          ) : null}
          <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={ask} data-testid="matter-act-submit">
            {busy ? m.submitting : m.actTitle[event]}
          </Button>
        </View>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={`${m.actTitle[event]}？`}
        confirmText={m.confirmSubmit}
        cancelText={m.confirmBack}
        danger={event === 'withdraw' || event === 'send_back' || (event === 'add_opinion' && form.blocking === true)}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="matter-act-confirm"
      >
        <Text className="matter-para" data-testid="matter-act-confirm-text">
          {confirmText(event, form)}
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}

function textLabel(event: ActEvent): string {
  if (event === 'file_objection') return m.objectionLabel;
  if (event === 'add_opinion') return m.opinionLabel;
  if (event === 'answer_objection' || event === 'answer_opinion') return m.answerLabel;
  if (event === 'lift_opinion') return m.liftNoteLabel;
  if (event === 'sign_off_result') return m.noteLabel;
  if (event === 'report_progress') return m.progressLabel;
  if (event === 'report_result') return m.summaryLabel;
  return m.reasonLabel;
}
function textHint(event: ActEvent): string | undefined {
  if (event === 'file_objection') return m.objectionHint;
  if (event === 'answer_objection' || event === 'answer_opinion') return m.answerHint;
  if (event === 'send_back' || event === 'withdraw') return m.reasonHint;
  return undefined;
}
function textMax(event: ActEvent): number {
  if (event === 'file_objection') return MATTER_OBJECTION_TEXT_MAX;
  if (event === 'add_opinion') return MATTER_OPINION_TEXT_MAX;
  if (event === 'send_back' || event === 'withdraw' || event === 'lift_opinion') return MATTER_REASON_MAX;
  return MATTER_ANSWER_TEXT_MAX;
}

/** The consequence, in words, with the amounts as they will be recorded. */
export function confirmText(event: ActEvent, f: ActForm): string {
  const base = m.confirmAct[event] ?? m.answerHint;
  if (event === 'add_opinion') return `${f.blocking ? `${m.blockingYes}：${m.blockingYesHint}。` : `${m.blockingNo}：${m.blockingNoHint}。`}${base}`;
  if (event === 'send_back' && f.target) return `退回到“${MATTER_STAGE_LABELS[f.target]}”。${base}`;
  if (event === 'report_progress') return `本次花费 ${money(fen(f.amount))}。`;
  if (event === 'report_result') return `${f.day} 完成，一共花费 ${money(fen(f.amount))}。`;
  if (event === 'start_implementation') {
    const budget = parseYuan(f.amount);
    return `负责人 ${f.people[0]?.name ?? ''}，计划 ${f.start} 至 ${f.end}${typeof budget === 'number' ? `，预算 ${money(budget)}` : ''}。${base}`;
  }
  return base;
}
