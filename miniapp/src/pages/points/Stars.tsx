import { Text, View } from '@tarojs/components';
import { messages } from '../../constants/messages';
import './standing.css';

/** "★★★☆☆": one star per threshold of the village, the earned ones filled. */
export function starIcons(stars: number, max: number): string {
  const earned = Math.max(0, stars);
  return '★'.repeat(earned) + '☆'.repeat(Math.max(0, max - earned));
}

/**
 * "★★★☆☆ 3 颗星": the stars are drawn, and the count is said in words beside them (never shape or colour alone).
 * `max` is the number of the village's thresholds; null while unknown, when only the words are shown.
 */
export function Stars({ stars, max, testId }: { stars: number; max: number | null; testId?: string }) {
  return (
    <View className="pts-stars" data-testid={testId}>
      {max === null ? null : (
        <Text className="pts-stars__icons" aria-hidden>
          {starIcons(stars, max)}
        </Text>
      )}
      <Text className="pts-stars__text">{messages.points.stars(stars)}</Text>
    </View>
  );
}
