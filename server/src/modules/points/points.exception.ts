import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum PointsErrorCode {
  /** 404: a rule book, record, appeal, product, redemption, household or photo not in this village. */
  NotFound = 'POINTS_NOT_FOUND',
  /** 400: input the rules refuse (rule-book items, an item code not in the book, a day out of range …). */
  Invalid = 'POINTS_INVALID',
  /** 403: the right role but not for this household or grid (a grid leader outside their grid …). */
  Forbidden = 'POINTS_FORBIDDEN',
  /** 409: the state does not allow it now (no adopted rule book, window closed, already decided …). */
  Refused = 'POINTS_REFUSED',
  /** 409: someone saved in between. */
  VersionConflict = 'POINTS_VERSION_CONFLICT',
  /** 409: the household's balance does not cover the price. */
  InsufficientBalance = 'POINTS_INSUFFICIENT_BALANCE',
  /** 409: the product is sold out. */
  OutOfStock = 'POINTS_OUT_OF_STOCK',
  FileMissing = 'POINTS_FILE_MISSING',
  FileType = 'POINTS_FILE_TYPE',
  FileTooLarge = 'POINTS_FILE_TOO_LARGE',
  FileLinkInvalid = 'POINTS_FILE_LINK_INVALID',
}

/** Points' errors, each with a Chinese message saying what to do next. */
export class PointsException extends DomainException<PointsErrorCode> {
  constructor(code: PointsErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static notFound(what: string): PointsException {
    return new PointsException(PointsErrorCode.NotFound, `本村没有这个${what}，请刷新后再试`);
  }

  static invalid(message: string, details?: unknown): PointsException {
    return new PointsException(PointsErrorCode.Invalid, message, details);
  }

  static forbidden(message: string): PointsException {
    return new PointsException(PointsErrorCode.Forbidden, message);
  }

  static refused(message: string, details?: unknown): PointsException {
    return new PointsException(PointsErrorCode.Refused, message, details);
  }

  static versionConflict(what: string): PointsException {
    return new PointsException(PointsErrorCode.VersionConflict, `${what}已被别人改过，请刷新后再改`);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case PointsErrorCode.NotFound:
        return HttpStatus.NOT_FOUND;
      case PointsErrorCode.Forbidden:
      case PointsErrorCode.FileLinkInvalid:
        return HttpStatus.FORBIDDEN;
      case PointsErrorCode.Refused:
      case PointsErrorCode.VersionConflict:
      case PointsErrorCode.InsufficientBalance:
      case PointsErrorCode.OutOfStock:
        return HttpStatus.CONFLICT;
      case PointsErrorCode.FileTooLarge:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      case PointsErrorCode.Invalid:
      case PointsErrorCode.FileMissing:
      case PointsErrorCode.FileType:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }
}
