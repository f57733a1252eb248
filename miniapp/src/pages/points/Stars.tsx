import { Text, View } from '@tarojs/components';
import { messages } from '../../constants/messages';
import './standing.css';

/** "★★★☆☆ 3 颗星": the stars are drawn, and the count is said in words beside them (never shape or colour alone). */
export function Stars({ stars, max, testId }: { stars: number; max: number; testId?: string }) {
  const shown = Math.max(max, stars);
  return (
    <View className="pts-stars" data-testid={testId}>
      <Text className="pts-stars__icons" aria-hidden>
        {'★'.repeat(stars) + '☆'.repeat(shown - stars)}
      </Text>
      <Text className="pts-stars__text">{messages.points.stars(stars)}</Text>
    </View>
  );
}
