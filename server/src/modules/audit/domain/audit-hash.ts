import { createHash } from 'node:crypto';
import { canonicalJson, JsonValue } from './canonical-json';

/**
 * The hashed part of one audit event. Exactly these eleven fields go into the hash, all of them
 * always present (absent values are JSON `null`, never omitted), so an outside verifier can rebuild
 * the hash from a CSV export without knowing our database schema.
 */
export interface AuditEventContent {
  villageId: string;
  /** 1, 2, 3, … per village, no gaps. */
  seq: number;
  /** ISO 8601 UTC with milliseconds, exactly as `Date.prototype.toISOString()` writes it. */
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue | null;
  after: JsonValue | null;
  correlationId: string | null;
}

/** The `prevHash` of every village's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export class AuditEventFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditEventFormatError';
  }
}

const HASH_HEX = /^[0-9a-f]{64}$/;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isHashHex(value: unknown): value is string {
  return typeof value === 'string' && HASH_HEX.test(value);
}

/** 64 lowercase hex characters → 32 raw bytes; also the Merkle leaf bytes of an event. */
export function hashHexToBytes(hashHex: string): Buffer {
  if (!isHashHex(hashHex)) {
    throw new AuditEventFormatError('a hash must be 64 lowercase hexadecimal characters');
  }
  return Buffer.from(hashHex, 'hex');
}

/**
 * Event hash, hex encoded (64 lowercase characters):
 *
 *   hash = SHA-256( prevHashBytes || contentBytes )
 *
 *   prevHashBytes  the previous event's hash decoded from hex: exactly 32 raw bytes
 *                  (GENESIS_HASH, i.e. 32 zero bytes, for seq 1)
 *   contentBytes   UTF-8 of the RFC 8785 canonical JSON of an object with exactly the keys
 *                  actorId, actorRole, action, after, before, correlationId, entityId,
 *                  entityType, occurredAt, seq, villageId (JCS sorts them in that order)
 *
 * There is no separator or length prefix: the first part is always 32 bytes, so the split is
 * unambiguous. Any extra properties on `content` (row id, stored hashes) are ignored.
 */
export function hashEvent(prevHash: string, content: AuditEventContent): string {
  return createHash('sha256').update(eventHashPreimage(prevHash, content)).digest('hex');
}

/** The exact bytes `hashEvent` digests; exposed for verifiers and tests. */
export function eventHashPreimage(prevHash: string, content: AuditEventContent): Buffer {
  if (!isHashHex(prevHash)) {
    throw new AuditEventFormatError('prevHash must be 64 lowercase hexadecimal characters');
  }
  const json = canonicalJson(hashedFields(content));
  return Buffer.concat([Buffer.from(prevHash, 'hex'), Buffer.from(json, 'utf8')]);
}

/**
 * Picks the hashed fields and checks their runtime types. A driver quirk (a BIGINT id arriving as
 * a number, DATETIME arriving as a Date) would otherwise change the hash silently.
 */
function hashedFields(content: AuditEventContent): { [key: string]: JsonValue } {
  assertString(content.villageId, 'villageId');
  assertSeq(content.seq);
  assertOccurredAt(content.occurredAt);
  assertNullableString(content.actorId, 'actorId');
  assertNullableString(content.actorRole, 'actorRole');
  assertString(content.action, 'action');
  assertString(content.entityType, 'entityType');
  assertString(content.entityId, 'entityId');
  assertNullableString(content.correlationId, 'correlationId');
  assertPresent(content.before, 'before');
  assertPresent(content.after, 'after');
  return {
    villageId: content.villageId,
    seq: content.seq,
    occurredAt: content.occurredAt,
    actorId: content.actorId,
    actorRole: content.actorRole,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before,
    after: content.after,
    correlationId: content.correlationId,
  };
}

function assertString(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AuditEventFormatError(`${field} must be a non-empty string`);
  }
}

function assertNullableString(value: unknown, field: string): void {
  if (value !== null && typeof value !== 'string') {
    throw new AuditEventFormatError(`${field} must be a string or null`);
  }
}

function assertPresent(value: unknown, field: string): void {
  // `undefined` would make canonicalJson throw deep inside; name the field instead.
  if (value === undefined) throw new AuditEventFormatError(`${field} must be JSON or null, not undefined`);
}

function assertSeq(value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new AuditEventFormatError('seq must be a positive safe integer');
  }
}

/**
 * True only for the one spelling `toISOString()` produces (UTC, milliseconds): otherwise
 * "…00.000Z" and "…00Z" would be the same instant with different hashes.
 */
export function isIsoUtcMillis(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_UTC_MS.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(value).toISOString() === value
  );
}

function assertOccurredAt(value: unknown): void {
  if (!isIsoUtcMillis(value)) {
    throw new AuditEventFormatError('occurredAt must be ISO 8601 UTC with milliseconds, e.g. 2024-05-01T08:30:00.000Z');
  }
}
