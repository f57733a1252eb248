import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ApiErrorBody } from '@village/shared';
import * as taro from '../__mocks__/taro';
import MinePage from '../src/pages/mine/index';
import { setFlash, takeFlash } from '../src/services/flash';
import { readAccessToken, readRefreshToken, saveTokens } from '../src/services/session';
import { makeMe, makeUnboundMe } from './factories/me';
import { answerRequests, renderPage } from './render';

beforeEach(() => {
  taro.resetTaroMock();
  takeFlash();
});

async function renderSignedIn(me = makeMe()) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  answerRequests(taro.request, { statusCode: 200, data: me });
  renderPage(<MinePage />);
}

describe('我的', () => {
  it('signed out: says so and offers a clear 登录 button', () => {
    renderPage(<MinePage />);
    const card = screen.getByTestId('mine-signed-out');
    expect(card.textContent).toContain('您还没有登录。');
    fireEvent.click(within(card).getByText('登录'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' });
    expect(screen.queryByTestId('mine-logout')).toBeNull();
    expect(screen.getByTestId('care-mode-switch')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('shows my name, village, household, grid and 网格员, 户代表 and members', async () => {
    await renderSignedIn();
    expect((await screen.findByTestId('mine-name')).textContent).toBe('李桂兰');
    expect(screen.getByTestId('mine-village').textContent).toBe('土岭底村村民');

    const household = screen.getByTestId('mine-household');
    expect(within(household).getByText('户号 0012')).toBeTruthy();
    expect(within(household).getByText('住址：土岭底村东街 12 号')).toBeTruthy();
    expect(within(household).getByText('第一网格，网格员 闫保平')).toBeTruthy();
    expect(within(household).getByText('户代表：王建国')).toBeTruthy();
    expect(within(household).getByText('家里 3 口人')).toBeTruthy();

    // 户代表 is a word beside the name, not only a colour; "我" marks the person themself.
    const members = within(screen.getByTestId('mine-members'));
    const rows = members.getAllByText(/王建国|李桂兰|王小明/).map((el) => el.closest('.mine-member') as HTMLElement);
    expect(rows.map((r) => r.textContent)).toEqual(['王建国户主户代表', '李桂兰配偶我', '王小明儿子']);

    expect(screen.getByTestId('mine-roles').textContent).toBe('我的身份村民');
    expect(screen.getByTestId('mine-phone').textContent).toBe('手机号138****5678');
    expect(screen.getByTestId('mine-id-number').textContent).toBe('身份证号没有登记');
    expect(screen.queryByTestId('mine-committee')).toBeNull();
    expect(taro.request.mock.calls[0][0].url).toBe('/api/me');
  });

  it('lists my roles in Chinese, most senior first, and gives committee members the roster pages', async () => {
    await renderSignedIn(makeMe({ roles: ['villager', 'party_member', 'household_rep', 'secretary'] }));
    expect((await screen.findByTestId('mine-roles')).textContent).toBe('我的身份书记党员户代表村民');
    const committee = screen.getByTestId('mine-committee');
    expect(committee.textContent).toContain('户籍名册');
    expect(committee.textContent).toContain('网格和网格员');
    expect(committee.textContent).toContain('导入名册');
    fireEvent.click(screen.getByTestId('mine-roster'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/roster/pages/households/index' });
  });

  it('when the household has no 网格员 or 户代表 yet, says so in words', async () => {
    const me = makeMe();
    await renderSignedIn(makeMe({ household: { ...me.household!, gridLeaderName: null, representativeName: null } }));
    const household = await screen.findByTestId('mine-household');
    expect(within(household).getByText('第一网格，网格员暂缺')).toBeTruthy();
    expect(within(household).getByText('户代表：还没有定')).toBeTruthy();
  });

  it('signed in but not bound: offers the binding code', async () => {
    await renderSignedIn(makeUnboundMe());
    const card = await screen.findByTestId('mine-not-bound');
    expect(card.textContent).toContain('还没有绑定村民身份');
    fireEvent.click(screen.getByTestId('mine-bind'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/bind/index' });
  });

  it('shows the binding success left by the bind page', async () => {
    setFlash({ title: '绑定成功：您是王建国家的李桂兰。', lines: ['户号 0012，第一网格'] });
    await renderSignedIn();
    await screen.findByTestId('mine-name');
    expect(screen.getByTestId('mine-flash').textContent).toBe('绑定成功：您是王建国家的李桂兰。户号 0012，第一网格');
  });

  it('退出登录 asks first; confirming ends the session here and on the server', async () => {
    await renderSignedIn();
    await screen.findByTestId('mine-name');
    fireEvent.click(screen.getByTestId('mine-logout'));
    const dialog = screen.getByTestId('logout-dialog');
    expect(dialog.textContent).toContain('退出以后，要再次登录才能投票和看本户信息。');

    fireEvent.click(within(dialog).getByText('不退出'));
    expect(screen.queryByTestId('logout-dialog')).toBeNull();
    expect(readAccessToken()).toBe('access-1');

    answerRequests(taro.request, { statusCode: 204, data: '' });
    fireEvent.click(screen.getByTestId('mine-logout'));
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('logout-dialog')).getByText('退出登录'));
      await new Promise((r) => setTimeout(r, 0));
    });

    screen.getByTestId('mine-signed-out');
    expect(taro.request.mock.calls[1][0].url).toBe('/api/auth/logout');
    expect(taro.request.mock.calls[1][0].header.Authorization).toBe('Bearer access-1');
    expect(readAccessToken()).toBeNull();
    expect(readRefreshToken()).toBeNull();
    expect(screen.queryByTestId('logout-dialog')).toBeNull();
  });

  it("shows the server's message with 重试 when 我的 cannot load", async () => {
    const busy: ApiErrorBody = { code: 'X', message: '请求有误，请稍后再试。', correlationId: 'm-1' };
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    answerRequests(taro.request, { statusCode: 400, data: busy }, { statusCode: 200, data: makeMe() });
    renderPage(<MinePage />);
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('没有加载出您的信息');
    expect(error.textContent).toContain(busy.message);
    fireEvent.click(within(error).getByText('重试'));
    expect((await screen.findByTestId('mine-name')).textContent).toBe('李桂兰');
  });

  it('an expired session that cannot be renewed shows 登录 again and opens the login page once', async () => {
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const expired: ApiErrorBody = { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录', correlationId: 'e' };
    const refused: ApiErrorBody = { code: 'REFRESH_INVALID', message: '登录已过期，请重新登录', correlationId: 'f' };
    answerRequests(taro.request, { statusCode: 401, data: expired }, { statusCode: 401, data: refused });
    await act(async () => {
      renderPage(<MinePage />);
      await new Promise((r) => setTimeout(r, 0));
    });
    const card = screen.getByTestId('mine-signed-out');
    expect(card.textContent).toContain('登录已过期，请重新登录。');
    await waitFor(() =>
      expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index?reason=expired' }),
    );
    expect(taro.navigateTo).toHaveBeenCalledTimes(1);
    expect(readAccessToken()).toBeNull();
  });
});

describe('我的 for 乡镇干部', () => {
  it('shows the official and the township, and never asks for a binding code', async () => {
    taro.resetTaroMock();
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const official = makeMe({
      village: null,
      resident: null,
      household: null,
      township: { id: 't-1', name: '聪子峪乡', county: '沁源县', staffName: '张建华', staffTitle: '副乡长' },
      roles: ['township_admin'],
    });
    answerRequests(taro.request, { statusCode: 200, data: official });
    renderPage(<MinePage />);
    const card = await screen.findByTestId('mine-township');
    expect(card.textContent).toContain('张建华');
    expect(card.textContent).toContain('沁源县聪子峪乡副乡长');
    expect(card.textContent).toContain('乡镇管理员');
    expect(screen.queryByTestId('mine-not-bound')).toBeNull();
  });
});
