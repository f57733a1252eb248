import { Text, View } from '@tarojs/components';
import { roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';
import type { Diff, DiffRow } from '../utils/diff';

const m = messages.audit;

function tagOf(row: DiffRow): string {
  return row.change === 'added' ? m.diffAddedTag : row.change === 'removed' ? m.diffRemovedTag : m.diffChangedTag;
}

/**
 * 改了什么: each changed field as a block with its name and a tag in words (有改动 / 新增 / 删去),
 * then two columns labelled 改前 and 改后. The labels and tags carry the meaning, not the colours.
 */
export function DiffList({ diff }: { diff: Diff }) {
  if (diff.kind === 'empty') return <Text className="audit-para">{m.diffNothing}</Text>;
  return (
    <View data-testid="audit-diff">
      {diff.kind === 'created' ? <Text className="audit-para">{m.diffCreated}</Text> : null}
      {diff.kind === 'deleted' ? <Text className="audit-para">{m.diffDeleted}</Text> : null}
      {diff.kind === 'updated' && diff.changed.length === 0 ? <Text className="audit-para">{m.diffNoChange}</Text> : null}
      <View {...roleProps('list')}>
        {diff.changed.map((row) => (
          <View className="audit-diff" key={row.key} {...roleProps('listitem')} data-testid={`audit-diff-${row.key}`}>
            <View className="audit-diff__head">
              <Text className="audit-diff__field">{row.label}</Text>
              <Text className="tag tag--warning">{tagOf(row)}</Text>
            </View>
            <View className="audit-diff__cols">
              <View className="audit-diff__col audit-diff__col--before">
                <Text className="audit-diff__label">{m.diffBefore}</Text>
                <Text className="audit-diff__value">{row.before}</Text>
              </View>
              <View className="audit-diff__col audit-diff__col--after">
                <Text className="audit-diff__label">{m.diffAfter}</Text>
                <Text className="audit-diff__value">{row.after}</Text>
              </View>
            </View>
          </View>
        ))}
      </View>
      {diff.same.length > 0 ? (
        <View className="section" data-testid="audit-diff-same">
          <Text className="audit-subtitle">{m.diffUnchanged(diff.same.length)}</Text>
          {diff.same.map((row) => (
            <View className="audit-kv" key={row.key}>
              <Text className="audit-kv__label">{row.label}</Text>
              <Text className="audit-kv__value">{row.after}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
