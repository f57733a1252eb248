import { Text } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { messages } from '../../constants/messages';

export default function PointsPage() {
  return (
    <PageShell testId="points-page">
      <Text>{messages.points.placeholder}</Text>
    </PageShell>
  );
}
