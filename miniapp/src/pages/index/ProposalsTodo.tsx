import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { PROPOSAL_PAGE_SIZE_MAX, type ProposalListItem } from '@village/shared';
import { useEffect, useRef } from 'react';
import { LinkRow } from '../../components/LinkRow';
import { messages } from '../../constants/messages';
import { routes, withQuery } from '../../constants/routes';
import { useRequest } from '../../hooks/useRequest';
import { listProposals } from '../../services/api/proposals';
import { unseenReplies } from '../../services/proposalReplies';

const m = messages.proposals;

/** What the 两委 still owe: unanswered proposals (and how many are overdue), and those waiting for content review. */
export function proposalsOwed(items: readonly ProposalListItem[]): { unanswered: number; overdue: number; review: number } {
  const unanswered = items.filter((i) => i.reply !== null && !i.reply.answeredOn && i.status !== 'pending_review' && i.status !== 'held');
  return {
    unanswered: unanswered.length,
    overdue: unanswered.filter((i) => i.reply?.overdue).length,
    review: items.filter((i) => i.status === 'pending_review').length,
  };
}

/**
 * 待我办 for the 两委 (UX.md: proposals awaiting a reply): "3 件提议待答复（1 件已超期）", opening the
 * triage queue. Nothing is shown when nothing is owed or the queue could not be loaded.
 */
export function ProposalsTodo({ watch, onCount }: { watch?: boolean; onCount?: (n: number) => void }) {
  const queue = useRequest(() => listProposals({ queue: true, pageSize: PROPOSAL_PAGE_SIZE_MAX }, { quiet: true }), []);
  const first = useRef(true);
  const owed = proposalsOwed(queue.data?.items ?? []);
  // The 监委会 (`watch`) is told only of replies overdue: those are theirs to chase.
  const count = watch ? owed.overdue : owed.unanswered + owed.review;

  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    queue.reload({ quiet: true });
  });

  useEffect(() => {
    onCount?.(count);
  }, [count, onCount]);

  if (!queue.data || count === 0) return null;
  return (
    <View className="home-todo-row" data-testid="home-proposals">
      <LinkRow
        title={watch ? m.homeOverdue(owed.overdue) : owed.unanswered > 0 ? m.homeQueue(owed.unanswered, owed.overdue) : m.homeReview(owed.review)}
        hint={watch ? m.homeOverdueHint : owed.unanswered > 0 ? m.homeQueueHint(owed.review) : undefined}
        url={routes.proposalQueue}
        testId="home-proposals-queue"
      />
    </View>
  );
}

/**
 * 待我办 for the author (UX.md: replies to my proposals): "村两委答复了您的提议《…》" — or that it was
 * not made public, and why, on its page — until the person has opened it.
 */
export function MyProposalsTodo({ onCount }: { onCount?: (n: number) => void }) {
  const mine = useRequest(() => listProposals({ mine: true, sort: 'new', pageSize: PROPOSAL_PAGE_SIZE_MAX }, { quiet: true }), []);
  const first = useRef(true);
  const rows = unseenReplies(mine.data?.items ?? []);

  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mine.reload({ quiet: true });
  });

  useEffect(() => {
    onCount?.(rows.length);
  }, [rows.length, onCount]);

  if (rows.length === 0) return null;
  return (
    <View data-testid="home-my-proposals">
      {rows.map((p) => (
        <View className="home-todo-row" key={p.id}>
          <LinkRow
            title={p.status === 'held' ? m.homeMineHeld(p.title) : m.homeMineAnswered(p.title)}
            hint={m.homeMineHint}
            url={withQuery(routes.proposalDetail, { id: p.id })}
            testId={`home-my-proposal-${p.id}`}
          />
        </View>
      ))}
    </View>
  );
}
