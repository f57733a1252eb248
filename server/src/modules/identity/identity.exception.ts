import { HttpStatus } from '@nestjs/common';
import { ROLE_LABELS, type Role } from '@village/shared';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum IdentityErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  SessionExpired = 'SESSION_EXPIRED',
  RefreshInvalid = 'REFRESH_INVALID',
  NotBound = 'NOT_BOUND',
  RoleRequired = 'ROLE_REQUIRED',
  AccessUndeclared = 'ACCESS_UNDECLARED',
  BindingCodeInvalid = 'BINDING_CODE_INVALID',
  BindingCodeExpired = 'BINDING_CODE_EXPIRED',
  BindingCodeUsed = 'BINDING_CODE_USED',
  BindingRateLimited = 'BINDING_RATE_LIMITED',
  AccountAlreadyBound = 'ACCOUNT_ALREADY_BOUND',
  ResidentAlreadyBound = 'RESIDENT_ALREADY_BOUND',
  ResidentNotBound = 'RESIDENT_NOT_BOUND',
  ResidentNotFound = 'RESIDENT_NOT_FOUND',
  ResidentInactive = 'RESIDENT_INACTIVE',
  DemoUnavailable = 'DEMO_UNAVAILABLE',
  UnknownPersona = 'UNKNOWN_PERSONA',
  PrivacyVersionOutdated = 'PRIVACY_VERSION_OUTDATED',
  ChannelDataInvalid = 'CHANNEL_DATA_INVALID',
  ChannelBoundElsewhere = 'CHANNEL_BOUND_ELSEWHERE',
  ChannelNotBound = 'CHANNEL_NOT_BOUND',
}

export class IdentityException extends DomainException<IdentityErrorCode> {
  constructor(code: IdentityErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static unauthenticated(): IdentityException {
    return new IdentityException(IdentityErrorCode.Unauthenticated, '请先登录');
  }

  static sessionExpired(): IdentityException {
    return new IdentityException(IdentityErrorCode.SessionExpired, '登录已过期，请重新登录');
  }

  static notBound(): IdentityException {
    return new IdentityException(IdentityErrorCode.NotBound, '您还没有绑定村民身份。请输入村委会给您的 6 位绑定码。');
  }

  static roleRequired(roles: readonly Role[]): IdentityException {
    const names = roles.map((r) => ROLE_LABELS[r]).join('、');
    return new IdentityException(IdentityErrorCode.RoleRequired, `这件事只有${names}才能办`, { roles });
  }

  static residentNotFound(): IdentityException {
    return new IdentityException(IdentityErrorCode.ResidentNotFound, '本村没有这位村民，请刷新名单后再试');
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case IdentityErrorCode.Unauthenticated:
      case IdentityErrorCode.SessionExpired:
      case IdentityErrorCode.RefreshInvalid:
        return HttpStatus.UNAUTHORIZED;
      case IdentityErrorCode.NotBound:
      case IdentityErrorCode.RoleRequired:
      case IdentityErrorCode.AccessUndeclared:
        return HttpStatus.FORBIDDEN;
      case IdentityErrorCode.BindingCodeInvalid:
      case IdentityErrorCode.BindingCodeExpired:
      case IdentityErrorCode.BindingCodeUsed:
      case IdentityErrorCode.ChannelDataInvalid:
      case IdentityErrorCode.PrivacyVersionOutdated:
        return HttpStatus.BAD_REQUEST;
      case IdentityErrorCode.BindingRateLimited:
        return HttpStatus.TOO_MANY_REQUESTS;
      case IdentityErrorCode.AccountAlreadyBound:
      case IdentityErrorCode.ResidentAlreadyBound:
      case IdentityErrorCode.ResidentNotBound:
      case IdentityErrorCode.ResidentInactive:
      case IdentityErrorCode.ChannelBoundElsewhere:
        return HttpStatus.CONFLICT;
      case IdentityErrorCode.ResidentNotFound:
      case IdentityErrorCode.DemoUnavailable:
      case IdentityErrorCode.UnknownPersona:
      case IdentityErrorCode.ChannelNotBound:
        return HttpStatus.NOT_FOUND;
      default:
        return assertNever(this.code);
    }
  }
}
