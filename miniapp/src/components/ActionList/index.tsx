import { Text, View } from '@tarojs/components';
import { roleProps } from '../a11y';
import { Button } from '../nutui';
import { messages } from '../../constants/messages';
import './index.css';

const c = messages.common;

/** Why an action cannot be done now, in the server's words, with the legal basis when there is one. */
export interface ActionReason {
  text: string;
  basis?: string | null;
}

export interface ActionItem {
  key: string;
  label: string;
  allowed: boolean;
  reasons: readonly ActionReason[];
}

/**
 * What the caller may do, one big button each (the first allowed one is the main one). A disabled
 * action keeps its place and says right under it, in words, why it cannot be done now — as the
 * server put it, with the legal basis. Used by pages whose server answers with "actions" (村里大事, 村民提议).
 */
export function ActionList({
  title,
  items,
  onAct,
  emptyText,
  testId,
}: {
  title: string;
  items: readonly ActionItem[];
  onAct: (key: string) => void;
  emptyText: string;
  testId: string;
}) {
  const main = items.findIndex((a) => a.allowed);
  return (
    <View className="section action-list" data-testid={testId}>
      <Text className="action-list__title" {...roleProps('heading')} aria-level={2}>
        {title}
      </Text>
      {items.length === 0 ? <Text className="action-list__empty">{emptyText}</Text> : null}
      {items.map((a, i) => (
        <View key={a.key} className="action-list__item" data-testid={`${testId}-${a.key}`}>
          <Button
            className="big-button action-list__button"
            type={i === main ? 'primary' : 'default'}
            fill={i === main ? 'solid' : 'outline'}
            block
            disabled={!a.allowed}
            onClick={() => (a.allowed ? onAct(a.key) : undefined)}
            data-testid={`${testId}-${a.key}-button`}
          >
            {a.allowed ? a.label : `${a.label}${c.cannotNow}`}
          </Button>
          {!a.allowed && a.reasons.length > 0 ? (
            <View className="action-list__why" data-testid={`${testId}-${a.key}-why`}>
              <Text className="action-list__why-title">{c.cantBecause}</Text>
              {a.reasons.map((r) => (
                <View key={r.text}>
                  <Text className="action-list__reason">{`⚠ ${r.text}`}</Text>
                  {r.basis ? <Text className="action-list__basis">{c.basis(r.basis)}</Text> : null}
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
