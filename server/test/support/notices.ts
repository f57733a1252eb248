import { addDays, chinaDay, type LoginResult, type NoticeDetail, type NoticeDraftInput, type NoticeWindow } from '@village/shared';
import { bearer } from './auth';
import type { TestApp } from './test-app';

/** Today in Beijing, as the server sees it. */
export const todayInChina = (): string => chinaDay(new Date());

/** A disclosure window of `days` days starting `from` days from today. */
export function noticeWindow(days = 7, from = 0): NoticeWindow {
  const startsOn = addDays(todayInChina(), from);
  return { startsOn, endsOn: addDays(startsOn, days - 1) };
}

let counter = 0;

/** A draft through the API (201), with a realistic title unless given. */
export async function draftNotice(t: TestApp, login: LoginResult, input: Partial<NoticeDraftInput> = {}): Promise<NoticeDetail> {
  counter += 1;
  const res = await t.http
    .post('/api/notices')
    .set(...bearer(login))
    .send({
      kind: 'village',
      title: `关于冬季清理河道的通知（${counter}）`,
      body: '## 时间\n\n本周六上午 8 时。\n\n- 每户出一人\n- 自带铁锹',
      window: noticeWindow(),
      ...input,
    });
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as NoticeDetail;
}

/** Draft and publish (village and party: published; finance: pending_signoff). */
export async function publishNotice(t: TestApp, login: LoginResult, input: Partial<NoticeDraftInput> = {}): Promise<NoticeDetail> {
  const draft = await draftNotice(t, login, input);
  const res = await t.http.post(`/api/notices/${draft.id}/publish`).set(...bearer(login));
  if (res.status !== 200) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as NoticeDetail;
}

/** How many audit events of an action name an entity. */
export async function eventCount(t: TestApp, action: string, entityId?: string): Promise<number> {
  const [row] = entityId
    ? await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_event WHERE action = ? AND entity_id = ?', [action, entityId])
    : await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_event WHERE action = ?', [action]);
  return Number(row.n);
}

/** A 1×1 PNG, a minimal PDF, and things pretending to be them. */
export const FILES = {
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  html: Buffer.from('<!doctype html><script>alert(1)</script>'),
};
