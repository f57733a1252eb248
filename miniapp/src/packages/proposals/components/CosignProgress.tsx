import { Text, View } from '@tarojs/components';
import type { CosignProgress as Progress } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';

const m = messages.proposals;

/** The bar shows up to this many times the persons needed, so the 1/10 line sits at 80 % and stays visible past it. */
const SCALE = 1.25;

/** Where the fill ends and the 1/10 line stands, as percentages of the track. */
export function barGeometry(share: number): { fill: number; marker: number } {
  const clamped = Math.max(0, Math.min(share, SCALE));
  return { fill: Math.round((clamped / SCALE) * 1000) / 10, marker: Math.round((1 / SCALE) * 1000) / 10 };
}

/**
 * Co-signs against the convening threshold (OL art. 21: 1/10 of adult villagers): the server's
 * sentence ("已有 23 人附议（18 户），还差 9 人达到十分之一") in large type, then a bar with the 1/10
 * line marked in words, then the figures it rests on.
 */
export function CosignProgress({ progress }: { progress: Progress }) {
  const { fill, marker } = barGeometry(progress.share);
  const reached = progress.reached || progress.obligationId !== null;
  return (
    <View className="section prop-card" data-testid="proposal-progress">
      <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
        {m.progressTitle}
      </Text>
      <Text className="prop-progress__text" data-testid="proposal-progress-text">
        {progress.text}
      </Text>
      <View
        className="prop-bar"
        {...roleProps('progressbar')}
        aria-valuemin={0}
        aria-valuemax={progress.personsNeeded}
        aria-valuenow={Math.min(progress.persons, progress.personsNeeded)}
        aria-label={m.progressBarLabel(progress.persons, progress.personsNeeded)}
        data-testid="proposal-progress-bar"
      >
        <View className="prop-bar__track">
          <View className={`prop-bar__fill${reached ? ' prop-bar__fill--reached' : ''}`} style={{ width: `${fill}%` }} data-testid="proposal-progress-fill" />
          <View className="prop-bar__marker" style={{ left: `${marker}%` }} />
        </View>
        <View className="prop-bar__labels">
          <Text className="prop-bar__label" style={{ left: `${marker}%` }} data-testid="proposal-progress-marker">
            {m.progressMarker(progress.personsNeeded)}
          </Text>
        </View>
      </View>
      {reached ? <Text className="prop-line prop-ok">{m.progressReached}</Text> : null}
      <Text className="prop-muted">{m.progressAdults(progress.adultResidents, progress.personsNeeded)}</Text>
      {progress.representatives > 0 ? <Text className="prop-muted">{m.progressReps(progress.representatives, progress.representativesTotal, progress.representativesNeeded)}</Text> : null}
    </View>
  );
}
