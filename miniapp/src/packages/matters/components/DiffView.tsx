import { Text, View } from '@tarojs/components';
import type { RevisionDiff, TextDiff } from '@village/shared';
import { messages } from '../../../constants/messages';
import { diffParts, money } from '../utils/format';

const m = messages.matters;

function TextChanges({ title, diff, testId }: { title: string; diff: TextDiff; testId: string }) {
  return (
    <View className="matter-diff__block" data-testid={testId}>
      <Text className="matter-line matter-strong">{title}</Text>
      <Text className="matter-para matter-pre">
        {diffParts(diff).map((p, i) => (
          <Text key={i} className={`matter-diff__${p.op}`} aria-label={p.label}>
            {p.shown}
          </Text>
        ))}
      </Text>
    </View>
  );
}

/**
 * What one amendment changed: added words inside 【＋…】 (underlined, green), deleted ones inside
 * 【－…】 (struck through, red), so the change reads without colour; the amount as "由…改为…".
 */
export function DiffView({ diff, testId }: { diff: RevisionDiff; testId?: string }) {
  if (!diff.changed) return <Text className="matter-muted">{m.diffNone}</Text>;
  return (
    <View className="matter-diff" data-testid={testId}>
      <Text className="matter-muted">
        {m.diffLegendLead}
        <Text className="matter-diff__insert">{m.diffLegendInsert}</Text>
        {m.diffLegendAnd}
        <Text className="matter-diff__delete">{m.diffLegendDelete}</Text>
      </Text>
      {diff.title ? <TextChanges title={m.diffTitle} diff={diff.title} testId={`${testId ?? 'diff'}-title`} /> : null}
      {diff.body ? <TextChanges title={m.diffBody} diff={diff.body} testId={`${testId ?? 'diff'}-body`} /> : null}
      {diff.budget ? (
        <Text className="matter-line matter-strong" data-testid={`${testId ?? 'diff'}-budget`}>
          {m.diffBudget(money(diff.budget.fromFen), money(diff.budget.toFen))}
        </Text>
      ) : null}
    </View>
  );
}
