import { Text, View } from '@tarojs/components';
import type { ApiErrorBody, AssemblyAuthorizationView, AuthorizingMeetingView, MatterTypeView } from '@village/shared';
import { useEffect, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { beijingToday, dayText } from '../../../../services/dates';
import { listMatterTypes } from '../../../../services/api/matters';
import { canEditMatterSettings, grantAuthorization, listAuthorizations, listAuthorizingMeetings, revokeAuthorization } from '../../../../services/api/matterSettings';
import { DateTimeField } from '../../../../components/DateTimeField';
import { SettingsTop } from '../../settings/parts';
import { authorizationState, type AuthorizationState } from '../../utils/settings';
import '../../matters.css';
import '../../settings.css';

const s = messages.matterSettings;

const STATE_TAG: Record<AuthorizationState, { text: string; cls: string }> = {
  in_force: { text: s.authInForce, cls: 'ms-tag--ok' },
  expired: { text: s.authExpired, cls: 'ms-tag--plain' },
  revoked: { text: s.authRevoked, cls: 'ms-tag--bad' },
  pending: { text: s.authPending, cls: 'ms-tag--plain' },
};

type Dialog = { kind: 'grant' } | { kind: 'revoke'; authorization: AssemblyAuthorizationView } | null;

/**
 * 村民会议授权 (OL art. 24 第二款): what the 村民代表会议 may decide in the 村民会议's place, with each
 * authorization's state in words (✓ 有效 / ○ 已到期 / ✗ 已撤销). 书记 and 村委会委员 record a new one
 * (from a passed 村民会议) and record its withdrawal by a later 村民会议 — both confirmed first, since
 * neither can be undone here.
 */
export default function AuthorizationsPage() {
  const { roles } = useMe();
  const editor = canEditMatterSettings(roles);
  const today = beijingToday();
  const [list, setList] = useState<AssemblyAuthorizationView[] | null>(null);
  const [loadError, setLoadError] = useState<ApiErrorBody | null>(null);
  // the forms
  const [mode, setMode] = useState<'none' | 'grant' | { revoke: string }>('none');
  const [candidates, setCandidates] = useState<AuthorizingMeetingView[] | null>(null);
  const [candidatesError, setCandidatesError] = useState<ApiErrorBody | null>(null);
  const [types, setTypes] = useState<MatterTypeView[] | null>(null);
  const [meetingId, setMeetingId] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [forever, setForever] = useState(true);
  const [until, setUntil] = useState('');
  const [revokedOn, setRevokedOn] = useState(today);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function load(): Promise<void> {
    setLoadError(null);
    const r = await listAuthorizations();
    if (r.ok) setList(r.data);
    else setLoadError(r.error);
  }

  useEffect(() => {
    void load();
  }, []);

  async function openForm(next: 'grant' | { revoke: string }): Promise<void> {
    setMode(next);
    setMeetingId('');
    setCodes([]);
    setForever(true);
    setUntil('');
    setRevokedOn(today);
    setErrors({});
    setError(null);
    setDone(null);
    if (next === 'grant' && !types) {
      const t = await listMatterTypes();
      if (t.ok) setTypes(t.data);
      else setCandidatesError(t.error);
    }
    if (!candidates) {
      setCandidatesError(null);
      const c = await listAuthorizingMeetings();
      if (c.ok) setCandidates(c.data);
      else setCandidatesError(c.error);
    }
  }

  const canRecord = Boolean(candidates && candidates.length > 0);
  const grantable = types?.filter((t) => t.decisionMode === 'assembly_or_authorized_reps') ?? [];
  const labelsOf = (list: readonly string[]) => list.map((c) => types?.find((t) => t.code === c)?.label ?? c).join('、');

  function askGrant(): void {
    const e: Record<string, string | undefined> = {};
    if (!meetingId) e.meeting = s.meetingMissing;
    if (codes.length === 0) e.types = s.typesMissing;
    if (!forever && !until) e.until = s.untilMissing;
    setErrors(e);
    if (Object.values(e).some(Boolean)) return;
    setDialog({ kind: 'grant' });
  }

  function askRevoke(a: AssemblyAuthorizationView): void {
    const e: Record<string, string | undefined> = {};
    if (!meetingId) e.meeting = s.meetingMissing;
    setErrors(e);
    if (e.meeting) return;
    setDialog({ kind: 'revoke', authorization: a });
  }

  async function confirm(): Promise<void> {
    if (!dialog) return;
    setBusy(true);
    setError(null);
    const r =
      dialog.kind === 'grant'
        ? await grantAuthorization({ meetingId, typeCodes: codes, expiresOn: forever ? null : until })
        : await revokeAuthorization(dialog.authorization.id, { meetingId, revokedOn });
    setBusy(false);
    const kind = dialog.kind;
    setDialog(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setList(r.data);
    setMode('none');
    setDone(kind === 'grant' ? s.granted : s.revoked);
  }

  const meetingPicker = (
    <View data-testid="auth-meetings">
      {candidatesError ? <ErrorState error={candidatesError} onRetry={() => void openForm(mode === 'none' ? 'grant' : mode)} /> : null}
      {!candidates && !candidatesError ? <LoadingState label={s.meetingsLoading} /> : null}
      {candidates && candidates.length === 0 ? (
        <Notice tone="warning" title={s.meetingsNone} testId="auth-meetings-none" />
      ) : null}
      {candidates && candidates.length > 0 ? (
        <ChoiceGroup label={mode === 'grant' ? s.meetingLabel : s.revokeMeetingLabel}>
          <Text className="ms-muted">{s.meetingHint}</Text>
          {candidates.map((c) => (
            <Choice key={c.meetingId} label={s.meetingLine(dayText(c.heldOn), c.matterTitle)} checked={meetingId === c.meetingId} onSelect={() => setMeetingId(c.meetingId)} testId={`auth-meeting-${c.meetingId}`} />
          ))}
        </ChoiceGroup>
      ) : null}
      {errors.meeting ? <Text className="ms-error">{errors.meeting}</Text> : null}
    </View>
  );

  return (
    <PageShell testId="matter-authorizations-page">
      <SettingsTop
        title={s.authTitle}
        intro={s.authIntro}
        loaded={Boolean(list)}
        readOnly={!editor}
        loadError={loadError}
        onRetry={() => void load()}
        saveError={error}
        done={done}
        doneTestId="auth-done"
      />

      {list && editor ? (
        <View className="section">
          {mode === 'grant' ? (
            <View className="ms-form" data-testid="auth-grant-form">
              <Text className="ms-heading2" {...roleProps('heading')} aria-level={2}>
                {s.grantTitle}
              </Text>
              {meetingPicker}
              {canRecord ? (
                <View>
                {types ? (
                  <ChoiceGroup label={s.typesLabel} testId="auth-types">
                    <Text className="ms-muted">{s.typesHint}</Text>
                    {grantable.length === 0 ? <Text className="ms-line">{s.noGrantableTypes}</Text> : null}
                    {grantable.map((t) => (
                      <Choice
                        key={t.code}
                        label={t.label}
                        checked={codes.includes(t.code)}
                        onSelect={() => {
                          setCodes((c) => (c.includes(t.code) ? c.filter((x) => x !== t.code) : [...c, t.code]));
                          setErrors((e) => ({ ...e, types: undefined }));
                        }}
                        testId={`auth-type-${t.code}`}
                      />
                    ))}
                  </ChoiceGroup>
                ) : null}
                {errors.types ? <Text className="ms-error">{errors.types}</Text> : null}
                <ChoiceGroup label={s.untilLabel} testId="auth-until">
                  <Choice label={s.untilForever} checked={forever} onSelect={() => setForever(true)} testId="auth-until-forever" />
                  <Choice label={s.untilDay} checked={!forever} onSelect={() => setForever(false)} testId="auth-until-day" />
                </ChoiceGroup>
                {!forever ? <DateTimeField label={s.untilPick} day={until} start={today} onDay={setUntil} error={errors.until} testId="auth-until-date" /> : null}
                <Button className="big-button ms-gap" type="primary" block disabled={busy} onClick={askGrant} data-testid="auth-grant-submit">
                  {s.grantSubmit}
                </Button>
                </View>
              ) : null}
              <Button className="big-button ms-gap" type="default" fill="outline" block disabled={busy} onClick={() => setMode('none')}>
                {s.addClose}
              </Button>
            </View>
          ) : (
            <Button className="big-button" type="primary" block onClick={() => void openForm('grant')} data-testid="auth-grant-open">
              {s.grantOpen}
            </Button>
          )}
        </View>
      ) : null}

      {list && list.length === 0 ? (
        <View className="section">
          <Notice tone="info" title={s.authEmpty} testId="auth-empty" />
        </View>
      ) : null}
      {list?.map((a) => {
        const state = authorizationState(a, today);
        const revoking = typeof mode === 'object' && mode.revoke === a.id;
        return (
          <View key={a.id} className="ms-card" data-testid={`auth-${a.id}`}>
            <View className="ms-tags">
              <Text className={`ms-tag ${STATE_TAG[state].cls}`}>{STATE_TAG[state].text}</Text>
            </View>
            <Text className="ms-line matter-strong">{s.authTypes(a.types.map((t) => t.label).join('、'))}</Text>
            <Text className="ms-line">{s.authGranted(dayText(a.grantedOn), a.grantedBy.matterTitle)}</Text>
            <Text className="ms-line">
              {a.revokedOn ? s.authRevokedOn(dayText(a.revokedOn)) : a.expiresOn ? (state === 'expired' ? s.authExpiredOn(dayText(a.expiresOn)) : s.authUntil(dayText(a.expiresOn))) : s.authNoEnd}
            </Text>
            {editor && state === 'in_force' && !revoking ? (
              <Button className="ms-small-button" type="default" fill="outline" onClick={() => void openForm({ revoke: a.id })} data-testid={`auth-revoke-open-${a.id}`}>
                {s.revoke}
              </Button>
            ) : null}
            {revoking ? (
              <View className="ms-form" data-testid="auth-revoke-form">
                <Text className="ms-heading2" {...roleProps('heading')} aria-level={2}>
                  {s.revokeTitle}
                </Text>
                {meetingPicker}
                {canRecord ? (
                  <View>
                    <DateTimeField label={s.revokeDayLabel} day={revokedOn} start={a.grantedOn} onDay={setRevokedOn} testId="auth-revoke-date" />
                    <Button className="big-button ms-gap ms-danger" type="primary" block disabled={busy} onClick={() => askRevoke(a)} data-testid="auth-revoke-submit">
                      {s.revoke}
                    </Button>
                  </View>
                ) : null}
                <Button className="big-button ms-gap" type="default" fill="outline" block disabled={busy} onClick={() => setMode('none')}>
                  {s.addClose}
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}

      <ConfirmDialog
        open={dialog !== null}
        title={dialog?.kind === 'revoke' ? s.revokeConfirmTitle : s.grantConfirmTitle}
        confirmText={dialog?.kind === 'revoke' ? s.confirmRevoke : s.confirmGrant}
        cancelText={s.cancel}
        danger={dialog?.kind === 'revoke'}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setDialog(null)}
        testId="auth-confirm"
      >
        <Text className="matter-para">
          {dialog?.kind === 'revoke'
            ? s.revokeConfirmBody(dialog.authorization.types.map((t) => t.label).join('、'))
            : s.grantConfirmBody(labelsOf(codes), forever ? s.authNoEnd : s.authUntil(dayText(until)))}
        </Text>
      </ConfirmDialog>
    </PageShell>
  );
}
