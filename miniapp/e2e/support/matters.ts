import { addDays, type MatterDetail } from '@village/shared';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from './server';
import type { ApiOptions, LoginAnswer } from './session';

type Api = <T>(p: string, options?: ApiOptions) => Promise<T>;

export interface PaperMeetingFacts {
  purpose: string;
  body: string;
  electorate: string;
  noticeGivenOn: string;
  turnout: { eligible: number; participated: number };
  counts: { for: number; against: number; abstain: number };
  tellerResidentId?: string;
  scrutineerResidentId?: string;
}

/** A tiny JPEG (the server checks the content's signature), written once for file inputs and the API. */
export function photoFile(): string {
  const file = path.join(os.tmpdir(), 'village-e2e-签到表.jpg');
  if (!fs.existsSync(file)) fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]));
  return file;
}

/**
 * What a clerk's script does to the 四议两公开 through the API, for the browser stories that need a
 * matter somewhere along the way (`today` is the server's day, which a story may move on).
 */
export function matterScripts(ctx: { server: () => RunningServer; api: Api; today: () => string }) {
  const { api, today } = ctx;

  async function uploadPhoto(login: LoginAnswer): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(photoFile())], { type: 'image/jpeg' }), '签到表.jpg');
    const res = await fetch(`${ctx.server().baseUrl}/api/matter-files`, { method: 'POST', headers: { authorization: `Bearer ${login.accessToken}` }, body: form });
    if (!res.ok) throw new Error(`upload → ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  /** Schedules and records a paper-count meeting; returns its id. */
  async function paperMeeting(login: LoginAnswer, m: MatterDetail, facts: PaperMeetingFacts, photoId: string): Promise<string> {
    const scheduled = await api<MatterDetail>(`/matters/${m.id}/meetings`, {
      method: 'POST',
      token: login.accessToken,
      body: { purpose: facts.purpose, body: facts.body, electorate: facts.electorate, scheduledAt: new Date().toISOString(), place: '村委会会议室', noticeGivenOn: facts.noticeGivenOn },
    });
    const meetingId = scheduled.meetings[scheduled.meetings.length - 1].id;
    await api(`/matters/${m.id}/meetings/${meetingId}/record`, {
      method: 'POST',
      token: login.accessToken,
      body: {
        heldOn: today(),
        revision: m.currentRevision,
        attendeeResidentIds: [login.me.resident!.id],
        minutes: '会议由书记主持，逐条讨论了方案，表决通过。',
        signInSheetPhotoIds: [photoId],
        signerResidentIds: [login.me.resident!.id],
        count: { kind: 'paper', turnout: facts.turnout, counts: facts.counts, tellerResidentId: facts.tellerResidentId ?? null, scrutineerResidentId: facts.scrutineerResidentId ?? null },
      },
    });
    return meetingId;
  }

  /** Puts a recorded meeting into the workflow (计入流程). */
  function apply(login: LoginAnswer, m: MatterDetail, type: string, meetingId: string): Promise<MatterDetail> {
    return api<MatterDetail>(`/matters/${m.id}/events`, { method: 'POST', token: login.accessToken, body: { event: { type, meetingId }, version: m.version } });
  }

  /**
   * A matter proposed by the 书记 and taken through every meeting to a passed 村民会议 (the 决议公示
   * open): the committee counts the paper votes, `scrutineer` confirms them.
   */
  async function resolvedByVillagers(people: { secretary: LoginAnswer; committee: LoginAnswer; scrutineer: LoginAnswer }, title: string): Promise<{ matter: MatterDetail; assemblyMeetingId: string }> {
    const { secretary, committee, scrutineer } = people;
    const photo = await uploadPhoto(secretary);
    let m = await api<MatterDetail>('/matters', { method: 'POST', token: secretary.accessToken, body: { typeCode: 'general', title, body: `${title}。\n由村民会议表决。` } });
    const committeeCount = { turnout: { eligible: 7, participated: 7 }, counts: { for: 7, against: 0, abstain: 0 } };
    const paper = { tellerResidentId: committee.me.resident!.id, scrutineerResidentId: scrutineer.me.resident!.id };
    const steps: { type: string; facts: PaperMeetingFacts }[] = [
      { type: 'record_branch_meeting', facts: { purpose: 'branch_proposal', body: 'committee_meeting', electorate: 'committee_members', noticeGivenOn: addDays(today(), -1), ...committeeCount } },
      { type: 'record_committees_meeting', facts: { purpose: 'committees_deliberation', body: 'committee_meeting', electorate: 'committee_members', noticeGivenOn: addDays(today(), -1), ...committeeCount } },
      { type: 'record_party_review', facts: { purpose: 'party_review', body: 'party_assembly', electorate: 'party_members', noticeGivenOn: addDays(today(), -2), turnout: { eligible: 15, participated: 13 }, counts: { for: 12, against: 1, abstain: 0 }, ...paper } },
      { type: 'record_assembly_resolution', facts: { purpose: 'assembly_resolution', body: 'villager_assembly', electorate: 'households', noticeGivenOn: addDays(today(), -10), turnout: { eligible: 80, participated: 60 }, counts: { for: 50, against: 5, abstain: 5 }, ...paper } },
    ];
    let meetingId = '';
    for (const step of steps) {
      meetingId = await paperMeeting(secretary, m, step.facts, photo);
      if (step.facts.scrutineerResidentId) await api(`/matters/${m.id}/meetings/${meetingId}/confirm-count`, { method: 'POST', token: scrutineer.accessToken, body: {} });
      m = await apply(secretary, m, step.type, meetingId);
    }
    return { matter: m, assemblyMeetingId: meetingId };
  }

  return { uploadPhoto, paperMeeting, apply, resolvedByVillagers };
}
