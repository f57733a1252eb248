import { isApiErrorBody, ROSTER_IMPORT_MAX_BYTES, type ApiErrorBody, type RosterImportReport } from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.roster;

/** A roster file the clerk chose: a blob: URL (H5) or a WeChat temp path (weapp). */
export interface PickedFile {
  path: string;
  name: string;
  size: number;
}

/** Why this file cannot be sent, in words; null when it may go to the preview. */
export function checkRosterFile(file: Pick<PickedFile, 'name' | 'size'>): string | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return m.importWrongType;
  if (file.size > ROSTER_IMPORT_MAX_BYTES) return m.importTooLarge(ROSTER_IMPORT_MAX_BYTES / 1024 / 1024);
  return null;
}

/** A commit refused with IMPORT_HAS_ERRORS carries the fresh preview in `details`. */
export function reportOfError(error: ApiErrorBody): RosterImportReport | null {
  if (error.code !== 'IMPORT_HAS_ERRORS' || isApiErrorBody(error.details)) return null;
  const details = error.details as Partial<RosterImportReport> | undefined;
  return details && Array.isArray(details.rows) && Array.isArray(details.errors) ? (details as RosterImportReport) : null;
}
