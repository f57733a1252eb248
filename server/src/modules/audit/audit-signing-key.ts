import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadOrCreateKeyFile } from '../../common/crypto/key-file';
import { type AppConfig, decodePemSetting } from '../../config/app-config';
import {
  generateSigningKeyPair,
  keyId,
  loadPrivateKey,
  loadPublicKey,
  privateKeyPem,
  publicKeyPem,
  signCheckpoint,
  verifyCheckpoint,
  type CheckpointStatement,
} from './domain';

/** Where the development key lives when AUDIT_SIGNING_KEY is not set (never in production). */
export const AUDIT_KEY_FILE = 'audit-signing-key.pem';

/**
 * The server's Ed25519 checkpoint key. Its public half (and key id) is published at
 * GET /api/audit/public-key so anyone can check a checkpoint without trusting the server.
 * A verifier built from a published public key alone can check but not sign.
 */
export class AuditSigningKey {
  readonly keyId: string;
  readonly publicKeyPem: string;

  private constructor(
    private readonly privateKey: KeyObject | null,
    private readonly publicKey: KeyObject,
  ) {
    this.keyId = keyId(publicKey);
    this.publicKeyPem = publicKeyPem(publicKey);
  }

  /** From AUDIT_SIGNING_KEY, or outside production the key file in KEYS_DIR, made on first use. */
  static fromConfig(config: AppConfig): AuditSigningKey {
    if (config.AUDIT_SIGNING_KEY) return AuditSigningKey.fromPrivatePem(decodePemSetting(config.AUDIT_SIGNING_KEY));
    // loadConfig refuses production without the key; this is the development and demo path.
    const path = join(config.KEYS_DIR, AUDIT_KEY_FILE);
    new Logger(AuditSigningKey.name).warn(`AUDIT_SIGNING_KEY not set: using the development key file ${path}`);
    return AuditSigningKey.fromPrivatePem(loadOrCreateKeyFile(path, () => privateKeyPem(generateSigningKeyPair().privateKey)));
  }

  /** Like fromConfig, but never creates a key file: for command-line verifiers. Null when there is no key. */
  static existing(config: AppConfig): AuditSigningKey | null {
    if (config.AUDIT_SIGNING_KEY) return AuditSigningKey.fromPrivatePem(decodePemSetting(config.AUDIT_SIGNING_KEY));
    const path = join(config.KEYS_DIR, AUDIT_KEY_FILE);
    return existsSync(path) ? AuditSigningKey.fromPrivatePem(readFileSync(path, 'utf8')) : null;
  }

  static fromPrivatePem(pem: string): AuditSigningKey {
    const privateKey = loadPrivateKey(pem);
    return new AuditSigningKey(privateKey, loadPublicKey(publicKeyPem(privateKey)));
  }

  static fromPublicPem(pem: string): AuditSigningKey {
    return new AuditSigningKey(null, loadPublicKey(pem));
  }

  static generate(): AuditSigningKey {
    const { privateKey, publicKey } = generateSigningKeyPair();
    return new AuditSigningKey(privateKey, publicKey);
  }

  get canSign(): boolean {
    return this.privateKey !== null;
  }

  sign(statement: CheckpointStatement): string {
    if (!this.privateKey) throw new Error('this audit key is public only and cannot sign');
    return signCheckpoint(statement, this.privateKey);
  }

  /** True only for a signature by this key over exactly this statement. */
  verify(statement: CheckpointStatement, signature: string, signedByKeyId: string): boolean {
    return signedByKeyId === this.keyId && verifyCheckpoint(statement, signature, this.publicKey);
  }
}
