import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as taro from '../__mocks__/taro';
import AwarenessPage from '../src/packages/notices/pages/awareness/index';
import QueriesPage from '../src/packages/notices/pages/queries/index';
import { awarenessFigure, shareWithUnit } from '../src/packages/notices/utils/awareness';
import { overdueFirst } from '../src/packages/notices/utils/queries';
import HomePage from '../src/pages/index/index';
import MinePage from '../src/pages/mine/index';
import { saveTokens } from '../src/services/session';
import { makeMe } from './factories/me';
import { makeAwareness, makeNoticeDetail, makeNoticeItem, makeNoticePage, makeQuery, makeUnreached } from './factories/notices';
import { makeVillageSummary } from './factories/village';
import { renderPage, routeRequests } from './render';

beforeEach(() => taro.resetTaroMock());

function signIn(roles: ReturnType<typeof makeMe>['roles']) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return makeMe({ roles });
}

describe('知晓率 wording', () => {
  it('says 已知晓 61/85 户（72%） with the shared rounding, what is missing and who was told in person', () => {
    expect(shareWithUnit(61, 85, '户')).toBe('61/85 户（72%）');
    expect(awarenessFigure(makeAwareness())).toEqual({
      headline: '已知晓 61/85 户（72%）',
      pct: 72,
      missing: '还差 24 户不知道',
      toldInPerson: '其中上门告知 3 户',
      explain: '家里有一个人在手机上看过，或者网格员上门告知过，这一户就算知道了。',
    });
    const party = awarenessFigure(makeAwareness({ unit: 'party_member', total: 15, reached: 15, toldInPerson: 0 }));
    expect(party.headline).toBe('已知晓 15/15 人（100%）');
    expect(party.missing).toBe('全部都知道了');
    expect(party.toldInPerson).toBeNull();
  });
});

describe('知晓率 page', () => {
  it('shows the figure, a bar per grid with its numbers, and records 已上门告知 which moves the figure', async () => {
    const me = signIn(['villager', 'grid_leader']);
    taro.setRouterParams({ id: 'n-1' });
    let reached = 61;
    const told: unknown[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices/n-1': { statusCode: 200, data: makeNoticeDetail() },
      'GET /api/notices/n-1/awareness': () => ({ statusCode: 200, data: makeAwareness({ reached, rate: { numerator: reached, denominator: 85 } }) }),
      'GET /api/notices/n-1/unreached': { statusCode: 200, data: { items: [makeUnreached(31), makeUnreached(32)], total: 24, page: 1, pageSize: 20 } },
      'POST /api/notices/n-1/in-person': (req) => {
        told.push(req.data);
        reached += 1;
        return { statusCode: 201, data: { noticeId: 'n-1', householdId: 'h-0031', residentId: null, recordedBy: { id: 'r-5', name: '闫保平' }, toldAt: '2026-11-25T02:00:00Z', note: '当面念了' } };
      },
    });
    renderPage(<AwarenessPage />);
    expect((await screen.findByTestId('awareness-rate')).textContent).toBe('已知晓 61/85 户（72%）');
    expect(screen.getByTestId('awareness-missing').textContent).toBe('还差 24 户不知道');
    const bar = screen.getByTestId('awareness-grid-bar-g-1');
    expect(bar.textContent).toContain('第一网格');
    expect(bar.textContent).toContain('25/28 户（89%）');
    expect(within(bar).getByRole('img').getAttribute('aria-label')).toBe('第一网格 25/28 户（89%）');
    // a grid leader sees their own grid only: no grid picker
    expect(screen.queryByTestId('awareness-grid-all')).toBeNull();

    const row = await screen.findByTestId('awareness-household-0031');
    expect(row.textContent).toContain('0031 号户 · 户代表31');
    expect(row.textContent).toContain('电话 138****0000');
    fireEvent.click(within(row).getByText('已上门告知'));
    const dialog = screen.getByTestId('awareness-dialog');
    expect(dialog.textContent).toContain('0031 号户 · 户代表31 记为已经知道这份公告');
    fireEvent.change(within(dialog).getByLabelText('备注（可以不填）'), { target: { value: '当面念了' } });
    fireEvent.click(within(dialog).getByText('确认记下'));
    expect((await screen.findByTestId('awareness-done')).textContent).toBe('已记下：0031 号户 · 户代表31 已上门告知。');
    expect(told).toEqual([{ householdId: 'h-0031', note: '当面念了' }]);
    expect(screen.queryByTestId('awareness-household-0031')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('awareness-rate').textContent).toBe('已知晓 62/85 户（73%）'));
  });

  it('supervisors pick a grid and only look', async () => {
    const me = signIn(['villager', 'supervisor']);
    taro.setRouterParams({ id: 'n-1' });
    const grids: unknown[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices/n-1': { statusCode: 200, data: makeNoticeDetail() },
      'GET /api/notices/n-1/awareness': { statusCode: 200, data: makeAwareness() },
      'GET /api/notices/n-1/unreached': (req) => {
        grids.push((req.data as { gridId?: string }).gridId ?? null);
        return { statusCode: 200, data: { items: [makeUnreached(31)], total: 1, page: 1, pageSize: 20 } };
      },
    });
    renderPage(<AwarenessPage />);
    await screen.findByTestId('awareness-household-0031');
    expect(screen.getByTestId('awareness-unreached').textContent).toContain('上门告知由网格员或村委会记录');
    await waitFor(() => expect(screen.getByTestId('awareness-grid-all')).toBeTruthy());
    expect(screen.queryByText('已上门告知')).toBeNull();
    fireEvent.click(screen.getByTestId('awareness-grid-g-3'));
    await waitFor(() => expect(grids).toEqual([null, 'g-3']));
    expect(screen.getByTestId('awareness-grid-g-3').getAttribute('aria-checked')).toBe('true');
  });
});

describe('村民的询问', () => {
  it('puts overdue unanswered queries first', () => {
    const list = overdueFirst([makeQuery({ id: 'a' }), makeQuery({ id: 'b', overdue: true }), makeQuery({ id: 'c', overdue: true, status: 'answered' })]);
    expect(list.map((q) => q.id)).toEqual(['b', 'a', 'c']);
  });

  it('the committee sees 超期未答复 first and releases a query held for review', async () => {
    const me = signIn(['villager', 'village_committee']);
    const reviews: unknown[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notice-queries': (req) => {
        const status = (req.data as { status?: string }).status;
        if (status === 'pending_review') return { statusCode: 200, data: { items: [makeQuery({ id: 'q-7', status: 'pending_review', statusReason: '需要人工审核' })], total: 1, page: 1, pageSize: 20 } };
        return { statusCode: 200, data: { items: [makeQuery({ id: 'q-1' }), makeQuery({ id: 'q-2', overdue: true })], total: 2, page: 1, pageSize: 20 } };
      },
      'POST /api/notice-queries/q-7/review': (req) => {
        reviews.push(req.data);
        return { statusCode: 200, data: makeQuery({ id: 'q-7', status: 'open' }) };
      },
    });
    renderPage(<QueriesPage />);
    await screen.findByTestId('query-q-2');
    const cards = screen.getAllByTestId(/^query-q-\d$/);
    expect(cards.map((c) => c.getAttribute('data-testid'))).toEqual(['query-q-2', 'query-q-1']);
    expect(cards[0].textContent).toContain('超期未答复');
    expect(cards[0].textContent).toContain('公告《2026年10月财务收支公开》');
    expect(screen.getByTestId('queries-total').textContent).toBe('共 2 条，其中超期未答复 1 条');

    fireEvent.click(screen.getByTestId('queries-filter-pending_review'));
    fireEvent.click(await screen.findByTestId('query-q-7-release'));
    fireEvent.click(within(screen.getByTestId('query-q-7-dialog')).getByText('确认公开'));
    expect((await screen.findByTestId('queries-done')).textContent).toBe('已公开这条询问，请尽快答复。');
    expect(reviews).toEqual([{ decision: 'release' }]);
  });
});

describe('首页 待我办 from 村务公开', () => {
  it('the committee sees an overdue disclosure and can go and write it', async () => {
    const me = signIn(['villager', 'secretary']);
    routeRequests(taro.request, {
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': { statusCode: 200, data: makeNoticePage([makeNoticeItem(1), makeNoticeItem(2, { read: true })]) },
      'GET /api/notices/cadence': {
        statusCode: 200,
        data: {
          village: { id: 'v-1', name: '土岭底村' },
          overdueCount: 1,
          categories: [
            { category: 'finance', period: 'monthly', lastPublishedAt: '2026-09-30T02:00:00Z', dueBy: '2020-01-01', overdue: true, explanation: '财务公开每月一次，上次 2026-09-30' },
            { category: 'village', period: 'quarterly', lastPublishedAt: null, dueBy: '2099-12-31', overdue: false, explanation: '' },
          ],
        },
      },
      'GET /api/notice-queries': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 1 } },
    });
    renderPage(<HomePage />);
    const overdue = await screen.findByTestId('home-notices-cadence-finance');
    expect(overdue.textContent).toMatch(/^财务公开已逾期 \d+ 天/);
    expect(overdue.textContent).toContain('财务公开每月一次，上次 2026-09-30');
    expect(screen.queryByTestId('home-notices-cadence-village')).toBeNull();
    expect(screen.getByTestId('home-notices-unread').textContent).toContain('有 1 条公开您还没看');
    fireEvent.click(overdue);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/compose/index?kind=finance' });
    fireEvent.click(screen.getByTestId('home-notices-unread'));
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/notices/index' });
  });

  it('supervisors see the sign-offs and overdue queries waiting, with counts', async () => {
    const me = signIn(['villager', 'supervisor']);
    routeRequests(taro.request, {
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': (req) =>
        (req.data as { status?: string }).status === 'pending_signoff'
          ? { statusCode: 200, data: makeNoticePage([], 2) }
          : { statusCode: 200, data: makeNoticePage([]) },
      'GET /api/notice-queries': { statusCode: 200, data: { items: [], total: 1, page: 1, pageSize: 1 } },
    });
    renderPage(<HomePage />);
    expect((await screen.findByTestId('home-notices-signoff')).textContent).toContain('待审核的财务公开 2 条');
    expect((await screen.findByTestId('home-notices-overdue')).textContent).toContain('超期未答复的询问 1 条');
  });

  it('a villager with nothing to do is told so', async () => {
    const me = signIn(['villager']);
    routeRequests(taro.request, {
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/notices': { statusCode: 200, data: makeNoticePage([makeNoticeItem(1, { read: true })]) },
    });
    renderPage(<HomePage />);
    await waitFor(() => expect(screen.getByTestId('home-notices').textContent).toBe('现在没有要您办的事。投票和回复开放以后也会列在这里。'));
  });
});

describe('我的 for those who act on notices', () => {
  it('the committee gets 发布公告 and 村民的询问; supervisors 审核财务公开 and 村民的询问; villagers neither', async () => {
    for (const [roles, expected] of [
      [['villager', 'village_committee'], ['mine-notice-compose', 'mine-notice-queries']],
      [['villager', 'supervisor'], ['mine-notice-signoff', 'mine-notice-queries']],
    ] as const) {
      taro.resetTaroMock();
      const me = signIn([...roles]);
      routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: me } });
      const view = renderPage(<MinePage />);
      const section = await screen.findByTestId('mine-notices');
      expect(Array.from(section.querySelectorAll('[data-testid^="mine-notice-"]')).map((el) => el.getAttribute('data-testid'))).toEqual(expected);
      view.unmount();
    }
    taro.resetTaroMock();
    routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: signIn(['villager']) } });
    renderPage(<MinePage />);
    await screen.findByTestId('mine-name');
    expect(screen.queryByTestId('mine-notices')).toBeNull();
  });
});
