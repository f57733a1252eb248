import { Text, View } from '@tarojs/components';
import { CareModeSwitch } from '../../components/CareModeSwitch';
import { LinkRow } from '../../components/LinkRow';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';
import { routes } from '../../constants/routes';

/** 我的: login comes later; the 长辈版 switch and display settings are here now. */
export default function MinePage() {
  const m = messages.mine;
  return (
    <PageShell testId="mine-page">
      <View className="mine-card">
        <Text className="section__title">{m.heading}</Text>
        <Text>{m.notLoggedIn}</Text>
      </View>
      <View className="section">
        <CareModeSwitch />
      </View>
      <View className="section">
        <LinkRow title={m.displaySettings} hint={m.displaySettingsHint} url={routes.displaySettings} testId="mine-display-settings" />
      </View>
    </PageShell>
  );
}
