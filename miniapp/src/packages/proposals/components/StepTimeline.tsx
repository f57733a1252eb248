import { Text, View } from '@tarojs/components';
import type { ProposalDetail } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';
import { whenText } from '../utils/form';

const m = messages.proposals;

/**
 * The six steps of 议事 (提出议题 → … → 研究落实): each with a sign and a word — ✓ 已完成, ● 正在办,
 * ○ 未开始, – 没有经过这一步 (after a decline, merge or conversion) — and the day, so colour is never the only signal.
 */
export function StepTimeline({ steps }: { steps: ProposalDetail['steps'] }) {
  return (
    <View className="section prop-card" data-testid="proposal-steps">
      <Text className="prop-card__title" {...roleProps('heading')} aria-level={2}>
        {m.stepsTitle}
      </Text>
      <View {...roleProps('list')}>
        {steps.map((s, i) => (
          <View key={s.step} className={`prop-step prop-step--${s.state}`} {...roleProps('listitem')} data-testid={`proposal-step-${s.step}`}>
            <View className="prop-step__rail">
              <Text className="prop-step__mark" aria-hidden>
                {m.stepMark[s.state] ?? '○'}
              </Text>
              {i < steps.length - 1 ? <View className="prop-step__line" /> : null}
            </View>
            <View className="prop-step__body">
              <Text className="prop-step__label">
                {`${i + 1}. ${s.label}`}
                <Text className="prop-step__word">{`（${m.stepWord[s.state] ?? s.state}）`}</Text>
              </Text>
              {s.on ? <Text className="prop-muted">{s.state === 'current' ? m.stepSince(whenText(s.on)) : m.stepOn(whenText(s.on))}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
