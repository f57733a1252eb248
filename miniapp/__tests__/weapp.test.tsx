/**
 * The WeChat-only paths, rendered in jsdom with TARO_ENV=weapp: 用微信登录 with WeChat's privacy
 * agreement, 扫二维码 on the bind page, and 一村一群 from a group share card.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import * as taro from '../__mocks__/taro';
import BindPage from '../src/packages/account/pages/bind/index';
import LoginPage from '../src/packages/account/pages/login/index';
import { CouncilChannelBanner } from '../src/pages/index/CouncilChannelBanner';
import { captureShareTicket, forgetShareTicket } from '../src/services/councilChannel';
import { saveTokens } from '../src/services/session';
import { makeLoginResult, makeMe, makeUnboundMe } from './factories/me';
import { renderPage, routeRequests } from './render';

beforeEach(() => {
  taro.resetTaroMock();
  process.env.TARO_ENV = 'weapp';
});

afterEach(() => {
  Reflect.deleteProperty(process.env, 'TARO_ENV');
  forgetShareTicket();
});

describe('用微信登录', () => {
  it("asks for WeChat's privacy agreement first, then logs in with Taro.login's code and records consent", async () => {
    taro.privacySetting.needAuthorization = true;
    const sent: Array<{ url: string; data: unknown }> = [];
    routeRequests(taro.request, {
      'POST /api/auth/wechat-login': (req) => {
        sent.push({ url: req.url, data: req.data });
        return { statusCode: 200, data: makeLoginResult(makeUnboundMe({ privacyConsentRequired: true, privacyConsentVersion: null })) };
      },
      'POST /api/me/privacy-consent': (req) => {
        sent.push({ url: req.url, data: req.data });
        return { statusCode: 200, data: makeUnboundMe() };
      },
    });
    renderPage(<LoginPage />);
    expect(screen.queryByTestId('persona-picker')).toBeNull();

    fireEvent.click(screen.getByTestId('login-wechat'));
    await screen.findByTestId('login-privacy-step');
    expect(taro.login).not.toHaveBeenCalled();
    const agree = screen.getByText('同意');
    expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');

    fireEvent.click(agree);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/pages/bind/index' }));
    expect(taro.login).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([
      { url: '/api/auth/wechat-login', data: { code: 'wx-code' } },
      { url: '/api/me/privacy-consent', data: { version: '2026-11' } },
    ]);
  });

  it('goes straight in when WeChat and the server both have the agreement already', async () => {
    routeRequests(taro.request, { 'POST /api/auth/wechat-login': { statusCode: 200, data: makeLoginResult(makeMe()) } });
    renderPage(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-wechat'));
    await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  });

  it('says what to do when WeChat gives no login code', async () => {
    taro.login.mockRejectedValueOnce(new Error('login:fail'));
    renderPage(<LoginPage />);
    fireEvent.click(screen.getByTestId('login-wechat'));
    expect((await screen.findByTestId('error-state')).textContent).toContain('微信没有给出登录凭证');
    expect(taro.request).not.toHaveBeenCalled();
  });
});

describe('扫二维码 on the bind page', () => {
  beforeEach(() => {
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: makeUnboundMe() } });
  });

  it("fills the code from the committee's QR code", async () => {
    taro.scanCode.mockResolvedValueOnce({ result: 'https://cun.example.cn/packages/account/pages/bind/index?code=k7m2qx' });
    renderPage(<BindPage />);
    fireEvent.click(await screen.findByTestId('bind-scan'));
    expect((await screen.findByTestId('bind-prefilled')).textContent).toContain('已从二维码填好绑定码');
    expect((screen.getByTestId('bind-code').querySelector('input') as HTMLInputElement).value).toBe('K7M2QX');
  });

  it('says so when the QR code carries no binding code', async () => {
    taro.scanCode.mockResolvedValueOnce({ result: 'https://example.com/shop' });
    renderPage(<BindPage />);
    fireEvent.click(await screen.findByTestId('bind-scan'));
    expect((await screen.findByTestId('bind-code-error')).textContent).toContain('这个二维码里没有绑定码');
  });
});

describe('一村一群 from a group share card', () => {
  it("tells a villager which village's group it is", async () => {
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    captureShareTicket({ shareTicket: 'ticket-1' });
    taro.getShareInfo.mockResolvedValue({ encryptedData: 'enc', iv: 'iv' });
    const sent: unknown[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: makeMe() },
      'POST /api/council-channel/enter': (req) => {
        sent.push(req.data);
        return { statusCode: 200, data: { villageId: 'v-1', villageName: '土岭底村', channelName: '土岭底村村民议事群', boundAt: '2026-11-01T00:00:00Z' } };
      },
    });
    renderPage(<CouncilChannelBanner />);
    expect((await screen.findByTestId('council-channel-banner')).textContent).toBe(
      '您是从“土岭底村村民议事群”打开的，这是土岭底村的村民议事群。',
    );
    expect(taro.getShareInfo).toHaveBeenCalledWith({ shareTicket: 'ticket-1' });
    expect(sent).toEqual([{ encryptedData: 'enc', iv: 'iv' }]);
  });

  it('offers a committee member to bind an unbound group, and says when it is done', async () => {
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    captureShareTicket({ shareTicket: 'ticket-2' });
    taro.getShareInfo.mockResolvedValue({ encryptedData: 'enc', iv: 'iv' });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: makeMe({ roles: ['secretary'] }) },
      'POST /api/council-channel/enter': {
        statusCode: 404,
        data: { code: 'CHANNEL_NOT_BOUND', message: '这个群还不是哪个村的议事群。请村委会先在群里绑定。', correlationId: 'c' },
      },
      'POST /api/council-channel/bind': {
        statusCode: 200,
        data: { villageId: 'v-1', villageName: '土岭底村', channelName: '土岭底村村民议事群', boundAt: '2026-11-25T00:00:00Z' },
      },
    });
    renderPage(<CouncilChannelBanner />);
    fireEvent.click(await screen.findByText('把这个群设为本村议事群'));
    expect((await screen.findByText('已把这个群设为“土岭底村村民议事群”。')).textContent).toBeTruthy();
  });

  it('renders nothing without a share ticket (H5, or opened from elsewhere)', async () => {
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: makeMe() } });
    const { container } = renderPage(<CouncilChannelBanner />);
    await waitFor(() => expect(taro.request).toHaveBeenCalled());
    expect(container.textContent).toBe('');
    expect(taro.getShareInfo).not.toHaveBeenCalled();
  });
});
