import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiErrorBody } from '@village/shared';
import type { Result } from '../services/http';

export type RequestState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiErrorBody };

/**
 * Runs one API call when the page opens and again on `reload()` (the 重试 button).
 * Results that arrive after the page has gone are dropped.
 */
export function useRequest<T>(fetcher: () => Promise<Result<T>>): RequestState<T> & { reload: () => void } {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading', data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    let alive = true;
    setState({ status: 'loading', data: null, error: null });
    void fetcherRef.current().then((result) => {
      if (!alive) return;
      setState(
        result.ok
          ? { status: 'success', data: result.data, error: null }
          : { status: 'error', data: null, error: result.error },
      );
    });
    return () => {
      alive = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
