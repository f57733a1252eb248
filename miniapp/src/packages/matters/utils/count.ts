import type { MatterDetail, MatterMeetingView } from '@village/shared';

/** A paper count the 监票人 has not confirmed yet (a 委员会会议's show of hands has no 监票人 and needs none). */
export function awaitingConfirmation(meeting: MatterMeetingView): boolean {
  const c = meeting.count;
  return meeting.status === 'held' && c?.kind === 'paper' && c.scrutineer !== null && c.confirmedAt === null && meeting.counts !== null;
}

/** The 监票人's paper counts still to confirm on this matter. */
export function countsToConfirm(matter: MatterDetail, myResidentId: string | null): MatterMeetingView[] {
  if (!myResidentId) return [];
  return matter.meetings.filter((mt) => awaitingConfirmation(mt) && mt.count?.kind === 'paper' && mt.count.scrutineer?.id === myResidentId);
}
