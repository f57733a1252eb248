import { Text, View } from '@tarojs/components';
import {
  DECISION_MODES,
  DECISION_MODE_LABELS,
  DEFAULT_MATTER_TYPES,
  MATTER_OVERRIDES,
  MATTER_OVERRIDE_BASIS,
  MATTER_OVERRIDE_LABELS,
  MATTER_TYPE_DESCRIPTION_MAX,
  MATTER_TYPE_LABEL_MAX,
  type ApiErrorBody,
  type DecisionMode,
  type MatterOverride,
  type MatterTypeConfigInput,
  type MatterTypeProblem,
  type MatterTypeView,
} from '@village/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { listMatterTypes } from '../../../../services/api/matters';
import { canEditMatterSettings, saveMatterTypes } from '../../../../services/api/matterSettings';
import { AreaField } from '../../../../components/AreaField';
import { SettingsTop } from '../../settings/parts';
import { disabledDefaults, newTypeCode, newTypeField, typeConfigOf, typeProblems, type NewTypeField } from '../../utils/settings';
import '../../matters.css';
import '../../settings.css';

const s = messages.matterSettings;

export interface NewTypeForm {
  label: string;
  description: string;
  decisionMode: DecisionMode | null;
  override: MatterOverride | null;
}

/** What is wrong with the 添加 form, field by field (the server checks again). */
export function checkNewType(form: NewTypeForm, types: readonly MatterTypeView[]): Partial<Record<NewTypeField, string>> {
  const e: Partial<Record<NewTypeField, string>> = {};
  const label = form.label.trim();
  if (label === '') e.label = s.required(s.nameLabel);
  else if (Array.from(label).length > MATTER_TYPE_LABEL_MAX) e.label = s.nameTooLong(MATTER_TYPE_LABEL_MAX);
  else if (types.some((t) => t.label === label)) e.label = s.nameTaken(label);
  if (Array.from(form.description.trim()).length > MATTER_TYPE_DESCRIPTION_MAX) e.description = s.descriptionTooLong(MATTER_TYPE_DESCRIPTION_MAX);
  if (!form.decisionMode) e.decisionMode = s.modeMissing;
  return e;
}

function thresholdText(override: MatterOverride | null): string {
  return override ? s.thresholdTwoThirds(MATTER_OVERRIDE_LABELS[override]) : s.thresholdMajority;
}

type Pending =
  | { kind: 'add'; label: string }
  | { kind: 'disable' | 'enable' | 'remove'; code: string; label: string };

const EMPTY: NewTypeForm = { label: '', description: '', decisionMode: null, override: null };

/**
 * 事项类型: the statutory ones (法定, not removable, with the law that says why), the default 其他村务
 * (can be turned off and on), and the village's own types (added here, removed here). Each type says
 * who decides and what it takes to pass in words. Every change is one PUT of the whole configuration;
 * the server's problems are shown beside the field or type they are about.
 */
export default function MatterTypesPage() {
  const { roles } = useMe();
  const editor = canEditMatterSettings(roles);
  const [types, setTypes] = useState<MatterTypeView[] | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState<NewTypeForm>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<NewTypeField, string>>>({});
  const [rowProblems, setRowProblems] = useState<MatterTypeProblem[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function load(): Promise<void> {
    setLoadError(null);
    const r = await listMatterTypes();
    if (r.ok) setTypes(r.data);
    else setLoadError(r.error);
  }

  useEffect(() => {
    void load();
  }, []);

  const set = <K extends keyof NewTypeForm>(key: K) => (value: NewTypeForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function askAdd(): void {
    if (!types) return;
    const found = checkNewType(form, types);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setPending({ kind: 'add', label: form.label.trim() });
  }

  async function apply(): Promise<void> {
    if (!types || !pending) return;
    const current = typeConfigOf(types);
    let next: MatterTypeConfigInput;
    let newCode: string | null = null;
    if (pending.kind === 'add') {
      newCode = newTypeCode(Date.now(), current.extras.map((e) => e.code));
      const description = form.description.trim();
      next = {
        ...current,
        extras: [...current.extras, { code: newCode, label: form.label.trim(), description: description || undefined, decisionMode: form.decisionMode as DecisionMode, override: form.override }],
      };
    } else if (pending.kind === 'remove') {
      next = { ...current, extras: current.extras.filter((e) => e.code !== pending.code) };
    } else if (pending.kind === 'disable') {
      next = { ...current, disabled: [...current.disabled, pending.code] };
    } else {
      next = { ...current, disabled: current.disabled.filter((c) => c !== pending.code) };
    }
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await saveMatterTypes(next);
    setBusy(false);
    setPending(null);
    if (!r.ok) {
      const problems = typeProblems(r.error.details);
      const mine = newCode ? problems.filter((p) => p.typeCode === newCode) : [];
      if (mine.length > 0) {
        const fieldErrors: Partial<Record<NewTypeField, string>> = {};
        for (const p of mine) fieldErrors[newTypeField(p)] = p.message;
        setErrors(fieldErrors);
      }
      setRowProblems(problems.filter((p) => p.typeCode !== newCode));
      setError(r.error);
      return;
    }
    setTypes(r.data);
    setRowProblems([]);
    setDone(s.saved);
    if (pending.kind === 'add') {
      setForm(EMPTY);
      setAdding(false);
    }
  }

  const statutory = types?.filter((t) => t.statutory) ?? [];
  const others = types?.filter((t) => !t.statutory) ?? [];
  const off = types ? DEFAULT_MATTER_TYPES.filter((t) => disabledDefaults(types).includes(t.code)) : [];
  const defaultCodes = new Set(DEFAULT_MATTER_TYPES.map((t) => t.code));
  const problemsOf = (code: string) => rowProblems.filter((p) => p.typeCode === code);

  return (
    <PageShell testId="matter-types-page">
      <SettingsTop
        title={s.typesTitle}
        intro={s.typesIntro}
        loaded={Boolean(types)}
        readOnly={!editor}
        loadError={loadError}
        onRetry={() => void load()}
        saveError={error}
        done={done}
        doneTestId="types-saved"
      />
      {types && types.length === 0 ? <Notice tone="info" title={s.typesEmpty} /> : null}

      {types && editor ? (
        <View className="section">
          {adding ? (
            <View className="ms-form" data-testid="types-add-form">
              <Text className="ms-heading2" {...roleProps('heading')} aria-level={2}>
                {s.addTitle}
              </Text>
              <TextField label={s.nameLabel} hint={s.nameHint} value={form.label} onChange={(v) => set('label')(v)} error={errors.label} maxlength={MATTER_TYPE_LABEL_MAX} testId="types-add-name" />
              <AreaField label={s.descriptionLabel} hint={s.descriptionHint} value={form.description} onChange={(v) => set('description')(v)} error={errors.description} maxlength={MATTER_TYPE_DESCRIPTION_MAX} testId="types-add-description" />
              <ChoiceGroup label={s.modeLabel} testId="types-add-mode">
                {DECISION_MODES.map((mode) => (
                  <Choice key={mode} label={DECISION_MODE_LABELS[mode]} checked={form.decisionMode === mode} onSelect={() => set('decisionMode')(mode)} testId={`types-add-mode-${mode}`} />
                ))}
              </ChoiceGroup>
              {errors.decisionMode ? <Text className="ms-error" data-testid="types-add-mode-error">{errors.decisionMode}</Text> : null}
              <ChoiceGroup label={s.thresholdLabel} testId="types-add-threshold">
                <Choice label={s.thresholdMajority} hint={s.thresholdMajorityHint} checked={form.override === null} onSelect={() => set('override')(null)} testId="types-add-threshold-majority" />
                {MATTER_OVERRIDES.map((o) => (
                  <Choice key={o} label={thresholdText(o)} hint={MATTER_OVERRIDE_BASIS[o]} checked={form.override === o} onSelect={() => set('override')(o)} testId={`types-add-threshold-${o}`} />
                ))}
              </ChoiceGroup>
              {errors.override ? <Text className="ms-error">{errors.override}</Text> : null}
              <Button className="big-button ms-gap" type="primary" block disabled={busy} onClick={askAdd} data-testid="types-add-submit">
                {busy ? s.saving : s.addSubmit}
              </Button>
              <Button className="big-button ms-gap" type="default" fill="outline" block disabled={busy} onClick={() => setAdding(false)} data-testid="types-add-close">
                {s.addClose}
              </Button>
            </View>
          ) : (
            <Button className="big-button" type="primary" block onClick={() => setAdding(true)} data-testid="types-add-open">
              {s.addOpen}
            </Button>
          )}
        </View>
      ) : null}

      {types && others.length + off.length > 0 ? (
        <View className="ms-group" data-testid="types-others">
          <Text className="ms-heading2" {...roleProps('heading')} aria-level={2}>
            {s.otherGroup(others.length + off.length)}
          </Text>
          {others.map((t) => (
            <TypeCard key={t.code} type={t} tag={defaultCodes.has(t.code) ? s.defaultTag : s.ownTag} problems={problemsOf(t.code)}>
              {editor ? (
                <Button
                  className="ms-small-button"
                  type="default"
                  fill="outline"
                  disabled={busy}
                  onClick={() => setPending({ kind: defaultCodes.has(t.code) ? 'disable' : 'remove', code: t.code, label: t.label })}
                  data-testid={`types-${defaultCodes.has(t.code) ? 'disable' : 'remove'}-${t.code}`}
                >
                  {defaultCodes.has(t.code) ? s.disable : s.remove}
                </Button>
              ) : null}
            </TypeCard>
          ))}
          {off.map((t) => (
            <View key={t.code} className="ms-card ms-card--off" data-testid={`type-${t.code}`}>
              <Text className="ms-card__title">{t.label}</Text>
              <View className="ms-tags">
                <Text className="ms-tag ms-tag--plain">{s.disabledTag}</Text>
              </View>
              <Text className="ms-muted">{t.description}</Text>
              {problemsOf(t.code).map((p) => (
                <Text key={p.message} className="ms-error">
                  {p.message}
                </Text>
              ))}
              {editor ? (
                <Button className="ms-small-button" type="primary" fill="outline" disabled={busy} onClick={() => setPending({ kind: 'enable', code: t.code, label: t.label })} data-testid={`types-enable-${t.code}`}>
                  {s.enable}
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}

      {types && statutory.length > 0 ? (
        <View className="ms-group" data-testid="types-statutory">
          <Text className="ms-heading2" {...roleProps('heading')} aria-level={2}>
            {s.statutoryGroup(statutory.length)}
          </Text>
          <Text className="ms-why" data-testid="types-statutory-why">
            {s.statutoryWhy}
          </Text>
          {statutory.map((t) => (
            <TypeCard key={t.code} type={t} tag={s.statutoryTag} problems={problemsOf(t.code)} />
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'add'
            ? s.addConfirmTitle(pending.label)
            : pending?.kind === 'disable'
              ? s.disableTitle(pending.label)
              : pending?.kind === 'enable'
                ? s.enableTitle(pending.label)
                : s.removeTitle(pending?.label ?? '')
        }
        confirmText={pending?.kind === 'add' ? s.confirmAdd : pending?.kind === 'disable' ? s.confirmDisable : pending?.kind === 'enable' ? s.confirmEnable : s.confirmRemove}
        cancelText={s.cancel}
        danger={pending?.kind === 'remove' || pending?.kind === 'disable'}
        busy={busy}
        onConfirm={() => void apply()}
        onCancel={() => setPending(null)}
        testId="types-confirm"
      >
        <Text className="matter-para">
          {pending?.kind === 'add'
            ? s.addConfirmBody(DECISION_MODE_LABELS[form.decisionMode ?? 'either'], thresholdText(form.override))
            : pending?.kind === 'disable'
              ? s.disableBody
              : pending?.kind === 'enable'
                ? s.enableBody
                : s.removeBody}
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}

function TypeCard({ type, tag, problems, children }: { type: MatterTypeView; tag: string; problems: MatterTypeProblem[]; children?: ReactNode }) {
  const [details, setDetails] = useState(false);
  return (
    <View className="ms-card" data-testid={`type-${type.code}`}>
      <Text className="ms-card__title">{type.label}</Text>
      <View className="ms-tags">
        <Text className={`ms-tag${type.statutory ? ' ms-tag--law' : ''}`}>{tag}</Text>
      </View>
      {type.description ? <Text className="ms-muted">{type.description}</Text> : null}
      <Text className="ms-line">{s.decidedBy(type.decisionModeLabel)}</Text>
      <Text className="ms-line">{s.ruleShort(type.override !== null)}</Text>
      {type.legalBasis ? <Text className="ms-muted">{s.basis(type.legalBasis)}</Text> : null}
      {details
        ? type.ruleLabels.map((r) => (
            <Text key={r} className="ms-muted">
              {`· ${r}`}
            </Text>
          ))
        : null}
      {problems.map((p) => (
        <Text key={p.message} className="ms-error">
          {p.message}
        </Text>
      ))}
      <View className="ms-actions">
        {type.ruleLabels.length > 0 ? (
          <Button className="ms-small-button ms-rules-toggle" type="default" fill="none" onClick={() => setDetails((d) => !d)} data-testid={`type-${type.code}-rules`}>
            {details ? s.rulesHide : s.rulesShow}
          </Button>
        ) : null}
        {children}
      </View>
    </View>
  );
}
