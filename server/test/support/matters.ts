import { addDays, chinaDay, type LoginResult, type MatterDetail } from '@village/shared';
import { bearer } from './auth';
import { FILES } from './notices';
import type { TestApp } from './test-app';
import { signInResidents } from './voting';

export const today = (): string => chinaDay(new Date());

/** Uploads a sign-in sheet photo as `login`; returns its id. */
export async function uploadPhoto(t: TestApp, login: LoginResult): Promise<string> {
  const res = await t.http.post('/api/matter-files').set(...bearer(login)).attach('file', FILES.jpeg, '签到表.jpg');
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function createMatter(t: TestApp, login: LoginResult, input: Partial<{ typeCode: string; title: string; body: string; budgetFen: number | null }> = {}): Promise<MatterDetail> {
  const res = await t.http
    .post('/api/matters')
    .set(...bearer(login))
    .send({
      typeCode: 'general',
      title: '村道硬化工程实施方案',
      body: '硬化土岭底组至村委会道路 1.2 公里，宽 4.5 米，预算 48 万元，由村集体收益和上级奖补资金解决。',
      budgetFen: 48_000_000,
      ...input,
    });
  if (res.status !== 201) throw new Error(`create matter: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MatterDetail;
}

export interface PaperMeeting {
  purpose: string;
  body: string;
  electorate: string;
  noticeGivenOn?: string | null;
  heldOn?: string;
  turnout: { eligible: number; participated: number };
  counts: { for: number; against: number; abstain: number };
  tellerResidentId?: string | null;
  scrutineerResidentId?: string | null;
  /** Default: the recording member for a 委员会会议 or 党员大会 (the secretary is a party member), nobody otherwise. */
  attendeeResidentIds?: string[];
}

/** Schedules and records a paper-count meeting on the current revision; returns the meeting id. */
export async function paperMeeting(t: TestApp, login: LoginResult, matter: MatterDetail, m: PaperMeeting, photoId: string): Promise<string> {
  const meetingId = await scheduleMeeting(t, login, matter.id, { purpose: m.purpose, body: m.body, electorate: m.electorate, noticeGivenOn: m.noticeGivenOn ?? addDays(today(), -1) });
  const recorded = await t.http
    .post(`/api/matters/${matter.id}/meetings/${meetingId}/record`)
    .set(...bearer(login))
    .send({
      heldOn: m.heldOn ?? today(),
      revision: matter.currentRevision,
      attendeeResidentIds: m.attendeeResidentIds ?? (['committee_meeting', 'party_assembly'].includes(m.body) ? [login.me.resident?.id] : []),
      minutes: '会议由书记主持，逐条讨论了方案，与会人员举手表决。',
      signInSheetPhotoIds: [photoId],
      signerResidentIds: [login.me.resident?.id],
      count: { kind: 'paper', turnout: m.turnout, counts: m.counts, tellerResidentId: m.tellerResidentId ?? null, scrutineerResidentId: m.scrutineerResidentId ?? null },
    });
  if (recorded.status !== 200) throw new Error(`record: ${recorded.status} ${JSON.stringify(recorded.body)}`);
  return meetingId;
}

/** Announces a meeting; returns the new meeting's id (found as the one the matter did not have before). */
export async function scheduleMeeting(
  t: TestApp,
  login: LoginResult,
  matterId: string,
  m: { purpose: string; body: string; electorate: string; noticeGivenOn: string | null; ballotId?: string; place?: string },
): Promise<string> {
  const before = await t.http.get(`/api/matters/${matterId}`).set(...bearer(login));
  const known = new Set((before.body as MatterDetail).meetings.map((x) => x.id));
  const scheduled = await t.http
    .post(`/api/matters/${matterId}/meetings`)
    .set(...bearer(login))
    .send({ place: '村委会会议室', scheduledAt: new Date().toISOString(), ...m });
  if (scheduled.status !== 201) throw new Error(`schedule: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
  const meeting = (scheduled.body as MatterDetail).meetings.find((x) => !known.has(x.id));
  if (!meeting) throw new Error('no new meeting');
  return meeting.id;
}

export const COMMITTEE_MEETING = { body: 'committee_meeting', electorate: 'committee_members', turnout: { eligible: 7, participated: 7 }, counts: { for: 7, against: 0, abstain: 0 } };

/** Who takes a matter through its first stages: the secretary records, two party members count the 党员大会. */
export interface MatterCrew {
  secretary: LoginResult;
  teller: LoginResult;
  scrutineer: LoginResult;
  /** A sign-in sheet photo. */
  photo: string;
}

/** Two party members without an account or an office, signed in to be the 党员大会's teller and scrutineer. */
export async function signInTellers(t: TestApp, villageId: string, tag: string): Promise<[LoginResult, LoginResult]> {
  const members: { id: string }[] = await t.dataSource.query(
    `SELECT r.id FROM resident r WHERE r.village_id = ? AND r.is_party_member = ? AND r.departed_on IS NULL
       AND NOT EXISTS (SELECT 1 FROM account_binding b WHERE b.resident_id = r.id AND b.unbound_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM role_assignment o WHERE o.resident_id = r.id)
     ORDER BY r.id LIMIT 2`,
    [villageId, true],
  );
  const [teller, scrutineer] = await signInResidents(t, villageId, members.map((m) => m.id), tag);
  return [teller, scrutineer];
}

/** Posts a workflow event as `login`, failing loudly when it is refused. */
export async function advanceMatter(t: TestApp, login: LoginResult, m: MatterDetail, event: object): Promise<MatterDetail> {
  const res = await t.http.post(`/api/matters/${m.id}/events`).set(...bearer(login)).send({ event, version: m.version });
  if (res.status !== 200) throw new Error(`${JSON.stringify(event)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MatterDetail;
}

/** A paper meeting counted by the crew's teller and confirmed by its scrutineer. */
export async function countedMeeting(t: TestApp, crew: MatterCrew, m: MatterDetail, meeting: PaperMeeting): Promise<string> {
  const id = await paperMeeting(t, crew.secretary, m, { ...meeting, tellerResidentId: crew.teller.me.resident?.id, scrutineerResidentId: crew.scrutineer.me.resident?.id }, crew.photo);
  const confirmed = await t.http.post(`/api/matters/${m.id}/meetings/${id}/confirm-count`).set(...bearer(crew.scrutineer)).send({});
  if (confirmed.status !== 200) throw new Error(`confirm-count: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return id;
}

/** Stages 1–3 of an existing matter with paper counts (一肩挑: the merged meeting), leaving it at assembly_resolution. */
export async function advanceToAssembly(t: TestApp, crew: MatterCrew, matter: MatterDetail): Promise<MatterDetail> {
  const merged = await paperMeeting(t, crew.secretary, matter, { purpose: 'merged_proposal', ...COMMITTEE_MEETING }, crew.photo);
  let m = await advanceMatter(t, crew.secretary, matter, { type: 'record_merged_meeting', meetingId: merged });
  const party = await countedMeeting(t, crew, m, { purpose: 'party_review', body: 'party_assembly', electorate: 'party_members', turnout: { eligible: 9, participated: 8 }, counts: { for: 7, against: 1, abstain: 0 } });
  m = await advanceMatter(t, crew.secretary, m, { type: 'record_party_review', meetingId: party });
  if (m.stage !== 'assembly_resolution') throw new Error(`expected assembly_resolution, got ${m.stage}`);
  return m;
}

/** A new matter taken through stages 1–3, leaving it at assembly_resolution. */
export async function toAssembly(t: TestApp, crew: MatterCrew, typeCode: string, title: string): Promise<MatterDetail> {
  return advanceToAssembly(t, crew, await createMatter(t, crew.secretary, { typeCode, title }));
}
