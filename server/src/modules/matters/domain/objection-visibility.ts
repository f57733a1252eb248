import type { ObjectionStatus } from '@village/shared';
import type { MatterObjection } from '../entities';

/** Who may read an objection: `held` only its author, the 两委 and the 监委会; `pending_review` the same, others see that it exists. */
export type ObjectionVisibility = Exclude<ObjectionStatus, 'answered'>;

/**
 * As for notice queries, WeChat's content check decides until the 两委 review one it sent for review
 * (or could not check). Answering does not change it: a rejected text must not go public with the answer.
 */
export function objectionVisibility(o: Pick<MatterObjection, 'contentCheck' | 'reviewDecision'>): ObjectionVisibility {
  if (o.reviewDecision !== null) return o.reviewDecision === 'release' ? 'open' : 'held';
  return o.contentCheck === 'pass' ? 'open' : o.contentCheck === 'risky' ? 'held' : 'pending_review';
}
