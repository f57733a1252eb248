import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import { useCareMode } from '../../hooks/useCareMode';
import './index.css';

/**
 * Root of every page: applies the 长辈版 class (which switches the theme's CSS variables) and
 * honours a `mode` query (`?mode=elder` / `?mode=standard`) on the page's address or params.
 */
export function PageShell({ children, testId }: { children?: ReactNode; testId?: string }) {
  const { rootClassName, applyModeQuery } = useCareMode();
  const router = useRouter();
  const queryMode = router?.params?.mode;

  useEffect(() => {
    if (queryMode) applyModeQuery(decodeURIComponent(queryMode));
  }, [queryMode, applyModeQuery]);

  return (
    <View className={rootClassName} data-testid={testId}>
      {children}
    </View>
  );
}
