/**
 * 长辈版 (care mode): larger text and larger tap targets on every page.
 *
 * Where the choice comes from, strongest first:
 *  1. `?mode=elder` / `?mode=standard` on any H5 page (also `care`, `standard`): switches and is remembered;
 *  2. the villager's own choice, saved on the phone with Taro.setStorageSync;
 *  3. on weapp, WeChat's font size: `fontSizeScaleFactor` above 1.15 means the person has made
 *     WeChat's text larger, so 长辈版 is on by default (not saved, so it follows WeChat);
 *  4. otherwise the standard mode.
 *
 * The mode is applied as the `care-mode` class on each page's root (components/PageShell), which
 * switches the CSS variables in app.css; on H5 the class is also put on <html>.
 */
import Taro from '@tarojs/taro';
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type DisplayMode = 'elder' | 'standard';
export type CareModeSource = 'query' | 'user' | 'system' | 'default';

export const CARE_MODE_STORAGE_KEY = 'village.displayMode';
export const CARE_MODE_CLASS = 'care-mode';
/** WeChat's standard size is 1; its larger settings start around 1.12–1.15 and 关怀模式 is ~1.4. */
export const SYSTEM_SCALE_THRESHOLD = 1.15;

/** Reads a `mode` query value. Accepts the aliases people may type or print on a QR code. */
export function parseModeQuery(value: unknown): DisplayMode | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === 'elder' || v === 'care' || v === 'large' || v === '长辈版' || v === '关怀版' || v === '大字版') return 'elder';
  if (v === 'standard' || v === 'normal' || v === '标准版') return 'standard';
  return null;
}

export function readStoredMode(): DisplayMode | null {
  try {
    const v: unknown = Taro.getStorageSync(CARE_MODE_STORAGE_KEY);
    return v === 'elder' || v === 'standard' ? v : null;
  } catch {
    return null;
  }
}

export function storeMode(mode: DisplayMode): void {
  try {
    Taro.setStorageSync(CARE_MODE_STORAGE_KEY, mode);
  } catch {
    // Storage full or blocked: the mode still applies for this visit.
  }
}

/** WeChat's text-size factor, or null where the platform does not report one (H5, old base libraries). */
export function systemFontScale(): number | null {
  const getAppBaseInfo = (Taro as unknown as { getAppBaseInfo?: () => { fontSizeScaleFactor?: number } }).getAppBaseInfo;
  if (typeof getAppBaseInfo !== 'function') return null;
  try {
    const factor = getAppBaseInfo().fontSizeScaleFactor;
    return typeof factor === 'number' && Number.isFinite(factor) ? factor : null;
  } catch {
    return null;
  }
}

/** The `mode` query of the current H5 address, if any. */
export function currentUrlMode(): DisplayMode | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || !window.location) return null;
  try {
    return parseModeQuery(new URLSearchParams(window.location.search).get('mode'));
  } catch {
    return null;
  }
}

export interface ResolvedMode {
  careMode: boolean;
  source: CareModeSource;
}

/** Pure decision, unit-tested: which mode applies given what we know. */
export function resolveMode(input: {
  query: DisplayMode | null;
  stored: DisplayMode | null;
  fontScale: number | null;
}): ResolvedMode {
  if (input.query) return { careMode: input.query === 'elder', source: 'query' };
  if (input.stored) return { careMode: input.stored === 'elder', source: 'user' };
  if (input.fontScale !== null && input.fontScale > SYSTEM_SCALE_THRESHOLD) return { careMode: true, source: 'system' };
  return { careMode: false, source: 'default' };
}

export interface CareModeValue {
  careMode: boolean;
  source: CareModeSource;
  /** Class names for a page root: `page` plus `care-mode` when on. */
  rootClassName: string;
  /** Saves the villager's choice on the phone and applies it everywhere at once. */
  setCareMode: (on: boolean) => void;
  toggleCareMode: () => void;
  /** Applies a `mode` query value (from the address or a page's params); remembers it. */
  applyModeQuery: (value: unknown) => void;
}

const CareModeContext = createContext<CareModeValue | null>(null);

function initialState(): ResolvedMode {
  const query = currentUrlMode();
  if (query) storeMode(query);
  return resolveMode({ query, stored: readStoredMode(), fontScale: systemFontScale() });
}

export function CareModeProvider({ children }: { children?: ReactNode }) {
  const [state, setState] = useState<ResolvedMode>(initialState);

  const setCareMode = useCallback((on: boolean) => {
    storeMode(on ? 'elder' : 'standard');
    setState({ careMode: on, source: 'user' });
  }, []);

  const applyModeQuery = useCallback((value: unknown) => {
    const mode = parseModeQuery(value);
    if (!mode) return;
    storeMode(mode);
    setState((prev) =>
      prev.careMode === (mode === 'elder') && prev.source === 'query' ? prev : { careMode: mode === 'elder', source: 'query' },
    );
  }, []);

  // On H5 the whole document follows the mode too (body background, Taro's H5 tab bar).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    document.documentElement.classList.toggle(CARE_MODE_CLASS, state.careMode);
  }, [state.careMode]);

  const value = useMemo<CareModeValue>(
    () => ({
      careMode: state.careMode,
      source: state.source,
      rootClassName: state.careMode ? `page ${CARE_MODE_CLASS}` : 'page',
      setCareMode,
      toggleCareMode: () => setCareMode(!state.careMode),
      applyModeQuery,
    }),
    [state, setCareMode, applyModeQuery],
  );

  return createElement(CareModeContext.Provider, { value }, children);
}

export function useCareMode(): CareModeValue {
  const value = useContext(CareModeContext);
  if (!value) throw new Error('useCareMode must be used inside <CareModeProvider> (src/app.tsx)');
  return value;
}
