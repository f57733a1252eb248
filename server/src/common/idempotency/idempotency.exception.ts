import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../errors/domain.exception';

export enum IdempotencyErrorCode {
  InProgress = 'IDEMPOTENCY_IN_PROGRESS',
  KeyReused = 'IDEMPOTENCY_KEY_REUSED',
  KeyInvalid = 'IDEMPOTENCY_KEY_INVALID',
}

const MESSAGES: Record<IdempotencyErrorCode, string> = {
  [IdempotencyErrorCode.InProgress]: '上一次提交还在处理中，请稍等几秒再看结果',
  [IdempotencyErrorCode.KeyReused]: '这次提交的内容和上一次不一样，请刷新页面后重新提交',
  [IdempotencyErrorCode.KeyInvalid]: '提交编号的格式不对，请刷新页面后重新提交',
};

export class IdempotencyException extends DomainException<IdempotencyErrorCode> {
  constructor(code: IdempotencyErrorCode) {
    super(code, MESSAGES[code]);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case IdempotencyErrorCode.InProgress:
        return HttpStatus.CONFLICT;
      case IdempotencyErrorCode.KeyReused:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case IdempotencyErrorCode.KeyInvalid:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }
}
