import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ApiErrorBody } from '@village/shared';
import * as taro from '../__mocks__/taro';
import {
  hasMoreNotices,
  initialNoticeListState,
  noticeListReducer,
  tabQuery,
  type NoticeListState,
} from '../src/hooks/useNoticeList';
import NoticesPage from '../src/pages/notices/index';
import { noteNoticeRead, noteNoticesChanged } from '../src/services/noticeEvents';
import { saveTokens } from '../src/services/session';
import { makeMe } from './factories/me';
import { makeNoticeItem, makeNoticePage } from './factories/notices';
import { renderPage, routeRequests } from './render';

const error: ApiErrorBody = { code: 'CLIENT_NETWORK_ERROR', message: '网络不好，没有连上服务器。请稍后再试。', correlationId: 'c-1' };

function ready(state: NoticeListState, page: number, items = [makeNoticeItem(1)], total = items.length): NoticeListState {
  return noticeListReducer(state, { type: 'loaded', page, data: makeNoticePage(items, total, page) });
}

describe('notice list reducer', () => {
  it('puts pinned notices first and keeps the server order otherwise', () => {
    const s = ready(initialNoticeListState(), 1, [makeNoticeItem(1), makeNoticeItem(2, { pinned: true }), makeNoticeItem(3)]);
    expect(s.items.map((i) => i.id)).toEqual(['n-2', 'n-1', 'n-3']);
    expect(s.status).toBe('ready');
  });

  it('adds the next page without repeating a notice the shifted page sends again', () => {
    const first = ready(initialNoticeListState(), 1, Array.from({ length: 20 }, (_, i) => makeNoticeItem(i + 1)), 25);
    expect(hasMoreNotices(first)).toBe(true);
    const more = noticeListReducer(first, { type: 'more' });
    expect(more.loadingMore).toBe(true);
    const second = ready(more, 2, [makeNoticeItem(20), makeNoticeItem(21), makeNoticeItem(22)], 25);
    expect(second.items).toHaveLength(22);
    expect(second.items.filter((i) => i.id === 'n-20')).toHaveLength(1);
    expect(second.loadingMore).toBe(false);
    // a short page ends the list even though total said 25
    expect(hasMoreNotices(second)).toBe(false);
  });

  it('a failed next page keeps the list and says so; a failed first load is an error', () => {
    const first = ready(initialNoticeListState(), 1, Array.from({ length: 20 }, (_, i) => makeNoticeItem(i + 1)), 40);
    const failed = noticeListReducer(noticeListReducer(first, { type: 'more' }), { type: 'failed', page: 2, error });
    expect(failed.items).toHaveLength(20);
    expect(failed.moreError).toEqual(error);
    expect(failed.loadingMore).toBe(false);
    expect(noticeListReducer(initialNoticeListState(), { type: 'failed', page: 1, error })).toMatchObject({ status: 'error', error, items: [] });
  });

  it('a pull-to-refresh that fails keeps what is on screen', () => {
    const shown = ready(initialNoticeListState(), 1, [makeNoticeItem(1)]);
    const refreshing = noticeListReducer(shown, { type: 'refresh' });
    expect(refreshing.items).toHaveLength(1);
    const after = noticeListReducer(refreshing, { type: 'failed', page: 1, error });
    expect(after).toMatchObject({ status: 'ready', refreshing: false });
    expect(after.items).toHaveLength(1);
  });

  it('marks notices read without reloading, and leaves the state alone when nothing changes', () => {
    const s = ready(initialNoticeListState(), 1, [makeNoticeItem(1), makeNoticeItem(2)]);
    const read = noticeListReducer(s, { type: 'read', ids: ['n-2'] });
    expect(read.items.map((i) => i.read)).toEqual([false, true]);
    expect(noticeListReducer(read, { type: 'read', ids: ['n-2', 'n-9'] })).toBe(read);
  });

  it('其他 asks for every kind in big pages and keeps only what other features publish', () => {
    expect(tabQuery('finance')).toMatchObject({ kind: 'finance', pageSize: 20 });
    expect(tabQuery('all').kind).toBeUndefined();
    expect(tabQuery('other')).toMatchObject({ pageSize: 50 });
    const s = ready(initialNoticeListState('other'), 1, [makeNoticeItem(1), makeNoticeItem(2, { kind: 'resolution' }), makeNoticeItem(3, { kind: 'honour_board' })], 3);
    expect(s.items.map((i) => i.kind)).toEqual(['resolution', 'honour_board']);
    expect(s.fetched).toBe(3);
  });
});

function signIn(me = makeMe()) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return me;
}

describe('公开 tab', () => {
  beforeEach(() => taro.resetTaroMock());

  it('signed out: explains that notices are for the village and offers 登录, without asking the server', () => {
    renderPage(<NoticesPage />);
    expect(screen.getByTestId('notices-sign-in').textContent).toContain('登录以后可以看村里的公开');
    fireEvent.click(screen.getByTestId('notices-login'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' });
    expect(taro.request).not.toHaveBeenCalled();
    expect(screen.queryByTestId('notices-list')).toBeNull();
  });

  it('lists notices with their labels in words: 置顶, 未读, category, 公开中 / 公示期已结束, 已更正', async () => {
    const me = signIn();
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': {
        statusCode: 200,
        data: makeNoticePage([
          makeNoticeItem(1, { read: true, inWindow: false, window: { startsOn: '2020-01-01', endsOn: '2020-01-08' }, supersededBy: { id: 'n-3', title: '更正：公告 1' } }),
          makeNoticeItem(2, { pinned: true, kind: 'finance', attachmentCount: 2 }),
        ]),
      },
    });
    renderPage(<NoticesPage />);
    const pinned = await screen.findByTestId('notice-row-n-2');
    const rows = screen.getAllByTestId(/^notice-row-/);
    expect(rows[0]).toBe(pinned);
    expect(pinned.textContent).toContain('置顶');
    expect(pinned.textContent).toContain('未读');
    expect(pinned.textContent).toContain('财务公开');
    expect(pinned.textContent).toContain('公开中');
    expect(pinned.textContent).toContain('附件 2 个');
    const old = screen.getByTestId('notice-row-n-1');
    expect(old.textContent).toContain('公示期已结束');
    expect(old.textContent).toContain('已更正');
    expect(old.textContent).not.toContain('未读');
    expect(screen.getByTestId('notices-end').textContent).toBe('已经全部显示，共 2 条');
    // villagers get no committee tools
    expect(screen.queryByTestId('notices-compose')).toBeNull();

    fireEvent.click(pinned);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/detail/index?id=n-2' });
  });

  it('a category tab asks the server for that kind; an empty category says so', async () => {
    const me = signIn();
    const asked: string[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': (req) => {
        asked.push(JSON.stringify(req.data));
        const kind = (req.data as { kind?: string }).kind;
        return { statusCode: 200, data: makeNoticePage(kind === 'party' ? [] : [makeNoticeItem(1)]) };
      },
    });
    renderPage(<NoticesPage />);
    await screen.findByTestId('notice-row-n-1');
    const tab = screen.getByTestId('notices-tab-party');
    expect(tab.getAttribute('aria-selected')).toBe('false');
    fireEvent.click(tab);
    expect((await screen.findByTestId('notices-empty')).textContent).toContain('还没有党务方面的公开。');
    expect(screen.getByTestId('notices-tab-party').getAttribute('aria-selected')).toBe('true');
    expect(asked).toEqual([JSON.stringify({ page: 1, pageSize: 20 }), JSON.stringify({ kind: 'party', page: 1, pageSize: 20 })]);
  });

  it('loads the next page when the villager reaches the bottom, and pull-to-refresh reloads', async () => {
    const me = signIn();
    const pages: number[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': (req) => {
        const page = (req.data as { page: number }).page;
        pages.push(page);
        const items = page === 1 ? Array.from({ length: 20 }, (_, i) => makeNoticeItem(i + 1)) : [makeNoticeItem(21)];
        return { statusCode: 200, data: makeNoticePage(items, 21, page) };
      },
    });
    renderPage(<NoticesPage />);
    await screen.findByTestId('notice-row-n-20');
    expect(screen.getByTestId('notices-more').textContent).toBe('加载更多');
    const onBottom = taro.useReachBottom.mock.calls.at(-1)?.[0] as () => void;
    act(() => onBottom());
    await screen.findByTestId('notice-row-n-21');
    expect(screen.getByTestId('notices-end').textContent).toBe('已经全部显示，共 21 条');

    const onPull = taro.usePullDownRefresh.mock.calls.at(-1)?.[0] as () => void;
    act(() => onPull());
    await waitFor(() => expect(taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(pages).toEqual([1, 2, 1]);
  });

  it('shows a failed load in the page with 重试, which loads again', async () => {
    const me = signIn();
    let fail = true;
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': () =>
        fail ? { statusCode: 503, data: { code: 'DOWN', message: '服务器正在维护，请过一会儿再试。', correlationId: 'x-1' } } : { statusCode: 200, data: makeNoticePage([makeNoticeItem(1)]) },
    });
    renderPage(<NoticesPage />);
    const err = await screen.findByTestId('error-state', {}, { timeout: 5000 });
    expect(err.textContent).toContain('服务器正在维护，请过一会儿再试。');
    expect(err.textContent).toContain('出错编号 x-1');
    fail = false;
    fireEvent.click(within(err).getByText('重试'));
    await screen.findByTestId('notice-row-n-1');
  }, 10_000);

  it('coming back after reading a notice drops its 未读 mark without reloading', async () => {
    const me = signIn();
    let calls = 0;
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': () => {
        calls += 1;
        return { statusCode: 200, data: makeNoticePage([makeNoticeItem(1)]) };
      },
    });
    renderPage(<NoticesPage />);
    expect((await screen.findByTestId('notice-row-n-1')).textContent).toContain('未读');
    noteNoticeRead('n-1');
    const onShow = taro.useDidShow.mock.calls.at(-1)?.[0] as () => void;
    act(() => onShow());
    await waitFor(() => expect(screen.getByTestId('notice-row-n-1').textContent).not.toContain('未读'));
    expect(calls).toBe(1);
    noteNoticesChanged();
    act(() => (taro.useDidShow.mock.calls.at(-1)?.[0] as () => void)());
    await waitFor(() => expect(calls).toBe(2));
  });

  it('the committee gets 发布公告 (the main action), their drafts and the queries waiting', async () => {
    const me = signIn(makeMe({ roles: ['villager', 'village_committee'] }));
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': (req) => {
        const status = (req.data as { status?: string }).status;
        if (status === 'draft') return { statusCode: 200, data: makeNoticePage([makeNoticeItem(7, { status: 'draft', title: '草稿：修路', publishedAt: null, read: true })]) };
        if (status === 'pending_signoff') return { statusCode: 200, data: makeNoticePage([makeNoticeItem(8, { kind: 'finance', status: 'pending_signoff', publishedAt: null, read: true })]) };
        return { statusCode: 200, data: makeNoticePage([]) };
      },
      'GET /api/notice-queries': { statusCode: 200, data: { items: [], total: 3, page: 1, pageSize: 1 } },
    });
    renderPage(<NoticesPage />);
    const drafts = await screen.findByTestId('notices-drafts');
    await waitFor(() => expect(within(drafts).getByTestId('notices-draft-n-8')).toBeTruthy());
    expect(within(drafts).getByTestId('notices-draft-n-7').textContent).toContain('草稿');
    expect(within(drafts).getByTestId('notices-draft-n-8').textContent).toContain('待监委会审核');
    await waitFor(() => expect(screen.getByTestId('notices-queries-link').textContent).toContain('3 条还没答复'));
    expect((await screen.findByTestId('notices-empty')).textContent).toContain('发布公告');
    fireEvent.click(screen.getByTestId('notices-compose'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/compose/index' });
  });

  it('supervisors see how many finance notices wait for their sign-off', async () => {
    const me = signIn(makeMe({ roles: ['villager', 'supervisor'] }));
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': (req) =>
        (req.data as { status?: string }).status === 'pending_signoff'
          ? { statusCode: 200, data: makeNoticePage([makeNoticeItem(8, { kind: 'finance', status: 'pending_signoff' })], 2) }
          : { statusCode: 200, data: makeNoticePage([]) },
      'GET /api/notice-queries': { statusCode: 200, data: { items: [], total: 1, page: 1, pageSize: 1 } },
    });
    renderPage(<NoticesPage />);
    await waitFor(() => expect(screen.getByTestId('notices-signoff-link').textContent).toContain('2 条等您审核签字'));
    await waitFor(() => expect(screen.getByTestId('notices-queries-link').textContent).toContain('1 条超期未答复'));
    expect(screen.queryByTestId('notices-compose')).toBeNull();
  });
});
