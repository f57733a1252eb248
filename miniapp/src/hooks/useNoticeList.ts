/**
 * The 公开 tab's list: one category tab at a time, pages added as the villager scrolls down
 * (useReachBottom), pull-to-refresh reloads the first page without clearing the screen, and a
 * notice read on its detail page loses its 未读 mark at once. The state changes are a pure reducer
 * (unit-tested); the hook only runs the requests and drops answers that arrive too late.
 */
import {
  NOTICE_PAGE_SIZE_DEFAULT,
  NOTICE_PAGE_SIZE_MAX,
  SYSTEM_NOTICE_KINDS,
  type ApiErrorBody,
  type NoticeCategory,
  type NoticeKind,
  type NoticeListItem,
  type NoticePage,
} from '@village/shared';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { listNotices } from '../services/api/notices';

/** 全部, 党务, 村务, 财务, and 其他 for what other features publish (决议, 结果, 积分公示, 红黑榜, 存证). */
export type NoticeTab = 'all' | NoticeCategory | 'other';
export const NOTICE_TABS: readonly NoticeTab[] = ['all', 'party', 'village', 'finance', 'other'];

export function isSystemKind(kind: NoticeKind): boolean {
  return (SYSTEM_NOTICE_KINDS as readonly string[]).includes(kind);
}

/**
 * The list query of a tab. The API filters by one kind; 其他 covers several, so it asks for every
 * kind in big pages and keeps the system kinds (`keep`).
 */
export function tabQuery(tab: NoticeTab): { kind?: NoticeKind; pageSize: number; keep: (item: NoticeListItem) => boolean } {
  if (tab === 'all') return { pageSize: NOTICE_PAGE_SIZE_DEFAULT, keep: () => true };
  if (tab === 'other') return { pageSize: NOTICE_PAGE_SIZE_MAX, keep: (item) => isSystemKind(item.kind) };
  return { kind: tab, pageSize: NOTICE_PAGE_SIZE_DEFAULT, keep: (item) => item.kind === tab };
}

export interface NoticeListState {
  tab: NoticeTab;
  items: NoticeListItem[];
  /** Server pages loaded so far. */
  page: number;
  /** All matches on the server (before the 其他 filter). */
  total: number;
  /** Items the server has sent so far (before the 其他 filter). */
  fetched: number;
  status: 'loading' | 'ready' | 'error';
  error: ApiErrorBody | null;
  loadingMore: boolean;
  moreError: ApiErrorBody | null;
  /** A quiet reload of the first page (pull-to-refresh, coming back) is running. */
  refreshing: boolean;
}

export type NoticeListAction =
  | { type: 'start'; tab: NoticeTab }
  | { type: 'refresh' }
  | { type: 'more' }
  | { type: 'loaded'; page: number; data: NoticePage }
  | { type: 'failed'; page: number; error: ApiErrorBody }
  | { type: 'read'; ids: readonly string[] };

export function initialNoticeListState(tab: NoticeTab = 'all'): NoticeListState {
  return { tab, items: [], page: 0, total: 0, fetched: 0, status: 'loading', error: null, loadingMore: false, moreError: null, refreshing: false };
}

/** On top: pinned and in its window (as the server orders the first page); otherwise the server's order. */
function onTop(item: NoticeListItem): number {
  return item.pinned && item.inWindow ? 1 : 0;
}

/** Pinned (in their window) first, otherwise in the server's order (newest first), across pages too. */
export function pinnedFirst(items: readonly NoticeListItem[]): NoticeListItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => onTop(b.item) - onTop(a.item) || a.index - b.index)
    .map((x) => x.item);
}

export function noticeListReducer(state: NoticeListState, action: NoticeListAction): NoticeListState {
  switch (action.type) {
    case 'start':
      return initialNoticeListState(action.tab);
    case 'refresh':
      return { ...state, refreshing: true };
    case 'more':
      return { ...state, loadingMore: true, moreError: null };
    case 'loaded': {
      const { keep } = tabQuery(state.tab);
      const fresh = action.data.items.filter(keep);
      if (action.page <= 1) {
        return {
          ...state,
          items: pinnedFirst(fresh),
          page: 1,
          total: action.data.total,
          fetched: action.data.items.length,
          status: 'ready',
          error: null,
          loadingMore: false,
          moreError: null,
          refreshing: false,
        };
      }
      // A notice published meanwhile shifts the pages by one: never show one twice.
      const seen = new Set(state.items.map((i) => i.id));
      return {
        ...state,
        items: pinnedFirst([...state.items, ...fresh.filter((i) => !seen.has(i.id))]),
        page: action.page,
        total: action.data.total,
        fetched: state.fetched + action.data.items.length,
        loadingMore: false,
        moreError: null,
      };
    }
    case 'failed':
      if (action.page > 1) return { ...state, loadingMore: false, moreError: action.error };
      // A failed quiet reload keeps what is on screen.
      if (state.refreshing && state.status === 'ready') return { ...state, refreshing: false };
      return { ...initialNoticeListState(state.tab), status: 'error', error: action.error };
    case 'read': {
      const ids = new Set(action.ids);
      if (!state.items.some((i) => ids.has(i.id) && !i.read)) return state;
      return { ...state, items: state.items.map((i) => (ids.has(i.id) ? { ...i, read: true } : i)) };
    }
    default:
      return state;
  }
}

/** More pages on the server (an empty page ends the list even if `total` says otherwise). */
export function hasMoreNotices(state: NoticeListState): boolean {
  return state.status === 'ready' && state.fetched < state.total && state.page * tabQuery(state.tab).pageSize <= state.fetched;
}

export interface NoticeListValue {
  state: NoticeListState;
  hasMore: boolean;
  setTab: (tab: NoticeTab) => void;
  /** Reloads the first page; `quiet` keeps the list on screen meanwhile. */
  reload: (options?: { quiet?: boolean }) => Promise<void>;
  /** The next page, when there is one and none is loading. */
  loadMore: () => Promise<void>;
  markRead: (ids: readonly string[]) => void;
}

/** `enabled` is false while nobody is signed in: nothing is requested. */
export function useNoticeList(enabled: boolean): NoticeListValue {
  const [state, dispatch] = useReducer(noticeListReducer, 'all', initialNoticeListState);
  const current = useRef(state);
  current.current = state;
  const generation = useRef(0);

  const fetchPage = useCallback(async (tab: NoticeTab, page: number): Promise<void> => {
    const mine = page === 1 ? ++generation.current : generation.current;
    const { kind, pageSize } = tabQuery(tab);
    const result = await listNotices({ kind, page, pageSize });
    if (mine !== generation.current || current.current.tab !== tab) return;
    if (result.ok) dispatch({ type: 'loaded', page, data: result.data });
    else dispatch({ type: 'failed', page, error: result.error });
  }, []);

  const setTab = useCallback(
    (tab: NoticeTab) => {
      dispatch({ type: 'start', tab });
      current.current = initialNoticeListState(tab);
      if (enabled) void fetchPage(tab, 1);
    },
    [enabled, fetchPage],
  );

  const reload = useCallback(
    async (options: { quiet?: boolean } = {}) => {
      if (!enabled) return;
      const { tab, status } = current.current;
      if (options.quiet && status === 'ready') dispatch({ type: 'refresh' });
      else {
        dispatch({ type: 'start', tab });
        current.current = initialNoticeListState(tab);
      }
      await fetchPage(tab, 1);
    },
    [enabled, fetchPage],
  );

  const loadMore = useCallback(async () => {
    const s = current.current;
    if (!enabled || s.loadingMore || s.refreshing || !hasMoreNotices(s)) return;
    dispatch({ type: 'more' });
    current.current = { ...s, loadingMore: true };
    await fetchPage(s.tab, s.page + 1);
  }, [enabled, fetchPage]);

  const markRead = useCallback((ids: readonly string[]) => {
    if (ids.length > 0) dispatch({ type: 'read', ids });
  }, []);

  useEffect(() => {
    if (enabled) void reload();
    // Only when sign-in changes; tabs and reloads call fetchPage themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);

  // 其他 keeps only some kinds of each big page: fetch on until a screenful is there or the list ends.
  const hasMore = hasMoreNotices(state);
  useEffect(() => {
    if (state.tab === 'other' && hasMore && !state.loadingMore && !state.moreError && state.items.length < NOTICE_PAGE_SIZE_DEFAULT) {
      void loadMore();
    }
  }, [state, hasMore, loadMore]);

  return { state, hasMore, setTab, reload, loadMore, markRead };
}
