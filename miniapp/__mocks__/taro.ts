/**
 * A small stand-in for @tarojs/taro in jsdom: storage in a Map, request/loading as jest.fn(),
 * router params settable per test. Call `resetTaroMock()` in beforeEach.
 */
const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

export const getStorageSync = jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown): void => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string): void => {
  storage.delete(key);
});
export const request = jest.fn();
export const showLoading = jest.fn(() => Promise.resolve());
export const hideLoading = jest.fn(() => Promise.resolve());
export const showToast = jest.fn(() => Promise.resolve());
export const navigateTo = jest.fn(() => Promise.resolve());
export const navigateBack = jest.fn(() => Promise.resolve());
export const getAppBaseInfo = jest.fn((): { fontSizeScaleFactor?: number } => ({ fontSizeScaleFactor: 1 }));
export const useRouter = jest.fn(() => ({ params: routerParams, path: '/pages/index/index' }));
export const useLaunch = jest.fn();
export const useDidShow = jest.fn();

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaroMock(): void {
  storage.clear();
  routerParams = {};
  request.mockReset();
  getAppBaseInfo.mockReset();
  getAppBaseInfo.mockImplementation(() => ({ fontSizeScaleFactor: 1 }));
}

const Taro = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  request,
  showLoading,
  hideLoading,
  showToast,
  navigateTo,
  navigateBack,
  getAppBaseInfo,
  useRouter,
  useLaunch,
  useDidShow,
};

export default Taro;
