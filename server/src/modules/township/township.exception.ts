import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum TownshipErrorCode {
  VillageNotInTownship = 'VILLAGE_NOT_IN_TOWNSHIP',
}

export class TownshipException extends DomainException<TownshipErrorCode> {
  static villageNotInTownship(): TownshipException {
    return new TownshipException(TownshipErrorCode.VillageNotInTownship, '本乡镇没有这个村，请从村列表里重新打开');
  }

  private constructor(code: TownshipErrorCode, message: string) {
    super(code, message);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case TownshipErrorCode.VillageNotInTownship:
        return HttpStatus.NOT_FOUND;
      default:
        return assertNever(this.code);
    }
  }
}
