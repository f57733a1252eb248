import { Text, View } from '@tarojs/components';
import { messages } from '../../constants/messages';
import './index.css';

/** An honest placeholder for a tab whose features are not built yet. */
export function ComingSoon({ heading, body, detail }: { heading: string; body: string; detail: string }) {
  return (
    <View className="coming-soon" data-testid="coming-soon">
      <Text className="coming-soon__heading">{heading}</Text>
      <Text className="coming-soon__badge">{messages.common.comingSoon}</Text>
      <Text className="coming-soon__body">{body}</Text>
      <Text className="coming-soon__detail">{detail}</Text>
    </View>
  );
}
