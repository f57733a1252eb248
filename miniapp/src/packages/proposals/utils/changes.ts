import Taro from '@tarojs/taro';
import { routes, withQuery } from '../../../constants/routes';

/**
 * A write on the act page tells the proposal page, which reloads when it is shown again and says
 * once what was done ("答复提议：已办好") — the act page itself goes back.
 */
let pending: { proposalId: string; message: string } | null = null;

export function noteProposalChanged(proposalId: string, message: string): void {
  pending = { proposalId, message };
}

/** The message for this proposal, once; null when nothing changed. */
export function takeProposalChange(proposalId: string): string | null {
  if (!pending || pending.proposalId !== proposalId) return null;
  const { message } = pending;
  pending = null;
  return message;
}

/** Back to the proposal: the page below, or — when the form was opened from a link — the proposal page in its place. */
export function backToProposal(proposalId: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: withQuery(routes.proposalDetail, { id: proposalId }) });
}
