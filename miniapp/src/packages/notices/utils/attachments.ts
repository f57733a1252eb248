import type { NoticeAttachment, NoticeAttachmentType } from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.notices;

/** "320 KB", "1.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return m.sizeKb(Math.max(1, Math.round(bytes / 1024)));
  return m.sizeMb((bytes / 1024 / 1024).toFixed(1));
}

export function isImage(a: Pick<NoticeAttachment, 'contentType'>): boolean {
  return a.contentType === 'image/jpeg' || a.contentType === 'image/png';
}

/**
 * What a picked file claims to be, by its name or declared type (the server checks the content
 * itself and refuses a disguised file with its own words). Null: not an image or a PDF.
 */
export function pickedKind(file: { name: string; type?: string }): NoticeAttachmentType | null {
  const name = file.name.toLowerCase();
  const type = (file.type ?? '').toLowerCase();
  if (type === 'application/pdf' || name.endsWith('.pdf')) return 'application/pdf';
  if (type === 'image/png' || name.endsWith('.png')) return 'image/png';
  if (type === 'image/jpeg' || /\.(jpe?g)$/.test(name)) return 'image/jpeg';
  return null;
}

/** All image URLs of a notice (for the previewer's swipe), in order. */
export function imageUrls(attachments: readonly NoticeAttachment[], toUrl: (url: string) => string): string[] {
  return attachments.filter(isImage).map((a) => toUrl(a.url));
}
