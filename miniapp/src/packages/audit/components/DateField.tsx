import { Picker, Text, View } from '@tarojs/components';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';
import { formatDay } from '../utils/format';

const m = messages.audit;

/** A date filter row ("开始日期：11月1日 ›") that opens the system date picker. */
export function DateField({
  label,
  value,
  start,
  end,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  start?: string;
  end?: string;
  onChange: (day: string) => void;
  testId?: string;
}) {
  return (
    <View className="audit-select">
      <Picker
        mode="date"
        value={value || end || ''}
        start={start || '2020-01-01'}
        end={end || '2099-12-31'}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className={`audit-select__row${value ? ' audit-select__row--set' : ''}`} {...roleProps('button')} data-testid={testId}>
          <Text className="audit-select__label">{label}：</Text>
          <Text className="audit-select__value">{value ? formatDay(value) : m.filterAnyDate}</Text>
          <Text className="audit-select__arrow" aria-hidden>
            ›
          </Text>
        </View>
      </Picker>
    </View>
  );
}
