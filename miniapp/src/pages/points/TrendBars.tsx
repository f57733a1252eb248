import { Text, View } from '@tarojs/components';
import { formatPoints, quarterLabel, type QuarterTotal } from '@village/shared';
import { messages } from '../../constants/messages';
import './standing.css';

const m = messages.points;

/**
 * The last quarters as labelled bars, plain Views (no chart library): each row says the quarter,
 * its points and stars in words; the bar only repeats the size. Negative quarters draw no bar.
 */
export function TrendBars({ quarters, testId }: { quarters: readonly QuarterTotal[]; testId?: string }) {
  if (quarters.length === 0) return <Text className="pts-trend__empty">{m.trendEmpty}</Text>;
  const top = Math.max(1, ...quarters.map((q) => q.totalTenths));
  return (
    <View className="pts-trend" data-testid={testId}>
      {quarters.map((q) => (
        <View key={q.quarter} className="pts-trend__row" data-testid={testId ? `${testId}-${q.quarter}` : undefined}>
          <Text className="pts-trend__label">{m.trendRow(quarterLabel(q.quarter), formatPoints(q.totalTenths), m.stars(q.stars))}</Text>
          <View className="pts-trend__track" aria-hidden>
            <View className="pts-trend__bar" style={{ width: `${Math.max(0, Math.round((q.totalTenths / top) * 100))}%` }} />
          </View>
        </View>
      ))}
    </View>
  );
}
