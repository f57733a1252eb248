import { Text } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';

export default function Placeholder() {
  return (
    <PageShell testId="points-admin-placeholder">
      <Text>{messages.pointsAdmin.placeholder}</Text>
    </PageShell>
  );
}
