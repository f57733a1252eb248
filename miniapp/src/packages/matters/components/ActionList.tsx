import type { WorkflowAction, WorkflowEventType } from '@village/shared';
import { ActionList as Actions } from '../../../components/ActionList';
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

/** The matter's actions in the shared list: a disabled one says exactly why, with the legal basis. */
export function ActionList({ actions, onAct }: { actions: readonly WorkflowAction[]; onAct: (action: WorkflowAction) => void }) {
  const shown = visibleActions(actions);
  return (
    <Actions
      title={m.actionsTitle}
      items={shown.map((a) => ({ key: a.event, label: a.label, allowed: a.allowed, reasons: a.unmet.map((u) => ({ text: u.reason, basis: u.basis })) }))}
      emptyText={m.noActions}
      onAct={(key) => {
        const a = shown.find((x) => x.event === key);
        if (a) onAct(a);
      }}
      testId="matter-actions"
    />
  );
}
