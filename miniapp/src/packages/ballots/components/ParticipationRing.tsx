import { Text, View } from '@tarojs/components';
import type { ParticipationSummary, QuorumAssessment } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';
import { ringModel } from '../utils/chart';

const m = messages.ballots;

/**
 * 参与率 as a ring drawn with plain views (works the same in WeChat and H5, no canvas): two half-discs
 * turned by the share that took part, a white centre with the percentage, and a thick black tick at
 * the quorum line. Next to it, in words: who took part, the quorum line, and whether it was met
 * (✓/✗ and words, so colour is never the only signal); below, the server's own sentence.
 */
export function ParticipationRing({ participation, quorum }: { participation: ParticipationSummary; quorum: QuorumAssessment | null }) {
  const ring = ringModel(participation, quorum);
  const unit = participation.unitLabel;
  return (
    <View className="ballot-ring-block" data-testid="ballot-ring">
      <View className="ballot-ring-row">
        <View className="ballot-ring" {...roleProps('img')} aria-label={m.ringAlt(ring.percent, participation.total, participation.eligible, unit)}>
          {ring.rightDeg > 0 ? (
            <View className="ballot-ring__half ballot-ring__half--right">
              <View className="ballot-ring__disc ballot-ring__disc--right" style={{ transform: `rotate(${ring.rightDeg}deg)` }} />
            </View>
          ) : null}
          {ring.leftDeg > 0 ? (
            <View className="ballot-ring__half ballot-ring__half--left">
              <View className="ballot-ring__disc ballot-ring__disc--left" style={{ transform: `rotate(${ring.leftDeg}deg)` }} />
            </View>
          ) : null}
          {ring.marker ? (
            <View className="ballot-ring__tick-arm" style={{ transform: `rotate(${ring.marker.deg}deg)` }}>
              <View className="ballot-ring__tick" />
            </View>
          ) : null}
          <View className="ballot-ring__centre">
            <Text className="ballot-ring__pct" data-testid="ballot-ring-percent">
              {m.ringCentre(ring.percent)}
            </Text>
            <Text className="ballot-ring__label">{m.ringTitle}</Text>
          </View>
        </View>
        <View className="ballot-ring-legend">
          <Text className="ballot-legend__line">
            <Text className="ballot-legend__swatch ballot-legend__swatch--fill" aria-hidden>
              ■{' '}
            </Text>
            {m.legendTook(participation.total, participation.eligible, unit)}
          </Text>
          {ring.marker ? (
            <Text className="ballot-legend__line">
              <Text className="ballot-legend__swatch" aria-hidden>
                ┃{' '}
              </Text>
              {ring.marker.words}
            </Text>
          ) : (
            <Text className="ballot-legend__line">{m.noQuorum}</Text>
          )}
          {ring.met !== null ? (
            <Text className={`ballot-legend__verdict ballot-legend__verdict--${ring.met ? 'met' : 'unmet'}`} data-testid="ballot-quorum-verdict">
              {ring.met ? m.quorumMet : m.quorumNotMet}
            </Text>
          ) : null}
        </View>
      </View>
      <Text className="ballot-muted">{m.quorumOnlineInPerson(participation.online, participation.inPerson, unit)}</Text>
      {quorum ? (
        <Text className="ballot-para" data-testid="ballot-quorum-explanation">
          {quorum.explanation}
        </Text>
      ) : null}
    </View>
  );
}
