import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { getAuditEvent } from '../../../../services/api/audit';
import { DiffList } from '../../components/DiffList';
import { buildDiff } from '../../utils/diff';
import { actionLabel, entityLabel, formatWhen, whoDid } from '../../utils/format';
import '../../audit.css';

const m = messages.audit;

function Row({ label, value, code, testId }: { label: string; value: string; code?: string; testId?: string }) {
  return (
    <View className="audit-kv" data-testid={testId}>
      <Text className="audit-kv__label">{label}</Text>
      <Text className="audit-kv__value">{value}</Text>
      {code ? <Text className="audit-code">{code}</Text> : null}
    </View>
  );
}

/** 记录详情: when, who, what, on which object; then 改了什么 (改前 / 改后) and the record's fingerprint. */
export default function AuditEventPage() {
  const router = useRouter();
  const seq = Number(router?.params?.seq ?? 0);
  const event = useRequest(() => getAuditEvent(seq), [seq]);

  return (
    <PageShell testId="audit-event-page">
      {event.status === 'loading' ? <LoadingState /> : null}
      {event.status === 'error' ? <ErrorState error={event.error} onRetry={() => event.reload()} /> : null}
      {event.status === 'success' ? (
        <View>
          <Text className="audit-heading" {...roleProps('heading')} aria-level={1} data-testid="audit-event-heading">
            {m.eventHeading(event.data.seq)}
          </Text>
          <View className="section audit-card">
            <Row label={m.fieldAction} value={actionLabel(event.data.action)} code={event.data.action} testId="audit-event-action" />
            <Row label={m.fieldTime} value={formatWhen(event.data.occurredAt)} />
            <Row label={m.fieldActor} value={whoDid(event.data)} />
            <Row label={m.fieldEntity} value={entityLabel(event.data.entityType)} code={event.data.entityId} />
          </View>

          <View className="section audit-card">
            <Text className="section__title" {...roleProps('heading')} aria-level={2}>
              {m.diffTitle}
            </Text>
            <DiffList diff={buildDiff(event.data.before, event.data.after)} />
          </View>

          <View className="section audit-card">
            <Row label={m.fieldHash} value={event.data.hash} />
            <Row label={m.fieldPrevHash} value={event.data.prevHash} />
            {event.data.correlationId ? <Row label={m.fieldCorrelation} value={event.data.correlationId} /> : null}
            <Text className="audit-muted">{m.hashHint}</Text>
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
