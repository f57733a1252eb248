import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { roleProps } from '../../../components/a11y';
import { Button } from '../../../components/nutui';
import { messages } from '../../../constants/messages';

const m = messages.ballots;

/** A receipt code shown big, in groups of four, with 复制 (the copy is confirmed in words on the page). */
export function ReceiptCode({ code, testId }: { code: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy(): Promise<void> {
    try {
      await Taro.setClipboardData({ data: code });
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <View className="ballot-receipt" data-testid={testId ?? 'ballot-receipt'}>
      <Text className="ballot-receipt__label">{m.receiptTitle}</Text>
      {/* Three groups of four that wrap only between groups, so a code is never broken mid-group. */}
      <View className="ballot-receipt__code" data-testid="ballot-receipt-code" aria-label={code}>
        {code.split('-').map((group, i) => (
          <Text key={i} className="ballot-receipt__group" selectable userSelect>
            {i > 0 ? `-${group}` : group}
          </Text>
        ))}
      </View>
      <Button
        className="big-button ballot-receipt__copy"
        type="primary"
        fill="outline"
        block
        onClick={() => void copy()}
        aria-label={m.copyLabel(code)}
        data-testid="ballot-receipt-copy"
      >
        {m.copy}
      </Button>
      {copied ? (
        <Text className="ballot-muted" {...roleProps('status')} data-testid="ballot-receipt-copied">
          {m.copied}
        </Text>
      ) : null}
    </View>
  );
}
