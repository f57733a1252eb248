import type { ApiErrorBody, BallotDetail } from '@village/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getBallot } from '../../../services/api/ballots';
import { noteServerNow } from '../../../services/ballotTime';

export type BallotState =
  | { status: 'loading'; ballot: null; error: null }
  | { status: 'ready'; ballot: BallotDetail; error: null }
  | { status: 'error'; ballot: null; error: ApiErrorBody };

/**
 * One ballot, loaded when the page opens and again on `reload` (quietly: the page stays on screen);
 * `replace` takes a fresh BallotDetail from an action's answer (open, close, cancel). Each answer
 * also sets the server clock used by the countdown.
 */
export function useBallot(ballotId: string | undefined): {
  state: BallotState;
  reload: (options?: { quiet?: boolean }) => Promise<void>;
  replace: (ballot: BallotDetail) => void;
} {
  const [state, setState] = useState<BallotState>({ status: 'loading', ballot: null, error: null });
  const generation = useRef(0);
  const current = useRef(state);
  current.current = state;

  const replace = useCallback((ballot: BallotDetail) => {
    generation.current += 1;
    noteServerNow(ballot.serverNow);
    setState({ status: 'ready', ballot, error: null });
  }, []);

  const reload = useCallback(
    async (options: { quiet?: boolean } = {}) => {
      if (!ballotId) return;
      const mine = ++generation.current;
      const quiet = options.quiet && current.current.status === 'ready';
      if (!quiet) setState({ status: 'loading', ballot: null, error: null });
      const result = await getBallot(ballotId);
      if (mine !== generation.current) return;
      if (result.ok) {
        noteServerNow(result.data.serverNow);
        setState({ status: 'ready', ballot: result.data, error: null });
      } else if (!quiet) {
        setState({ status: 'error', ballot: null, error: result.error });
      }
    },
    [ballotId],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload, replace };
}
