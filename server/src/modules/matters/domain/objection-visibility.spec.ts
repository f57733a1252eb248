import { objectionVisibility } from './objection-visibility';

describe('objectionVisibility', () => {
  it.each([
    ['pass', null, 'open'],
    ['risky', null, 'held'],
    ['review', null, 'pending_review'],
    [null, null, 'pending_review'],
    ['review', 'release', 'open'],
    [null, 'reject', 'held'],
  ] as const)('check %s, review %s → %s', (contentCheck, reviewDecision, visibility) => {
    expect(objectionVisibility({ contentCheck, reviewDecision })).toBe(visibility);
  });
});
