import { hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { API_PREFIX } from '@village/shared';
import { Clock } from '../../common/clock';
import { loadOrCreateKeyFile } from '../../common/crypto/key-file';
import { AppConfig } from '../../config/app-config';
import { FileLinkSigner, type FileLinkCheck } from './domain/file-link';

export const FILE_LINK_KEY_FILE = 'notice-file-link.key';

/**
 * The secret behind attachment links: NOTICE_FILE_URL_SECRET; else derived (HKDF) from
 * FIELD_ENCRYPTION_KEY, so production needs no extra secret; else, outside production, a key file.
 */
export function fileLinkSecret(config: AppConfig): Buffer {
  if (config.NOTICE_FILE_URL_SECRET) return Buffer.from(config.NOTICE_FILE_URL_SECRET, 'utf8');
  if (config.FIELD_ENCRYPTION_KEY) {
    return Buffer.from(hkdfSync('sha256', Buffer.from(config.FIELD_ENCRYPTION_KEY, 'base64'), Buffer.alloc(0), 'village-council/notice-file-link/v1', 32));
  }
  const path = join(config.KEYS_DIR, FILE_LINK_KEY_FILE);
  new Logger('NoticeFileLinks').warn(`NOTICE_FILE_URL_SECRET not set: using the development key file ${path}`);
  return Buffer.from(loadOrCreateKeyFile(path, () => randomBytes(32).toString('base64')), 'base64');
}

/**
 * Signed, short-lived links to attachments: `/api/notice-files/<id>?exp=&sig=`, relative to the API's
 * own origin (the mini-program prefixes its API base; the H5 build is served from the same origin).
 */
@Injectable()
export class NoticeFileLinks {
  private readonly signer: FileLinkSigner;
  private readonly base: string;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.signer = new FileLinkSigner(fileLinkSecret(config));
    this.base = `/${API_PREFIX}/notice-files`;
  }

  url(attachmentId: string): string {
    const { exp, sig } = this.signer.sign(attachmentId, this.clock.now());
    return `${this.base}/${attachmentId}?exp=${exp}&sig=${sig}`;
  }

  check(attachmentId: string, exp: unknown, sig: unknown): FileLinkCheck {
    return this.signer.check(attachmentId, exp, sig, this.clock.now());
  }

  /** Seconds the link stays valid from now (for Cache-Control). */
  secondsLeft(exp: string): number {
    return Math.max(0, Number(exp) - Math.floor(this.clock.now().getTime() / 1000));
  }
}
