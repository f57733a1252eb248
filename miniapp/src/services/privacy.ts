/**
 * WeChat's privacy flow (weapp only; app.config declares `__usePrivacyCheck__: true`).
 *
 * - Before logging in, the login page asks `getPrivacySetting` whether WeChat still needs the
 *   person's agreement; if so it shows our notice with a button `open-type="agreePrivacyAuthorization"`.
 * - If any other privacy-protected call (扫码, 选文件, 群信息) finds no agreement yet, WeChat calls the
 *   listener installed here; we open the privacy page, whose agree button resolves the waiting call.
 * On H5 none of this exists; the login page shows the same notice in the page instead.
 */
import Taro from '@tarojs/taro';
import { routes, withQuery } from '../constants/routes';

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

type ResolveOption = { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string };
type Resolver = (option: ResolveOption) => void;

let pendingResolve: Resolver | null = null;

interface PrivacyApi {
  getPrivacySetting?: (option: { success?: (res: { needAuthorization: boolean }) => void; fail?: () => void }) => void;
  onNeedPrivacyAuthorization?: (listener: (resolve: Resolver) => void) => void;
  openPrivacyContract?: (option?: { fail?: () => void }) => void;
}

const api = Taro as unknown as PrivacyApi;

function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/** Called once from app.tsx on weapp. */
export function installPrivacyListener(): void {
  if (!isWeapp() || typeof api.onNeedPrivacyAuthorization !== 'function') return;
  api.onNeedPrivacyAuthorization((resolve) => {
    pendingResolve = resolve;
    resolve({ event: 'exposureAuthorization' });
    void Taro.navigateTo({ url: withQuery(routes.privacy, { gate: 1 }) });
  });
}

export function hasPendingPrivacyGate(): boolean {
  return pendingResolve !== null;
}

/** The privacy page's answer to a waiting WeChat call. */
export function resolvePrivacyGate(agreed: boolean): void {
  const resolve = pendingResolve;
  pendingResolve = null;
  if (!resolve) return;
  resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
}

/** True when WeChat still needs the person's agreement before privacy-protected calls (weapp). */
export function needsWechatPrivacyAuthorization(): Promise<boolean> {
  if (!isWeapp() || typeof api.getPrivacySetting !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    api.getPrivacySetting?.({
      success: (res) => resolve(Boolean(res.needAuthorization)),
      fail: () => resolve(false),
    });
  });
}

/** Opens WeChat's own page with this mini-program's 隐私保护指引 (weapp). */
export function openWechatPrivacyContract(): void {
  if (isWeapp() && typeof api.openPrivacyContract === 'function') api.openPrivacyContract({ fail: () => undefined });
}

export function canOpenWechatPrivacyContract(): boolean {
  return isWeapp() && typeof api.openPrivacyContract === 'function';
}
