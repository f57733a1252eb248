import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ApiErrorBody, ConfirmCountInput, MatterDetail, MatterMeetingView, MotionCounts } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { confirmMeetingCount } from '../../../../services/api/matters';
import { useMatter } from '../../hooks/useMatter';
import { backToMatter, noteMatterChanged } from '../../utils/changes';
import { awaitingConfirmation } from '../../utils/count';
import { parseCount } from '../../utils/format';
import '../../matters.css';

const m = messages.matters;
const KEYS = ['for', 'against', 'abstain'] as const;
type CountForm = Record<(typeof KEYS)[number], string>;

/**
 * 监票人核对计票: the counts the teller entered from the paper ballots, in large type; the scrutineer
 * either confirms them as they are, or writes the numbers they counted — which replace the teller's
 * and must be confirmed again once the two agree. Only then can the meeting be 计入流程.
 */
export default function CountPage() {
  const router = useRouter();
  const matterId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const meetingId = router.params.meeting ? decodeURIComponent(router.params.meeting) : undefined;
  const { me } = useMe();
  const { state, reload, replace } = useMatter(matterId);
  const meeting = state.matter?.meetings.find((x) => x.id === meetingId);

  return (
    <PageShell testId="matter-count-page">
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1}>
        {m.countTitle}
      </Text>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void reload()} /> : null}
      {state.matter && !meeting ? <Notice tone="warning" title={m.countNoMeeting} testId="matter-count-missing" /> : null}
      {state.matter && meeting ? <CountBody matter={state.matter} meeting={meeting} myResidentId={me?.resident?.id ?? null} onSaved={replace} /> : null}
    </PageShell>
  );
}

function CountBody({ matter, meeting, myResidentId, onSaved }: { matter: MatterDetail; meeting: MatterMeetingView; myResidentId: string | null; onSaved: (m: MatterDetail) => void }) {
  const paper = meeting.count?.kind === 'paper' ? meeting.count : null;
  const mine = Boolean(paper?.scrutineer && paper.scrutineer.id === myResidentId);
  const counts = meeting.counts;
  const [correcting, setCorrecting] = useState(false);
  const [form, setForm] = useState<CountForm>({ for: '', against: '', abstain: '' });
  const [errors, setErrors] = useState<Partial<CountForm>>({});
  const [asking, setAsking] = useState<ConfirmCountInput | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  // What the dialog asks to confirm: the corrected numbers, or the teller's as they stand.
  const shown = asking?.counts ?? counts;

  async function send(input: ConfirmCountInput): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await confirmMeetingCount(matter.id, meeting.id, input);
    setBusy(false);
    setAsking(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const corrected = input.counts !== undefined;
    if (!corrected) {
      noteMatterChanged(matter.id, m.countConfirmed);
      backToMatter(matter.id);
      return;
    }
    // The corrected numbers now stand; the scrutineer confirms them once the teller agrees.
    onSaved(result.data);
    setCorrecting(false);
    setForm({ for: '', against: '', abstain: '' });
  }

  function askCorrection(): void {
    const found: Partial<CountForm> = {};
    const parsed: Partial<MotionCounts> = {};
    for (const k of KEYS) {
      const n = parseCount(form[k]);
      if (n === null) found[k] = m.numberInvalid;
      else parsed[k] = n;
    }
    setErrors(found);
    if (Object.keys(found).length === 0) setAsking({ counts: parsed as MotionCounts });
  }

  return (
    <View>
      <Text className="matter-line matter-strong" data-testid="matter-count-matter">
        {matter.title}
      </Text>
      <Text className="matter-line">{m.countMeeting(meeting.purposeLabel, meeting.heldOn ?? '')}</Text>
      {paper?.teller && paper.scrutineer ? <Text className="matter-muted">{m.countFromPaper(paper.teller.name, paper.scrutineer.name)}</Text> : null}
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}

      {counts ? (
        <View className="section matter-card" data-testid="matter-count-entered">
          <Text className="matter-card__title" {...roleProps('heading')} aria-level={2}>
            {m.countEntered}
          </Text>
          {meeting.attendance ? <Text className="matter-line">{m.attendance(meeting.attendance.present, meeting.attendance.eligible, '')}</Text> : null}
          {KEYS.map((k) => (
            <Text key={k} className="matter-count-line" data-testid={`matter-count-${k}`}>
              {m.countLine(m.countWords[k], counts[k])}
            </Text>
          ))}
        </View>
      ) : null}

      {!awaitingConfirmation(meeting) ? (
        <Notice tone="success" title={paper?.confirmedAt ? m.countAlreadyConfirmed : m.countNothingToConfirm} testId="matter-count-done" />
      ) : !mine ? (
        <Notice tone="info" title={m.countOnlyScrutineer(paper?.scrutineer?.name ?? '')} testId="matter-count-not-mine" />
      ) : (
        <View className="section" data-testid="matter-count-next">
          <Text className="matter-para">{m.countAsk}</Text>
          <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={() => setAsking({})} data-testid="matter-count-confirm">
            {m.countRight}
          </Button>
          {!correcting ? (
            <Button className="big-button matter-gap" type="default" fill="outline" block onClick={() => setCorrecting(true)} data-testid="matter-count-correct">
              {m.countWrong}
            </Button>
          ) : (
            <View className="matter-card" data-testid="matter-count-form">
              <Text className="matter-para">{m.countCorrectIntro}</Text>
              {KEYS.map((k) => (
                <TextField
                  key={k}
                  label={m.countWords[k]}
                  value={form[k]}
                  type="number"
                  maxlength={6}
                  error={errors[k]}
                  onChange={(v) => {
                    setForm((f) => ({ ...f, [k]: v }));
                    setErrors((e) => ({ ...e, [k]: undefined }));
                  }}
                  testId={`matter-count-input-${k}`}
                />
              ))}
              <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={askCorrection} data-testid="matter-count-submit">
                {m.countSubmitCorrection}
              </Button>
            </View>
          )}
        </View>
      )}

      <ConfirmDialog
        open={asking !== null}
        title={asking?.counts ? m.countCorrectTitle : m.countConfirmTitle}
        confirmText={m.confirmSubmit}
        cancelText={m.confirmBack}
        busy={busy}
        onConfirm={() => asking && void send(asking)}
        onCancel={() => setAsking(null)}
        testId="matter-count-dialog"
      >
        {shown ? (
          <View>
            {KEYS.map((k) => (
              <Text key={k} className="matter-para matter-strong">
                {m.countLine(m.countWords[k], shown[k])}
              </Text>
            ))}
          </View>
        ) : null}
        <Text className="matter-para">{asking?.counts ? m.countCorrectBody : m.countConfirmBody}</Text>
      </ConfirmDialog>
    </View>
  );
}
