/**
 * What the notice pages tell the 公开 tab and 首页 when the person goes back to them (in memory):
 * which notices were just read (the 未读 mark goes without reloading the list) and whether a notice
 * was written, published, signed off or archived (the lists reload quietly). Each page keeps the
 * position it has seen, so several pages can follow the same events.
 */
type NoticeEvent = { seq: number; kind: 'read'; noticeId: string } | { seq: number; kind: 'changed' };

const KEEP = 200;
let seq = 0;
let log: NoticeEvent[] = [];

function push(event: { kind: 'read'; noticeId: string } | { kind: 'changed' }): void {
  seq += 1;
  log.push({ ...event, seq } as NoticeEvent);
  if (log.length > KEEP) log = log.slice(-KEEP);
}

export function noteNoticeRead(noticeId: string): void {
  push({ kind: 'read', noticeId });
}

export function noteNoticesChanged(): void {
  push({ kind: 'changed' });
}

/** Where the events stand now (a page starts following from here). */
export function noticeEventPosition(): number {
  return seq;
}

/**
 * What happened after `position`: the notices read and whether anything changed. When events were
 * dropped (a very long absence), `changed` is true so the page reloads.
 */
export function noticeEventsSince(position: number): { position: number; readIds: string[]; changed: boolean } {
  const fresh = log.filter((e) => e.seq > position);
  const dropped = position < seq && (log.length === 0 || log[0].seq > position + 1);
  return {
    position: seq,
    readIds: fresh.flatMap((e) => (e.kind === 'read' ? [e.noticeId] : [])),
    changed: dropped || fresh.some((e) => e.kind === 'changed'),
  };
}
