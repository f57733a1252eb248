import { Picker, Text, View } from '@tarojs/components';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';
import { dayWords } from '../utils/form';

const m = messages.ballots;

/** A moment as two big rows that open the system pickers: "开始时间的日期：11月25日 ›" and "钟点：08:00 ›". */
export function DateTimeRow({
  label,
  day,
  time,
  onDay,
  onTime,
  error,
  testId,
}: {
  label: string;
  day: string;
  time: string;
  onDay: (day: string) => void;
  onTime: (time: string) => void;
  error?: string | null;
  testId: string;
}) {
  return (
    <View className={`ballot-when${error ? ' ballot-when--invalid' : ''}`} data-testid={testId}>
      <Text className="ballot-field-label">{label}</Text>
      <View className="ballot-when__rows">
        <Picker mode="date" value={day} start="2020-01-01" end="2099-12-31" onChange={(e) => onDay(String(e.detail.value))}>
          <View className="ballot-when__row" {...roleProps('button')} aria-label={`${m.dateLabel(label)}：${dayWords(day)}`} data-testid={`${testId}-day`}>
            <Text className="ballot-when__value">{dayWords(day)}</Text>
            <Text className="ballot-when__arrow" aria-hidden>
              ›
            </Text>
          </View>
        </Picker>
        <Picker mode="time" value={time} onChange={(e) => onTime(String(e.detail.value))}>
          <View className="ballot-when__row" {...roleProps('button')} aria-label={`${m.timeLabel(label)}：${time}`} data-testid={`${testId}-time`}>
            <Text className="ballot-when__value">{time}</Text>
            <Text className="ballot-when__arrow" aria-hidden>
              ›
            </Text>
          </View>
        </Picker>
      </View>
      {error ? (
        <Text className="ballot-error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
