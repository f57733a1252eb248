import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';

export enum NoticeErrorCode {
  NoticeNotFound = 'NOTICE_NOT_FOUND',
  AttachmentNotFound = 'NOTICE_ATTACHMENT_NOT_FOUND',
  QueryNotFound = 'NOTICE_QUERY_NOT_FOUND',
  HouseholdNotFound = 'NOTICE_HOUSEHOLD_NOT_FOUND',
  GridNotFound = 'NOTICE_GRID_NOT_FOUND',
  KindNotAllowed = 'NOTICE_KIND_NOT_ALLOWED',
  StatusNotAllowed = 'NOTICE_STATUS_NOT_ALLOWED',
  SignerIsAuthor = 'NOTICE_SIGNER_IS_AUTHOR',
  FileLinkInvalid = 'NOTICE_FILE_LINK_INVALID',
  FileLinkExpired = 'NOTICE_FILE_LINK_EXPIRED',
  PublishedImmutable = 'NOTICE_PUBLISHED_IMMUTABLE',
  AwaitingSignoff = 'NOTICE_AWAITING_SIGNOFF',
  NotDraft = 'NOTICE_NOT_DRAFT',
  NotPendingSignoff = 'NOTICE_NOT_PENDING_SIGNOFF',
  SignoffNotRequired = 'NOTICE_SIGNOFF_NOT_REQUIRED',
  NotPublished = 'NOTICE_NOT_PUBLISHED',
  AlreadySuperseded = 'NOTICE_ALREADY_SUPERSEDED',
  WindowStale = 'NOTICE_WINDOW_STALE',
  AttachmentLimit = 'NOTICE_ATTACHMENT_LIMIT',
  AlreadyReached = 'NOTICE_ALREADY_REACHED',
  QueryNotOpen = 'NOTICE_QUERY_NOT_OPEN',
  QueryNotPendingReview = 'NOTICE_QUERY_NOT_PENDING_REVIEW',
  WindowInvalid = 'NOTICE_WINDOW_INVALID',
  AudienceNotAllowed = 'NOTICE_AUDIENCE_NOT_ALLOWED',
  AttachmentMissing = 'NOTICE_ATTACHMENT_MISSING',
  AttachmentType = 'NOTICE_ATTACHMENT_TYPE',
  ReasonRequired = 'NOTICE_REASON_REQUIRED',
  PartyMemberRequired = 'NOTICE_PARTY_MEMBER_REQUIRED',
  AttachmentTooLarge = 'NOTICE_ATTACHMENT_TOO_LARGE',
}

/** Errors of public notices (村务公开), each with a Chinese message saying what to do next. */
export class NoticeException extends DomainException<NoticeErrorCode> {
  constructor(code: NoticeErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static noticeNotFound(): NoticeException {
    return new NoticeException(NoticeErrorCode.NoticeNotFound, '没有找到这条公开，可能已被删除或您无权查看。请返回列表刷新后再试。');
  }

  static queryNotFound(): NoticeException {
    return new NoticeException(NoticeErrorCode.QueryNotFound, '没有找到这条询问，请刷新后再试');
  }

  static attachmentNotFound(): NoticeException {
    return new NoticeException(NoticeErrorCode.AttachmentNotFound, '没有找到这个附件，请刷新后再试');
  }

  static householdNotFound(): NoticeException {
    return new NoticeException(NoticeErrorCode.HouseholdNotFound, '没有找到这一户。网格员只能登记自己网格的户，请刷新名单后再试。');
  }

  static gridNotFound(): NoticeException {
    return new NoticeException(NoticeErrorCode.GridNotFound, '没有这个网格，或不是您负责的网格，请重新选择');
  }

  static publishedImmutable(): NoticeException {
    return new NoticeException(
      NoticeErrorCode.PublishedImmutable,
      '已公开的内容不能再修改。如有错误，请在这条公开上点“发布更正”：更正公告发布后会替代原公告，两份都留存可查。',
    );
  }

  static awaitingSignoff(): NoticeException {
    return new NoticeException(NoticeErrorCode.AwaitingSignoff, '这条财务公开正在等监委会审核，暂时不能修改。如需修改，请监委会先退回。');
  }

  static windowInvalid(message: string): NoticeException {
    return new NoticeException(NoticeErrorCode.WindowInvalid, message);
  }

  static windowStale(message: string): NoticeException {
    return new NoticeException(NoticeErrorCode.WindowStale, `${message}。请先修改公开日期，再发布。`);
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case NoticeErrorCode.NoticeNotFound:
      case NoticeErrorCode.AttachmentNotFound:
      case NoticeErrorCode.QueryNotFound:
      case NoticeErrorCode.HouseholdNotFound:
      case NoticeErrorCode.GridNotFound:
        return HttpStatus.NOT_FOUND;
      case NoticeErrorCode.KindNotAllowed:
      case NoticeErrorCode.StatusNotAllowed:
      case NoticeErrorCode.SignerIsAuthor:
      case NoticeErrorCode.FileLinkInvalid:
      case NoticeErrorCode.FileLinkExpired:
        return HttpStatus.FORBIDDEN;
      case NoticeErrorCode.PublishedImmutable:
      case NoticeErrorCode.AwaitingSignoff:
      case NoticeErrorCode.NotDraft:
      case NoticeErrorCode.NotPendingSignoff:
      case NoticeErrorCode.SignoffNotRequired:
      case NoticeErrorCode.NotPublished:
      case NoticeErrorCode.AlreadySuperseded:
      case NoticeErrorCode.WindowStale:
      case NoticeErrorCode.AttachmentLimit:
      case NoticeErrorCode.AlreadyReached:
      case NoticeErrorCode.QueryNotOpen:
      case NoticeErrorCode.QueryNotPendingReview:
        return HttpStatus.CONFLICT;
      case NoticeErrorCode.WindowInvalid:
      case NoticeErrorCode.AudienceNotAllowed:
      case NoticeErrorCode.AttachmentMissing:
      case NoticeErrorCode.AttachmentType:
      case NoticeErrorCode.ReasonRequired:
      case NoticeErrorCode.PartyMemberRequired:
        return HttpStatus.BAD_REQUEST;
      case NoticeErrorCode.AttachmentTooLarge:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      default:
        return assertNever(this.code);
    }
  }
}
