import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { roleProps } from '../a11y';
import './index.css';

export type NoticeTone = 'success' | 'info' | 'warning' | 'error';

/**
 * A box of text that stays until the person moves on: success after binding, a warning about the
 * roster, a form problem. The tone is also said in words by the title (colour is never the only signal).
 */
export function Notice({
  tone,
  title,
  children,
  testId,
}: {
  tone: NoticeTone;
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <View className={`notice notice--${tone}`} {...roleProps(role)} data-testid={testId}>
      {title ? <Text className="notice__title">{title}</Text> : null}
      {children ? <View className="notice__body">{children}</View> : null}
    </View>
  );
}
