import { Text, View } from '@tarojs/components';
import type { WorkflowAction, WorkflowEventType } from '@village/shared';
import { roleProps } from '../../../components/a11y';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';

const m = messages.matters;

/** Done from a row of the objections or opinions, not from the list of actions. */
export const PER_ITEM_EVENTS: readonly WorkflowEventType[] = ['answer_objection', 'answer_opinion', 'lift_opinion'];

/** The caller's actions as the server listed them: relevant ones only, per-item ones left out. */
export function visibleActions(actions: readonly WorkflowAction[]): WorkflowAction[] {
  return actions.filter((a) => a.relevant && !PER_ITEM_EVENTS.includes(a.event));
}

/** Whether the server lets the caller do `event` now (for the per-item buttons). */
export function actionFor(actions: readonly WorkflowAction[], event: WorkflowEventType): WorkflowAction | undefined {
  return actions.find((a) => a.event === event && a.relevant);
}

/**
 * One big button per action; a disabled one keeps its place and says, right under it, exactly why
 * (the server's reasons, with the legal basis when there is one).
 */
export function ActionList({ actions, onAct }: { actions: readonly WorkflowAction[]; onAct: (action: WorkflowAction) => void }) {
  const shown = visibleActions(actions);
  return (
    <View className="section matter-card" data-testid="matter-actions">
      <Text className="matter-card__title" {...roleProps('heading')} aria-level={2}>
        {m.actionsTitle}
      </Text>
      {shown.length === 0 ? <Text className="matter-para">{m.noActions}</Text> : null}
      {shown.map((a, i) => (
        <View key={a.event} className="matter-action" data-testid={`matter-action-${a.event}`}>
          <Button
            className="big-button matter-gap"
            type={a.allowed && i === shown.findIndex((x) => x.allowed) ? 'primary' : 'default'}
            fill={a.allowed && i === shown.findIndex((x) => x.allowed) ? 'solid' : 'outline'}
            block
            disabled={!a.allowed}
            onClick={() => (a.allowed ? onAct(a) : undefined)}
            data-testid={`matter-act-${a.event}`}
          >
            {a.allowed ? a.label : `${a.label}（现在不能办）`}
          </Button>
          {!a.allowed && a.unmet.length > 0 ? (
            <View className="matter-why" data-testid={`matter-why-${a.event}`}>
              <Text className="matter-why__title">{m.cantBecause}</Text>
              {a.unmet.map((u) => (
                <View key={`${u.code}-${u.reason}`}>
                  <Text className="matter-why__reason">{`⚠ ${u.reason}`}</Text>
                  {u.basis ? <Text className="matter-muted">{m.basis(u.basis)}</Text> : null}
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
