import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { daysBetween, type ProposalListItem, type ReplyDeadlineView } from '@village/shared';
import { pressProps, roleProps } from '../../components/a11y';
import { messages } from '../../constants/messages';
import { routes, withQuery } from '../../constants/routes';
import { beijingToday, instantDayText } from '../../services/dates';
import './ProposalRow.css';

const m = messages.proposals;

export type DeadlineBadge = { text: string; tone: 'overdue' | 'due' | 'answered' };

/**
 * The reply clock as a short badge: "还剩 3 天" / "⚠ 已超期 2 天" / "✓ 已答复" (a sign and words, so
 * colour is never the only signal). Days overdue are counted from the due day to today (Beijing).
 */
export function deadlineBadge(reply: ReplyDeadlineView | null, today: string = beijingToday()): DeadlineBadge | null {
  if (!reply) return null;
  if (reply.answeredOn) return { text: m.answeredBadge, tone: 'answered' };
  if (reply.overdue) return { text: m.overdueBadge(Math.max(0, daysBetween(reply.dueBy.slice(0, 10), today), -reply.daysLeft)), tone: 'overdue' };
  return { text: m.daysLeftBadge(Math.max(0, reply.daysLeft)), tone: 'due' };
}

/**
 * One proposal in a list (议事 tab, the committee's queue): category and status as tags, the title,
 * who raised it and when, the co-sign count, and the reply badge. The whole row opens it.
 */
export function ProposalRow({ item, today }: { item: ProposalListItem; today?: string }) {
  const open = () => void Taro.navigateTo({ url: withQuery(routes.proposalDetail, { id: item.id }) });
  const badge = deadlineBadge(item.reply, today);
  return (
    <View className="proposal-row" {...roleProps('link')} data-testid={`proposal-row-${item.id}`} onClick={open} {...pressProps(open)}>
      <View className="proposal-row__tags">
        <Text className="proposal-tag proposal-tag--category">{item.category.label}</Text>
        <Text className={`proposal-tag${item.status === 'held' || item.status === 'pending_review' ? ' proposal-tag--warn' : ''}`}>{item.statusLabel}</Text>
        {badge ? (
          <Text className={`proposal-tag proposal-tag--${badge.tone}`} data-testid={`proposal-row-${item.id}-deadline`}>
            {badge.text}
          </Text>
        ) : null}
        {item.mine ? <Text className="proposal-tag proposal-tag--plain">{m.mineTag}</Text> : null}
      </View>
      <Text className="proposal-row__title">{item.title}</Text>
      <Text className="proposal-row__line">
        <Text className="proposal-row__count">{m.cosigns(item.cosigns)}</Text>
        {item.cosignedByMe ? `　${m.cosignedTag}` : ''}
      </Text>
      <Text className="proposal-row__muted">{m.raisedBy(item.raisedBy.name, instantDayText(item.raisedAt))}</Text>
    </View>
  );
}
