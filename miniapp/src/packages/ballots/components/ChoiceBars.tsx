import { Text, View } from '@tarojs/components';
import type { BallotResultView, ChoiceKind } from '@village/shared';
import { messages } from '../../../constants/messages';
import { barBase, barModels, blankCount, passMarker } from '../utils/chart';
import { choiceIcon } from '../utils/selection';

const m = messages.ballots;

/**
 * One horizontal bar per choice, its sign and word first, the count and share written next to it
 * ("41 户（68%）"), online and in person below; on a motion the pass line is drawn across the bars and
 * named in words. Blank or spoiled papers are counted too.
 */
export function ChoiceBars({ result, choiceKind }: { result: BallotResultView; choiceKind: ChoiceKind }) {
  const base = barBase(result);
  const bars = barModels(result.counts, base, result.leaders);
  const unit = choiceKind === 'motion' ? result.participation.unitLabel : m.votesUnit;
  const pass = choiceKind === 'motion' ? passMarker(result.decision, result.participation.unitLabel) : null;
  const blank = blankCount(result, choiceKind === 'multiple');
  return (
    <View className="ballot-bars" data-testid="ballot-bars">
      {bars.map((bar, i) => (
        <View key={bar.key} className={`ballot-bar ballot-bar--${bar.key}`} data-testid={`ballot-bar-${bar.key}`}>
          <View className="ballot-bar__head">
            <Text className="ballot-bar__label">
              <Text className="ballot-bar__icon" aria-hidden>
                {choiceIcon(bar.key, i)}{' '}
              </Text>
              {bar.label}
              {bar.leading ? <Text className="ballot-bar__lead">{` · ${m.barLeading}`}</Text> : null}
            </Text>
            <Text className="ballot-bar__count">{m.barCount(bar.total, unit, bar.percent)}</Text>
          </View>
          <View className="ballot-bar__track" aria-hidden>
            <View className="ballot-bar__fill" style={{ width: `${bar.width}%` }} />
            {pass && bar.key === 'for' ? <View className="ballot-bar__pass" style={{ left: `${pass.at}%` }} /> : null}
          </View>
          {bar.inPerson > 0 ? <Text className="ballot-muted">{m.barSplit(bar.online, bar.inPerson)}</Text> : null}
        </View>
      ))}
      {blank > 0 ? <Text className="ballot-muted">{m.blankLine(blank)}</Text> : null}
      {pass ? (
        <Text className="ballot-para ballot-strong" data-testid="ballot-pass-line">
          {m.passMarkerNote(pass.words)}
        </Text>
      ) : null}
      <Text className="ballot-muted">
        {result.decision && result.decision.basis === 'members' ? m.barsBaseMembers(base, result.participation.unitLabel) : m.barsBaseParticipants(base, result.participation.unitLabel)}
      </Text>
    </View>
  );
}
