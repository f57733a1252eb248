import { Text, View } from '@tarojs/components';
import { roleProps } from '../../../components/a11y';
import type { Verdict } from '../utils/verdict';

/**
 * The result of 核验记录: a green card that says 通过 in words, or a red card that says which record
 * was tampered with and what to do. The ✓ / ✗ and the words carry the meaning; colour only adds to it.
 */
export function VerifyCard({ verdict }: { verdict: Verdict }) {
  return (
    <View
      className={`audit-verdict audit-verdict--${verdict.tone}`}
      {...roleProps(verdict.tone === 'fail' ? 'alert' : 'status')}
      data-testid="audit-verdict"
      data-tone={verdict.tone}
    >
      <Text className="audit-verdict__title">{verdict.title}</Text>
      <Text className="audit-verdict__headline" data-testid="audit-verdict-headline">
        {verdict.headline}
      </Text>
      {verdict.details.map((line) => (
        <Text className="audit-verdict__line" key={line}>
          {line}
        </Text>
      ))}
    </View>
  );
}
