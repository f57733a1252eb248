import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ApiErrorBody, ResidentListItem } from '@village/shared';
import { useEffect, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { addResident, getResident, updateResident } from '../../../../services/api/roster';
import type { Result } from '../../../../services/http';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { fieldErrorsOf } from '../../utils/fieldErrors';
import { addRequestOf, draftOf, EMPTY_DRAFT, missingFields, updateRequestOf, type Draft } from '../../utils/residentForm';
import '../../roster.css';
import './index.css';

const m = messages.roster;

/** After a refused save, bring the first message (under its field, or on top) into view. */
function scrollToFirstProblem(): void {
  setTimeout(() => {
    void Taro.pageScrollTo({ selector: '.text-field__error, .error-state', offsetTop: -140, duration: 200 }).catch(() => undefined);
  }, 60);
}

/**
 * 添加成员 / 修改成员信息 (sub-package "roster"). Required: 姓名, 性别, 出生日期, 与户主关系.
 * 手机号 is optional; 身份证号 only after the page has said why it is needed and the clerk confirms
 * the person agreed (PIPL art. 28–31). The server's reasons appear under each field.
 */
export default function ResidentFormPage() {
  const router = useRouter();
  const householdId = router?.params?.householdId ?? '';
  const residentId = router?.params?.residentId ?? '';
  const householdNumber = router?.params?.number ? decodeURIComponent(router.params.number) : '';
  const editing = residentId !== '';

  const [original, setOriginal] = useState<ResidentListItem | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [loading, setLoading] = useState(editing);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<ApiErrorBody | null>(null);
  const [idOpen, setIdOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!editing) return;
    void Taro.setNavigationBarTitle({ title: m.residentEditTitle });
    let alive = true;
    setLoading(true);
    void getResident(residentId).then((result) => {
      if (!alive) return;
      setLoading(false);
      if (result.ok) {
        setOriginal(result.data);
        setDraft(draftOf(result.data));
        setLoadError(null);
      } else {
        setLoadError(result.error);
      }
    });
    return () => {
      alive = false;
    };
  }, [editing, residentId, attempt]);

  function set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => {
      if (!e[key]) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  }

  async function save(): Promise<void> {
    const missing = missingFields(draft);
    setFormError(null);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      scrollToFirstProblem();
      return;
    }
    setBusy(true);
    let result: Result<unknown>;
    if (editing && original) result = await updateResident(original.id, updateRequestOf(original, draft, idOpen));
    else result = await addResident(householdId, addRequestOf(draft, idOpen));
    setBusy(false);
    if (result.ok) {
      void Taro.navigateBack();
      return;
    }
    const byField = fieldErrorsOf(result.error);
    setErrors(byField);
    // Field problems are shown under the fields; anything else (a stale version, a closed household) on top.
    if (Object.keys(byField).length === 0) setFormError(result.error);
    scrollToFirstProblem();
  }

  if (loading) {
    return (
      <PageShell testId="roster-resident-page">
        <LoadingState />
      </PageShell>
    );
  }
  if (loadError) {
    return (
      <PageShell testId="roster-resident-page">
        <ErrorState error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
      </PageShell>
    );
  }

  const hasErrors = Object.keys(errors).length > 0;
  const heading = editing && original ? m.residentEditHeading(original.name) : m.residentAddHeading(householdNumber || '');

  return (
    <PageShell testId="roster-resident-page">
      <Text className="roster-heading" {...roleProps('heading')} aria-level={1}>
        {heading}
      </Text>

      {formError ? (
        <View className="section">
          <ErrorState error={formError} title={m.actionFailed} />
        </View>
      ) : null}

      <TextField label={m.fieldName} value={draft.name} onChange={(v) => set('name', v)} error={errors.name} maxlength={32} testId="field-name" />

      <ChoiceGroup label={m.fieldGender} row testId="field-gender">
        <Choice label="男" checked={draft.gender === 'male'} onSelect={() => set('gender', 'male')} testId="gender-male" />
        <Choice label="女" checked={draft.gender === 'female'} onSelect={() => set('gender', 'female')} testId="gender-female" />
      </ChoiceGroup>
      {errors.gender ? (
        <Text className="text-field__error" data-testid="field-gender-error">
          {errors.gender}
        </Text>
      ) : null}

      <TextField
        label={m.fieldBirthDate}
        hint={m.birthDateHint}
        value={draft.birthDate}
        onChange={(v) => set('birthDate', v)}
        error={errors.birthDate}
        placeholder="1968-03-12"
        maxlength={16}
        testId="field-birth-date"
      />

      <TextField
        label={m.fieldRelation}
        hint={m.relationHint}
        value={draft.relationToHead}
        onChange={(v) => set('relationToHead', v)}
        error={errors.relationToHead}
        maxlength={16}
        testId="field-relation"
      />
      <View className="roster-chips" {...roleProps('group')} aria-label={m.fieldRelation}>
        {m.relations.map((relation) => (
          <Text
            key={relation}
            className={`roster-chip${draft.relationToHead === relation ? ' roster-chip--on' : ''}`}
            {...roleProps('button')}
            aria-pressed={draft.relationToHead === relation}
            onClick={() => set('relationToHead', relation)}
            {...pressProps(() => set('relationToHead', relation))}
          >
            {draft.relationToHead === relation ? `✓ ${relation}` : relation}
          </Text>
        ))}
      </View>

      <ChoiceGroup label={m.fieldParty} row testId="field-party">
        <Choice label={m.yes} compact checked={draft.isPartyMember} onSelect={() => set('isPartyMember', true)} />
        <Choice label={m.no} compact checked={!draft.isPartyMember} onSelect={() => set('isPartyMember', false)} />
      </ChoiceGroup>
      {errors.isPartyMember ? <Text className="text-field__error">{errors.isPartyMember}</Text> : null}

      <ChoiceGroup label={m.fieldVillagerRep} row testId="field-villager-rep">
        <Choice label={m.yes} compact checked={draft.isVillagerRep} onSelect={() => set('isVillagerRep', true)} />
        <Choice label={m.no} compact checked={!draft.isVillagerRep} onSelect={() => set('isVillagerRep', false)} />
      </ChoiceGroup>
      {errors.isVillagerRep ? <Text className="text-field__error">{errors.isVillagerRep}</Text> : null}

      {draft.clearPhone ? (
        <View className="section">
          <Notice tone="warning" title={m.phoneCleared}>
            <Text className="resident__link" {...roleProps('button')} onClick={() => set('clearPhone', false)} {...pressProps(() => set('clearPhone', false))}>
              {m.phoneUndoClear}
            </Text>
          </Notice>
        </View>
      ) : (
        <View>
          <TextField
            label={m.fieldPhone}
            hint={original?.phoneMasked ? m.phoneKeep(original.phoneMasked) : m.phoneHint}
            value={draft.phone}
            onChange={(v) => set('phone', v)}
            error={errors.phone}
            type="number"
            maxlength={13}
            testId="field-phone"
          />
          {original?.phoneMasked ? (
            <Text className="resident__link" {...roleProps('button')} onClick={() => set('clearPhone', true)} {...pressProps(() => set('clearPhone', true))}>
              {m.phoneClear}
            </Text>
          ) : null}
        </View>
      )}

      <View className="section resident__id" data-testid="field-id-section">
        <Text className="choice-group__label">{m.idTitle}</Text>
        {original?.idNumberMasked ? <Text className="roster-para">{m.idRegistered(original.idNumberMasked)}</Text> : null}
        {!idOpen ? (
          <View className="roster-card">
            <Text className="roster-sub">{m.idWhyTitle}</Text>
            {m.idWhy.map((line) => (
              <Text className="roster-para" key={line}>
                {line}
              </Text>
            ))}
            <View className="section">
              <Button className="big-button" type="default" fill="outline" block onClick={() => setIdOpen(true)} data-testid="id-start">
                {m.idStart}
              </Button>
            </View>
          </View>
        ) : (
          <View>
            <TextField
              label={m.idField}
              hint={m.idHint}
              value={draft.idNumber}
              onChange={(v) => {
                const next = v.toUpperCase().replace(/\s/g, '');
                set('idNumber', next);
                return next;
              }}
              error={errors.idNumber}
              maxlength={18}
              testId="field-id-number"
            />
            <Text
              className="resident__link"
              {...roleProps('button')}
              onClick={() => {
                setIdOpen(false);
                set('idNumber', '');
              }}
              {...pressProps(() => {
                setIdOpen(false);
                set('idNumber', '');
              })}
            >
              {m.idCancel}
            </Text>
          </View>
        )}
      </View>

      {hasErrors ? (
        <View className="section">
          <Notice tone="error" title={m.formProblems} testId="form-problems" />
        </View>
      ) : null}

      <View className="section">
        <Button className="big-button" type="primary" block disabled={busy} onClick={() => void save()} data-testid="resident-save">
          {busy ? m.saving : m.save}
        </Button>
      </View>
    </PageShell>
  );
}
