import { Text, View } from '@tarojs/components';
import { replyDaysProblem, type ApiErrorBody, type ProposalSettings } from '@village/shared';
import { useEffect, useState } from 'react';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { canEditMatterSettings } from '../../../../services/api/matterSettings';
import { getProposalSettings, saveProposalSettings } from '../../../../services/api/proposals';
import { SettingsTop } from '../../settings/parts';
import { wholeNumber } from '../../utils/settings';
import '../../matters.css';
import '../../settings.css';

const s = messages.matterSettings;
const LABEL_MAX = 10;

export interface ProposalSettingsForm {
  replyDays: string;
  categories: ProposalSettings['categories'];
  newLabel: string;
}

/** The settings as typed, or the problem with the reply days in words (the server checks again). */
export function readProposalSettings(f: ProposalSettingsForm): { settings: ProposalSettings | null; problem: string | null } {
  const days = wholeNumber(f.replyDays);
  const problem = days === null ? s.wholeDays : replyDaysProblem(days);
  return { settings: problem === null ? { replyDays: days as number, categories: f.categories } : null, problem };
}

/** A category the village adds: its code is made here (people only ever see the name). */
export function withNewCategory(f: ProposalSettingsForm, now: number = Date.now()): { form: ProposalSettingsForm; problem: string | null } {
  const label = f.newLabel.trim();
  if (label === '') return { form: f, problem: s.required(s.categoryName) };
  if (Array.from(label).length > LABEL_MAX) return { form: f, problem: s.categoryTooLong(LABEL_MAX) };
  if (f.categories.some((c) => c.label === label)) return { form: f, problem: s.categoryExists(label) };
  const code = `own_${now.toString(36)}`;
  return { form: { ...f, newLabel: '', categories: [...f.categories, { code, label, builtin: false, enabled: true }] }, problem: null };
}

/**
 * 村民提议的设置: how many days the 两委 have to answer a proposal (default 10, as Sichuan's rule),
 * and the categories villagers choose from — built-in ones can be switched off (never 其他), the
 * village may add its own. 书记 and 村委会委员 change them; others read them.
 */
export default function ProposalSettingsPage() {
  const { roles } = useMe();
  const editor = canEditMatterSettings(roles);
  const [form, setForm] = useState<ProposalSettingsForm | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [labelProblem, setLabelProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<ProposalSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState(false);

  async function load(): Promise<void> {
    setLoadError(null);
    const r = await getProposalSettings();
    if (!r.ok) return setLoadError(r.error);
    setForm({ replyDays: String(r.data.replyDays), categories: r.data.categories, newLabel: '' });
  }

  useEffect(() => {
    void load();
  }, []);

  function change(next: ProposalSettingsForm): void {
    setForm(next);
    setDone(false);
  }

  function add(): void {
    if (!form) return;
    const r = withNewCategory(form);
    setLabelProblem(r.problem);
    if (!r.problem) change(r.form);
  }

  function ask(): void {
    if (!form) return;
    const r = readProposalSettings(form);
    setProblem(r.problem);
    if (r.settings) setAsking(r.settings);
  }

  async function save(): Promise<void> {
    if (!asking) return;
    setBusy(true);
    setError(null);
    const r = await saveProposalSettings(asking);
    setBusy(false);
    setAsking(null);
    if (!r.ok) return setError(r.error);
    setForm({ replyDays: String(r.data.replyDays), categories: r.data.categories, newLabel: '' });
    setDone(true);
  }

  return (
    <PageShell testId="proposal-settings-page">
      <SettingsTop
        title={s.proposalsTitle}
        intro={s.proposalsIntro}
        loaded={Boolean(form)}
        readOnly={!editor}
        loadError={loadError}
        onRetry={() => void load()}
        saveError={error}
        done={done ? s.saved : null}
        doneTestId="proposal-settings-saved"
      />
      {form ? (
        <View className="section ms-card">
          {editor ? (
            <TextField
              label={s.replyDaysLabel}
              hint={s.replyDaysHint}
              type="number"
              maxlength={2}
              value={form.replyDays}
              error={problem}
              onChange={(v) => {
                change({ ...form, replyDays: v });
                setProblem(null);
              }}
              testId="proposal-settings-days"
            />
          ) : (
            <Text className="ms-line matter-strong">{s.replyDaysLine(form.replyDays)}</Text>
          )}
          <ChoiceGroup label={s.categoriesLabel} testId="proposal-settings-categories">
            <Text className="ms-muted">{s.categoriesHint}</Text>
            {form.categories.map((c) => (
              <Choice
                key={c.code}
                label={`${c.label}${c.builtin ? '' : s.ownCategoryTag}`}
                hint={c.code === 'other' ? s.otherStays : c.enabled ? s.categoryOn : s.categoryOff}
                checked={c.enabled}
                disabled={!editor || c.code === 'other'}
                onSelect={() => {
                  if (!editor || c.code === 'other') return;
                  change({ ...form, categories: form.categories.map((x) => (x.code === c.code ? { ...x, enabled: !x.enabled } : x)) });
                }}
                testId={`proposal-settings-category-${c.code}`}
              />
            ))}
          </ChoiceGroup>
          {editor ? (
            <View>
              <TextField
                label={s.categoryName}
                hint={s.categoryNameHint}
                maxlength={LABEL_MAX}
                value={form.newLabel}
                error={labelProblem}
                onChange={(v) => {
                  change({ ...form, newLabel: v });
                  setLabelProblem(null);
                }}
                testId="proposal-settings-new"
              />
              <Button className="big-button ms-gap" type="primary" fill="outline" block onClick={add} data-testid="proposal-settings-add">
                {s.categoryAdd}
              </Button>
              <Button className="big-button ms-gap" type="primary" block disabled={busy} onClick={ask} data-testid="proposal-settings-save">
                {s.save}
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        title={s.proposalsConfirmTitle}
        confirmText={s.confirmSave}
        cancelText={s.cancel}
        busy={busy}
        onConfirm={() => void save()}
        onCancel={() => setAsking(null)}
        testId="proposal-settings-confirm"
      >
        {asking ? <Text className="ms-line">{s.proposalsConfirmBody(asking.replyDays, asking.categories.filter((c) => c.enabled).map((c) => c.label).join('、'))}</Text> : null}
      </ConfirmDialog>
    </PageShell>
  );
}
