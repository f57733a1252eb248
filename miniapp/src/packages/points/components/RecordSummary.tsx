import { Text, View } from '@tarojs/components';
import { formatPointsChange, POINTS_RECORD_SOURCE_LABELS, type PointsRecordView } from '@village/shared';
import type { ReactNode } from 'react';
import { PhotoGrid } from '../../../components/PhotoGrid';
import { messages } from '../../../constants/messages';
import { dayText } from '../../../services/dates';

const m = messages.points;

/**
 * One points record as the household reads it: what, when, who recorded it, the points, its status
 * in words (待评议 / 评议通过，待公示 / 未通过 with the reason / 已公示), the note, the evidence photos
 * and, when there is one, the appeal with its answer. `children` adds the record's action (申请复议).
 */
export function RecordSummary({ record, testId, children }: { record: PointsRecordView; testId: string; children?: ReactNode }) {
  const appeal = record.appeal;
  return (
    <View className="pts-card" data-testid={testId}>
      <View className="pts-row">
        <View className="pts-row__main">
          <Text className="pts-line pts-strong">{m.recordLine(record.itemCode, record.itemDescription)}</Text>
          <Text className="pts-muted">{m.recordMeta(dayText(record.occurredOn), POINTS_RECORD_SOURCE_LABELS[record.source])}</Text>
        </View>
        <View className="pts-row__side">
          <Text className={`pts-change ${record.pointsTenths < 0 ? 'pts-change--minus' : 'pts-change--plus'}`}>{formatPointsChange(record.pointsTenths)}</Text>
        </View>
      </View>
      <View>
        <Text className="tag" data-testid={`${testId}-status`}>
          {record.statusLabel}
        </Text>
      </View>
      {record.rejectReason ? <Text className="pts-error">{m.rejectReason(record.rejectReason)}</Text> : null}
      {record.note ? <Text className="pts-line">{m.recordNote(record.note)}</Text> : null}
      <Text className="pts-muted">{m.recordedBy(record.recordedBy.name)}</Text>
      <PhotoGrid
        photos={record.photos.map((p, i) => ({ id: p.id, url: p.url, label: m.photoLabel(i + 1, record.photos.length) }))}
        testId={`${testId}-photos`}
      />
      {appeal ? (
        <View data-testid={`${testId}-appeal`}>
          <Text className="pts-line pts-strong">{m.appealStatus(appeal.statusLabel)}</Text>
          {appeal.adjustmentTenths !== null ? <Text className="pts-line">{m.appealAdjusted(formatPointsChange(appeal.adjustmentTenths))}</Text> : null}
          {appeal.decisionReason ? <Text className="pts-line">{m.appealDecision(appeal.decisionReason)}</Text> : null}
        </View>
      ) : null}
      {children}
    </View>
  );
}
