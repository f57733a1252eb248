import { Text, View } from '@tarojs/components';
import { messages } from '../../constants/messages';
import { useCareMode } from '../../hooks/useCareMode';
import { decorativeControlProps, pressProps, roleProps } from '../a11y';
import { Switch } from '../nutui';
import './index.css';

/**
 * The visible 长辈版 switch (home page, 我的, 显示设置). The whole row is the tap target, and the
 * state is also written out in words (已打开 / 已关闭) so colour is never the only signal.
 */
export function CareModeSwitch({ showHint = true }: { showHint?: boolean }) {
  const { careMode, toggleCareMode } = useCareMode();
  const m = messages.careMode;
  return (
    <View
      className="care-switch"
      {...roleProps('switch')}
      aria-checked={careMode}
      aria-label={m.label}
      data-testid="care-mode-switch"
      onClick={toggleCareMode}
      {...pressProps(toggleCareMode)}
    >
      <View className="care-switch__text">
        <Text className="care-switch__label">{m.label}</Text>
        {showHint ? <Text className="care-switch__hint">{careMode ? m.onHint : m.offHint}</Text> : null}
      </View>
      <View className="care-switch__control">
        <Text className="care-switch__state">{careMode ? m.switchOn : m.switchOff}</Text>
        <Switch checked={careMode} loadingIcon={null} className="care-switch__toggle" {...decorativeControlProps} />
      </View>
    </View>
  );
}
