import { Injectable, PipeTransform } from '@nestjs/common';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';

/** `:seq` route parameters: a positive integer, or a 400 in the one error shape before any query runs. */
@Injectable()
export class SeqParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw new CommonException(CommonErrorCode.ValidationFailed, '记录序号必须是从 1 开始的整数');
    }
    return Number(value);
  }
}
