import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DemoPersona } from '@village/shared';
import * as taro from '../__mocks__/taro';
import LoginPage from '../src/packages/account/pages/login/index';
import { nextPageAfterLogin } from '../src/packages/account/utils/flow';
import { readAccessToken } from '../src/services/session';
import { makeLoginResult, makeMe, makeUnboundMe } from './factories/me';
import { renderPage, routeRequests } from './render';

const personas: DemoPersona[] = [
  { key: 'secretary', label: '书记', name: '郭明亮', description: '书记兼村委会主任（一肩挑），管理户籍和绑定码' },
  { key: 'new', label: '新用户', name: null, description: '还没绑定身份的微信用户，用来试绑定码' },
];

beforeEach(() => taro.resetTaroMock());

describe('after login', () => {
  it('goes to the bind page when no resident is bound (carrying a code from a QR link), else to 首页', () => {
    expect(nextPageAfterLogin(makeUnboundMe(), null)).toEqual({ url: '/packages/account/pages/bind/index', tab: false });
    expect(nextPageAfterLogin(makeUnboundMe(), 'K7M2QX')).toEqual({ url: '/packages/account/pages/bind/index?code=K7M2QX', tab: false });
    expect(nextPageAfterLogin(makeMe(), null)).toEqual({ url: '/pages/index/index', tab: true });
    const official = makeMe({
      resident: null,
      household: null,
      township: { id: 't', name: '聪子峪乡', county: '沁源县', staffName: '张干部', staffTitle: '副乡长' },
    });
    expect(nextPageAfterLogin(official, null).url).toBe('/pages/index/index');
  });
});

describe('登录 (H5 demo personas)', () => {
  it('lists each persona with label, name and what it can do', async () => {
    routeRequests(taro.request, { 'GET /api/auth/demo-personas': { statusCode: 200, data: personas } });
    renderPage(<LoginPage />);
    const secretary = await screen.findByTestId('persona-secretary');
    expect(secretary.textContent).toBe('书记演示：郭明亮书记兼村委会主任（一肩挑），管理户籍和绑定码');
    expect(screen.getByTestId('persona-new').textContent).toContain('演示：还没绑定的新用户');
  });

  it('says plainly that the web version cannot use WeChat login when there are no demo personas', async () => {
    routeRequests(taro.request, {
      'GET /api/auth/demo-personas': { statusCode: 404, data: { code: 'DEMO_UNAVAILABLE', message: '演示身份只在本地演示环境提供', correlationId: 'd' } },
    });
    renderPage(<LoginPage />);
    expect((await screen.findByTestId('login-no-demo')).textContent).toContain('网页版不能用微信登录');
  });

  it('新用户: privacy notice first; 不同意 explains and offers to read again; 同意 records consent and opens the bind page', async () => {
    const consented = makeUnboundMe();
    const sent: unknown[] = [];
    routeRequests(taro.request, {
      'GET /api/auth/demo-personas': { statusCode: 200, data: personas },
      'POST /api/auth/demo-login': { statusCode: 200, data: makeLoginResult(makeUnboundMe({ privacyConsentRequired: true, privacyConsentVersion: null })) },
      'POST /api/me/privacy-consent': (req) => {
        sent.push(req.data);
        return { statusCode: 200, data: consented };
      },
    });
    renderPage(<LoginPage />);
    fireEvent.click(await screen.findByTestId('persona-new'));

    await screen.findByTestId('login-privacy-step');
    expect(readAccessToken()).toBe('access-1');
    const notice = screen.getByTestId('privacy-notice');
    for (const words of ['我们收集什么', '为什么要这些信息', '谁能看到', '怎样查看和更正', '版本 2026-11']) {
      expect(notice.textContent).toContain(words);
    }

    fireEvent.click(screen.getByTestId('privacy-disagree'));
    const declined = screen.getByTestId('login-declined');
    expect(declined.textContent).toContain('不同意隐私说明，就不能登录，也不能在网上投票');
    fireEvent.click(within(declined).getByText('重新看隐私说明'));

    fireEvent.click(await screen.findByTestId('privacy-agree'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/pages/bind/index' }));
    expect(sent).toEqual([{ version: '2026-11' }]);
  });

  it('a person who already agreed goes straight to 首页', async () => {
    routeRequests(taro.request, {
      'GET /api/auth/demo-personas': { statusCode: 200, data: personas },
      'POST /api/auth/demo-login': { statusCode: 200, data: makeLoginResult(makeMe({ roles: ['secretary'] })) },
    });
    renderPage(<LoginPage />);
    fireEvent.click(await screen.findByTestId('persona-secretary'));
    await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(screen.queryByTestId('login-privacy-step')).toBeNull();
  });

  it("shows the server's message in place when login fails, and the personas stay", async () => {
    routeRequests(taro.request, {
      'GET /api/auth/demo-personas': { statusCode: 200, data: personas },
      'POST /api/auth/demo-login': { statusCode: 404, data: { code: 'UNKNOWN_PERSONA', message: '没有这个演示身份', correlationId: 'u' } },
    });
    renderPage(<LoginPage />);
    fireEvent.click(await screen.findByTestId('persona-secretary'));
    expect((await screen.findByTestId('error-state')).textContent).toContain('没有这个演示身份');
    expect(screen.getByTestId('persona-new')).toBeTruthy();
    expect(readAccessToken()).toBeNull();
  });

  it('opened because the session expired, it says so', async () => {
    taro.setRouterParams({ reason: 'expired' });
    routeRequests(taro.request, { 'GET /api/auth/demo-personas': { statusCode: 200, data: personas } });
    renderPage(<LoginPage />);
    expect(screen.getByTestId('login-expired').textContent).toBe('登录已过期，请重新登录。');
    await screen.findByTestId('persona-picker');
  });
});
