import { act, fireEvent, render, screen } from '@testing-library/react';
import * as taro from '../__mocks__/taro';
import { CareModeSwitch } from '../src/components/CareModeSwitch';
import { PageShell } from '../src/components/PageShell';
import {
  CARE_MODE_CLASS,
  CARE_MODE_STORAGE_KEY,
  CareModeProvider,
  parseModeQuery,
  resolveMode,
  useCareMode,
} from '../src/hooks/useCareMode';

function Probe() {
  const { careMode, source, rootClassName } = useCareMode();
  return <output data-testid="probe" data-care={String(careMode)} data-source={source} className={rootClassName} />;
}

function renderWithProvider(ui: JSX.Element = <Probe />) {
  return render(<CareModeProvider>{ui}</CareModeProvider>);
}

const probe = () => screen.getByTestId('probe');

beforeEach(() => {
  taro.resetTaroMock();
  Reflect.deleteProperty(process.env, 'TARO_ENV');
  window.history.replaceState(null, '', '/');
  document.documentElement.className = '';
});

describe('resolveMode (which mode applies)', () => {
  it('prefers the query, then the saved choice, then WeChat font size, then standard', () => {
    expect(resolveMode({ query: 'standard', stored: 'elder', fontScale: 1.4 })).toEqual({ careMode: false, source: 'query' });
    expect(resolveMode({ query: null, stored: 'standard', fontScale: 1.4 })).toEqual({ careMode: false, source: 'user' });
    expect(resolveMode({ query: null, stored: null, fontScale: 1.4 })).toEqual({ careMode: true, source: 'system' });
    expect(resolveMode({ query: null, stored: null, fontScale: 1.15 })).toEqual({ careMode: false, source: 'default' });
    expect(resolveMode({ query: null, stored: null, fontScale: null })).toEqual({ careMode: false, source: 'default' });
  });

  it('reads the query and its aliases', () => {
    expect(parseModeQuery('elder')).toBe('elder');
    expect(parseModeQuery('Care')).toBe('elder');
    expect(parseModeQuery('长辈版')).toBe('elder');
    expect(parseModeQuery('standard')).toBe('standard');
    expect(parseModeQuery('huge')).toBeNull();
    expect(parseModeQuery(undefined)).toBeNull();
  });
});

describe('CareModeProvider', () => {
  it('starts in standard mode with nothing saved', () => {
    renderWithProvider();
    expect(probe().dataset.care).toBe('false');
    expect(probe().className).toBe('page');
  });

  it('saves the choice made with the switch and restores it on the next visit', () => {
    const first = renderWithProvider(<><Probe /><CareModeSwitch /></>);
    fireEvent.click(screen.getByTestId('care-mode-switch'));

    expect(probe().dataset.care).toBe('true');
    expect(probe().className).toBe(`page ${CARE_MODE_CLASS}`);
    expect(taro.setStorageSync).toHaveBeenCalledWith(CARE_MODE_STORAGE_KEY, 'elder');
    expect(screen.getByTestId('care-mode-switch').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('已打开')).toBeTruthy();
    first.unmount();

    renderWithProvider();
    expect(probe().dataset.care).toBe('true');
    expect(probe().dataset.source).toBe('user');
  });

  it('switches back off and remembers "standard"', () => {
    taro.setStorageSync(CARE_MODE_STORAGE_KEY, 'elder');
    renderWithProvider(<><Probe /><CareModeSwitch /></>);
    expect(probe().dataset.care).toBe('true');

    fireEvent.click(screen.getByTestId('care-mode-switch'));

    expect(probe().dataset.care).toBe('false');
    expect(taro.getStorageSync(CARE_MODE_STORAGE_KEY)).toBe('standard');
    expect(screen.getByText('已关闭')).toBeTruthy();
  });

  it('on H5, ?mode=elder switches on, is remembered and marks <html>', () => {
    process.env.TARO_ENV = 'h5';
    window.history.replaceState(null, '', '/pages/notices/index?mode=elder');

    renderWithProvider();

    expect(probe().dataset.care).toBe('true');
    expect(probe().dataset.source).toBe('query');
    expect(taro.getStorageSync(CARE_MODE_STORAGE_KEY)).toBe('elder');
    expect(document.documentElement.classList.contains(CARE_MODE_CLASS)).toBe(true);
  });

  it('on H5, ?mode=standard overrides a saved 长辈版', () => {
    process.env.TARO_ENV = 'h5';
    taro.setStorageSync(CARE_MODE_STORAGE_KEY, 'elder');
    window.history.replaceState(null, '', '/?mode=standard');

    renderWithProvider();

    expect(probe().dataset.care).toBe('false');
    expect(taro.getStorageSync(CARE_MODE_STORAGE_KEY)).toBe('standard');
    expect(document.documentElement.classList.contains(CARE_MODE_CLASS)).toBe(false);
  });

  it('ignores the address query outside H5', () => {
    window.history.replaceState(null, '', '/?mode=elder');
    renderWithProvider();
    expect(probe().dataset.care).toBe('false');
  });

  it("follows WeChat's enlarged font without saving it, unless the villager chose", () => {
    taro.getAppBaseInfo.mockReturnValue({ fontSizeScaleFactor: 1.3 });
    const view = renderWithProvider();
    expect(probe().dataset.care).toBe('true');
    expect(probe().dataset.source).toBe('system');
    expect(taro.setStorageSync).not.toHaveBeenCalled();
    view.unmount();

    taro.setStorageSync(CARE_MODE_STORAGE_KEY, 'standard');
    renderWithProvider();
    expect(probe().dataset.care).toBe('false');
  });

  it('a page opened with params { mode: "elder" } switches through PageShell', () => {
    taro.setRouterParams({ mode: 'elder' });
    renderWithProvider(
      <PageShell testId="shell">
        <Probe />
      </PageShell>,
    );
    expect(screen.getByTestId('shell').className).toBe(`page ${CARE_MODE_CLASS}`);
    expect(taro.getStorageSync(CARE_MODE_STORAGE_KEY)).toBe('elder');
  });

  it('useCareMode outside the provider fails loudly', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Probe />)).toThrow(/CareModeProvider/);
    spy.mockRestore();
  });

  it('setCareMode applies at once to every consumer', () => {
    let api: ReturnType<typeof useCareMode> | null = null;
    function Grab() {
      api = useCareMode();
      return null;
    }
    renderWithProvider(<><Probe /><Grab /></>);
    act(() => api!.setCareMode(true));
    expect(probe().dataset.care).toBe('true');
  });
});
