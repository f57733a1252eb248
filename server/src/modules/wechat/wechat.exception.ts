import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum WechatErrorCode {
  InvalidCode = 'WECHAT_INVALID_CODE',
  RateLimited = 'WECHAT_RATE_LIMITED',
  Unavailable = 'WECHAT_UNAVAILABLE',
  PushUnsigned = 'WECHAT_PUSH_UNSIGNED',
  PushSignatureInvalid = 'WECHAT_PUSH_SIGNATURE_INVALID',
  PushMalformed = 'WECHAT_PUSH_MALFORMED',
  PushUnknownTrace = 'WECHAT_PUSH_UNKNOWN_TRACE',
}

const MESSAGES: Record<WechatErrorCode, string> = {
  [WechatErrorCode.InvalidCode]: '微信登录凭证已失效，请关掉小程序重新打开再试',
  [WechatErrorCode.RateLimited]: '登录太频繁了，请过一分钟再试',
  [WechatErrorCode.Unavailable]: '暂时连不上微信服务器，请稍后再试',
  [WechatErrorCode.PushUnsigned]: '消息推送缺少签名（signature、timestamp、nonce）',
  [WechatErrorCode.PushSignatureInvalid]: '消息推送的签名不对：请核对小程序后台“消息推送”的令牌与 WECHAT_PUSH_TOKEN 是否一致',
  [WechatErrorCode.PushMalformed]: '消息推送的内容看不懂：请在小程序后台把数据格式设为 JSON、加解密方式设为明文模式',
  [WechatErrorCode.PushUnknownTrace]: '没有这次图片检测的记录，请稍后重新推送',
};

export class WechatException extends DomainException<WechatErrorCode> {
  constructor(code: WechatErrorCode, details?: { errcode?: number; errmsg?: string; traceId?: string }) {
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
      case WechatErrorCode.PushUnsigned:
        return HttpStatus.UNAUTHORIZED;
      case WechatErrorCode.PushSignatureInvalid:
        return HttpStatus.FORBIDDEN;
      case WechatErrorCode.PushMalformed:
        return HttpStatus.BAD_REQUEST;
      case WechatErrorCode.PushUnknownTrace:
        // Not "success": WeChat is asked to push it again later (its retry policy is not documented).
        return HttpStatus.SERVICE_UNAVAILABLE;
      default:
        return assertNever(this.code);
    }
  }
}
