import { HttpStatus } from '@nestjs/common';
import { refusalMessage, type MatterRefusalDetails, type MatterStage, type UnmetCondition, type WorkflowEventType } from '@village/shared';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum MatterErrorCode {
  MatterNotFound = 'MATTER_NOT_FOUND',
  MeetingNotFound = 'MATTER_MEETING_NOT_FOUND',
  ObjectionNotFound = 'MATTER_OBJECTION_NOT_FOUND',
  OpinionNotFound = 'MATTER_OPINION_NOT_FOUND',
  TypeNotFound = 'MATTER_TYPE_NOT_FOUND',
  FileNotFound = 'MATTER_FILE_NOT_FOUND',
  ResidentNotFound = 'MATTER_RESIDENT_NOT_FOUND',
  BallotNotFound = 'MATTER_BALLOT_NOT_FOUND',
  TransitionRefused = 'MATTER_TRANSITION_REFUSED',
  VersionConflict = 'MATTER_VERSION_CONFLICT',
  MeetingStatus = 'MATTER_MEETING_STATUS',
  ObjectionNotPendingReview = 'MATTER_OBJECTION_NOT_PENDING_REVIEW',
  ScrutineerRequired = 'MATTER_SCRUTINEER_REQUIRED',
  FileMissing = 'MATTER_FILE_MISSING',
  FileType = 'MATTER_FILE_TYPE',
  FileTooLarge = 'MATTER_FILE_TOO_LARGE',
  Invalid = 'MATTER_INVALID',
  TypesInvalid = 'MATTER_TYPES_INVALID',
  AuthorizationInvalid = 'MATTER_AUTHORIZATION_INVALID',
  AuthorizationNotFound = 'MATTER_AUTHORIZATION_NOT_FOUND',
  PetitionInvalid = 'MATTER_PETITION_INVALID',
  PolicyInvalid = 'MATTER_POLICY_INVALID',
  FileLinkInvalid = 'MATTER_FILE_LINK_INVALID',
}

export class MatterException extends DomainException<MatterErrorCode> {
  constructor(code: MatterErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static matterNotFound(): MatterException {
    return new MatterException(MatterErrorCode.MatterNotFound, '本村没有这个议事事项，请刷新列表后再试');
  }

  static meetingNotFound(): MatterException {
    return new MatterException(MatterErrorCode.MeetingNotFound, '这个事项没有这次会议，请刷新后再试');
  }

  static versionConflict(): MatterException {
    return new MatterException(MatterErrorCode.VersionConflict, '这个事项已被别人更新，请刷新后再操作');
  }

  /** 409 with every unmet condition of the shared workflow; nothing was written. */
  static refused(event: WorkflowEventType | 'propose', stage: MatterStage | null, unmet: UnmetCondition[]): MatterException {
    const details: MatterRefusalDetails = { event, stage, unmet };
    return new MatterException(MatterErrorCode.TransitionRefused, refusalMessage(unmet), details);
  }

  static invalid(message: string, details?: unknown): MatterException {
    return new MatterException(MatterErrorCode.Invalid, message, details);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case MatterErrorCode.MatterNotFound:
      case MatterErrorCode.MeetingNotFound:
      case MatterErrorCode.ObjectionNotFound:
      case MatterErrorCode.OpinionNotFound:
      case MatterErrorCode.TypeNotFound:
      case MatterErrorCode.FileNotFound:
      case MatterErrorCode.ResidentNotFound:
      case MatterErrorCode.BallotNotFound:
      case MatterErrorCode.AuthorizationNotFound:
        return HttpStatus.NOT_FOUND;
      case MatterErrorCode.ScrutineerRequired:
      case MatterErrorCode.FileLinkInvalid:
        return HttpStatus.FORBIDDEN;
      case MatterErrorCode.TransitionRefused:
      case MatterErrorCode.VersionConflict:
      case MatterErrorCode.MeetingStatus:
      case MatterErrorCode.ObjectionNotPendingReview:
      case MatterErrorCode.AuthorizationInvalid:
        return HttpStatus.CONFLICT;
      case MatterErrorCode.FileTooLarge:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      case MatterErrorCode.FileMissing:
      case MatterErrorCode.FileType:
      case MatterErrorCode.Invalid:
      case MatterErrorCode.TypesInvalid:
      case MatterErrorCode.PetitionInvalid:
      case MatterErrorCode.PolicyInvalid:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }
}
