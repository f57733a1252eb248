import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressProps, roleProps } from '../a11y';
import './index.css';

/** A full-width row that opens another page; the whole row is the tap target (≥ 44 / 60 px). */
export function LinkRow({ title, hint, url, testId }: { title: string; hint?: string; url: string; testId?: string }) {
  return (
    <View
      className="link-row"
      {...roleProps('link')}
      data-testid={testId}
      onClick={() => {
        void Taro.navigateTo({ url });
      }}
      {...pressProps(() => void Taro.navigateTo({ url }))}
    >
      <View className="link-row__text">
        <Text className="link-row__title">{title}</Text>
        {hint ? <Text className="link-row__hint">{hint}</Text> : null}
      </View>
      <Text className="link-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
