import { Text, View } from '@tarojs/components';
import { CareModeSwitch } from '../../../../components/CareModeSwitch';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import './index.css';

/** 显示设置 (sub-package "settings"): the 长辈版 switch, what it does, and a preview of the text size. */
export default function DisplaySettingsPage() {
  const m = messages.display;
  return (
    <PageShell testId="display-settings-page">
      <Text className="display__heading">{m.heading}</Text>
      <View className="section">
        <CareModeSwitch showHint={false} />
      </View>
      <View className="section display__card">
        <Text className="display__para display__aliases">{messages.careMode.aliases}</Text>
        {messages.careMode.explanation.map((line) => (
          <Text className="display__para" key={line}>
            {line}
          </Text>
        ))}
      </View>
      <View className="section display__card" data-testid="display-sample">
        <Text className="section__title">{m.sampleTitle}</Text>
        <Text className="display__para">{m.sample}</Text>
      </View>
    </PageShell>
  );
}
