import type { BallotPhase, BallotStatus } from '@village/shared';
import { formatChinaMoment } from './china-time';

export interface BallotTimes {
  status: BallotStatus;
  opensAt: Date;
  closesAt: Date;
}

/** What the UI shows, from status and the server's clock. */
export function phaseOf(ballot: BallotTimes, now: Date): BallotPhase {
  if (ballot.status !== 'open') return ballot.status;
  if (now.getTime() < ballot.opensAt.getTime()) return 'upcoming';
  if (now.getTime() < ballot.closesAt.getTime()) return 'voting';
  return 'counting';
}

export type WindowProblem = { kind: 'not_open_yet' | 'closed' | 'not_open'; message: string };

/** Why a vote cannot be taken now, or null: votes are accepted for opensAt ≤ now < closesAt while open. */
export function votingWindowProblem(ballot: BallotTimes, now: Date): WindowProblem | null {
  switch (phaseOf(ballot, now)) {
    case 'voting':
      return null;
    case 'upcoming':
      return { kind: 'not_open_yet', message: `表决还没开始，${formatChinaMoment(ballot.opensAt, now)} 开始投票` };
    case 'counting':
    case 'closed':
      return { kind: 'closed', message: `表决已在 ${formatChinaMoment(ballot.closesAt, now)} 结束，不能再投票` };
    case 'cancelled':
      return { kind: 'not_open', message: '这次表决已取消' };
    case 'draft':
      return { kind: 'not_open', message: '这次表决还没有发布' };
  }
}
