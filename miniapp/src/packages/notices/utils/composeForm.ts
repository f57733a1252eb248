/**
 * The compose form (写公告 / 修改草稿 / 写更正公告) as plain data and pure functions: defaults, the
 * checks made before sending (the window check is the shared rule the server applies, in its words),
 * the request body, and the server's per-field problems placed next to their fields.
 */
import {
  addDays,
  checkNoticeWindow,
  NOTICE_BODY_MAX,
  NOTICE_MIN_WINDOW_DAYS_DEFAULT,
  NOTICE_TITLE_MAX,
  type ApiErrorBody,
  type NoticeAudience,
  type NoticeCategory,
  type NoticeCorrectionInput,
  type NoticeDetail,
  type NoticeDraftInput,
  type NoticePolicy,
} from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.notices;

export interface ComposeForm {
  kind: NoticeCategory | null;
  title: string;
  body: string;
  startsOn: string;
  endsOn: string;
  pinned: boolean;
  audience: NoticeAudience;
}

export type ComposeField = 'kind' | 'title' | 'body' | 'window' | 'pinned' | 'audience' | 'attachments';
export type FormErrors = Partial<Record<ComposeField, string>>;

const CATEGORIES: readonly string[] = ['party', 'village', 'finance'];

/** The village's minimum window for a category (GET /api/notices/policy), else the statutory 7 days. */
export function minDaysFor(policy: NoticePolicy | null, kind: NoticeCategory | null): number {
  const days = kind && policy ? policy.minWindowDays[kind] : undefined;
  return typeof days === 'number' && days > 0 ? days : NOTICE_MIN_WINDOW_DAYS_DEFAULT;
}

/** The earliest end day for a window starting on `startsOn` (both ends count). */
export function earliestEnd(startsOn: string, minDays: number): string {
  return addDays(startsOn, minDays - 1);
}

/** A new notice: starts today and runs a week (today → today + 7). */
export function emptyForm(today: string, kind: NoticeCategory | null = null): ComposeForm {
  return {
    kind,
    title: '',
    body: '',
    startsOn: today,
    endsOn: addDays(today, NOTICE_MIN_WINDOW_DAYS_DEFAULT),
    pinned: false,
    audience: 'all',
  };
}

export function formFromNotice(n: NoticeDetail): ComposeForm {
  return {
    kind: CATEGORIES.includes(n.kind) ? (n.kind as NoticeCategory) : null,
    title: n.title,
    body: n.body,
    startsOn: n.window.startsOn,
    endsOn: n.window.endsOn,
    pinned: n.pinned,
    audience: n.audience,
  };
}

/** A correction starts from the published notice: same category and text, titled 更正：…, a new window. */
export function correctionForm(original: NoticeDetail, today: string, minDays: number): ComposeForm {
  const title = Array.from(`${m.correctTitlePrefix}${original.title}`).slice(0, NOTICE_TITLE_MAX).join('');
  return {
    ...formFromNotice(original),
    title,
    startsOn: today,
    endsOn: addDays(today, Math.max(minDays, NOTICE_MIN_WINDOW_DAYS_DEFAULT)),
  };
}

/** A window that starts later moves its end along, so the length the clerk chose is kept. */
export function withStart(form: ComposeForm, startsOn: string, minDays: number): ComposeForm {
  const end = form.endsOn < earliestEnd(startsOn, minDays) ? earliestEnd(startsOn, minDays) : form.endsOn;
  return { ...form, startsOn, endsOn: end };
}

function length(text: string): number {
  return Array.from(text).length;
}

/** What must change before the form can be sent, field by field (empty when it can go). */
export function validateForm(form: ComposeForm, today: string, minDays: number): FormErrors {
  const errors: FormErrors = {};
  if (!form.kind) errors.kind = m.required(m.kindLabel);
  if (!form.title.trim()) errors.title = m.required(m.titleLabel);
  else if (length(form.title.trim()) > NOTICE_TITLE_MAX) errors.title = m.tooLong(NOTICE_TITLE_MAX);
  if (!form.body.trim()) errors.body = m.required(m.bodyLabel);
  else if (length(form.body) > NOTICE_BODY_MAX) errors.body = m.tooLong(NOTICE_BODY_MAX);
  const windowProblem = checkNoticeWindow({ startsOn: form.startsOn, endsOn: form.endsOn }, today, minDays);
  if (windowProblem) errors.window = windowProblem;
  return errors;
}

export function draftInput(form: ComposeForm): NoticeDraftInput {
  return {
    kind: form.kind as NoticeCategory,
    title: form.title.trim(),
    body: form.body,
    window: { startsOn: form.startsOn, endsOn: form.endsOn },
    pinned: form.pinned,
    audience: form.kind === 'party' ? form.audience : 'all',
  };
}

export function correctionInput(form: ComposeForm): NoticeCorrectionInput {
  return { title: form.title.trim(), body: form.body, window: { startsOn: form.startsOn, endsOn: form.endsOn } };
}

/** Which form field a server field name belongs to ("window.endsOn" → window). */
function fieldOf(name: string): ComposeField | null {
  const head = name.split('.')[0];
  if (head === 'startsOn' || head === 'endsOn' || head === 'window') return 'window';
  if (head === 'file' || head === 'attachments') return 'attachments';
  return (['kind', 'title', 'body', 'pinned', 'audience'] as const).find((f) => f === head) ?? null;
}

/**
 * The server's problems by field: validation details `[{ field, messages }]`, or a domain error whose
 * details name one field (`{ field }`), shown with its message.
 */
export function serverFieldErrors(error: ApiErrorBody): FormErrors {
  const out: FormErrors = {};
  const details = error.details;
  if (Array.isArray(details)) {
    for (const item of details as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { field, messages: texts, message } = item as { field?: unknown; messages?: unknown; message?: unknown };
      if (typeof field !== 'string') continue;
      const key = fieldOf(field);
      const text = Array.isArray(texts) ? texts.filter((x): x is string => typeof x === 'string').join('；') : typeof message === 'string' ? message : '';
      if (key && text && !out[key]) out[key] = text;
    }
  } else if (typeof details === 'object' && details !== null && typeof (details as { field?: unknown }).field === 'string') {
    const key = fieldOf((details as { field: string }).field);
    if (key) out[key] = error.message;
  }
  return out;
}

/** Where the draft waits on this phone until it is saved (UX.md: forms keep their draft locally). */
export function localDraftKey(mode: 'new' | 'edit' | 'correct', id: string | null): string {
  return `village.noticeDraft.${mode}.${id ?? 'new'}`;
}

export function sameForm(a: ComposeForm, b: ComposeForm): boolean {
  return (Object.keys(a) as Array<keyof ComposeForm>).every((k) => a[k] === b[k]);
}

export function isComposeForm(value: unknown): value is ComposeForm {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.body === 'string' && typeof v.startsOn === 'string' && typeof v.endsOn === 'string';
}
