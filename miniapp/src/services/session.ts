/**
 * The signed-in session on this phone: the short-lived access token (storage key `village.token`,
 * which services/http.ts sends as `Authorization: Bearer …`) and the refresh token that gets a new
 * pair when the access token expires (POST /api/auth/refresh; the old refresh token dies then).
 *
 * Nothing here talks to the server; http.ts does the refreshing, and tells whoever listens
 * (hooks/useMe) when the session is over so the app can say so and offer 登录 again.
 */
import Taro from '@tarojs/taro';
import type { TokenPair } from '@village/shared';

export const TOKEN_STORAGE_KEY = 'village.token';
export const REFRESH_TOKEN_STORAGE_KEY = 'village.refreshToken';

/** Why a session ended: the server refused to renew it, or the person chose 退出登录. */
export type SessionEndReason = 'expired' | 'signedOut';

function read(key: string): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function readAccessToken(): string | null {
  return read(TOKEN_STORAGE_KEY);
}

export function readRefreshToken(): string | null {
  return read(REFRESH_TOKEN_STORAGE_KEY);
}

export function hasSession(): boolean {
  return readAccessToken() !== null;
}

export function saveTokens(pair: Pick<TokenPair, 'accessToken' | 'refreshToken'>): void {
  Taro.setStorageSync(TOKEN_STORAGE_KEY, pair.accessToken);
  Taro.setStorageSync(REFRESH_TOKEN_STORAGE_KEY, pair.refreshToken);
}

export function clearTokens(): void {
  for (const key of [TOKEN_STORAGE_KEY, REFRESH_TOKEN_STORAGE_KEY]) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // Storage blocked: nothing was saved either.
    }
  }
}

type Listener = (reason: SessionEndReason) => void;
const listeners = new Set<Listener>();

/** Subscribes to "the session is over"; returns the unsubscribe function. */
export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Clears the tokens and tells every listener why. */
export function endSession(reason: SessionEndReason): void {
  clearTokens();
  for (const listener of Array.from(listeners)) listener(reason);
}
