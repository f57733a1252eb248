/**
 * The 表决 part of the 议事 tab: 待我投票 first, then the other open ballots, the committee's drafts,
 * then the closed ones, newest first, a page at a time. The state changes are a pure reducer
 * (unit-tested); the hook only runs the requests and drops answers that come too late.
 */
import type { ApiErrorBody, BallotListItem, BallotPage } from '@village/shared';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { listBallots } from '../../services/api/ballots';
import type { Result } from '../../services/http';

export const CLOSED_PAGE_SIZE = 20;
/** Open ballots and drafts are few at a time in one village: one page of these holds them all. */
export const OPEN_PAGE_SIZE = 50;

export interface BoardState {
  status: 'loading' | 'ready' | 'error';
  error: ApiErrorBody | null;
  awaiting: BallotListItem[];
  /** Open ballots not awaiting me (already voted, not on the list, upcoming, counting). */
  open: BallotListItem[];
  drafts: BallotListItem[];
  closed: BallotListItem[];
  closedTotal: number;
  closedPage: number;
  loadingMore: boolean;
  moreError: ApiErrorBody | null;
  refreshing: boolean;
}

export interface FirstPages {
  awaiting: BallotPage;
  open: BallotPage;
  drafts: BallotPage | null;
  closed: BallotPage;
}

export type BoardAction =
  | { type: 'start' }
  | { type: 'refresh' }
  | { type: 'loaded'; pages: FirstPages }
  | { type: 'failed'; error: ApiErrorBody }
  | { type: 'more' }
  | { type: 'moreLoaded'; page: BallotPage }
  | { type: 'moreFailed'; error: ApiErrorBody };

export const INITIAL_BOARD: BoardState = {
  status: 'loading',
  error: null,
  awaiting: [],
  open: [],
  drafts: [],
  closed: [],
  closedTotal: 0,
  closedPage: 0,
  loadingMore: false,
  moreError: null,
  refreshing: false,
};

/** 待我投票 as the server says, then the other open ballots (never one twice). */
export function splitOpen(awaiting: readonly BallotListItem[], open: readonly BallotListItem[]): { awaiting: BallotListItem[]; open: BallotListItem[] } {
  const mine = new Set(awaiting.map((b) => b.id));
  return { awaiting: [...awaiting], open: open.filter((b) => !mine.has(b.id)) };
}

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'start':
      return INITIAL_BOARD;
    case 'refresh':
      return { ...state, refreshing: true };
    case 'loaded': {
      const { awaiting, open } = splitOpen(action.pages.awaiting.items, action.pages.open.items);
      return {
        status: 'ready',
        error: null,
        awaiting,
        open,
        drafts: action.pages.drafts?.items ?? [],
        closed: action.pages.closed.items,
        closedTotal: action.pages.closed.total,
        closedPage: 1,
        loadingMore: false,
        moreError: null,
        refreshing: false,
      };
    }
    case 'failed':
      // A failed quiet reload keeps what is on screen.
      if (state.refreshing && state.status === 'ready') return { ...state, refreshing: false };
      return { ...INITIAL_BOARD, status: 'error', error: action.error };
    case 'more':
      return { ...state, loadingMore: true, moreError: null };
    case 'moreLoaded': {
      // A ballot closed meanwhile shifts the pages by one: never show one twice.
      const seen = new Set(state.closed.map((b) => b.id));
      return {
        ...state,
        closed: [...state.closed, ...action.page.items.filter((b) => !seen.has(b.id))],
        closedTotal: action.page.total,
        closedPage: action.page.page,
        loadingMore: false,
      };
    }
    case 'moreFailed':
      return { ...state, loadingMore: false, moreError: action.error };
    default:
      return state;
  }
}

/** More closed ballots on the server (an empty page ends the list whatever `total` says). */
export function hasMoreClosed(state: BoardState): boolean {
  return state.status === 'ready' && state.closed.length < state.closedTotal && state.closedPage * CLOSED_PAGE_SIZE <= state.closed.length;
}

async function firstPages(committee: boolean): Promise<Result<FirstPages>> {
  const none: Result<null> = { ok: true, data: null, status: 200 };
  const [awaiting, open, drafts, closed] = await Promise.all([
    listBallots({ awaitingMe: true, pageSize: OPEN_PAGE_SIZE }),
    listBallots({ status: 'open', pageSize: OPEN_PAGE_SIZE }),
    committee ? listBallots({ status: 'draft', pageSize: OPEN_PAGE_SIZE }) : Promise.resolve(none),
    listBallots({ status: 'closed', page: 1, pageSize: CLOSED_PAGE_SIZE }),
  ]);
  if (!awaiting.ok) return awaiting;
  if (!open.ok) return open;
  if (!drafts.ok) return drafts;
  if (!closed.ok) return closed;
  return { ok: true, status: 200, data: { awaiting: awaiting.data, open: open.data, drafts: drafts.data, closed: closed.data } };
}

export interface BoardValue {
  state: BoardState;
  hasMore: boolean;
  reload: (options?: { quiet?: boolean }) => Promise<void>;
  loadMore: () => Promise<void>;
}

/** `enabled` is false until a village member is signed in: nothing is requested. */
export function useBallotBoard(enabled: boolean, committee: boolean): BoardValue {
  const [state, dispatch] = useReducer(boardReducer, INITIAL_BOARD);
  const current = useRef(state);
  current.current = state;
  const generation = useRef(0);

  const reload = useCallback(
    async (options: { quiet?: boolean } = {}) => {
      if (!enabled) return;
      const mine = ++generation.current;
      if (options.quiet && current.current.status === 'ready') dispatch({ type: 'refresh' });
      else dispatch({ type: 'start' });
      const result = await firstPages(committee);
      if (mine !== generation.current) return;
      dispatch(result.ok ? { type: 'loaded', pages: result.data } : { type: 'failed', error: result.error });
    },
    [enabled, committee],
  );

  const loadMore = useCallback(async () => {
    const s = current.current;
    if (!enabled || s.loadingMore || s.refreshing || !hasMoreClosed(s)) return;
    const mine = generation.current;
    dispatch({ type: 'more' });
    current.current = { ...s, loadingMore: true };
    const result = await listBallots({ status: 'closed', page: s.closedPage + 1, pageSize: CLOSED_PAGE_SIZE });
    if (mine !== generation.current) return;
    dispatch(result.ok ? { type: 'moreLoaded', page: result.data } : { type: 'moreFailed', error: result.error });
  }, [enabled]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, hasMore: hasMoreClosed(state), reload, loadMore };
}
