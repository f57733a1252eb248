import { Text, View } from '@tarojs/components';
import { VOTER_UNIT_LABELS, dayLabel, type MatterMeetingView } from '@village/shared';
import { useState } from 'react';
import { pressProps, roleProps } from '../../../components/a11y';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { messages } from '../../../constants/messages';
import { formatMoment } from '../../../services/ballotTime';
import { awaitingConfirmation } from '../utils/count';
import { gridPhotos } from '../utils/photos';
import { beijingToday } from '../utils/format';

const m = messages.matters;

/**
 * One meeting's record: what it was and its state in words, when and where, the notice given, the
 * revision on the table, attendance, 同意/反对/弃权, where the counts came from, who signed, the
 * outcome lines of the tally, and the minutes (folded; tap to read).
 */
export function MeetingCard({ meeting, nowMs, folded }: { meeting: MatterMeetingView; nowMs?: number; folded?: boolean }) {
  const [showMinutes, setShowMinutes] = useState(false);
  const [open, setOpen] = useState(!folded);
  const toggle = () => setShowMinutes((v) => !v);
  const toggleAll = () => setOpen((v) => !v);
  const c = meeting.count;
  const title = `${meeting.purposeLabel}（${m.meetingStatus[meeting.status] ?? meeting.status}）`;
  if (!open) {
    // In the stepper: one line and the counts; the whole record one tap away.
    return (
      <View className="matter-meeting" data-testid={`matter-meeting-${meeting.id}`}>
        <Text className="matter-meeting__title">{title}</Text>
        {meeting.counts ? (
          <Text className="matter-line" data-testid={`matter-meeting-${meeting.id}-counts`}>
            {m.counts(meeting.counts.for, meeting.counts.against, meeting.counts.abstain)}
          </Text>
        ) : null}
        {meeting.noticeWarning ? <Text className="matter-warn">{m.noticeWarning(meeting.noticeWarning)}</Text> : null}
        {awaitingConfirmation(meeting) ? <Text className="matter-warn">{`⚠ ${m.paperUnconfirmed}`}</Text> : null}
        <View className="matter-toggle" {...roleProps('button')} aria-expanded={false} onClick={toggleAll} {...pressProps(toggleAll)} data-testid={`matter-meeting-${meeting.id}-open`}>
          <Text>{`▼ ${m.showMeeting}`}</Text>
        </View>
      </View>
    );
  }
  return (
    <View className="matter-meeting" data-testid={`matter-meeting-${meeting.id}`}>
      <Text className="matter-meeting__title">{title}</Text>
      <Text className="matter-line">{m.meetingWhen(formatMoment(meeting.scheduledAt, nowMs), meeting.place)}</Text>
      {meeting.noticeGivenOn ? <Text className="matter-muted">{m.meetingNotice(dayLabel(meeting.noticeGivenOn, beijingToday()), meeting.noticeLeadDays)}</Text> : null}
      {meeting.noticeWarning ? <Text className="matter-warn">{m.noticeWarning(meeting.noticeWarning)}</Text> : null}
      <Text className="matter-muted">{m.meetingRevision(meeting.revision)}</Text>
      {meeting.attendance ? (
        <Text className="matter-line" data-testid={`matter-meeting-${meeting.id}-attendance`}>
          {m.attendance(meeting.attendance.present, meeting.attendance.eligible, VOTER_UNIT_LABELS[meeting.attendance.unit])}
        </Text>
      ) : null}
      {meeting.counts ? (
        <Text className="matter-line matter-strong" data-testid={`matter-meeting-${meeting.id}-counts`}>
          {m.counts(meeting.counts.for, meeting.counts.against, meeting.counts.abstain)}
        </Text>
      ) : null}
      {c?.kind === 'ballot' ? <Text className="matter-muted">{m.countFromBallot(c.ballotTitle)}</Text> : null}
      {c?.kind === 'paper' ? (
        <Text className="matter-muted">
          {c.teller && c.scrutineer ? m.countFromPaper(c.teller.name, c.scrutineer.name) : ''}
          {awaitingConfirmation(meeting) ? ` ${m.paperUnconfirmed}` : ''}
        </Text>
      ) : null}
      {meeting.outcome ? (
        <View className="matter-outcome" data-testid={`matter-meeting-${meeting.id}-outcome`}>
          <Text className="matter-line matter-strong">{meeting.outcome.explanation}</Text>
          {meeting.outcome.lines.map((l) => (
            <Text key={l} className="matter-muted">
              {l}
            </Text>
          ))}
        </View>
      ) : null}
      {meeting.signers.length > 0 ? <Text className="matter-muted">{m.signers(meeting.signers.map((s) => s.name).join('、'))}</Text> : null}
      {meeting.signInSheetPhotos.length > 0 ? <Text className="matter-muted">{m.photos(meeting.signInSheetPhotos.length)}</Text> : null}
      <PhotoGrid photos={gridPhotos(meeting.signInSheetPhotos, m.signInSheet)} testId={`matter-meeting-${meeting.id}-photos`} />
      {meeting.cancelledReason ? <Text className="matter-warn">{m.cancelledReason(meeting.cancelledReason)}</Text> : null}
      {meeting.minutes ? (
        <View>
          <View className="matter-toggle" {...roleProps('button')} aria-expanded={showMinutes} onClick={toggle} {...pressProps(toggle)}>
            <Text>{`${showMinutes ? '▲' : '▼'} ${m.minutesTitle}`}</Text>
          </View>
          {showMinutes ? <Text className="matter-para matter-pre">{meeting.minutes}</Text> : null}
        </View>
      ) : null}
      {folded ? (
        <View className="matter-toggle" {...roleProps('button')} aria-expanded onClick={toggleAll} {...pressProps(toggleAll)}>
          <Text>{`▲ ${m.hideMeeting}`}</Text>
        </View>
      ) : null}
    </View>
  );
}
