/**
 * Attachments while a notice is written: the ones already on the draft and the files being sent,
 * one at a time, each with its own progress; a failed one keeps its place with 重新上传 / 不传了.
 * A pure reducer, so the order and the limit are unit-tested.
 */
import { NOTICE_ATTACHMENTS_MAX, type ApiErrorBody, type NoticeAttachment, type NoticeAttachmentType } from '@village/shared';

export interface PickedAttachment {
  /** A temp path (weapp) or a blob: URL (H5). */
  path: string;
  name: string;
  type: NoticeAttachmentType;
}

export interface UploadItem {
  key: string;
  name: string;
  type: NoticeAttachmentType;
  path: string | null;
  status: 'done' | 'waiting' | 'uploading' | 'failed';
  progress: number;
  error: ApiErrorBody | null;
  attachment: NoticeAttachment | null;
}

export type UploadAction =
  | { type: 'reset'; attachments: readonly NoticeAttachment[] }
  | { type: 'add'; files: readonly PickedAttachment[]; keyOf: (i: number) => string }
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; percent: number }
  | { type: 'done'; key: string; attachment: NoticeAttachment }
  | { type: 'failed'; key: string; error: ApiErrorBody }
  | { type: 'retry'; key: string }
  | { type: 'remove'; key: string };

export function doneItem(a: NoticeAttachment): UploadItem {
  return { key: a.id, name: a.fileName, type: a.contentType, path: null, status: 'done', progress: 100, error: null, attachment: a };
}

/** How many more files may be added. */
export function room(items: readonly UploadItem[]): number {
  return Math.max(0, NOTICE_ATTACHMENTS_MAX - items.length);
}

export function uploadReducer(items: UploadItem[], action: UploadAction): UploadItem[] {
  const update = (key: string, patch: Partial<UploadItem>) => items.map((i) => (i.key === key ? { ...i, ...patch } : i));
  switch (action.type) {
    case 'reset':
      return action.attachments.map(doneItem);
    case 'add': {
      const fresh = action.files.slice(0, room(items)).map(
        (f, i): UploadItem => ({ key: action.keyOf(i), name: f.name, type: f.type, path: f.path, status: 'waiting', progress: 0, error: null, attachment: null }),
      );
      return fresh.length > 0 ? [...items, ...fresh] : items;
    }
    case 'start':
      return update(action.key, { status: 'uploading', progress: 0, error: null });
    case 'progress': {
      const item = items.find((i) => i.key === action.key);
      // Progress only goes up while uploading (a late event after the answer changes nothing).
      if (!item || item.status !== 'uploading' || action.percent <= item.progress) return items;
      return update(action.key, { progress: Math.min(100, action.percent) });
    }
    case 'done':
      return update(action.key, { status: 'done', progress: 100, error: null, attachment: action.attachment, path: null });
    case 'failed':
      return update(action.key, { status: 'failed', error: action.error });
    case 'retry':
      return update(action.key, { status: 'waiting', progress: 0, error: null });
    case 'remove':
      return items.filter((i) => i.key !== action.key);
    default:
      return items;
  }
}

/** The next file to send: none while one is on its way. */
export function nextUpload(items: readonly UploadItem[]): UploadItem | null {
  if (items.some((i) => i.status === 'uploading')) return null;
  return items.find((i) => i.status === 'waiting') ?? null;
}
