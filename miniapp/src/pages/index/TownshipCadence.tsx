import { Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, daysBetween, type VillageCadence } from '@village/shared';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { messages } from '../../constants/messages';
import { useRequest } from '../../hooks/useRequest';
import { getTownshipNoticeCadence } from '../../services/api/notices';
import { beijingToday } from '../../services/dates';

const m = messages.home;

/** One line per village: what it has not disclosed on time ("财务公开已逾期 25 天"), or that it is on time. */
export function villageCadenceLine(village: VillageCadence, today: string): string {
  const late = village.categories.filter((c) => c.overdue);
  if (late.length === 0) return m.townshipOnTime;
  return late.map((c) => messages.notices.homeOverdue(NOTICE_KIND_LABELS[c.category], Math.max(0, daysBetween(c.dueBy, today)))).join('；');
}

/**
 * 乡镇干部's first screen (OL art. 30–31: the township oversees disclosure): every village of the
 * township, the ones with overdue categories first, as the server sorts them.
 */
export function TownshipCadence() {
  const cadence = useRequest(() => getTownshipNoticeCadence(), []);
  const today = beijingToday();
  return (
    <View data-testid="home-township-cadence">
      <Text className="home-card__line">{m.townshipCadenceTitle}</Text>
      {cadence.status === 'loading' ? <LoadingState /> : null}
      {cadence.error ? <ErrorState error={cadence.error} onRetry={() => cadence.reload()} /> : null}
      {cadence.data && cadence.data.length === 0 ? <Text className="home-card__muted">{m.townshipNoVillages}</Text> : null}
      {cadence.data?.map((village) => (
        <View className="home-todo-row" key={village.village.id} data-testid={`home-township-village-${village.village.id}`}>
          <Text className="home-card__line">
            {village.overdueCount > 0 ? m.townshipLate : m.townshipFine}
            {village.village.name}
          </Text>
          <Text className="home-card__muted">{villageCadenceLine(village, today)}</Text>
        </View>
      ))}
    </View>
  );
}
