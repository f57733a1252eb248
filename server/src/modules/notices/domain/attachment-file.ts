import type { NoticeAttachmentType } from '@village/shared';

/*
 * Attachments are accepted by what they are, never by what they are called: the first bytes decide
 * (JPEG FF D8 FF, PNG's 8-byte signature, PDF's "%PDF-"). A name that claims another known type
 * (a PNG called .pdf, an HTML page called .pdf) is refused, so a villager who taps it gets what the
 * name promised.
 */

const SIGNATURES: { type: NoticeAttachmentType; magic: number[] }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

export const ATTACHMENT_EXTENSIONS: Record<NoticeAttachmentType, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'application/pdf': ['.pdf'],
};

export const ATTACHMENT_TYPE_LABELS: Record<NoticeAttachmentType, string> = {
  'image/jpeg': 'JPG 图片',
  'image/png': 'PNG 图片',
  'application/pdf': 'PDF 文件',
};

/** The type the content is, by its first bytes; null for anything else. */
export function detectAttachmentType(content: Uint8Array): NoticeAttachmentType | null {
  const match = SIGNATURES.find(({ magic }) => content.length >= magic.length && magic.every((byte, i) => content[i] === byte));
  return match?.type ?? null;
}

/** The type a file name claims by its extension, if it is one of ours. */
export function claimedAttachmentType(fileName: string): NoticeAttachmentType | null {
  const lower = fileName.toLowerCase();
  for (const [type, extensions] of Object.entries(ATTACHMENT_EXTENSIONS) as [NoticeAttachmentType, string[]][]) {
    if (extensions.some((ext) => lower.endsWith(ext))) return type;
  }
  return null;
}

const MAX_NAME = 120;

/**
 * The name shown and sent with the download: the base name without any path or control characters,
 * at most 120 characters, ending in an extension of the detected type (added when missing).
 */
export function attachmentFileName(uploaded: string, type: NoticeAttachmentType): string {
  const base = (uploaded.split(/[/\\]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  const extensions = ATTACHMENT_EXTENSIONS[type];
  const ext = extensions.find((e) => base.toLowerCase().endsWith(e)) ?? extensions[0];
  let stem = base.toLowerCase().endsWith(ext) ? base.slice(0, base.length - ext.length) : base;
  if (!stem) stem = '附件';
  const chars = [...stem];
  if (chars.length + ext.length > MAX_NAME) stem = chars.slice(0, MAX_NAME - ext.length).join('');
  return `${stem}${ext}`;
}

/**
 * Multer hands over the file name as the browser sent it; most send UTF-8, read as Latin-1 by the
 * multipart parser unless told otherwise. A name that decodes cleanly as UTF-8 is taken as UTF-8.
 */
export function decodeUploadedName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? name : decoded;
}
