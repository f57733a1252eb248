import { Injectable } from '@nestjs/common';
import { API_PREFIX } from '@village/shared';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { FileLinkSigner, FILE_LINK_TTL_SECONDS, type FileLinkCheck } from '../notices/domain/file-link';
import { fileLinkSecret } from '../notices/notice-file-links';

/**
 * Signed, short-lived links to proposal photos (`/api/proposal-files/<id>?exp=&sig=`), the notices'
 * scheme and secret: a mini-program `<image>` cannot send the session header, and WeChat's
 * mediaCheckAsync downloads the photo by its absolute link.
 */
@Injectable()
export class ProposalFileLinks {
  private readonly signer: FileLinkSigner;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.signer = new FileLinkSigner(fileLinkSecret(config));
  }

  url(fileId: string): string {
    const { exp, sig } = this.signer.sign(fileId, this.clock.now());
    return `/${API_PREFIX}/proposal-files/${fileId}?exp=${exp}&sig=${sig}`;
  }

  check(fileId: string, exp: unknown, sig: unknown): FileLinkCheck {
    return this.signer.check(fileId, exp, sig, this.clock.now());
  }

  readonly maxAgeSeconds = FILE_LINK_TTL_SECONDS;
}
