import type { ContentCheck } from '../../wechat/wechat.client';
import type { PhotoCheck } from '../../notices/entities/checked-photo-columns';

/** msgSecCheck's verdict on the text, or `unavailable` when it could not run. */
export type TextCheck = ContentCheck['suggest'] | 'unavailable';

/** Why a proposal is not public, as its author reads it. */
export const HELD_TEXT_REASON = '内容没有通过微信内容安全检查，没有公开。请修改后重新提交，或直接联系村委会。';
export const HELD_PHOTO_REASON = '照片未通过微信内容安全检查';
export const REVIEW_REASONS: Record<'review' | 'unavailable' | 'photo', string> = {
  review: '内容需要人工审核：村委会审核后公开',
  unavailable: '暂时无法完成内容检查：村委会审核后公开',
  photo: '照片正在检查，通过后自动公开',
};

/** Where a submission stands after WeChat's checks of its text and photos. */
export function submissionOutcome(text: TextCheck, photos: readonly PhotoCheck[]): { status: 'raised' | 'pending_review' | 'held'; reason: string | null } {
  if (text === 'risky') return { status: 'held', reason: HELD_TEXT_REASON };
  if (photos.includes('risky')) return { status: 'held', reason: HELD_PHOTO_REASON };
  if (text === 'review' || text === 'unavailable') return { status: 'pending_review', reason: REVIEW_REASONS[text] };
  if (photos.some((c) => c !== 'pass')) return { status: 'pending_review', reason: photos.includes('review') ? REVIEW_REASONS.review : REVIEW_REASONS.photo };
  return { status: 'raised', reason: null };
}

