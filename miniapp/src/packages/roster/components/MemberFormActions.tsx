import { View } from '@tarojs/components';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';

/** The two buttons under every member form: go on to the confirmation, or 取消. */
export function MemberFormActions({
  nextText,
  onNext,
  onCancel,
  nextTestId,
}: {
  nextText: string;
  onNext: () => void;
  onCancel: () => void;
  nextTestId: string;
}): JSX.Element {
  return (
    <View className="roster-actions">
      <Button type="primary" onClick={onNext} data-testid={nextTestId}>
        {nextText}
      </Button>
      <Button type="default" fill="outline" onClick={onCancel}>
        {messages.roster.cancel}
      </Button>
    </View>
  );
}
