import { createHash, createPrivateKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import {
  CHECKPOINT_DOMAIN_SEPARATOR,
  CheckpointFormatError,
  checkpointMessage,
  CheckpointStatement,
  generateSigningKeyPair,
  keyId,
  loadPrivateKey,
  loadPublicKey,
  privateKeyPem,
  publicKeyPem,
  rawPublicKey,
  signCheckpoint,
  verifyCheckpoint,
} from './checkpoint-signature';

const statement: CheckpointStatement = {
  villageId: 'v-001',
  treeSize: 20,
  rootHash: 'ab'.repeat(32),
  lastSeq: 20,
  headHash: 'cd'.repeat(32),
  createdAt: '2024-06-01T00:00:00.000Z',
};

// RFC 8032 §7.1 TEST 1 private key seed, wrapped as PKCS#8 (fixed ASN.1 prefix for Ed25519).
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC8032_PKCS8_PEM = [
  '-----BEGIN PRIVATE KEY-----',
  Buffer.from(`302e020100300506032b657004220420${RFC8032_SEED}`, 'hex').toString('base64'),
  '-----END PRIVATE KEY-----',
  '',
].join('\n');

describe('checkpointMessage', () => {
  it('is the domain separator followed by the canonical JSON of exactly the six fields', () => {
    const expected =
      'village-council/audit-checkpoint/v1\n' +
      `{"createdAt":"2024-06-01T00:00:00.000Z","headHash":"${'cd'.repeat(32)}","lastSeq":20,` +
      `"rootHash":"${'ab'.repeat(32)}","treeSize":20,"villageId":"v-001"}`;
    expect(CHECKPOINT_DOMAIN_SEPARATOR).toBe('village-council/audit-checkpoint/v1\n');
    expect(checkpointMessage(statement).toString('utf8')).toBe(expected);
  });

  it('ignores extra properties, so stored rows can be passed as they are', () => {
    const row = { ...statement, id: 7, signature: 'x', keyId: 'y' };
    expect(checkpointMessage(row)).toEqual(checkpointMessage(statement));
  });

  it.each<[string, Partial<Record<keyof CheckpointStatement, unknown>>]>([
    ['empty villageId', { villageId: '' }],
    ['negative treeSize', { treeSize: -1 }],
    ['fractional lastSeq', { lastSeq: 1.5 }],
    ['uppercase rootHash', { rootHash: 'AB'.repeat(32) }],
    ['short headHash', { headHash: 'cd' }],
    ['createdAt without ms', { createdAt: '2024-06-01T00:00:00Z' }],
    ['createdAt impossible date', { createdAt: '2024-02-30T00:00:00.000Z' }],
  ])('rejects %s', (_label, change) => {
    const bad = { ...statement, ...change } as CheckpointStatement;
    expect(() => checkpointMessage(bad)).toThrow(CheckpointFormatError);
  });
});

describe('sign and verify', () => {
  let privateKey: KeyObject;
  let publicKey: KeyObject;

  beforeAll(() => {
    ({ privateKey, publicKey } = generateSigningKeyPair());
  });

  it('round-trips and produces a 64-byte base64 signature', () => {
    const signature = signCheckpoint(statement, privateKey);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(verifyCheckpoint(statement, signature, publicKey)).toBe(true);
  });

  it('signs exactly checkpointMessage (an outside verifier can check with plain Ed25519)', () => {
    const signature = signCheckpoint(statement, privateKey);
    expect(verify(null, checkpointMessage(statement), publicKey, Buffer.from(signature, 'base64'))).toBe(true);
  });

  it.each<[keyof CheckpointStatement, string | number]>([
    ['villageId', 'v-002'],
    ['treeSize', 21],
    ['rootHash', 'ac'.repeat(32)],
    ['lastSeq', 19],
    ['headHash', 'ce'.repeat(32)],
    ['createdAt', '2024-06-01T00:00:00.001Z'],
  ])('fails when %s is tampered', (field, value) => {
    const signature = signCheckpoint(statement, privateKey);
    expect(verifyCheckpoint({ ...statement, [field]: value }, signature, publicKey)).toBe(false);
  });

  it('fails with another key', () => {
    const signature = signCheckpoint(statement, privateKey);
    expect(verifyCheckpoint(statement, signature, generateSigningKeyPair().publicKey)).toBe(false);
  });

  it('fails when the signature covers the JSON without the domain separator', () => {
    const json = checkpointMessage(statement).subarray(Buffer.byteLength(CHECKPOINT_DOMAIN_SEPARATOR));
    const bare = sign(null, json, privateKey).toString('base64');
    expect(verifyCheckpoint(statement, bare, publicKey)).toBe(false);
  });

  it.each<[string, unknown]>([
    ['empty', ''],
    ['not base64', '!!!not base64!!!'],
    ['too short', Buffer.alloc(63).toString('base64')],
    ['too long', Buffer.alloc(65).toString('base64')],
    ['unpadded', Buffer.alloc(64, 1).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.alloc(64, 0xfb).toString('base64url')],
    ['trailing junk', `${Buffer.alloc(64).toString('base64')}AA`],
    ['non-canonical last char', `${Buffer.alloc(64).toString('base64').slice(0, 85)}B==`],
    ['64 zero bytes', Buffer.alloc(64).toString('base64')],
    ['not a string', 42],
  ])('returns false (no throw) for a malformed signature: %s', (_label, signature) => {
    expect(verifyCheckpoint(statement, signature as string, publicKey)).toBe(false);
  });

  it('returns false (no throw) for a malformed statement', () => {
    const signature = signCheckpoint(statement, privateKey);
    expect(verifyCheckpoint({ ...statement, rootHash: 'zz' }, signature, publicKey)).toBe(false);
  });

  it('refuses to sign a malformed statement', () => {
    expect(() => signCheckpoint({ ...statement, lastSeq: -1 }, privateKey)).toThrow(CheckpointFormatError);
  });

  it('refuses keys that are not Ed25519, or the wrong half', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => signCheckpoint(statement, rsa.privateKey)).toThrow(/Ed25519/);
    expect(() => verifyCheckpoint(statement, 'x', rsa.publicKey)).toThrow(/Ed25519/);
    expect(() => signCheckpoint(statement, publicKey)).toThrow(/private key is required/);
  });

  it('verifies with the private key object too (its public half is used)', () => {
    const signature = signCheckpoint(statement, privateKey);
    expect(verifyCheckpoint(statement, signature, privateKey)).toBe(true);
  });
});

describe('key helpers', () => {
  it('matches the RFC 8032 §7.1 TEST 1 public key and signature', () => {
    const privateKey = loadPrivateKey(RFC8032_PKCS8_PEM);
    expect(rawPublicKey(privateKey).toString('hex')).toBe(RFC8032_PUBLIC);
    // TEST 1 signs the empty message; Ed25519 is deterministic, so this pins the key handling.
    expect(sign(null, Buffer.alloc(0), privateKey).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('key id is the first 16 hex of SHA-256 over the raw public key, same for either half', () => {
    const privateKey = loadPrivateKey(RFC8032_PKCS8_PEM);
    const expected = createHash('sha256').update(Buffer.from(RFC8032_PUBLIC, 'hex')).digest('hex').slice(0, 16);
    expect(keyId(privateKey)).toBe(expected);
    expect(keyId(loadPublicKey(publicKeyPem(privateKey)))).toBe(expected);
    expect(keyId(privateKey)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('different keys have different ids', () => {
    expect(keyId(generateSigningKeyPair().publicKey)).not.toBe(keyId(generateSigningKeyPair().publicKey));
  });

  it('PEM round trip keeps the key usable', () => {
    const { privateKey, publicKey } = generateSigningKeyPair();
    const reloaded = loadPrivateKey(privateKeyPem(privateKey));
    const published = loadPublicKey(publicKeyPem(publicKey));
    expect(publicKeyPem(reloaded)).toBe(publicKeyPem(publicKey));
    expect(verifyCheckpoint(statement, signCheckpoint(statement, reloaded), published)).toBe(true);
    expect(privateKeyPem(privateKey)).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKeyPem(publicKey)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('loadPrivateKey and loadPublicKey reject other key types and garbage', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const rsaPem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadPrivateKey(rsaPem)).toThrow(/Ed25519/);
    expect(() => loadPublicKey(rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString())).toThrow(/Ed25519/);
    expect(() => loadPrivateKey('not a pem')).toThrow();
    // A private PEM handed to loadPublicKey yields its public half, which is harmless.
    expect(keyId(loadPublicKey(RFC8032_PKCS8_PEM))).toBe(keyId(createPrivateKey(RFC8032_PKCS8_PEM)));
  });
});
