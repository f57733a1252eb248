import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from './domain.exception';

export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
}

export class CommonException extends DomainException<CommonErrorCode> {
  constructor(code: CommonErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case CommonErrorCode.ValidationFailed:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }
}
