import { createHash } from 'node:crypto';
import type { JsonValue } from '../../audit/domain';
import type { Notice } from '../entities';

/**
 * A notice as the audit trail records it. The body goes in as its SHA-256 and length, not verbatim:
 * that proves exactly what was published without copying up to 20 000 characters into every event.
 */
export function noticeSnapshot(notice: Notice): JsonValue {
  return {
    kind: notice.kind,
    title: notice.title,
    status: notice.status,
    audience: notice.audience,
    pinned: notice.pinned,
    window: { startsOn: notice.startsOn, endsOn: notice.endsOn },
    bodySha256: sha256(notice.body),
    bodyLength: [...notice.body].length,
    supersedesId: notice.supersedesId,
    source: notice.sourceEntityType ? { entityType: notice.sourceEntityType, entityId: notice.sourceEntityId } : null,
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A unique-key violation on SQLite or MySQL: someone else inserted the same row first. */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
