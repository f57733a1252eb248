import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum VillagesErrorCode {
  VillageNotFound = 'VILLAGE_NOT_FOUND',
}

export class VillagesException extends DomainException<VillagesErrorCode> {
  static villageNotFound(code: string): VillagesException {
    return new VillagesException(
      VillagesErrorCode.VillageNotFound,
      `没有找到代码为 ${code} 的村。请联系管理员检查服务器的村设置（DEFAULT_VILLAGE_CODE）。`,
    );
  }

  private constructor(code: VillagesErrorCode, message: string) {
    super(code, message);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case VillagesErrorCode.VillageNotFound:
        return HttpStatus.NOT_FOUND;
      default:
        return assertNever(this.code);
    }
  }
}
