import { ATTACHMENT_TYPE_LABELS, claimedAttachmentType, decodeUploadedName, detectAttachmentType } from './attachment-file';

/** A file as multer hands it over (field `file`). */
export interface UploadedPhotoFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export type UploadedPhotoProblem = 'missing' | 'too_large' | 'type';

export type UploadedPhotoCheck =
  | { ok: true; type: 'image/jpeg' | 'image/png'; name: string; buffer: Buffer }
  | { ok: false; problem: UploadedPhotoProblem; message: string };

/**
 * Whether an upload is a photo we keep: present, at most `maxBytes`, JPEG or PNG by its content, and
 * not named as another known type. Each module turns a problem into its own error code; the Chinese
 * message is the same everywhere a villager uploads a photo.
 */
export function checkUploadedPhoto(file: UploadedPhotoFile | undefined, maxBytes: number): UploadedPhotoCheck {
  if (!file) return { ok: false, problem: 'missing', message: '请选择一张照片上传（表单字段名为 file，multipart/form-data）' };
  if (file.buffer.length > maxBytes) return { ok: false, problem: 'too_large', message: `照片太大，最大 ${Math.floor(maxBytes / 1024 / 1024)} MB，请压缩后再传` };
  const type = detectAttachmentType(file.buffer);
  const name = decodeUploadedName(file.originalname);
  if (type !== 'image/jpeg' && type !== 'image/png') return { ok: false, problem: 'type', message: '这个文件不是 JPG 或 PNG 照片（按文件内容判断），不能上传。请换一张照片。' };
  const claimed = claimedAttachmentType(name);
  if (claimed && claimed !== type) {
    return { ok: false, problem: 'type', message: `文件名是${ATTACHMENT_TYPE_LABELS[claimed]}，但内容是${ATTACHMENT_TYPE_LABELS[type]}，不能上传。请把文件名改对。` };
  }
  return { ok: true, type, name, buffer: file.buffer };
}
