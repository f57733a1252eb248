import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TAB_ROUTES } from '../../constants/routes';
import { pressProps, roleProps } from '../a11y';
import './index.css';

/**
 * A full-width row that opens another page; the whole row is the tap target (≥ 44 / 60 px). A tab
 * page (公开, 我的, …) is opened with switchTab, the only way WeChat allows.
 */
export function LinkRow({ title, hint, url, testId }: { title: string; hint?: string; url: string; testId?: string }) {
  const go = () => {
    const path = url.split('?')[0];
    void (TAB_ROUTES.includes(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url }));
  };
  return (
    <View className="link-row" {...roleProps('link')} data-testid={testId} onClick={go} {...pressProps(go)}>
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
