import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum WechatErrorCode {
  InvalidCode = 'WECHAT_INVALID_CODE',
  RateLimited = 'WECHAT_RATE_LIMITED',
  Unavailable = 'WECHAT_UNAVAILABLE',
}

const MESSAGES: Record<WechatErrorCode, string> = {
  [WechatErrorCode.InvalidCode]: '微信登录凭证已失效，请关掉小程序重新打开再试',
  [WechatErrorCode.RateLimited]: '登录太频繁了，请过一分钟再试',
  [WechatErrorCode.Unavailable]: '暂时连不上微信服务器，请稍后再试',
};

export class WechatException extends DomainException<WechatErrorCode> {
  constructor(code: WechatErrorCode, details?: { errcode: number; errmsg?: string }) {
    super(code, MESSAGES[code], details);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case WechatErrorCode.InvalidCode:
        return HttpStatus.UNAUTHORIZED;
      case WechatErrorCode.RateLimited:
        return HttpStatus.TOO_MANY_REQUESTS;
      case WechatErrorCode.Unavailable:
        return HttpStatus.BAD_GATEWAY;
      default:
        return assertNever(this.code);
    }
  }
}
