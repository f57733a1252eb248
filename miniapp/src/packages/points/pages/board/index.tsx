import { Text, View } from '@tarojs/components';
import { formatPoints, quarterLabel, type BoardEntryView, type PointsBoardView } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { instantDayText } from '../../../../services/dates';
import { listBoards } from '../../../../services/points';
import { useRequest } from '../../../../hooks/useRequest';
import '../../components/points.css';

const m = messages.points;

/**
 * 红黑榜 by quarter, newest first: 红榜 and 需要帮助改进, each household with why it is there, and the
 * plain statement that the list never touches voting or basic rights. The committee's 帮扶 note comes
 * with an entry only for those allowed to see it (the household itself among them).
 */
export default function PointsBoardPage() {
  const boards = useRequest(() => listBoards(), []);
  const [picked, setPicked] = useState<string | null>(null);

  const list = boards.status === 'success' ? [...boards.data].sort((a, b) => b.quarter.localeCompare(a.quarter)) : [];
  const board = list.find((b) => b.quarter === picked) ?? list[0] ?? null;

  return (
    <PageShell testId="points-board-page">
      <Text className="pts-heading" {...roleProps('heading')} aria-level={1}>
        {m.boardTitle}
      </Text>
      <Text className="pts-para">{m.boardIntro}</Text>
      <View className="section">
        <Notice tone="info" title={m.boardRights} testId="points-board-rights" />
      </View>
      {boards.status === 'loading' ? <LoadingState /> : null}
      {boards.status === 'error' ? <ErrorState error={boards.error} onRetry={() => boards.reload()} /> : null}
      {boards.status === 'success' && !board ? (
        <View className="section">
          <Notice tone="info" title={m.boardEmpty} testId="points-board-empty" />
        </View>
      ) : null}
      {list.length > 1 ? (
        <View className="section">
          <ChoiceGroup label={m.quarterLabel} testId="points-board-quarters">
            {list.map((b) => (
              <Choice key={b.id} label={quarterLabel(b.quarter)} checked={board?.id === b.id} onSelect={() => setPicked(b.quarter)} compact testId={`points-board-${b.quarter}`} />
            ))}
          </ChoiceGroup>
        </View>
      ) : null}
      {board ? <Board board={board} /> : null}
    </PageShell>
  );
}

function Board({ board }: { board: PointsBoardView }) {
  return (
    <View data-testid="points-board">
      <View className="section">
        <Text className="pts-title" {...roleProps('heading')} aria-level={2}>
          {quarterLabel(board.quarter)}
        </Text>
        <Text className="pts-muted">{m.boardPublished(instantDayText(board.publishedAt))}</Text>
      </View>
      <View className="section" data-testid="points-board-red">
        <Text className="pts-title" {...roleProps('heading')} aria-level={3}>
          {m.redTitle}
        </Text>
        {board.red.length === 0 ? <Text className="pts-muted">{m.redEmpty}</Text> : null}
        {board.red.map((e) => (
          <Entry key={e.household.id} entry={e} tag={m.redTag} tagClass="tag pts-tag-red" />
        ))}
      </View>
      <View className="section" data-testid="points-board-black">
        <Text className="pts-title" {...roleProps('heading')} aria-level={3}>
          {m.blackTitle}
        </Text>
        {board.black.length === 0 ? <Text className="pts-muted">{m.blackEmpty}</Text> : null}
        {board.black.map((e) => (
          <Entry key={e.household.id} entry={e} tag={m.blackTag} tagClass="tag tag--warning" />
        ))}
      </View>
    </View>
  );
}

function Entry({ entry, tag, tagClass }: { entry: BoardEntryView; tag: string; tagClass: string }) {
  return (
    <View className="pts-card" data-testid={`points-board-entry-${entry.household.id}`}>
      <View className="pts-row">
        <View className="pts-row__main">
          <Text className="pts-line pts-strong">{entry.household.label}</Text>
          <View>
            <Text className={tagClass}>{tag}</Text>
          </View>
        </View>
        <View className="pts-row__side">
          <Text className="pts-line">{m.boardPoints(formatPoints(entry.totalTenths))}</Text>
        </View>
      </View>
      <Text className="pts-line">{entry.reason}</Text>
      {entry.followUp ? (
        <View data-testid={`points-board-follow-up-${entry.household.id}`}>
          <Text className="pts-line pts-strong">{m.followUpTitle}</Text>
          <Text className="pts-line">{m.followUp(entry.followUp.note, entry.followUp.by.name, instantDayText(entry.followUp.at))}</Text>
        </View>
      ) : null}
    </View>
  );
}
