import {
  NOTICE_CATEGORIES,
  NOTICE_KIND_LABELS,
  type NoticeAudience,
  type NoticeCategory,
  type NoticeDetail,
  type NoticeKind,
  type NoticeStatus,
  type Role,
  NOTICE_AWARENESS_ROLES,
  NOTICE_SIGNOFF_ROLES,
  holdsAnyRole as holdsAny,
  isNoticeCategory as isCategory,
  mayAuthorNotice as mayAuthor,
  mayManageNotice as mayManage,
} from '@village/shared';
import { NoticeErrorCode, NoticeException } from '../notices.exception';

/*
 * Who may do what with a notice, and which status each action needs, as plain functions: the
 * controllers' @Roles only let the right offices in, these decide per notice. The service applies
 * them inside the unit of work (the village's writes are serialised there, so check-then-act holds).
 */

export interface NoticeFacts {
  kind: NoticeKind;
  status: NoticeStatus;
  audience: NoticeAudience;
  authorResidentId: string | null;
  submittedByResidentId: string | null;
  supersededById: string | null;
  signoffDecision: 'approved' | 'refused' | null;
}

export interface NoticeViewer {
  residentId: string;
  roles: readonly Role[];
}

/**
 * Whether the viewer may know the notice exists (otherwise it answers 404): published and archived
 * notices for everyone in the village, party-only ones for party members only; drafts for those who
 * could write them; a finance notice awaiting sign-off (or sent back by them) also for the 监委会.
 */
export function maySee(notice: NoticeFacts, viewer: NoticeViewer): boolean {
  if (notice.audience === 'party_members' && !viewer.roles.includes('party_member')) return false;
  switch (notice.status) {
    case 'published':
    case 'archived':
      return true;
    case 'draft':
      // A finance draft the 监委会 sent back stays visible to them: they see it come back.
      return mayAuthor(notice.kind, viewer.roles) || (notice.signoffDecision !== null && holdsAny(viewer.roles, NOTICE_SIGNOFF_ROLES));
    case 'pending_signoff':
      return mayAuthor(notice.kind, viewer.roles) || holdsAny(viewer.roles, NOTICE_SIGNOFF_ROLES);
  }
}

/** The 监委会 member signing must not be the one who wrote or submitted it. */
export function isOwnNotice(notice: NoticeFacts, residentId: string): boolean {
  return notice.authorResidentId === residentId || notice.submittedByResidentId === residentId;
}

/** What the viewer may do now (NoticeDetail.can); the service checks again with the asserts below. */
export function noticeActions(notice: NoticeFacts, viewer: NoticeViewer): NoticeDetail['can'] {
  const author = mayAuthor(notice.kind, viewer.roles);
  return {
    edit: notice.status === 'draft' && author,
    publish: notice.status === 'draft' && author,
    signoff:
      notice.status === 'pending_signoff' && holdsAny(viewer.roles, NOTICE_SIGNOFF_ROLES) && !isOwnNotice(notice, viewer.residentId),
    archive: notice.status === 'published' && mayManage(notice.kind, viewer.roles),
    correct: notice.status === 'published' && author && notice.supersededById === null,
    ask: notice.status === 'published',
    viewAwareness: (notice.status === 'published' || notice.status === 'archived') && holdsAny(viewer.roles, NOTICE_AWARENESS_ROLES),
  };
}

/** A finance notice waits for the 监委会; everything else is published at once. */
export function publishTarget(kind: NoticeKind): 'published' | 'pending_signoff' {
  return kind === 'finance' ? 'pending_signoff' : 'published';
}

// ---------------------------------------------------------------- asserts (throw the Chinese reason)

export function assertMayAuthor(kind: NoticeKind, roles: readonly Role[]): void {
  if (mayAuthor(kind, roles)) return;
  if (!isCategory(kind)) {
    throw new NoticeException(NoticeErrorCode.KindNotAllowed, `${NOTICE_KIND_LABELS[kind]}由系统自动发布，不能手工编写或更正`);
  }
  const who = kind === 'party' ? '书记和村党组织委员' : '书记和村委会委员';
  throw new NoticeException(NoticeErrorCode.KindNotAllowed, `${NOTICE_KIND_LABELS[kind]}由${who}编写和发布，您没有这个职务`);
}

export function assertMayManage(kind: NoticeKind, roles: readonly Role[]): void {
  if (mayManage(kind, roles)) return;
  throw new NoticeException(NoticeErrorCode.KindNotAllowed, `${NOTICE_KIND_LABELS[kind]}由${kind === 'party' ? '书记和村党组织委员' : '书记和村委会委员'}管理，您没有这个职务`);
}

/** 仅党员 is for internal 党务 only. */
export function assertAudience(kind: NoticeKind, audience: NoticeAudience): void {
  if (audience === 'party_members' && kind !== 'party') {
    throw new NoticeException(NoticeErrorCode.AudienceNotAllowed, '只有党务公开可以设为“仅党员”可见；村务、财务必须向全体村民公开');
  }
}

/** Drafts only: edits, attachments. */
export function assertEditable(notice: NoticeFacts): void {
  if (notice.status === 'draft') return;
  if (notice.status === 'pending_signoff') throw NoticeException.awaitingSignoff();
  throw NoticeException.publishedImmutable();
}

export function assertPublishable(notice: NoticeFacts): void {
  if (notice.status === 'draft') return;
  if (notice.status === 'pending_signoff') {
    throw new NoticeException(NoticeErrorCode.NotDraft, '这条财务公开已提交监委会审核，请等待审核结果');
  }
  throw new NoticeException(NoticeErrorCode.NotDraft, notice.status === 'published' ? '这条公开已经发布了' : '这条公开已归档，不能再发布');
}

export function assertSignable(notice: NoticeFacts, signerId: string): void {
  if (notice.kind !== 'finance') throw new NoticeException(NoticeErrorCode.SignoffNotRequired, '只有财务公开需要监委会审核签字');
  if (notice.status !== 'pending_signoff') {
    throw new NoticeException(NoticeErrorCode.NotPendingSignoff, '这条财务公开现在不在待审核状态，请刷新后再看');
  }
  if (isOwnNotice(notice, signerId)) {
    throw new NoticeException(NoticeErrorCode.SignerIsAuthor, '这条财务公开是您编写或提交的，不能自己审核。请由监委会其他成员审核签字。');
  }
}

export function assertArchivable(notice: NoticeFacts): void {
  if (notice.status !== 'published') {
    throw new NoticeException(NoticeErrorCode.NotPublished, notice.status === 'archived' ? '这条公开已经归档了' : '只有已公开的内容可以归档');
  }
}

export function assertCorrectable(notice: NoticeFacts): void {
  if (notice.status !== 'published') {
    throw new NoticeException(NoticeErrorCode.NotPublished, '只有正在公开的内容可以发布更正；草稿请直接修改');
  }
  if (notice.supersededById) {
    throw new NoticeException(NoticeErrorCode.AlreadySuperseded, '这条公开已经有更正公告了，请在最新的那一份上发布更正');
  }
}

/** Reads and queries need a published notice; queries not once it is archived. */
export function assertOpenForQueries(notice: NoticeFacts): void {
  if (notice.status !== 'published') {
    throw new NoticeException(NoticeErrorCode.NotPublished, notice.status === 'archived' ? '这条公开已归档，不能再提问。如有疑问请直接联系村委会。' : '这条公开还没有发布，不能提问');
  }
}

export function assertAwarenessAvailable(notice: NoticeFacts): void {
  if (notice.status !== 'published' && notice.status !== 'archived') {
    throw new NoticeException(NoticeErrorCode.NotPublished, '这条公开还没有发布，还没有知晓率');
  }
}
