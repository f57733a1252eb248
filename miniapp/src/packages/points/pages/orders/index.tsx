import { Text } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';

export default function Placeholder() {
  return (
    <PageShell testId="points-placeholder">
      <Text>{messages.points.placeholder}</Text>
    </PageShell>
  );
}
