import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum ProposalErrorCode {
  ProposalNotFound = 'PROPOSAL_NOT_FOUND',
  FileNotFound = 'PROPOSAL_FILE_NOT_FOUND',
  TransitionRefused = 'PROPOSAL_TRANSITION_REFUSED',
  VersionConflict = 'PROPOSAL_VERSION_CONFLICT',
  FileInUse = 'PROPOSAL_FILE_IN_USE',
  MergeTargetInvalid = 'PROPOSAL_MERGE_TARGET_INVALID',
  QueueForbidden = 'PROPOSAL_QUEUE_FORBIDDEN',
  FileLinkInvalid = 'PROPOSAL_FILE_LINK_INVALID',
  FileMissing = 'PROPOSAL_FILE_MISSING',
  FileType = 'PROPOSAL_FILE_TYPE',
  FileTooLarge = 'PROPOSAL_FILE_TOO_LARGE',
  CategoryInvalid = 'PROPOSAL_CATEGORY_INVALID',
  ReasonRequired = 'PROPOSAL_REASON_REQUIRED',
  SettingsInvalid = 'PROPOSAL_SETTINGS_INVALID',
}

/** Proposals' errors, each with a Chinese message saying what to do next. */
export class ProposalException extends DomainException<ProposalErrorCode> {
  constructor(code: ProposalErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static notFound(): ProposalException {
    return new ProposalException(ProposalErrorCode.ProposalNotFound, '本村没有这条提议，请刷新列表后再试');
  }

  static fileNotFound(): ProposalException {
    return new ProposalException(ProposalErrorCode.FileNotFound, '有照片找不到了，请重新上传');
  }

  static versionConflict(): ProposalException {
    return new ProposalException(ProposalErrorCode.VersionConflict, '这条提议已被别人更新，请刷新后再操作');
  }

  /** 409 with the shared flow's reason (proposalTransition); nothing was written. */
  static refused(reason: string, details?: unknown): ProposalException {
    return new ProposalException(ProposalErrorCode.TransitionRefused, reason, details);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case ProposalErrorCode.ProposalNotFound:
      case ProposalErrorCode.FileNotFound:
        return HttpStatus.NOT_FOUND;
      case ProposalErrorCode.QueueForbidden:
      case ProposalErrorCode.FileLinkInvalid:
        return HttpStatus.FORBIDDEN;
      case ProposalErrorCode.TransitionRefused:
      case ProposalErrorCode.VersionConflict:
      case ProposalErrorCode.FileInUse:
      case ProposalErrorCode.MergeTargetInvalid:
        return HttpStatus.CONFLICT;
      case ProposalErrorCode.FileTooLarge:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      case ProposalErrorCode.FileMissing:
      case ProposalErrorCode.FileType:
      case ProposalErrorCode.CategoryInvalid:
      case ProposalErrorCode.ReasonRequired:
      case ProposalErrorCode.SettingsInvalid:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }
}
