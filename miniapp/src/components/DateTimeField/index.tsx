import { Picker, Text, View } from '@tarojs/components';
import { messages } from '../../constants/messages';
import { dayText } from '../../services/dates';
import { roleProps } from '../a11y';
import './index.css';

const c = messages.common;

/**
 * A day (and, with `time`, a clock time) picked, never typed: one large row per part showing the
 * choice in words ("12月5日 ›", "08:00 ›"). On WeChat the rows open the system pickers; in a browser
 * they are the browser's own date and time inputs, which it shows in its own, familiar way.
 */
export function DateTimeField({
  label,
  day,
  onDay,
  time,
  onTime,
  start,
  end,
  hint,
  error,
  invalid,
  testId,
}: {
  label: string;
  /** YYYY-MM-DD, or '' when nothing is chosen yet. */
  day: string;
  onDay: (day: string) => void;
  /** HH:mm; leave out for a day alone. */
  time?: string;
  onTime?: (time: string) => void;
  start?: string;
  end?: string;
  hint?: string;
  error?: string | null;
  /** Marked wrong without a message of its own (the form says why elsewhere, e.g. for a pair of days). */
  invalid?: boolean;
  testId: string;
}) {
  const dayWords = day ? dayText(day) : c.pickDay;
  const h5 = process.env.TARO_ENV === 'h5';
  return (
    <View className={`dt-field${error || invalid ? ' dt-field--invalid' : ''}`} data-testid={testId}>
      <Text className="dt-field__label">{label}</Text>
      {hint ? <Text className="dt-field__hint">{hint}</Text> : null}
      <View className="dt-field__rows">
        {h5 ? (
          <input
            className="dt-field__row dt-field__native"
            type="date"
            value={day}
            min={start}
            max={end}
            aria-label={c.dayOf(label)}
            data-testid={`${testId}-day`}
            onChange={(e) => onDay(e.currentTarget.value)}
          />
        ) : (
          <Picker mode="date" value={day || start || ''} start={start ?? '2020-01-01'} end={end ?? '2099-12-31'} onChange={(e) => onDay(String(e.detail.value))}>
            <View className="dt-field__row" {...roleProps('button')} aria-label={`${c.dayOf(label)}：${dayWords}`} data-testid={`${testId}-day`}>
              <Text className="dt-field__value">{dayWords}</Text>
              <Text className="dt-field__arrow" aria-hidden>
                ›
              </Text>
            </View>
          </Picker>
        )}
        {time !== undefined && onTime ? (
          h5 ? (
            <input className="dt-field__row dt-field__native" type="time" value={time} aria-label={c.timeOf(label)} data-testid={`${testId}-time`} onChange={(e) => onTime(e.currentTarget.value)} />
          ) : (
            <Picker mode="time" value={time} onChange={(e) => onTime(String(e.detail.value))}>
              <View className="dt-field__row" {...roleProps('button')} aria-label={`${c.timeOf(label)}：${time}`} data-testid={`${testId}-time`}>
                <Text className="dt-field__value">{time}</Text>
                <Text className="dt-field__arrow" aria-hidden>
                  ›
                </Text>
              </View>
            </Picker>
          )
        ) : null}
      </View>
      {error ? (
        <Text className="dt-field__error" data-testid={`${testId}-error`}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
