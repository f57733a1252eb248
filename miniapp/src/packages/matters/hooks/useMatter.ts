import type { ApiErrorBody, MatterDetail } from '@village/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getMatter } from '../../../services/api/matters';

export type MatterState =
  | { status: 'loading'; matter: null; error: null }
  | { status: 'ready'; matter: MatterDetail; error: null }
  | { status: 'error'; matter: null; error: ApiErrorBody };

/** One matter, loaded when the page opens and on `reload` (quietly: the page stays on screen). */
export function useMatter(matterId: string | undefined): {
  state: MatterState;
  reload: (options?: { quiet?: boolean }) => Promise<void>;
  replace: (matter: MatterDetail) => void;
} {
  const [state, setState] = useState<MatterState>({ status: 'loading', matter: null, error: null });
  const generation = useRef(0);
  const current = useRef(state);
  current.current = state;

  const replace = useCallback((matter: MatterDetail) => {
    generation.current += 1;
    setState({ status: 'ready', matter, error: null });
  }, []);

  const reload = useCallback(
    async (options: { quiet?: boolean } = {}) => {
      if (!matterId) return;
      const mine = ++generation.current;
      const quiet = options.quiet && current.current.status === 'ready';
      if (!quiet) setState({ status: 'loading', matter: null, error: null });
      const result = await getMatter(matterId);
      if (mine !== generation.current) return;
      if (result.ok) setState({ status: 'ready', matter: result.data, error: null });
      else if (!quiet) setState({ status: 'error', matter: null, error: result.error });
    },
    [matterId],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload, replace };
}
