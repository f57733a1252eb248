import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiErrorBody } from '@village/shared';
import type { Result } from '../services/http';

export type RequestState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiErrorBody };

/**
 * Runs one API call when the page opens, again whenever `deps` change (a new search, another
 * page of a list) and on `reload()` (the 重试 button). `reload({ quiet: true })` keeps what is on
 * screen until the new answer arrives (coming back to a page after an edit). Results that arrive
 * after the page has gone, or after a newer call, are dropped.
 */
export function useRequest<T>(
  fetcher: () => Promise<Result<T>>,
  deps: DependencyList = [],
): RequestState<T> & { reload: (options?: { quiet?: boolean }) => void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading', data: null, error: null });
  const [attempt, setAttempt] = useState({ n: 0, quiet: false });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    let alive = true;
    if (!attempt.quiet) setState({ status: 'loading', data: null, error: null });
    void fetcherRef.current().then((result) => {
      if (!alive) return;
      if (result.ok) setState({ status: 'success', data: result.data, error: null });
      else if (!attempt.quiet) setState({ status: 'error', data: null, error: result.error });
    });
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt, ...deps]);

  const reload = useCallback((options: { quiet?: boolean } = {}) => setAttempt((a) => ({ n: a.n + 1, quiet: Boolean(options.quiet) })), []);
  return { ...state, reload };
}
