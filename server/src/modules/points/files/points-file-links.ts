import { Injectable } from '@nestjs/common';
import { API_PREFIX } from '@village/shared';
import { Clock } from '../../../common/clock';
import { AppConfig } from '../../../config/app-config';
import { FileLinkSigner, FILE_LINK_TTL_SECONDS, type FileLinkCheck } from '../../notices/domain/file-link';
import { fileLinkSecret } from '../../notices/notice-file-links';

/**
 * Signed, short-lived links to points photos (`/api/points/files/<id>?exp=&sig=`), the notices'
 * scheme and secret: a mini-program `<image>` sends no session header, and WeChat's mediaCheckAsync
 * downloads the photo by its link.
 */
@Injectable()
export class PointsFileLinks {
  private readonly signer: FileLinkSigner;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.signer = new FileLinkSigner(fileLinkSecret(config));
  }

  url(fileId: string): string {
    const { exp, sig } = this.signer.sign(fileId, this.clock.now());
    return `/${API_PREFIX}/points/files/${fileId}?exp=${exp}&sig=${sig}`;
  }

  check(fileId: string, exp: unknown, sig: unknown): FileLinkCheck {
    return this.signer.check(fileId, exp, sig, this.clock.now());
  }

  readonly maxAgeSeconds = FILE_LINK_TTL_SECONDS;
}
