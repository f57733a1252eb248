import { ParseUUIDPipe } from '@nestjs/common';
import { CommonErrorCode, CommonException } from '../errors/common.exception';

/** Route ids are UUIDs; anything else is a 400 in the one error shape, before any query runs. */
export const IdParam = new ParseUUIDPipe({
  exceptionFactory: () => new CommonException(CommonErrorCode.ValidationFailed, '编号的格式不对，请从列表里重新打开'),
});
