import { HELD_PHOTO_REASON, HELD_TEXT_REASON, REVIEW_REASONS, submissionOutcome } from './submission';

describe('submissionOutcome', () => {
  it.each([
    ['pass', [], 'raised', null],
    ['pass', ['pass', 'pass'], 'raised', null],
    ['pass', ['pass', 'pending'], 'pending_review', REVIEW_REASONS.photo],
    ['pass', ['review', 'pending'], 'pending_review', REVIEW_REASONS.review],
    ['pass', ['pass', 'risky'], 'held', HELD_PHOTO_REASON],
    ['review', ['pass'], 'pending_review', REVIEW_REASONS.review],
    ['unavailable', [], 'pending_review', REVIEW_REASONS.unavailable],
    ['review', ['risky'], 'held', HELD_PHOTO_REASON],
    ['risky', ['risky'], 'held', HELD_TEXT_REASON],
    ['risky', [], 'held', HELD_TEXT_REASON],
  ] as const)('text %s, photos %j → %s', (text, photos, status, reason) => {
    expect(submissionOutcome(text, photos)).toEqual({ status, reason });
  });
});
