import { Text, View } from '@tarojs/components';
import type { ApiErrorBody } from '@village/shared';
import { messages } from '../../constants/messages';
import { Button } from '../nutui';
import { roleProps } from '../a11y';
import './index.css';

/**
 * How every page shows a failed request: the server's Chinese message (it says what to do next),
 * a 重试 button, and the correlation id in small print for the village clerk or support.
 * Stays on screen until the villager acts — no toast that disappears.
 */
export function ErrorState({ error, onRetry, title }: { error: ApiErrorBody; onRetry?: () => void; title?: string }) {
  return (
    <View className="error-state" {...roleProps('alert')} data-testid="error-state">
      <Text className="error-state__title">{title ?? messages.network.errorTitle}</Text>
      <Text className="error-state__message">{error.message}</Text>
      {onRetry ? (
        <Button className="error-state__retry big-button" type="primary" fill="solid" block onClick={onRetry}>
          {messages.common.retry}
        </Button>
      ) : null}
      <Text className="error-state__ref">{messages.network.errorRef(error.correlationId)}</Text>
    </View>
  );
}
