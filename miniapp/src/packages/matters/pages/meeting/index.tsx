import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  MATTER_PHOTOS_MAX,
  DECISION_BODY_LABELS,
  ELECTORATES_BY_BODY,
  ELECTORATE_LABELS,
  MATTER_MINUTES_MAX,
  MATTER_PLACE_MAX,
  MEETING_BODIES,
  MEETING_EVENTS,
  MEETING_EVENT_PURPOSE,
  MEETING_PURPOSE_LABELS,
  checkMeetingNotice,
  type ApiErrorBody,
  type BallotListItem,
  type DecisionBody,
  type Electorate,
  type MatterDetail,
  type MatterFile,
  type MatterMeetingView,
  type MeetingEventType,
  type RecordMeetingInput,
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
import { listBallots } from '../../../../services/api/ballots';
import { advanceMatter, recordMeeting, scheduleMeeting, uploadMatterFile } from '../../../../services/api/matters';
import { AreaField } from '../../../../components/AreaField';
import { MeetingCard } from '../../components/MeetingCard';
import { PeoplePicker, type Person } from '../../components/PeoplePicker';
import { PhotoPicker } from '../../../../components/PhotoPicker';
import { useMatter } from '../../hooks/useMatter';
import { backToMatter, noteMatterChanged } from '../../utils/changes';
import { beijingToday, isDay, parseBeijingTime, parseCount } from '../../utils/format';
import '../../matters.css';

const m = messages.matters;

/** The meeting this page works on: the newest announced or held one for the purpose at the current revision. */
export function openMeeting(matter: MatterDetail, event: MeetingEventType): MatterMeetingView | null {
  const purpose = MEETING_EVENT_PURPOSE[event];
  const list = matter.meetings.filter((mt) => mt.purpose === purpose && (mt.status === 'scheduled' || mt.status === 'held') && mt.revision === matter.currentRevision);
  return list[list.length - 1] ?? null;
}

/** The bodies that may hold it: the matter's deciding bodies for stage 4 (授权 considered by the server). */
export function bodiesFor(matter: MatterDetail, event: MeetingEventType): readonly DecisionBody[] {
  const purpose = MEETING_EVENT_PURPOSE[event];
  return purpose === 'assembly_resolution' && matter.decision.bodies.length > 0 ? matter.decision.bodies : MEETING_BODIES[purpose];
}

/**
 * 登记会议, in three steps on one page: 通知开会 (who meets, when, where, the day of the notice —
 * with the 10-day warning for a 村民会议 at once), 登记会议情况 (held on, who came, the counts from a
 * closed ballot or from the paper count, who signed, the minutes), and 计入流程 (the server judges
 * quorum and threshold; a refusal stays here in its words and the record is kept).
 */
export default function MatterMeetingPage() {
  const router = useRouter();
  const matterId = router.params.id ? decodeURIComponent(router.params.id) : undefined;
  const event = (MEETING_EVENTS as readonly string[]).includes(router.params.event ?? '') ? (router.params.event as MeetingEventType) : null;
  const { state, reload } = useMatter(matterId);
  const matter = state.matter;

  if (!matterId || !event) {
    return (
      <PageShell testId="matter-meeting-page">
        <Notice tone="warning" title={m.notFoundTitle} />
      </PageShell>
    );
  }
  const meeting = matter ? openMeeting(matter, event) : null;
  return (
    <PageShell testId="matter-meeting-page">
      <Text className="matter-heading" {...roleProps('heading')} aria-level={1}>
        {m.meetingTitle}
      </Text>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void reload()} /> : null}
      {matter ? (
        <View className="section">
          <Text className="matter-line matter-strong">{matter.title}</Text>
          <Text className="matter-line">{m.meetingPurpose(MEETING_PURPOSE_LABELS[MEETING_EVENT_PURPOSE[event]])}</Text>
          <Text className="matter-muted">{m.meetingRevision(matter.currentRevision)}</Text>
          {meeting ? <MeetingCard meeting={meeting} /> : null}
          {!meeting ? <ScheduleForm matter={matter} event={event} onDone={() => void reload({ quiet: true })} /> : null}
          {meeting?.status === 'scheduled' ? <RecordForm matter={matter} meeting={meeting} onDone={() => void reload({ quiet: true })} /> : null}
          {meeting?.status === 'held' ? <SubmitStep matter={matter} meeting={meeting} event={event} /> : null}
        </View>
      ) : null}
    </PageShell>
  );
}

function ScheduleForm({ matter, event, onDone }: { matter: MatterDetail; event: MeetingEventType; onDone: () => void }) {
  const bodies = bodiesFor(matter, event);
  const [body, setBody] = useState<DecisionBody>(bodies[0]);
  const electorates = ELECTORATES_BY_BODY[body];
  const [electorate, setElectorate] = useState<Electorate>(electorates[0]);
  const [whenDay, setWhenDay] = useState('');
  const [whenTime, setWhenTime] = useState('09:00');
  const [place, setPlace] = useState('');
  const [noticeOn, setNoticeOn] = useState(beijingToday());
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    if (!ELECTORATES_BY_BODY[body].includes(electorate)) setElectorate(ELECTORATES_BY_BODY[body][0]);
  }, [body, electorate]);

  const at = isDay(whenDay) ? parseBeijingTime(`${whenDay} ${whenTime}`) : null;
  const warning = at && isDay(noticeOn) && body !== 'poll' ? checkMeetingNotice(body, noticeOn, whenDay) : null;

  async function save(): Promise<void> {
    const found: Record<string, string | undefined> = {};
    if (!at) found.when = m.whenInvalid;
    if (place.trim() === '') found.place = m.required(m.placeLabel);
    if (noticeOn !== '' && !isDay(noticeOn)) found.noticeOn = m.dateInvalid;
    setErrors(found);
    if (Object.values(found).some(Boolean) || !at) return;
    setBusy(true);
    setError(null);
    const r = await scheduleMeeting(matter.id, { purpose: MEETING_EVENT_PURPOSE[event], body, electorate, scheduledAt: at, place: place.trim(), noticeGivenOn: noticeOn || null });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone();
  }

  return (
    <View className="section matter-card" data-testid="matter-schedule">
      <Text className="matter-card__title">{m.scheduleTitle}</Text>
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
      {bodies.length > 1 ? (
        <ChoiceGroup label={m.bodyChoice}>
          {bodies.map((b) => (
            <Choice key={b} label={DECISION_BODY_LABELS[b]} checked={body === b} onSelect={() => setBody(b)} testId={`matter-body-${b}`} />
          ))}
        </ChoiceGroup>
      ) : (
        <Text className="matter-line">{`${m.bodyChoice}：${DECISION_BODY_LABELS[body]}`}</Text>
      )}
      {electorates.length > 1 ? (
        <ChoiceGroup label={m.electorateChoice}>
          {electorates.map((e) => (
            <Choice key={e} label={ELECTORATE_LABELS[e]} checked={electorate === e} onSelect={() => setElectorate(e)} testId={`matter-electorate-${e}`} />
          ))}
        </ChoiceGroup>
      ) : (
        <Text className="matter-line">{`${m.electorateChoice}：${ELECTORATE_LABELS[electorate]}`}</Text>
      )}
      <DateTimeField label={m.whenLabel} day={whenDay} onDay={setWhenDay} time={whenTime} onTime={setWhenTime} error={errors.when} testId="matter-schedule-when" />
      <TextField label={m.placeLabel} value={place} onChange={(v) => setPlace(v)} error={errors.place} maxlength={MATTER_PLACE_MAX} testId="matter-schedule-place" />
      <DateTimeField label={m.noticeOnLabel} day={noticeOn} onDay={setNoticeOn} end={beijingToday()} error={errors.noticeOn} testId="matter-schedule-notice" />
      {warning ? (
        <Text className="matter-warn" data-testid="matter-schedule-warning">
          {m.noticeWarning(warning.reason)}
        </Text>
      ) : null}
      <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={() => void save()} data-testid="matter-schedule-save">
        {busy ? m.submitting : m.scheduleButton}
      </Button>
    </View>
  );
}

interface RecordFields {
  heldOn: string;
  minutes: string;
  kind: 'ballot' | 'paper';
  ballotId: string | null;
  present: string;
  eligible: string;
  for: string;
  against: string;
  abstain: string;
  attendees: Person[];
  signers: Person[];
  teller: Person[];
  scrutineer: Person[];
  photos: MatterFile[];
}

/** The record to send, or the problems in words. */
export function buildRecord(f: RecordFields, revision: number): { input: RecordMeetingInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!isDay(f.heldOn)) errors.heldOn = m.dateInvalid;
  if (f.minutes.trim() === '') errors.minutes = m.required(m.minutesLabel);
  if (f.signers.length === 0) errors.signers = m.required(m.signersLabel);
  if (f.photos.length === 0) errors.photos = m.photosMissing;
  let count: RecordMeetingInput['count'] | null = null;
  if (f.kind === 'ballot') {
    if (!f.ballotId) errors.ballot = m.required(m.ballotPick);
    else count = { kind: 'ballot', ballotId: f.ballotId };
  } else {
    const n = { present: parseCount(f.present), eligible: parseCount(f.eligible), for: parseCount(f.for), against: parseCount(f.against), abstain: parseCount(f.abstain) };
    for (const [k, v] of Object.entries(n)) if (v === null) errors[k] = m.numberInvalid;
    if (Object.values(n).every((v) => v !== null)) {
      count = {
        kind: 'paper',
        turnout: { eligible: n.eligible!, participated: n.present! },
        counts: { for: n.for!, against: n.against!, abstain: n.abstain! },
        tellerResidentId: f.teller[0]?.id ?? null,
        scrutineerResidentId: f.scrutineer[0]?.id ?? null,
      };
    }
  }
  if (Object.keys(errors).length > 0 || !count) return { input: null, errors };
  return {
    input: {
      heldOn: f.heldOn,
      revision,
      attendeeResidentIds: f.attendees.map((p) => p.id),
      minutes: f.minutes,
      signInSheetPhotoIds: f.photos.map((p) => p.id),
      signerResidentIds: f.signers.map((p) => p.id),
      count,
    },
    errors,
  };
}

function RecordForm({ matter, meeting, onDone }: { matter: MatterDetail; meeting: MatterMeetingView; onDone: () => void }) {
  const [f, setF] = useState<RecordFields>({
    heldOn: beijingToday(Date.parse(meeting.scheduledAt)),
    minutes: '',
    kind: meeting.body === 'committee_meeting' ? 'paper' : 'ballot',
    ballotId: null,
    present: '',
    eligible: '',
    for: '',
    against: '',
    abstain: '0',
    attendees: [],
    signers: [],
    teller: [],
    scrutineer: [],
    photos: [],
  });
  const [ballots, setBallots] = useState<BallotListItem[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const set = <K extends keyof RecordFields>(k: K, v: RecordFields[K]) => setF((x) => ({ ...x, [k]: v }));

  useEffect(() => {
    if (f.kind !== 'ballot' || ballots) return;
    void listBallots({ status: 'closed', pageSize: 50 }).then((r) => setBallots(r.ok ? r.data.items : []));
  }, [f.kind, ballots]);

  async function save(): Promise<void> {
    const { input, errors: found } = buildRecord(f, matter.currentRevision);
    setErrors(found);
    if (!input) return;
    setBusy(true);
    setError(null);
    const r = await recordMeeting(matter.id, meeting.id, input);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone();
  }

  const num = (k: 'present' | 'eligible' | 'for' | 'against' | 'abstain', label: string) => (
    <TextField label={label} type="number" value={f[k]} onChange={(v) => set(k, v)} error={errors[k]} maxlength={7} testId={`matter-record-${k}`} />
  );

  return (
    <View className="section matter-card" data-testid="matter-record">
      <Text className="matter-card__title">{m.recordTitle}</Text>
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
      <DateTimeField label={m.heldOnLabel} day={f.heldOn} onDay={(d) => set('heldOn', d)} end={beijingToday()} error={errors.heldOn} testId="matter-record-held" />
      <ChoiceGroup label={m.countKind}>
        <Choice label={m.countBallot} hint={m.countBallotHint} checked={f.kind === 'ballot'} onSelect={() => set('kind', 'ballot')} testId="matter-record-kind-ballot" />
        <Choice label={m.countPaper} hint={m.countPaperHint} checked={f.kind === 'paper'} onSelect={() => set('kind', 'paper')} testId="matter-record-kind-paper" />
      </ChoiceGroup>
      {f.kind === 'ballot' ? (
        <ChoiceGroup label={m.ballotPick} testId="matter-record-ballots">
          {ballots === null ? <LoadingState /> : null}
          {ballots && ballots.length === 0 ? <Text className="matter-para">{m.noClosedBallots}</Text> : null}
          {ballots?.map((b) => (
            <Choice key={b.id} label={b.title} checked={f.ballotId === b.id} onSelect={() => set('ballotId', b.id)} testId={`matter-record-ballot-${b.id}`} />
          ))}
          {errors.ballot ? <Text className="matter-error">{errors.ballot}</Text> : null}
        </ChoiceGroup>
      ) : (
        <View>
          {num('eligible', m.eligibleLabel)}
          {num('present', m.presentLabel)}
          {num('for', m.forLabel)}
          {num('against', m.againstLabel)}
          {num('abstain', m.abstainLabel)}
          {meeting.body !== 'committee_meeting' ? (
            <View>
              <PeoplePicker label={m.tellerLabel} single value={f.teller} onChange={(p) => set('teller', p)} testId="matter-record-teller" />
              <PeoplePicker label={m.scrutineerLabel} single value={f.scrutineer} onChange={(p) => set('scrutineer', p)} testId="matter-record-scrutineer" />
            </View>
          ) : null}
        </View>
      )}
      <PeoplePicker label={m.attendees} value={f.attendees} onChange={(p) => set('attendees', p)} testId="matter-record-attendees" />
      <PeoplePicker label={m.signersLabel} value={f.signers} onChange={(p) => set('signers', p)} error={errors.signers} testId="matter-record-signers" />
      <PhotoPicker label={m.signInPhotos} max={MATTER_PHOTOS_MAX} upload={uploadMatterFile} value={f.photos} onChange={(p) => set('photos', p)} error={errors.photos} testId="matter-record-photos" />
      <AreaField label={m.minutesLabel} value={f.minutes} onChange={(v) => set('minutes', v)} error={errors.minutes} maxlength={MATTER_MINUTES_MAX} testId="matter-record-minutes" />
      <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={() => void save()} data-testid="matter-record-save">
        {busy ? m.submitting : m.recordButton}
      </Button>
    </View>
  );
}

function SubmitStep({ matter, meeting, event }: { matter: MatterDetail; meeting: MatterMeetingView; event: MeetingEventType }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const action = matter.actions.find((a) => a.event === event);

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    const r = await advanceMatter(matter.id, { event: { type: event, meetingId: meeting.id }, version: matter.version });
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setError(r.error);
    noteMatterChanged(matter.id, m.eventSubmitted);
    backToMatter(matter.id);
  }

  return (
    <View className="section matter-card" data-testid="matter-submit">
      <Text className="matter-card__title">{m.submitTitle}</Text>
      {error ? <ErrorState error={error} title={m.actionFailed} /> : null}
      {action && !action.allowed
        ? action.unmet.map((u) => (
            <Text key={u.reason} className="matter-warn">
              {`⚠ ${u.reason}`}
            </Text>
          ))
        : null}
      <Button className="big-button matter-gap" type="primary" block disabled={busy} onClick={() => setAsking(true)} data-testid="matter-submit-button">
        {m.submitButton}
      </Button>
      <ConfirmDialog
        open={asking}
        title={`${m.submitButton}？`}
        confirmText={m.confirmSubmit}
        cancelText={m.confirmBack}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="matter-submit-confirm"
      >
        <Text className="matter-para">{m.submitConfirmBody}</Text>
      </ConfirmDialog>
    </View>
  );
}
