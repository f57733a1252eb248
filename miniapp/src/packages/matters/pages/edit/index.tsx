import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  MATTER_BODY_MAX,
  MATTER_CHANGE_NOTE_MAX,
  MATTER_TITLE_MAX,
  diffRevisions,
  type ApiErrorBody,
  type MatterDetail,
  type MatterTypeView,
} from '@village/shared';
import { useEffect, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { advanceMatter, amendMatter, createMatter, getMatter, listMatterTypes } from '../../../../services/api/matters';
import type { Result } from '../../../../services/http';
import { AreaField } from '../../../../components/AreaField';
import { DiffView } from '../../components/DiffView';
import { backToMatter, noteMatterChanged } from '../../utils/changes';
import { parseYuan, yuanInput } from '../../utils/format';
import '../../matters.css';

const m = messages.matters;

export type EditMode = 'create' | 'amend' | 'repropose';

export interface MatterForm {
  typeCode: string;
  title: string;
  body: string;
  budget: string;
  changeNote: string;
}

export type MatterFormErrors = Partial<Record<keyof MatterForm, string>>;

/** What is wrong with the form, in words, field by field (the server checks again). */
export function checkMatterForm(form: MatterForm, mode: EditMode): MatterFormErrors {
  const errors: MatterFormErrors = {};
  if (mode === 'create' && !form.typeCode) errors.typeCode = m.required(m.typeLabel);
  if (form.title.trim() === '') errors.title = m.required(m.titleLabel);
  else if (Array.from(form.title.trim()).length > MATTER_TITLE_MAX) errors.title = m.tooLong(m.titleLabel, MATTER_TITLE_MAX);
  if (form.body.trim() === '') errors.body = m.required(m.bodyLabel);
  else if (form.body.length > MATTER_BODY_MAX) errors.body = m.tooLong(m.bodyLabel, MATTER_BODY_MAX);
  if (parseYuan(form.budget) === 'invalid') errors.budget = m.moneyInvalid;
  if (mode !== 'create') {
    if (form.changeNote.trim() === '') errors.changeNote = m.required(m.changeNoteLabel);
    else if (form.changeNote.length > MATTER_CHANGE_NOTE_MAX) errors.changeNote = m.tooLong(m.changeNoteLabel, MATTER_CHANGE_NOTE_MAX);
  }
  return errors;
}

/**
 * 提出新的大事 (revision 1), 修改方案 (a new revision at 党组织提议 or 两委商议, with why) and 修改后
 * 重新提议 after a failed vote. While amending, the changes against the current text are shown as
 * they will be stored (diffRevisions, the same function the server uses).
 */
export default function MatterEditPage() {
  const router = useRouter();
  const matterId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const mode: EditMode = matterId ? (router.params.mode === 'repropose' ? 'repropose' : 'amend') : 'create';
  const [types, setTypes] = useState<MatterTypeView[] | null>(null);
  const [matter, setMatter] = useState<MatterDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [form, setForm] = useState<MatterForm>({ typeCode: '', title: '', body: '', budget: '', changeNote: '' });
  const [errors, setErrors] = useState<MatterFormErrors>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  async function load(): Promise<void> {
    setLoadError(null);
    if (matterId) {
      const r = await getMatter(matterId);
      if (!r.ok) return setLoadError(r.error);
      setMatter(r.data);
      setForm({ typeCode: r.data.type.code, title: r.data.title, body: r.data.body, budget: yuanInput(r.data.budgetFen), changeNote: '' });
    } else {
      const r = await listMatterTypes();
      if (!r.ok) return setLoadError(r.error);
      setTypes(r.data);
    }
  }

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: m.formTitle[mode] });
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matterId]);

  const set = (key: keyof MatterForm) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function ask(): void {
    const found = checkMatterForm(form, mode);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setAsking(true);
  }

  async function submit(): Promise<void> {
    const budgetFen = parseYuan(form.budget);
    if (budgetFen === 'invalid') return;
    setBusy(true);
    setError(null);
    let result: Result<MatterDetail>;
    if (mode === 'create') {
      result = await createMatter({ typeCode: form.typeCode, title: form.title.trim(), body: form.body, budgetFen });
    } else if (mode === 'amend' && matter) {
      result = await amendMatter(matter.id, {
        basedOn: matter.currentRevision,
        title: form.title.trim(),
        body: form.body,
        budgetFen,
        changeNote: form.changeNote.trim(),
        version: matter.version,
      });
    } else if (matter) {
      result = await advanceMatter(matter.id, {
        event: { type: 'repropose', basedOn: matter.currentRevision, title: form.title.trim(), body: form.body, budgetFen, changeNote: form.changeNote.trim() },
        version: matter.version,
      });
    } else return;
    setBusy(false);
    setAsking(false);
    if (!result.ok) {
      setError(result.error);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      return;
    }
    if (mode === 'create') {
      void Taro.redirectTo({ url: withQuery(routes.matterDetail, { id: result.data.id }) });
    } else {
      noteMatterChanged(result.data.id, m.saved);
      backToMatter(result.data.id);
    }
  }

  const budgetPreview = parseYuan(form.budget);
  const preview =
    matter && mode !== 'create' && budgetPreview !== 'invalid'
      ? diffRevisions({ title: matter.title, body: matter.body, budgetFen: matter.budgetFen }, { title: form.title.trim(), body: form.body, budgetFen: budgetPreview })
      : null;

  const ready = mode === 'create' ? types !== null : matter !== null;
  return (
    <PageShell testId="matter-edit-page">
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1}>
        {m.formTitle[mode]}
      </Text>
      {matter ? <Text className="matter-line">{matter.title}</Text> : null}
      {loadError ? <ErrorState error={loadError} onRetry={() => void load()} /> : null}
      {!ready && !loadError ? <LoadingState /> : null}
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
      {ready ? (
        <View className="section">
          {mode === 'create' && types ? (
            <ChoiceGroup label={m.typeLabel} testId="matter-form-type">
              <Text className="matter-muted">{m.typeHint}</Text>
              {types.map((t) => (
                <Choice key={t.code} label={t.label} hint={t.decisionModeLabel} checked={form.typeCode === t.code} onSelect={() => set('typeCode')(t.code)} testId={`matter-type-${t.code}`} />
              ))}
              {errors.typeCode ? <Text className="matter-error">{errors.typeCode}</Text> : null}
            </ChoiceGroup>
          ) : null}
          <TextField label={m.titleLabel} hint={m.titleHint} value={form.title} onChange={set('title')} error={errors.title} maxlength={MATTER_TITLE_MAX} testId="matter-form-title" />
          <AreaField label={m.bodyLabel} hint={m.bodyHint} value={form.body} onChange={set('body')} error={errors.body} maxlength={MATTER_BODY_MAX} testId="matter-form-body" />
          <TextField label={m.budgetLabel} hint={m.budgetHint} type="digit" value={form.budget} onChange={set('budget')} error={errors.budget} maxlength={20} testId="matter-form-budget" />
          {mode !== 'create' ? (
            <AreaField label={m.changeNoteLabel} hint={m.changeNoteHint} value={form.changeNote} onChange={set('changeNote')} error={errors.changeNote} maxlength={MATTER_CHANGE_NOTE_MAX} testId="matter-form-note" />
          ) : null}
          {preview ? (
            <View className="section matter-card" data-testid="matter-form-preview">
              <Text className="matter-card__title">{m.previewDiff}</Text>
              <DiffView diff={preview} testId="matter-preview" />
            </View>
          ) : null}
          <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={ask} data-testid="matter-form-submit">
            {busy ? m.submitting : m.submit}
          </Button>
        </View>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={m.confirmTitle}
        confirmText={m.confirmSubmit}
        cancelText={m.confirmBack}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="matter-form-confirm"
      >
        <Text className="matter-para">{mode === 'create' ? m.createConfirmBody : m.amendConfirmBody((matter?.currentRevision ?? 0) + 1)}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
