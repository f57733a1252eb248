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
export const switchTab = jest.fn(() => Promise.resolve());
export const redirectTo = jest.fn(() => Promise.resolve());
/** Two pages: a form was opened from the page below it (the usual way), so going back is possible. */
export const getCurrentPages = jest.fn(() => [{}, {}]);
export const login = jest.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' }));
export const scanCode = jest.fn((): Promise<{ result?: string; path?: string }> => Promise.resolve({ result: '' }));
export const uploadFile = jest.fn();
export const getShareInfo = jest.fn();
export const getLaunchOptionsSync = jest.fn(() => ({ path: '', query: {}, scene: 1001 }));
export const chooseMessageFile = jest.fn();
export const setClipboardData = jest.fn(() => Promise.resolve());
export const pageScrollTo = jest.fn(() => Promise.resolve());
/** WeChat's privacy check: `privacySetting.needAuthorization` decides what getPrivacySetting answers. */
export const privacySetting = { needAuthorization: false };
export const getPrivacySetting = jest.fn((opts: { success?: (r: { needAuthorization: boolean }) => void }) => {
  opts.success?.({ needAuthorization: privacySetting.needAuthorization });
});
export const getAppBaseInfo = jest.fn((): { fontSizeScaleFactor?: number } => ({ fontSizeScaleFactor: 1 }));
export const useRouter = jest.fn(() => ({ params: routerParams, path: '/pages/index/index' }));
export const useLaunch = jest.fn();
export const useDidShow = jest.fn();
export const useDidHide = jest.fn();
export const usePullDownRefresh = jest.fn();
export const useReachBottom = jest.fn();
export const stopPullDownRefresh = jest.fn(() => Promise.resolve());
export const useShareAppMessage = jest.fn();
export const showShareMenu = jest.fn(() => Promise.resolve());
export const setNavigationBarTitle = jest.fn(() => Promise.resolve());
export const previewImage = jest.fn(() => Promise.resolve());
export const downloadFile = jest.fn();
export const openDocument = jest.fn(() => Promise.resolve());
export const chooseImage = jest.fn();
export const shareFileMessage = jest.fn(() => Promise.resolve());

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaroMock(): void {
  storage.clear();
  routerParams = {};
  request.mockReset();
  uploadFile.mockReset();
  downloadFile.mockReset();
  chooseImage.mockReset();
  useShareAppMessage.mockReset();
  privacySetting.needAuthorization = false;
  login.mockClear();
  getShareInfo.mockReset();
  scanCode.mockReset();
  scanCode.mockImplementation(() => Promise.resolve({ result: '' }));
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
  switchTab,
  redirectTo,
  getCurrentPages,
  login,
  scanCode,
  uploadFile,
  getShareInfo,
  getLaunchOptionsSync,
  chooseMessageFile,
  setClipboardData,
  pageScrollTo,
  getPrivacySetting,
  stopPullDownRefresh,
  getAppBaseInfo,
  useRouter,
  useLaunch,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  showShareMenu,
  setNavigationBarTitle,
  previewImage,
  downloadFile,
  openDocument,
  chooseImage,
  shareFileMessage,
};

export default Taro;
