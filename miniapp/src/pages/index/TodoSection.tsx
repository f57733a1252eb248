import { Text, View } from '@tarojs/components';
import { messages } from '../../constants/messages';

/**
 * 待我办: ballots my household has not voted in, notices not yet read, replies to my proposals.
 * Needs login (a later issue); until then it says plainly what will appear here.
 */
export function TodoSection() {
  return (
    <View className="section home-card" data-testid="home-todo">
      <Text className="section__title">{messages.home.todoTitle}</Text>
      <Text className="home-card__muted">{messages.home.todoEmpty}</Text>
    </View>
  );
}
