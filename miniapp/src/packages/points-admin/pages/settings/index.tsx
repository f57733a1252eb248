import { Text, View } from '@tarojs/components';
import { formatPoints, parsePoints, pointsSettingsProblems, type ApiErrorBody, type PointsSettings } from '@village/shared';
import { useEffect, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ErrorState } from '../../../../components/ErrorState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { isCommittee } from '../../../../constants/roles';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { getPointsSettings, savePointsSettings } from '../../../../services/points';
import { LoadState, PageHeading } from '../../components/PageParts';
import '../../points-admin.css';

const m = messages.pointsAdmin.settings;
const VERSION_CONFLICT = 'POINTS_VERSION_CONFLICT';

interface Form {
  stars: string[];
  red: string;
  black: string;
  blackBelow: string;
  blackOnNegativeItem: boolean;
  windowDays: string;
  redeemers: PointsSettings['redeemers'];
}
type Errors = Partial<Record<'stars' | 'red' | 'black' | 'blackBelow' | 'windowDays', string>> & { rules?: string[] };

function formOf(s: PointsSettings): Form {
  return {
    stars: s.starThresholdsTenths.map(formatPoints),
    red: String(s.redSharePercent),
    black: String(s.blackSharePercent),
    blackBelow: s.blackBelowTenths === null ? '' : formatPoints(s.blackBelowTenths),
    blackOnNegativeItem: s.blackOnNegativeItem,
    windowDays: String(s.publicationWindowDays),
    redeemers: s.redeemers,
  };
}

const whole = (t: string): number | null => (/^\d{1,4}$/.test(t.trim()) ? Number(t) : null);

/**
 * The settings the form describes, or what is wrong: a box that is not a number is marked on the
 * box; the rest is the shared rule the server applies too (pointsSettingsProblems).
 */
function read(f: Form, version: number): { settings: PointsSettings; errors: null } | { settings: null; errors: Errors } {
  const e: Errors = {};
  const stars = f.stars.map((t) => parsePoints(t));
  if (stars.some((s) => s === null)) e.stars = m.starsInvalid;
  const red = whole(f.red);
  if (red === null) e.red = m.wholeNumber;
  const black = whole(f.black);
  if (black === null) e.black = m.wholeNumber;
  const below = f.blackBelow.trim() === '' ? null : parsePoints(f.blackBelow);
  if (f.blackBelow.trim() !== '' && below === null) e.blackBelow = m.belowInvalid;
  const days = whole(f.windowDays);
  if (days === null) e.windowDays = m.wholeNumber;
  if (Object.keys(e).length > 0) return { settings: null, errors: e };
  const settings: PointsSettings = {
    starThresholdsTenths: stars as number[],
    redSharePercent: red as number,
    blackSharePercent: black as number,
    blackBelowTenths: below,
    blackOnNegativeItem: f.blackOnNegativeItem,
    publicationWindowDays: days as number,
    redeemers: f.redeemers,
    version,
  };
  const problems = pointsSettingsProblems(settings);
  return problems.length > 0 ? { settings: null, errors: { rules: problems } } : { settings, errors: null };
}

/**
 * 积分设置 (两委 edit; others read): stars per quarter, the shares of the 红榜 and 黑榜, the 黑榜's
 * threshold and negative-list rule, how many days households may ask for 复议 after a 公示, and who
 * may redeem in the 积分超市 for a household.
 */
export default function SettingsPage() {
  const { roles } = useMe();
  const canEdit = isCommittee(roles);
  const loaded = useRequest(() => getPointsSettings(), []);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (loaded.status === 'success') setForm(formOf(loaded.data));
  }, [loaded.status, loaded.data]);

  function set<K extends keyof Form>(k: K, v: Form[K]): void {
    setForm((f) => (f ? { ...f, [k]: v } : f));
    setSaved(false);
    setErrors((e) => ({ ...e, [k]: undefined, rules: undefined }));
  }

  async function save(): Promise<void> {
    if (!form || loaded.status !== 'success') return;
    const r0 = read(form, loaded.data.version);
    if (!r0.settings) return setErrors(r0.errors);
    setBusy(true);
    setError(null);
    const r = await savePointsSettings(r0.settings);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      if (r.error.code === VERSION_CONFLICT) loaded.reload({ quiet: true });
      return;
    }
    setSaved(true);
    loaded.reload({ quiet: true });
  }

  return (
    <PageShell testId="points-settings-page">
      <PageHeading title={m.heading} intro={canEdit ? m.intro : m.readOnly} />
      <LoadState request={loaded} />
      {saved ? (
        <View className="section">
          <Notice tone="success" title={m.saved} testId="points-settings-saved" />
        </View>
      ) : null}
      {error ? (
        <View className="section">
          {error.code === VERSION_CONFLICT ? <Notice tone="warning" title={m.conflict} /> : <ErrorState error={error} title={m.failed} />}
        </View>
      ) : null}

      {form ? (
        <View>
          <View className="section pa-card">
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.starsTitle}
            </Text>
            <Text className="pa-muted">{m.starsHint}</Text>
            {form.stars.map((t, i) => (
              <TextField key={i} label={m.starLabel(i + 1)} value={t} disabled={!canEdit} onChange={(v) => set('stars', form.stars.map((x, j) => (j === i ? v : x)))} maxlength={6} testId={`points-settings-star-${i + 1}`} />
            ))}
            {errors.stars ? <Text className="pa-error">{errors.stars}</Text> : null}
          </View>

          <View className="section pa-card">
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.boardTitle}
            </Text>
            <TextField label={m.redLabel} hint={m.redHint} value={form.red} type="number" disabled={!canEdit} onChange={(v) => set('red', v)} error={errors.red} maxlength={3} testId="points-settings-red" />
            <TextField label={m.blackLabel} hint={m.blackHint} value={form.black} type="number" disabled={!canEdit} onChange={(v) => set('black', v)} error={errors.black} maxlength={3} testId="points-settings-black" />
            <TextField label={m.belowLabel} hint={m.belowHint} value={form.blackBelow} disabled={!canEdit} onChange={(v) => set('blackBelow', v)} error={errors.blackBelow} maxlength={6} testId="points-settings-below" />
            <ChoiceGroup label={m.negativeLabel}>
              <Choice label={m.negativeYes} checked={form.blackOnNegativeItem} disabled={!canEdit} onSelect={() => set('blackOnNegativeItem', true)} testId="points-settings-negative-yes" />
              <Choice label={m.negativeNo} checked={!form.blackOnNegativeItem} disabled={!canEdit} onSelect={() => set('blackOnNegativeItem', false)} testId="points-settings-negative-no" />
            </ChoiceGroup>
            <Text className="pa-muted">{m.boardRights}</Text>
          </View>

          <View className="section pa-card">
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.otherTitle}
            </Text>
            <TextField label={m.windowLabel} hint={m.windowHint} value={form.windowDays} type="number" disabled={!canEdit} onChange={(v) => set('windowDays', v)} error={errors.windowDays} maxlength={2} testId="points-settings-window" />
            <ChoiceGroup label={m.redeemersLabel}>
              <Choice label={m.redeemersRep} checked={form.redeemers === 'representative'} disabled={!canEdit} onSelect={() => set('redeemers', 'representative')} testId="points-settings-redeemers-rep" />
              <Choice label={m.redeemersAdult} checked={form.redeemers === 'adult_member'} disabled={!canEdit} onSelect={() => set('redeemers', 'adult_member')} testId="points-settings-redeemers-adult" />
            </ChoiceGroup>
          </View>

          {canEdit ? (
            <View className="section">
              {(errors.rules ?? []).map((p) => (
                <Text key={p} className="pa-error" data-testid="points-settings-problem">{`⚠ ${p}`}</Text>
              ))}
              <Button className="big-button" type="primary" block disabled={busy} onClick={() => void save()} data-testid="points-settings-save">
                {busy ? m.saving : m.save}
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
