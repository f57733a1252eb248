import type { ApiErrorBody } from '@village/shared';

/** The server's per-field problems (VALIDATION_FAILED details: `[{ field, messages }]`), by field name. */
export function fieldErrorsOf(error: ApiErrorBody): Record<string, string> {
  const out: Record<string, string> = {};
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
    for (const item of error.details as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { field, messages } = item as { field?: unknown; messages?: unknown };
      if (typeof field !== 'string' || !Array.isArray(messages)) continue;
      // Nested fields (firstMember.name) are shown on the last part.
      const key = field.split('.').pop() ?? field;
      const text = messages.filter((x): x is string => typeof x === 'string').join('；');
      if (text && !out[key]) out[key] = text;
    }
  }
  // Domain errors that belong to one field.
  if (error.code === 'ID_NUMBER_MISMATCH' || error.code === 'ID_NUMBER_TAKEN') out.idNumber = error.message;
  return out;
}
