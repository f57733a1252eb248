import { Text, View } from '@tarojs/components';
import { DECISION_BODY_LABELS, checkWorkflowPolicy, type ApiErrorBody, type MatterPolicyView } from '@village/shared';
import { useEffect, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { canEditMatterSettings, getMatterPolicy, saveMatterPolicy } from '../../../../services/api/matterSettings';
import { SettingsTop } from '../../settings/parts';
import { policyField, textProblems, wholeNumber, type PolicyField } from '../../utils/settings';
import '../../matters.css';
import '../../settings.css';

const s = messages.matterSettings;

const BODIES = ['villager_assembly', 'representative_assembly', 'party_assembly', 'committee_meeting'] as const;
type Body = (typeof BODIES)[number];

export interface PolicyForm {
  disclosureDays: string;
  lead: Record<Body, string>;
  partyReviewPassBasis: MatterPolicyView['partyReviewPassBasis'];
}

export function policyFormOf(p: MatterPolicyView): PolicyForm {
  return {
    disclosureDays: String(p.disclosureDays),
    lead: { villager_assembly: String(p.noticeLeadDays.villager_assembly), representative_assembly: String(p.noticeLeadDays.representative_assembly), party_assembly: String(p.noticeLeadDays.party_assembly), committee_meeting: String(p.noticeLeadDays.committee_meeting) },
    partyReviewPassBasis: p.partyReviewPassBasis,
  };
}

/** The policy typed in the form, or the problems field by field (checkWorkflowPolicy, as the server checks). */
export function readPolicyForm(f: PolicyForm): { policy: MatterPolicyView | null; errors: Partial<Record<PolicyField, string>> } {
  const errors: Partial<Record<PolicyField, string>> = {};
  const disclosure = wholeNumber(f.disclosureDays);
  if (disclosure === null) errors.disclosureDays = s.wholeDays;
  const lead = {} as Record<Body, number>;
  for (const b of BODIES) {
    const n = wholeNumber(f.lead[b]);
    if (n === null) errors[b] = s.wholeDays;
    else lead[b] = n;
  }
  if (Object.keys(errors).length > 0) return { policy: null, errors };
  const policy: MatterPolicyView = { disclosureDays: disclosure as number, noticeLeadDays: lead, partyReviewPassBasis: f.partyReviewPassBasis };
  for (const problem of checkWorkflowPolicy(policy)) {
    const field = policyField(problem) ?? 'disclosureDays';
    errors[field] = errors[field] ? `${errors[field]}；${problem}` : problem;
  }
  return { policy: Object.keys(errors).length > 0 ? null : policy, errors };
}

/**
 * 议事流程: 公示期, how many days ahead each kind of meeting is announced (村民会议 never below the
 * legal 10 days), and how the 党员大会 counts a pass. 书记 and 村委会委员 change them; everyone else
 * reads them as plain lines.
 */
export default function MatterPolicyPage() {
  const { roles } = useMe();
  const editor = canEditMatterSettings(roles);
  const [policy, setPolicy] = useState<MatterPolicyView | null>(null);
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  const [errors, setErrors] = useState<Partial<Record<PolicyField, string>>>({});
  const [asking, setAsking] = useState<MatterPolicyView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState(false);

  async function load(): Promise<void> {
    setLoadError(null);
    const r = await getMatterPolicy();
    if (!r.ok) return setLoadError(r.error);
    setPolicy(r.data);
    setForm(policyFormOf(r.data));
  }

  useEffect(() => {
    void load();
  }, []);

  function edit(change: (f: PolicyForm) => PolicyForm, field: PolicyField): void {
    setForm((f) => (f ? change(f) : f));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setDone(false);
  }

  function ask(): void {
    if (!form) return;
    const { policy: next, errors: found } = readPolicyForm(form);
    setErrors(found);
    if (next) setAsking(next);
  }

  async function save(): Promise<void> {
    if (!asking) return;
    setBusy(true);
    setError(null);
    const r = await saveMatterPolicy(asking);
    setBusy(false);
    setAsking(null);
    if (!r.ok) {
      const placed: Partial<Record<PolicyField, string>> = {};
      for (const p of textProblems(r.error.details)) {
        const field = policyField(p) ?? 'disclosureDays';
        placed[field] = placed[field] ? `${placed[field]}；${p}` : p;
      }
      setErrors(placed);
      setError(r.error);
      return;
    }
    setPolicy(r.data);
    setForm(policyFormOf(r.data));
    setDone(true);
  }

  return (
    <PageShell testId="matter-policy-page">
      <SettingsTop
        title={s.policyTitle}
        intro={s.policyIntro}
        loaded={Boolean(policy)}
        readOnly={!editor}
        loadError={loadError}
        onRetry={() => void load()}
        saveError={error}
        done={done ? s.saved : null}
        doneTestId="policy-saved"
      />

      {policy && !editor ? (
        <View className="section ms-card" data-testid="policy-readonly">
          <View className="ms-readonly" data-testid="policy-disclosure">
            <Text>{s.disclosureShort}</Text>
            <Text className="ms-readonly__value">{s.days(policy.disclosureDays)}</Text>
          </View>
          <Text className="ms-line ms-heading2">{s.noticeTitle}</Text>
          {BODIES.map((b) => (
            <View key={b} className="ms-readonly" data-testid={`policy-lead-${b}`}>
              <Text>{DECISION_BODY_LABELS[b]}</Text>
              <Text className="ms-readonly__value">{s.days(policy.noticeLeadDays[b])}</Text>
            </View>
          ))}
          <Text className="ms-muted">{s.noticeFloor}</Text>
          <Text className="ms-line ms-heading2">{s.partyBasisLabel}</Text>
          <Text className="ms-line" data-testid="policy-party-basis">
            {s.partyBasis[policy.partyReviewPassBasis]}
          </Text>
        </View>
      ) : null}

      {form && editor ? (
        <View className="section" data-testid="policy-form">
          <TextField
            label={s.disclosureLabel}
            hint={s.disclosureHint}
            type="number"
            value={form.disclosureDays}
            onChange={(v) => edit((f) => ({ ...f, disclosureDays: v }), 'disclosureDays')}
            error={errors.disclosureDays}
            maxlength={3}
            testId="policy-disclosure"
          />
          <Text className="ms-heading2 ms-group" {...roleProps('heading')} aria-level={2}>
            {s.noticeTitle}
          </Text>
          {BODIES.map((b) => (
            <TextField
              key={b}
              label={s.noticeLabel(DECISION_BODY_LABELS[b])}
              hint={b === 'villager_assembly' ? s.noticeFloor : b === 'committee_meeting' ? s.committeeHint : s.noticeRange}
              type="number"
              value={form.lead[b]}
              onChange={(v) => edit((f) => ({ ...f, lead: { ...f.lead, [b]: v } }), b)}
              error={errors[b]}
              maxlength={2}
              testId={`policy-lead-${b}`}
            />
          ))}
          <ChoiceGroup label={s.partyBasisLabel} testId="policy-party-basis">
            {(['all_members', 'present'] as const).map((basis) => (
              <Choice
                key={basis}
                label={s.partyBasis[basis]}
                checked={form.partyReviewPassBasis === basis}
                onSelect={() => edit((f) => ({ ...f, partyReviewPassBasis: basis }), 'partyReviewPassBasis')}
                testId={`policy-party-${basis}`}
              />
            ))}
          </ChoiceGroup>
          {errors.partyReviewPassBasis ? <Text className="ms-error">{errors.partyReviewPassBasis}</Text> : null}
          <Button className="big-button ms-gap" type="primary" block disabled={busy} onClick={ask} data-testid="policy-save">
            {busy ? s.saving : s.save}
          </Button>
        </View>
      ) : null}

      <ConfirmDialog
        open={asking !== null}
        title={s.policyConfirmTitle}
        confirmText={s.confirmSave}
        cancelText={s.cancel}
        busy={busy}
        onConfirm={() => void save()}
        onCancel={() => setAsking(null)}
        testId="policy-confirm"
      >
        <Text className="matter-para">{asking ? s.policySummary(asking.disclosureDays, asking.noticeLeadDays.villager_assembly) : ''}</Text>
        <Text className="matter-para">{s.policyConfirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
