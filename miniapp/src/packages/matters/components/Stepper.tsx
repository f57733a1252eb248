import { Text, View } from '@tarojs/components';
import { STAGE_STEP_STATUS_LABELS, type MatterMeetingView, type StageStep } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';
import { meetingStages, stepMark } from '../utils/format';
import { MeetingCard } from './MeetingCard';

const m = messages.matters;

/**
 * The eight steps, top to bottom, as the server computed them: each with its sign and its state in
 * words (✓ 已完成, ● 进行中, ⚠ 暂停 with every reason, ○ 未开始…), its one-line note, and the
 * meetings held or announced for it.
 */
export function Stepper({ steps, meetings, nowMs }: { steps: StageStep[]; meetings: MatterMeetingView[]; nowMs?: number }) {
  return (
    <View className="section matter-card" data-testid="matter-stepper">
      <Text className="matter-card__title" {...roleProps('heading')} aria-level={2}>
        {m.stepsTitle}
      </Text>
      <View {...roleProps('list')}>
        {steps.map((step, i) => {
          const own = meetings.filter((mt) => meetingStages(mt.purpose).includes(step.stage));
          return (
            <View key={step.stage} className={`matter-step matter-step--${step.status}`} {...roleProps('listitem')} data-testid={`matter-step-${step.stage}`}>
              <View className="matter-step__rail" aria-hidden>
                <Text className="matter-step__mark">{stepMark(step.status)}</Text>
                {i < steps.length - 1 ? <View className="matter-step__line" /> : null}
              </View>
              <View className="matter-step__body">
                <Text className="matter-step__label">
                  {`${i + 1}. ${step.label}`}
                  <Text className="matter-step__status">{m.stepStatusWord(STAGE_STEP_STATUS_LABELS[step.status])}</Text>
                </Text>
                {step.note ? <Text className="matter-step__note">{step.note}</Text> : null}
                {step.reasons.length > 0 ? (
                  <View className="matter-step__reasons" data-testid={`matter-step-${step.stage}-reasons`}>
                    <Text className="matter-step__why">{step.status === 'waiting' ? m.waitingBecause : m.blockedBecause}</Text>
                    {step.reasons.map((r) => (
                      <Text key={r} className="matter-step__reason">
                        {step.status === 'waiting' ? r : `⚠ ${r}`}
                      </Text>
                    ))}
                  </View>
                ) : null}
                {own.map((mt) => (
                  <MeetingCard key={mt.id} meeting={mt} nowMs={nowMs} folded />
                ))}
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}
