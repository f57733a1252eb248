import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import { isHashHex, isIsoUtcMillis } from './audit-hash';
import { canonicalJson } from './canonical-json';

/** What a published audit checkpoint vouches for. */
export interface CheckpointStatement {
  villageId: string;
  /** Number of Merkle leaves (events) covered. */
  treeSize: number;
  /** RFC 9162 Merkle root over the event hashes, 64 lowercase hex. */
  rootHash: string;
  lastSeq: number;
  /** `hash` of the event at `lastSeq` (GENESIS_HASH when there are none), 64 lowercase hex. */
  headHash: string;
  /** ISO 8601 UTC with milliseconds. */
  createdAt: string;
}

/**
 * Prepended to every signed message so a checkpoint signature can never be replayed as a
 * signature over anything else this key might sign, and so a v2 format cannot be confused with v1.
 */
export const CHECKPOINT_DOMAIN_SEPARATOR = 'village-council/audit-checkpoint/v1\n';

export class CheckpointFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckpointFormatError';
  }
}

/**
 * The signed bytes:
 *
 *   UTF-8( "village-council/audit-checkpoint/v1\n" ) || UTF-8( JCS({ createdAt, headHash,
 *   lastSeq, rootHash, treeSize, villageId }) )
 *
 * Exactly those six keys; any other property on `statement` is ignored.
 */
export function checkpointMessage(statement: CheckpointStatement): Buffer {
  const fields = checkedFields(statement);
  return Buffer.from(CHECKPOINT_DOMAIN_SEPARATOR + canonicalJson({ ...fields }), 'utf8');
}

/** Ed25519 signature (64 bytes), standard base64 with padding. */
export function signCheckpoint(statement: CheckpointStatement, privateKey: KeyObject): string {
  assertEd25519(privateKey, 'private');
  return sign(null, checkpointMessage(statement), privateKey).toString('base64');
}

/**
 * False for any signature that does not verify, including malformed statements and signatures:
 * they come from outside (a published notice), so bad input is an answer, not a crash.
 */
export function verifyCheckpoint(statement: CheckpointStatement, signatureBase64: string, publicKey: KeyObject): boolean {
  assertEd25519(publicKey, 'public');
  const signature = decodeSignature(signatureBase64);
  if (!signature) return false;
  let message: Buffer;
  try {
    message = checkpointMessage(statement);
  } catch {
    return false;
  }
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}

export function generateSigningKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

/** PKCS#8 PEM, as kept in the secret store. */
export function loadPrivateKey(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  assertEd25519(key, 'private');
  return key;
}

/** SPKI PEM, as published for outside verifiers. */
export function loadPublicKey(pem: string): KeyObject {
  const key = createPublicKey({ key: pem, format: 'pem' });
  assertEd25519(key, 'public');
  return key;
}

export function privateKeyPem(key: KeyObject): string {
  assertEd25519(key, 'private');
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}

/** SPKI PEM of the public half; accepts either half of the pair. */
export function publicKeyPem(key: KeyObject): string {
  return toPublic(key).export({ format: 'pem', type: 'spki' }).toString();
}

/** First 16 hex characters of SHA-256 over the raw 32-byte Ed25519 public key. */
export function keyId(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 16);
}

/** The raw 32-byte Ed25519 public key (RFC 8032 encoding); accepts either half of the pair. */
export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = toPublic(key).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new CheckpointFormatError('Ed25519 key has no public component');
  return Buffer.from(jwk.x, 'base64url');
}

function toPublic(key: KeyObject): KeyObject {
  if (key.type === 'private') {
    assertEd25519(key, 'private');
    return createPublicKey(key);
  }
  assertEd25519(key, 'public');
  return key;
}

function assertEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (!(key instanceof KeyObject) || key.asymmetricKeyType !== 'ed25519') {
    throw new CheckpointFormatError('checkpoint keys must be Ed25519');
  }
  // A public key handed to signCheckpoint would fail deep inside OpenSSL; say so plainly.
  if (type === 'private' && key.type !== 'private') {
    throw new CheckpointFormatError('an Ed25519 private key is required here');
  }
}

// Canonical base64 of exactly 64 bytes; Buffer.from(…, 'base64') would silently skip junk.
const SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

function decodeSignature(signatureBase64: unknown): Buffer | null {
  if (typeof signatureBase64 !== 'string' || !SIGNATURE_BASE64.test(signatureBase64)) return null;
  return Buffer.from(signatureBase64, 'base64');
}

function checkedFields(s: CheckpointStatement): CheckpointStatement {
  if (typeof s.villageId !== 'string' || s.villageId.length === 0) {
    throw new CheckpointFormatError('villageId must be a non-empty string');
  }
  for (const [name, value] of [
    ['treeSize', s.treeSize],
    ['lastSeq', s.lastSeq],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new CheckpointFormatError(`${name} must be a non-negative integer`);
    }
  }
  if (!isHashHex(s.rootHash)) throw new CheckpointFormatError('rootHash must be 64 lowercase hex');
  if (!isHashHex(s.headHash)) throw new CheckpointFormatError('headHash must be 64 lowercase hex');
  if (!isIsoUtcMillis(s.createdAt)) throw new CheckpointFormatError('createdAt must be ISO 8601 UTC with milliseconds');
  return {
    villageId: s.villageId,
    treeSize: s.treeSize,
    rootHash: s.rootHash,
    lastSeq: s.lastSeq,
    headHash: s.headHash,
    createdAt: s.createdAt,
  };
}
