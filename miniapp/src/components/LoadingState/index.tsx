import { Text, View } from '@tarojs/components';
import { messages } from '../../constants/messages';
import { roleProps } from '../a11y';
import './index.css';

/** Inline progress for a page's first load (the native loading indicator joins after 300 ms). */
export function LoadingState({ label }: { label?: string }) {
  return (
    <View className="loading-state" {...roleProps('status')} aria-live="polite" data-testid="loading-state">
      <Text>{label ?? messages.common.loading}</Text>
    </View>
  );
}
