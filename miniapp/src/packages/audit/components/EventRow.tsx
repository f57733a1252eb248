import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressProps, roleProps } from '../../../components/a11y';
import { messages } from '../../../constants/messages';
import { routes, withQuery } from '../../../constants/routes';
import type { AuditEventSummary } from '../../../services/api/audit';
import { actionLabel, formatWhen, whoDid } from '../utils/format';

const m = messages.audit;

/** One record in the list: 第 N 条 and when, who, what in words (the raw action code in small print). */
export function EventRow({ event }: { event: AuditEventSummary }) {
  const open = () => void Taro.navigateTo({ url: withQuery(routes.auditEvent, { seq: event.seq }) });
  return (
    <View className="audit-row" {...roleProps('link')} onClick={open} {...pressProps(open)} data-testid={`audit-event-${event.seq}`}>
      <View className="audit-row__main">
        <Text className="audit-row__head">
          {m.rowSeq(event.seq)}　{formatWhen(event.occurredAt)}
        </Text>
        <Text className="audit-row__what">
          {actionLabel(event.action)}
        </Text>
        <Text className="audit-row__who">{whoDid(event)}</Text>
        <Text className="audit-code">{event.action}</Text>
      </View>
      <Text className="audit-row__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
