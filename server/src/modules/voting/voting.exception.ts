import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum VotingErrorCode {
  BallotNotFound = 'BALLOT_NOT_FOUND',
  ElectorateNotVisible = 'BALLOT_ELECTORATE_NOT_VISIBLE',
  ReceiptNotFound = 'BALLOT_RECEIPT_NOT_FOUND',
  NotEligible = 'BALLOT_NOT_ELIGIBLE',
  TellerRequired = 'BALLOT_TELLER_REQUIRED',
  AlreadyVoted = 'BALLOT_ALREADY_VOTED',
  VotedInPerson = 'BALLOT_VOTED_IN_PERSON',
  NotOpenYet = 'BALLOT_NOT_OPEN_YET',
  Closed = 'BALLOT_CLOSED',
  NotOpen = 'BALLOT_NOT_OPEN',
  NotDraft = 'BALLOT_NOT_DRAFT',
  VersionConflict = 'BALLOT_VERSION_CONFLICT',
  EmptyElectorate = 'BALLOT_EMPTY_ELECTORATE',
  ClosesAtPassed = 'BALLOT_CLOSES_AT_PASSED',
  PaperCountPending = 'BALLOT_PAPER_COUNT_PENDING',
  PaperCountLocked = 'BALLOT_PAPER_COUNT_LOCKED',
  AttendanceConflict = 'BALLOT_ATTENDANCE_CONFLICT',
  NoTellers = 'BALLOT_NO_TELLERS',
  ResultNotReady = 'BALLOT_RESULT_NOT_READY',
  ReceiptsNotPublic = 'BALLOT_RECEIPTS_NOT_PUBLIC',
  VotesSecret = 'BALLOT_VOTES_SECRET',
  InvalidChoice = 'BALLOT_INVALID_CHOICE',
  InvalidBallot = 'BALLOT_INVALID',
  InvalidPaperCount = 'BALLOT_INVALID_PAPER_COUNT',
  InvalidReceiptCode = 'BALLOT_INVALID_RECEIPT_CODE',
}

export class VotingException extends DomainException<VotingErrorCode> {
  constructor(code: VotingErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static ballotNotFound(): VotingException {
    return new VotingException(VotingErrorCode.BallotNotFound, '本村没有这次表决，请刷新列表后再试');
  }

  static versionConflict(): VotingException {
    return new VotingException(VotingErrorCode.VersionConflict, '这次表决已被别人修改，请刷新后再操作');
  }

  static notDraft(what: string): VotingException {
    return new VotingException(VotingErrorCode.NotDraft, `表决已发布，不能再${what}。已发布的表决记录会完整保留。`);
  }

  static invalid(message: string, details?: unknown): VotingException {
    return new VotingException(VotingErrorCode.InvalidBallot, message, details);
  }

  static tellerRequired(): VotingException {
    return new VotingException(VotingErrorCode.TellerRequired, '只有这次表决的计票人和监票人可以登记现场到会和纸质票');
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case VotingErrorCode.BallotNotFound:
      case VotingErrorCode.ElectorateNotVisible:
      case VotingErrorCode.ReceiptNotFound:
        return HttpStatus.NOT_FOUND;
      case VotingErrorCode.NotEligible:
      case VotingErrorCode.TellerRequired:
        return HttpStatus.FORBIDDEN;
      case VotingErrorCode.AlreadyVoted:
      case VotingErrorCode.VotedInPerson:
      case VotingErrorCode.NotOpenYet:
      case VotingErrorCode.Closed:
      case VotingErrorCode.NotOpen:
      case VotingErrorCode.NotDraft:
      case VotingErrorCode.VersionConflict:
      case VotingErrorCode.EmptyElectorate:
      case VotingErrorCode.ClosesAtPassed:
      case VotingErrorCode.PaperCountPending:
      case VotingErrorCode.PaperCountLocked:
      case VotingErrorCode.AttendanceConflict:
      case VotingErrorCode.NoTellers:
      case VotingErrorCode.ResultNotReady:
      case VotingErrorCode.ReceiptsNotPublic:
      case VotingErrorCode.VotesSecret:
        return HttpStatus.CONFLICT;
      case VotingErrorCode.InvalidChoice:
      case VotingErrorCode.InvalidBallot:
      case VotingErrorCode.InvalidPaperCount:
      case VotingErrorCode.InvalidReceiptCode:
        return HttpStatus.BAD_REQUEST;
      default:
        return assertNever(this.code);
    }
  }
}
