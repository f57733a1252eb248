import { Picker, Text, View } from '@tarojs/components';
import { roleProps } from '../../../components/a11y';
import { dayText } from '../../../services/dates';

/** A date as a row ("开始日期：11月25日 ›") that opens the system date picker. */
export function DateRow({
  label,
  value,
  start,
  end,
  onChange,
  invalid,
  testId,
}: {
  label: string;
  value: string;
  start?: string;
  end?: string;
  onChange: (day: string) => void;
  invalid?: boolean;
  testId?: string;
}) {
  return (
    <View className="nt-date">
      <Picker mode="date" value={value} start={start ?? '2020-01-01'} end={end ?? '2099-12-31'} onChange={(e) => onChange(String(e.detail.value))}>
        <View
          className={`nt-date__row${invalid ? ' nt-date__row--invalid' : ''}`}
          {...roleProps('button')}
          aria-label={`${label}：${dayText(value)}`}
          data-testid={testId}
        >
          <Text className="nt-date__label">{label}：</Text>
          <Text className="nt-date__value">{dayText(value)}</Text>
          <Text className="nt-date__arrow" aria-hidden>
            ›
          </Text>
        </View>
      </Picker>
    </View>
  );
}
