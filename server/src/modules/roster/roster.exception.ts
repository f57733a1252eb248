import { HttpStatus } from '@nestjs/common';
import { describeIssues, type CompositionIssue } from '@village/shared';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum RosterErrorCode {
  HouseholdNotFound = 'HOUSEHOLD_NOT_FOUND',
  ResidentNotFound = 'RESIDENT_NOT_FOUND',
  GridNotFound = 'GRID_NOT_FOUND',
  VillageGroupNotFound = 'VILLAGE_GROUP_NOT_FOUND',
  AssignmentNotFound = 'ASSIGNMENT_NOT_FOUND',
  CorrectionRequestNotFound = 'CORRECTION_REQUEST_NOT_FOUND',
  VersionConflict = 'VERSION_CONFLICT',
  HouseholdNumberTaken = 'HOUSEHOLD_NUMBER_TAKEN',
  IdNumberTaken = 'ID_NUMBER_TAKEN',
  IdNumberMismatch = 'ID_NUMBER_MISMATCH',
  HouseholdDissolved = 'HOUSEHOLD_DISSOLVED',
  HouseholdNotEmpty = 'HOUSEHOLD_NOT_EMPTY',
  ResidentInactive = 'RESIDENT_INACTIVE',
  RepresentativeNotEligible = 'REPRESENTATIVE_NOT_ELIGIBLE',
  RepresentativeSuccessorRequired = 'REPRESENTATIVE_SUCCESSOR_REQUIRED',
  RepresentativeMustBeAdult = 'REPRESENTATIVE_MUST_BE_ADULT',
  OfficeHolderNotEligible = 'OFFICE_HOLDER_NOT_ELIGIBLE',
  CompositionViolation = 'COMPOSITION_VIOLATION',
  AssignmentEnded = 'ASSIGNMENT_ENDED',
  ImportFileMissing = 'IMPORT_FILE_MISSING',
  ImportFileUnreadable = 'IMPORT_FILE_UNREADABLE',
  ImportFileTooLarge = 'IMPORT_FILE_TOO_LARGE',
  ImportHasErrors = 'IMPORT_HAS_ERRORS',
  CorrectionAnswered = 'CORRECTION_ANSWERED',
  CorrectionLimitReached = 'CORRECTION_LIMIT_REACHED',
}

export class RosterException extends DomainException<RosterErrorCode> {
  constructor(code: RosterErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static householdNotFound(): RosterException {
    return new RosterException(RosterErrorCode.HouseholdNotFound, '没有找到这一户。请刷新名单后再试；网格员只能查看自己网格的户。');
  }

  static residentNotFound(): RosterException {
    return new RosterException(RosterErrorCode.ResidentNotFound, '本村名册里没有这位村民，请刷新名单后再试');
  }

  static gridNotFound(): RosterException {
    return new RosterException(RosterErrorCode.GridNotFound, '本村没有这个网格，请刷新后重新选择');
  }

  static villageGroupNotFound(): RosterException {
    return new RosterException(RosterErrorCode.VillageGroupNotFound, '本村没有这个村民小组，请刷新后重新选择');
  }

  static versionConflict(what: string): RosterException {
    return new RosterException(RosterErrorCode.VersionConflict, `${what}已被别人修改，请刷新后再改`);
  }

  static householdDissolved(number: string): RosterException {
    return new RosterException(RosterErrorCode.HouseholdDissolved, `户号 ${number} 已注销，不能再修改或添加成员`);
  }

  static residentInactive(name: string, status: string): RosterException {
    return new RosterException(RosterErrorCode.ResidentInactive, `${name}已登记为${status}，不能再修改。如登记有误，请联系管理员。`);
  }

  static composition(issues: CompositionIssue[]): RosterException {
    return new RosterException(RosterErrorCode.CompositionViolation, `不能这样做：${describeIssues(issues)}`, { issues });
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case RosterErrorCode.HouseholdNotFound:
      case RosterErrorCode.ResidentNotFound:
      case RosterErrorCode.GridNotFound:
      case RosterErrorCode.VillageGroupNotFound:
      case RosterErrorCode.AssignmentNotFound:
      case RosterErrorCode.CorrectionRequestNotFound:
        return HttpStatus.NOT_FOUND;
      case RosterErrorCode.VersionConflict:
      case RosterErrorCode.HouseholdNumberTaken:
      case RosterErrorCode.IdNumberTaken:
      case RosterErrorCode.HouseholdDissolved:
      case RosterErrorCode.HouseholdNotEmpty:
      case RosterErrorCode.ResidentInactive:
      case RosterErrorCode.RepresentativeNotEligible:
      case RosterErrorCode.RepresentativeSuccessorRequired:
      case RosterErrorCode.RepresentativeMustBeAdult:
      case RosterErrorCode.OfficeHolderNotEligible:
      case RosterErrorCode.CompositionViolation:
      case RosterErrorCode.AssignmentEnded:
      case RosterErrorCode.CorrectionAnswered:
      case RosterErrorCode.CorrectionLimitReached:
        return HttpStatus.CONFLICT;
      case RosterErrorCode.IdNumberMismatch:
      case RosterErrorCode.ImportFileMissing:
      case RosterErrorCode.ImportFileUnreadable:
      case RosterErrorCode.ImportHasErrors:
        return HttpStatus.BAD_REQUEST;
      case RosterErrorCode.ImportFileTooLarge:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      default:
        return assertNever(this.code);
    }
  }
}
