import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ApiErrorBody } from '@village/shared';
import * as taro from '../__mocks__/taro';
import BindPage from '../src/packages/account/pages/bind/index';
import {
  codeFromScan,
  isCompleteBindingCode,
  lookAlikeCharacters,
  normaliseBindingCode,
} from '../src/packages/account/utils/bindingCode';
import { bindSuccessMessage } from '../src/packages/account/utils/flow';
import { takeFlash } from '../src/services/flash';
import { saveTokens } from '../src/services/session';
import { makeMe, makeUnboundMe } from './factories/me';
import { answerRequests, renderPage } from './render';

describe('binding code normalisation', () => {
  it('upper-cases, drops spaces and dashes, and stops at 6 characters', () => {
    expect(normaliseBindingCode('k7m2qx')).toBe('K7M2QX');
    expect(normaliseBindingCode(' k7m-2qx ')).toBe('K7M2QX');
    expect(normaliseBindingCode('K7 M2 QX 99')).toBe('K7M2QX');
    expect(normaliseBindingCode('绑定码：k7m2qx')).toBe('K7M2QX');
    expect(normaliseBindingCode('')).toBe('');
  });

  it('points out characters that never appear in a code (0 O 1 I L)', () => {
    expect(lookAlikeCharacters('K7M2QX')).toEqual([]);
    expect(lookAlikeCharacters('K0M1QO')).toEqual(['0', '1', 'O']);
    expect(isCompleteBindingCode('K7M2QX')).toBe(true);
    expect(isCompleteBindingCode('K7M2Q')).toBe(false);
    expect(isCompleteBindingCode('K7M2QI')).toBe(false);
  });

  it("reads the code from the server's QR text, a WeChat q= link, or a bare code", () => {
    expect(codeFromScan('http://localhost:3000/packages/account/pages/bind/index?code=K7M2QX')).toBe('K7M2QX');
    expect(codeFromScan('https://cun.example.cn/packages/account/pages/bind/index?mode=elder&code=k7m2qx')).toBe('K7M2QX');
    expect(codeFromScan(encodeURIComponent('https://cun.example.cn/packages/account/pages/bind/index?code=K7M2QX'))).toBe('K7M2QX');
    expect(codeFromScan('packages/account/pages/bind/index?code=K7M2QX')).toBe('K7M2QX');
    expect(codeFromScan(' k7m2qx ')).toBe('K7M2QX');
    expect(codeFromScan('https://example.com/other')).toBeNull();
    expect(codeFromScan('K7M')).toBeNull();
    expect(codeFromScan('')).toBeNull();
    expect(codeFromScan(undefined)).toBeNull();
  });
});

describe('bind success wording', () => {
  it('names the household head and the person', () => {
    expect(bindSuccessMessage(makeMe())).toEqual({
      title: '绑定成功：您是王建国家的李桂兰。',
      lines: ['户号 0012，第一网格'],
    });
  });

  it('says so plainly when the person is the head', () => {
    const me = makeMe();
    const head = makeMe({ resident: { ...me.resident!, id: 'r-1', name: '王建国' } });
    expect(bindSuccessMessage(head).title).toBe('绑定成功：您是王建国，本户的户主。');
  });
});

const codeInput = () => within(screen.getByTestId('bind-code')).getByRole('textbox') as HTMLInputElement;

async function renderSignedIn(params: Record<string, string> = {}) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  taro.setRouterParams(params);
  answerRequests(taro.request, { statusCode: 200, data: makeUnboundMe() });
  renderPage(<BindPage />);
  await screen.findByTestId('bind-code');
}

beforeEach(() => {
  taro.resetTaroMock();
  takeFlash();
});

describe('绑定 page', () => {
  it('upper-cases what is typed and counts the characters', async () => {
    await renderSignedIn();
    fireEvent.change(codeInput(), { target: { value: 'k7m 2' } });
    expect(codeInput().value).toBe('K7M2');
    expect(screen.getByText('已输入 4 位，共 6 位')).toBeTruthy();
  });

  it('does not send a short code; says how many characters are missing', async () => {
    await renderSignedIn();
    fireEvent.change(codeInput(), { target: { value: 'k7m2' } });
    fireEvent.click(screen.getByTestId('bind-confirm'));
    expect(screen.getByTestId('bind-code-error').textContent).toBe('绑定码是 6 位，您输入了 4 位。请核对后补全。');
    expect(taro.request).toHaveBeenCalledTimes(1); // only /api/me
  });

  it('explains look-alike characters instead of sending them', async () => {
    await renderSignedIn();
    fireEvent.change(codeInput(), { target: { value: 'K0M2QX' } });
    fireEvent.click(screen.getByTestId('bind-confirm'));
    expect(screen.getByTestId('bind-code-error').textContent).toContain('绑定码里没有 0');
    expect(taro.request).toHaveBeenCalledTimes(1);
  });

  it('fills the code from ?code= of the QR link and says so', async () => {
    await renderSignedIn({ code: 'k7m2qx' });
    expect(codeInput().value).toBe('K7M2QX');
    expect(screen.getByTestId('bind-prefilled').textContent).toContain('已从二维码填好绑定码');
  });

  it("shows the server's message in place, keeps the code, and clears the message when the person types", async () => {
    await renderSignedIn();
    const used: ApiErrorBody = { code: 'BINDING_CODE_USED', message: '这个绑定码已经用过了。请找村委会重新领取。', correlationId: 'c-9' };
    answerRequests(taro.request, { statusCode: 400, data: used });
    fireEvent.change(codeInput(), { target: { value: 'k7m2qx' } });
    fireEvent.click(screen.getByTestId('bind-confirm'));

    const error = await screen.findByTestId('error-state');
    expect(within(error).getByText('没有绑定成功')).toBeTruthy();
    expect(within(error).getByText(used.message)).toBeTruthy();
    expect(within(error).getByText('出错编号 c-9')).toBeTruthy();
    expect(codeInput().value).toBe('K7M2QX');
    expect(taro.switchTab).not.toHaveBeenCalled();

    const sent = taro.request.mock.calls[1][0];
    expect(sent.url).toBe('/api/me/binding');
    expect(sent.data).toEqual({ code: 'K7M2QX' });

    fireEvent.change(codeInput(), { target: { value: 'K7M2QY' } });
    expect(screen.queryByTestId('error-state')).toBeNull();
  });

  it('shows the rate limit (429) and the already-bound resident (409) messages as they come', async () => {
    await renderSignedIn();
    const limited: ApiErrorBody = {
      code: 'BINDING_RATE_LIMITED',
      message: '绑定码输错次数太多了，请一小时后再试，或请村委会帮您绑定',
      correlationId: 'c-1',
    };
    const taken: ApiErrorBody = { code: 'RESIDENT_ALREADY_BOUND', message: '这位村民已经绑定了别的微信。请找村委会解绑。', correlationId: 'c-2' };
    answerRequests(taro.request, { statusCode: 429, data: limited }, { statusCode: 409, data: taken });
    fireEvent.change(codeInput(), { target: { value: 'K7M2QX' } });
    fireEvent.click(screen.getByTestId('bind-confirm'));
    expect(await screen.findByText(limited.message)).toBeTruthy();
    fireEvent.click(screen.getByTestId('bind-confirm'));
    expect(await screen.findByText(taken.message)).toBeTruthy();
    expect(taro.request).toHaveBeenCalledTimes(3); // no automatic retries of a 4xx
  });

  it('on success leaves "绑定成功：您是 X 家的 …" for 我的 and opens it', async () => {
    await renderSignedIn();
    answerRequests(taro.request, { statusCode: 200, data: makeMe() });
    fireEvent.change(codeInput(), { target: { value: 'K7M2QX' } });
    fireEvent.click(screen.getByTestId('bind-confirm'));

    await waitFor(() => expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(takeFlash()).toEqual({ title: '绑定成功：您是王建国家的李桂兰。', lines: ['户号 0012，第一网格'] });
  });

  it('signed out: asks to log in first and carries the code to the login page', async () => {
    taro.setRouterParams({ code: 'K7M2QX' });
    renderPage(<BindPage />);
    expect(screen.getByTestId('bind-sign-in-first').textContent).toContain('请先登录');
    fireEvent.click(screen.getByTestId('bind-go-login'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index?bindCode=K7M2QX' });
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('already bound: says who, and how to change it', async () => {
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    answerRequests(taro.request, { statusCode: 200, data: makeMe() });
    renderPage(<BindPage />);
    expect((await screen.findByTestId('bind-already')).textContent).toContain('这个微信已经绑定了 李桂兰');
  });
});
