import { Text, View } from '@tarojs/components';
import type { BallotResultView } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';

const m = messages.ballots;

/** The outcome in big words with its sign (✓ 通过 / ✗ 未通过 / ! 无效), then the server's explanation. */
export function OutcomeCard({ result }: { result: BallotResultView }) {
  return (
    <View className={`ballot-outcome ballot-outcome--${result.outcome}`} data-testid="ballot-outcome" data-outcome={result.outcome}>
      <View className="ballot-outcome__head">
        <Text className="ballot-outcome__icon" aria-hidden>
          {m.outcomeIcons[result.outcome]}
        </Text>
        <Text className="ballot-outcome__word" {...roleProps('heading')} aria-level={2} data-testid="ballot-outcome-word">
          {m.outcomeWords[result.outcome]}
        </Text>
      </View>
      {result.outcomeLabel !== m.outcomeWords[result.outcome] ? <Text className="ballot-outcome__label">{result.outcomeLabel}</Text> : null}
      <Text className="ballot-outcome__explanation" data-testid="ballot-outcome-explanation">
        {result.explanation}
      </Text>
    </View>
  );
}
