import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ApiErrorBody } from '@village/shared';
import * as taro from '../__mocks__/taro';
import { CareModeProvider } from '../src/hooks/useCareMode';
import { MeProvider } from '../src/hooks/useMe';
import HomePage from '../src/pages/index/index';
import { makeVillageSummary } from './factories/village';

function renderHome() {
  return render(
    <CareModeProvider>
      <MeProvider>
        <HomePage />
      </MeProvider>
    </CareModeProvider>,
  );
}

/** Answers Taro.request (the real http client underneath) with the given responses in order. */
function answer(...responses: Array<{ statusCode: number; data: unknown }>) {
  for (const r of responses) taro.request.mockResolvedValueOnce({ ...r, header: {} });
}

beforeEach(() => {
  taro.resetTaroMock();
});

describe('首页', () => {
  it('shows a loading state, then the village in plain words', async () => {
    answer({ statusCode: 200, data: makeVillageSummary() });
    renderHome();

    expect(screen.getByTestId('loading-state').textContent).toBe('正在加载…');
    expect(await screen.findByTestId('village-name')).toHaveProperty('textContent', '土岭底村');

    expect(screen.queryByTestId('loading-state')).toBeNull();
    expect(screen.getByText('沁源县聪子峪乡')).toBeTruthy();
    expect(screen.getByText('村民议事群：土岭底村村民议事群')).toBeTruthy();
    const counts = screen.getByTestId('village-counts');
    expect(within(counts).getByText('全村 85 户 256 人')).toBeTruthy();
    expect(within(counts).getByText('党员 15 名')).toBeTruthy();
    expect(within(counts).getByText('村民代表 12 名')).toBeTruthy();

    const grids = screen.getByTestId('village-grids');
    expect(within(grids).getByText('3 个网格')).toBeTruthy();
    expect(within(grids).getByText('网格员 闫保平')).toBeTruthy();
    expect(within(grids).getByText('网格员 刘凤英')).toBeTruthy();
    expect(within(grids).getAllByText('28 户')).toHaveLength(2);
    expect(within(grids).getByText('29 户')).toBeTruthy();

    expect(taro.request.mock.calls[0][0].url).toBe('/api/villages/current');
  });

  it('says plainly when the 议事群 is not bound and a grid has no 网格员', async () => {
    answer({
      statusCode: 200,
      data: makeVillageSummary({
        councilChannelName: null,
        grids: [{ id: 'g', name: '第一网格', leaderName: null, households: 85 }],
      }),
    });
    renderHome();
    await screen.findByTestId('village-name');
    expect(screen.getByText('村民议事群还没有绑定')).toBeTruthy();
    expect(screen.getByText('1 个网格')).toBeTruthy();
    expect(screen.getByText('网格员 暂缺')).toBeTruthy();
  });

  it("shows the server's Chinese message with a 重试 button, and 重试 loads the village", async () => {
    const notFound: ApiErrorBody = {
      code: 'VILLAGE_NOT_CONFIGURED',
      message: '还没有设置本村的资料。请联系村委会。',
      correlationId: 'corr-42',
    };
    answer({ statusCode: 404, data: notFound }, { statusCode: 200, data: makeVillageSummary({ name: '南坪村' }) });
    renderHome();

    const error = await screen.findByTestId('error-state');
    expect(within(error).getByText('没有加载出来')).toBeTruthy();
    expect(within(error).getByText(notFound.message)).toBeTruthy();
    expect(within(error).getByText('出错编号 corr-42')).toBeTruthy();
    expect(screen.queryByTestId('village-name')).toBeNull();

    fireEvent.click(within(error).getByText('重试'));

    expect(await screen.findByTestId('village-name')).toHaveProperty('textContent', '南坪村');
    expect(screen.queryByTestId('error-state')).toBeNull();
    expect(taro.request).toHaveBeenCalledTimes(2);
  });

  it('keeps the 长辈版 switch and the way to 显示设置 on the page even when loading fails', async () => {
    answer({ statusCode: 400, data: { code: 'X', message: '请求有误。', correlationId: 'c' } });
    renderHome();
    await screen.findByTestId('error-state');

    fireEvent.click(screen.getByTestId('care-mode-switch'));
    expect(screen.getByTestId('home-page').className).toContain('care-mode');

    fireEvent.click(screen.getByTestId('home-display-settings'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/settings/pages/display/index' });
  });
});
