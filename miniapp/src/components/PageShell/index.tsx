import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useRef, type ReactNode } from 'react';
import { useCareMode } from '../../hooks/useCareMode';
import './index.css';

/**
 * Root of every page: applies the 长辈版 class (which switches the theme's CSS variables) and
 * honours a `mode` query (`?mode=elder` / `?mode=standard`) on the page's address or params.
 *
 * On H5 the page scrolls inside Taro's `.taro_page` element; it is made focusable so keyboard users
 * can scroll a page that has nothing else to focus (a notice to read), as axe-core requires.
 */
export function PageShell({ children, testId }: { children?: ReactNode; testId?: string }) {
  const { rootClassName, applyModeQuery } = useCareMode();
  const router = useRouter();
  const queryMode = router?.params?.mode;
  const root = useRef<unknown>(null);

  useEffect(() => {
    if (queryMode) applyModeQuery(decodeURIComponent(queryMode));
  }, [queryMode, applyModeQuery]);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const el = root.current as HTMLElement | null;
    const scroller = typeof el?.closest === 'function' ? el.closest('.taro_page') : null;
    if (scroller && !scroller.hasAttribute('tabindex')) scroller.setAttribute('tabindex', '0');
  }, []);

  return (
    <View className={rootClassName} data-testid={testId} ref={root as never}>
      {children}
    </View>
  );
}
