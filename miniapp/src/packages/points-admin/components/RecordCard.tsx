import { Text, View } from '@tarojs/components';
import { formatPointsChange, POINTS_RECORD_SOURCE_LABELS, type PointsRecordView } from '@village/shared';
import type { ReactNode } from 'react';
import { pressProps, roleProps } from '../../../components/a11y';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { messages } from '../../../constants/messages';
import { whenText } from '../utils/text';

const m = messages.pointsAdmin.card;

/**
 * One points record as the 评议小组 judges it: the household (and member), the item with its points
 * (a 负面清单 item says so in words), the day, who recorded it and how, the note and the photos.
 * With `onToggle` the card is a checkbox for the bulk 通过 / 不通过.
 */
export function RecordCard({
  record,
  selected,
  onToggle,
  children,
  testId,
}: {
  record: PointsRecordView;
  selected?: boolean;
  onToggle?: () => void;
  children?: ReactNode;
  testId: string;
}) {
  const negative = record.pointsTenths < 0;
  return (
    <View className={`pa-card${selected ? ' pa-card--selected' : ''}`} data-testid={testId}>
      {onToggle ? (
        <View className="pa-check" {...roleProps('checkbox')} aria-checked={Boolean(selected)} onClick={onToggle} {...pressProps(onToggle)} data-testid={`${testId}-check`}>
          <Text className="pa-check__box" aria-hidden>
            {selected ? '✓' : ''}
          </Text>
          <Text className="pa-check__label">{selected ? m.selected : m.select}</Text>
        </View>
      ) : null}
      <Text className="pa-sub">{record.member ? `${record.household.label}（${record.member.name}）` : record.household.label}</Text>
      <Text className="pa-para">{`${record.itemCode} ${record.itemDescription}`}</Text>
      <Text className={`pa-para ${negative ? 'pa-bad' : 'pa-strong'}`}>{negative ? `${formatPointsChange(record.pointsTenths)}（${m.negative}）` : formatPointsChange(record.pointsTenths)}</Text>
      <Text className="pa-muted">{m.when(whenText(record.occurredOn), POINTS_RECORD_SOURCE_LABELS[record.source], record.recordedBy.name)}</Text>
      {record.grid ? <Text className="pa-muted">{m.grid(record.grid.name)}</Text> : null}
      {record.note ? <Text className="pa-para">{m.note(record.note)}</Text> : null}
      {record.photos.length > 0 ? (
        <PhotoGrid photos={record.photos.map((p, i) => ({ id: p.id, url: p.url, label: m.photo(i + 1, record.photos.length) }))} testId={`${testId}-photos`} />
      ) : (
        <Text className="pa-muted">{m.noPhotos}</Text>
      )}
      {children}
    </View>
  );
}
