import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  BALLOT_DESCRIPTION_MAX,
  BALLOT_OPTION_LABEL_MAX,
  BALLOT_OPTIONS_MAX,
  BALLOT_OPTIONS_MIN,
  BALLOT_SECRECIES,
  BALLOT_SECRECY_LABELS,
  BALLOT_TITLE_MAX,
  CHOICE_KIND_LABELS,
  DECISION_BODIES,
  DECISION_BODY_LABELS,
  ELECTORATES_BY_BODY,
  ELECTORATE_LABELS,
  MATTER_OVERRIDES,
  MATTER_OVERRIDE_LABELS,
  describeRule,
  type ApiErrorBody,
  type BallotDetail,
} from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { createBallot, updateBallot } from '../../../../services/api/ballots';
import { noteBallotsChanged } from '../../../../services/ballotEvents';
import { serverNowMs } from '../../../../services/ballotTime';
import type { Result } from '../../../../services/http';
import { AreaField } from '../../../../components/AreaField';
import { DateTimeField } from '../../../../components/DateTimeField';
import { PersonPicker } from '../../components/PersonPicker';
import { useBallot } from '../../hooks/useBallot';
import {
  allowsOverride,
  choiceKindsFor,
  emptyForm,
  formFieldOf,
  formFromBallot,
  toInput,
  validateForm,
  withBody,
  withChoiceKind,
  withOptions,
  type BallotForm,
  type FormErrors,
} from '../../utils/form';
import { clearFormDraft, readFormDraft, saveFormDraft } from '../../utils/formDraft';
import '../../ballots.css';

const m = messages.ballots;

/** VALIDATION_FAILED details from the server, on the form's fields. */
function serverFieldErrors(error: ApiErrorBody): FormErrors {
  const out: FormErrors = {};
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return out;
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, messages: texts } = item as { field?: unknown; messages?: unknown };
    if (typeof field !== 'string' || !Array.isArray(texts)) continue;
    const key = formFieldOf(field);
    const text = texts.filter((x): x is string => typeof x === 'string').join('；');
    if (key && text && !out[key]) out[key] = text;
  }
  return out;
}

/**
 * 发起表决 / 修改草稿 (committee): what is decided, by which body and who votes, the rule that follows
 * in words, 记名 or 无记名, how to vote (options for polls), when, and the 计票人/监票人 from the roster.
 * A new ballot's form is kept on the phone while it is written; it is saved as a draft, opened later.
 */
export default function BallotEditPage() {
  const router = useRouter();
  const ballotId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const existing = useBallot(ballotId);
  const [restored] = useState(() => (ballotId ? null : readFormDraft()));
  const [form, setForm] = useState<BallotForm | null>(() => (ballotId ? null : restored ?? emptyForm(serverNowMs())));
  const [showRestored, setShowRestored] = useState(Boolean(restored));
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const loadedVersion = useRef<number | null>(null);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: ballotId ? m.formEditTitle : m.formNewTitle });
  }, [ballotId]);

  useEffect(() => {
    const b = existing.state.ballot;
    if (b && loadedVersion.current === null) {
      loadedVersion.current = b.version;
      setForm(formFromBallot(b));
    }
  }, [existing.state.ballot]);

  useEffect(() => {
    if (!ballotId && form) saveFormDraft(form);
  }, [ballotId, form]);

  function change(next: BallotForm): void {
    setForm(next);
    setServerErrors({});
  }

  async function save(): Promise<void> {
    if (!form) return;
    setTried(true);
    setError(null);
    if (Object.keys(validateForm(form, serverNowMs())).length > 0) return;
    setBusy(true);
    const body = toInput(form);
    const result: Result<BallotDetail> = ballotId
      ? await updateBallot(ballotId, { ...body, version: existing.state.ballot?.version ?? loadedVersion.current ?? 0 })
      : await createBallot(body);
    setBusy(false);
    if (!result.ok) {
      setServerErrors(serverFieldErrors(result.error));
      setError(result.error);
      return;
    }
    noteBallotsChanged();
    if (ballotId) {
      void Taro.navigateBack();
    } else {
      clearFormDraft();
      void Taro.redirectTo({ url: withQuery(routes.ballotDetail, { id: result.data.id, saved: 1 }) });
    }
  }

  if (ballotId && existing.state.status !== 'ready') {
    return (
      <PageShell testId="ballot-edit-page">
        {existing.state.status === 'loading' ? <LoadingState /> : null}
        {existing.state.status === 'error' ? <ErrorState error={existing.state.error} onRetry={() => void existing.reload()} /> : null}
      </PageShell>
    );
  }
  if (!form) return <PageShell testId="ballot-edit-page" />;

  const errors: FormErrors = { ...(tried ? validateForm(form, serverNowMs()) : {}), ...serverErrors };
  const hasErrors = Object.keys(errors).length > 0;
  const kinds = choiceKindsFor(form.body);

  return (
    <PageShell testId="ballot-edit-page">
      <Text className="ballot-heading" {...roleProps('heading')} aria-level={1}>
        {ballotId ? m.formEditTitle : m.formNewTitle}
      </Text>
      <Text className="ballot-para">{m.formIntro}</Text>
      {showRestored ? (
        <View className="section">
          <Notice tone="info" title={m.draftRestored} testId="ballot-form-restored">
            <Button
              className="ballot-small-button ballot-gap"
              type="default"
              fill="outline"
              onClick={() => {
                clearFormDraft();
                setForm(emptyForm(serverNowMs()));
                setShowRestored(false);
                setTried(false);
              }}
            >
              {m.discardDraft}
            </Button>
          </Notice>
        </View>
      ) : null}

      <View className="section ballot-card">
        <TextField
          label={m.titleLabel}
          value={form.title}
          maxlength={BALLOT_TITLE_MAX}
          placeholder={m.titlePlaceholder}
          hint={m.titleHint(BALLOT_TITLE_MAX)}
          error={errors.title}
          onChange={(v) => change({ ...form, title: v })}
          testId="ballot-form-title"
        />
        <AreaField
          label={m.descriptionLabel}
          value={form.description}
          maxlength={BALLOT_DESCRIPTION_MAX}
          hint={m.descriptionHint(BALLOT_DESCRIPTION_MAX)}
          error={errors.description}
          onChange={(v) => change({ ...form, description: v })}
          testId="ballot-form-description"
        />
      </View>

      <View className="section ballot-card" data-testid="ballot-form-rule">
        <ChoiceGroup label={m.bodyLabel}>
          {DECISION_BODIES.map((body) => (
            <Choice
              key={body}
              label={DECISION_BODY_LABELS[body]}
              hint={m.bodyHints[body]}
              checked={form.body === body}
              onSelect={() => change(withBody(form, body))}
              compact
              testId={`ballot-form-body-${body}`}
            />
          ))}
        </ChoiceGroup>
        <ChoiceGroup label={m.electorateLabel}>
          {ELECTORATES_BY_BODY[form.body].map((e) => (
            <Choice key={e} label={ELECTORATE_LABELS[e]} checked={form.electorate === e} onSelect={() => change({ ...form, electorate: e })} compact testId={`ballot-form-electorate-${e}`} />
          ))}
        </ChoiceGroup>
        {allowsOverride(form.body) ? (
          <ChoiceGroup label={m.overrideLabel}>
            <Choice label={m.overrideNone} checked={form.override === null} onSelect={() => change({ ...form, override: null })} compact testId="ballot-form-override-none" />
            {MATTER_OVERRIDES.map((o) => (
              <Choice
                key={o}
                label={MATTER_OVERRIDE_LABELS[o]}
                hint={m.overrideHint}
                checked={form.override === o}
                onSelect={() => change({ ...form, override: o })}
                compact
                testId={`ballot-form-override-${o}`}
              />
            ))}
          </ChoiceGroup>
        ) : null}
        <Text className="ballot-para ballot-rule-explain" data-testid="ballot-form-rule-text">
          {m.ruleExplain(describeRule({ body: form.body, override: allowsOverride(form.body) ? form.override : null }))}
        </Text>
        {errors.rule ? <Text className="ballot-error">{errors.rule}</Text> : null}
      </View>

      <View className="section ballot-card">
        {kinds.length > 1 ? (
          <ChoiceGroup label={m.choiceKindLabel}>
            {kinds.map((k) => (
              <Choice
                key={k}
                label={CHOICE_KIND_LABELS[k]}
                hint={m.choiceKindHints[k]}
                checked={form.choiceKind === k}
                onSelect={() => change(withChoiceKind(form, k))}
                compact
                testId={`ballot-form-kind-${k}`}
              />
            ))}
          </ChoiceGroup>
        ) : (
          <Text className="ballot-para">{m.motionOnly}</Text>
        )}
        {form.choiceKind !== 'motion' ? (
          <View data-testid="ballot-form-options">
            <Text className="ballot-field-label">{m.optionsLabel}</Text>
            {form.options.map((o, i) => (
              <View key={i} className="ballot-option-edit">
                <TextField
                  label={m.optionLabel(i + 1)}
                  value={o}
                  maxlength={BALLOT_OPTION_LABEL_MAX}
                  onChange={(v) => change(withOptions(form, form.options.map((x, j) => (j === i ? v : x))))}
                  testId={`ballot-form-option-${i + 1}`}
                />
                {form.options.length > BALLOT_OPTIONS_MIN ? (
                  <Button
                    className="ballot-small-button"
                    type="default"
                    fill="outline"
                    onClick={() => change(withOptions(form, form.options.filter((_, j) => j !== i)))}
                    data-testid={`ballot-form-option-${i + 1}-remove`}
                  >
                    {m.removeOption(i + 1)}
                  </Button>
                ) : null}
              </View>
            ))}
            {errors.options ? <Text className="ballot-error">{errors.options}</Text> : null}
            {form.options.length < BALLOT_OPTIONS_MAX ? (
              <Button className="big-button ballot-gap" type="default" fill="outline" block onClick={() => change(withOptions(form, [...form.options, '']))} data-testid="ballot-form-add-option">
                {m.addOption}
              </Button>
            ) : null}
            {form.choiceKind === 'multiple' ? (
              <ChoiceGroup label={m.maxSelectionsLabel} row>
                {form.options.map((_, i) => (
                  <Choice
                    key={i}
                    label={m.maxSelectionsValue(i + 1)}
                    checked={form.maxSelections === i + 1}
                    onSelect={() => change({ ...form, maxSelections: i + 1 })}
                    compact
                    testId={`ballot-form-max-${i + 1}`}
                  />
                ))}
              </ChoiceGroup>
            ) : null}
            {errors.maxSelections ? <Text className="ballot-error">{errors.maxSelections}</Text> : null}
          </View>
        ) : null}
        <ChoiceGroup label={m.secrecyLabel}>
          {BALLOT_SECRECIES.map((s) => (
            <Choice
              key={s}
              label={BALLOT_SECRECY_LABELS[s]}
              hint={m.secrecyHints[s]}
              checked={form.secrecy === s}
              onSelect={() => change({ ...form, secrecy: s })}
              compact
              testId={`ballot-form-secrecy-${s}`}
            />
          ))}
        </ChoiceGroup>
      </View>

      <View className="section ballot-card">
        <DateTimeField
          label={m.opensLabel}
          day={form.opensDay}
          time={form.opensTime}
          onDay={(d) => change({ ...form, opensDay: d })}
          onTime={(t) => change({ ...form, opensTime: t })}
          error={errors.opens}
          testId="ballot-form-opens"
        />
        <DateTimeField
          label={m.closesLabel}
          day={form.closesDay}
          time={form.closesTime}
          onDay={(d) => change({ ...form, closesDay: d })}
          onTime={(t) => change({ ...form, closesTime: t })}
          error={errors.closes}
          testId="ballot-form-closes"
        />
      </View>

      <View className="section ballot-card" data-testid="ballot-form-tellers">
        <Text className="ballot-card__title" {...roleProps('heading')} aria-level={2}>
          {m.tellersTitle}
        </Text>
        <Text className="ballot-muted">{m.tellersHint}</Text>
        <PersonPicker label={m.tellerLabel} value={form.teller} onChange={(p) => change({ ...form, teller: p })} testId="ballot-form-teller" />
        <PersonPicker label={m.scrutineerLabel} value={form.scrutineer} onChange={(p) => change({ ...form, scrutineer: p })} testId="ballot-form-scrutineer" />
        {errors.tellers ? <Text className="ballot-error">{errors.tellers}</Text> : null}
      </View>

      <View className="section">
        {tried && hasErrors ? <Notice tone="error" title={m.fixFirst} testId="ballot-form-fix" /> : null}
        {error && Object.keys(serverErrors).length === 0 ? <ErrorState error={error} title={m.saveFailed} /> : null}
        <Button className="big-button ballot-gap" type="primary" block disabled={busy} onClick={() => void save()} data-testid="ballot-form-save">
          {busy ? m.saving : m.save}
        </Button>
      </View>
    </PageShell>
  );
}
