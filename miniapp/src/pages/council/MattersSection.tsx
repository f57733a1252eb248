import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAIN_STAGES, type ApiErrorBody, type MatterListItem } from '@village/shared';
import { useCallback, useEffect, useState } from 'react';
import { pressProps, roleProps } from '../../components/a11y';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { Notice } from '../../components/Notice';
import { Button } from '../../components/nutui';
import { messages } from '../../constants/messages';
import { routes, withQuery } from '../../constants/routes';
import { listMatters } from '../../services/api/matters';

const m = messages.matters;

type Board =
  | { status: 'loading' }
  | { status: 'error'; error: ApiErrorBody }
  | { status: 'ready'; awaiting: MatterListItem[]; open: MatterListItem[] };

/** Open matters in the stepper's order of stages (the server's list is newest activity first). */
export function groupByStage(items: readonly MatterListItem[]): { stage: string; label: string; items: MatterListItem[] }[] {
  return MAIN_STAGES.map((stage) => {
    const inStage = items.filter((i) => i.stage === stage);
    return { stage: stage as string, label: inStage[0]?.stageLabel ?? '', items: inStage };
  }).filter((g) => g.items.length > 0);
}

/**
 * 村里大事（四议两公开） on the 议事 tab: those waiting for the caller first, then every open matter
 * grouped by the step it is at, each with the server's "下一步…" line and, when it cannot move,
 * ⚠ 暂停 with the reasons in words. Kept small: the matter page is in the "matters" sub-package.
 */
export function MattersSection({ canPropose, reloadKey }: { canPropose: boolean; reloadKey: number }) {
  const [board, setBoard] = useState<Board>({ status: 'loading' });

  const load = useCallback(async (quiet: boolean) => {
    if (!quiet) setBoard({ status: 'loading' });
    const [awaiting, open] = await Promise.all([
      listMatters({ awaitingMe: true, open: true, pageSize: 50 }, { quiet: true }),
      listMatters({ open: true, pageSize: 50 }, { quiet: true }),
    ]);
    if (!open.ok) {
      if (!quiet) setBoard({ status: 'error', error: open.error });
      return;
    }
    setBoard({ status: 'ready', awaiting: awaiting.ok ? awaiting.data.items : [], open: open.data.items });
  }, []);

  useEffect(() => {
    void load(reloadKey > 0);
  }, [load, reloadKey]);

  // 已办完（归档）的大事: fetched only when asked for.
  const [archived, setArchived] = useState<MatterListItem[] | null>(null);
  const [archivedError, setArchivedError] = useState<ApiErrorBody | null>(null);
  async function showArchived(): Promise<void> {
    setArchivedError(null);
    const r = await listMatters({ stage: 'archived', pageSize: 50 }, { quiet: true });
    if (r.ok) setArchived(r.data.items);
    else setArchivedError(r.error);
  }

  const awaitingIds = new Set(board.status === 'ready' ? board.awaiting.map((i) => i.id) : []);

  return (
    <View className="section council-card" data-testid="council-matters">
      <Text className="council-title" {...roleProps('heading')} aria-level={2}>
        {m.heading}
      </Text>
      <Text className="council-para">{m.intro}</Text>
      {canPropose ? (
        <Button className="big-button council-gap" type="primary" block onClick={() => void Taro.navigateTo({ url: routes.matterEdit })} data-testid="council-matter-create">
          {m.create}
        </Button>
      ) : null}
      {board.status === 'loading' ? <LoadingState /> : null}
      {board.status === 'error' ? <ErrorState error={board.error} onRetry={() => void load(false)} /> : null}
      {board.status === 'ready' ? (
        <View>
          {board.awaiting.length > 0 ? (
            <View className="section" data-testid="council-matters-awaiting">
              <Text className="council-group-title" {...roleProps('heading')} aria-level={3}>
                {m.awaitingMe(board.awaiting.length)}
              </Text>
              {board.awaiting.map((item) => (
                <MatterRow key={item.id} item={item} />
              ))}
            </View>
          ) : null}
          {groupByStage(board.open.filter((i) => !awaitingIds.has(i.id))).map((g) => (
            <View className="section" key={g.stage} data-testid={`council-matters-${g.stage}`}>
              <Text className="council-group-title" {...roleProps('heading')} aria-level={3}>
                {m.stageGroup(g.label, g.items.length)}
              </Text>
              {g.items.map((item) => (
                <MatterRow key={item.id} item={item} />
              ))}
            </View>
          ))}
          {board.open.length === 0 ? (
            <View className="section" data-testid="council-matters-empty">
              <Notice tone="info" title={m.empty} />
            </View>
          ) : null}
          {archived === null ? (
            <Button className="big-button council-gap" type="default" fill="outline" block onClick={() => void showArchived()} data-testid="council-show-archived-matters">
              {m.showClosed}
            </Button>
          ) : (
            <View className="section" data-testid="council-matters-archived">
              <Text className="council-group-title" {...roleProps('heading')} aria-level={3}>
                {m.closedTitle}
              </Text>
              {archived.length === 0 ? <Text className="council-muted">{m.noneClosed}</Text> : null}
              {archived.map((item) => (
                <MatterRow key={item.id} item={item} />
              ))}
            </View>
          )}
          {archivedError ? <ErrorState error={archivedError} onRetry={() => void showArchived()} /> : null}
        </View>
      ) : null}
    </View>
  );
}

/** One matter: its step and warnings as words with signs, the title, the server's next step. */
export function MatterRow({ item }: { item: MatterListItem }) {
  const open = () => void Taro.navigateTo({ url: withQuery(routes.matterDetail, { id: item.id }) });
  return (
    <View className="matter-row" {...roleProps('link')} data-testid={`matter-row-${item.id}`} onClick={open} {...pressProps(open)}>
      <View className="matter-row__tags">
        <Text className="matter-tag">{item.stageLabel}</Text>
        {item.blocked ? <Text className="matter-tag matter-tag--warn">{m.blockedTag}</Text> : null}
        {item.blockingOpinions > 0 ? <Text className="matter-tag matter-tag--warn">{m.opinionsTag(item.blockingOpinions)}</Text> : null}
        {item.unansweredObjections > 0 ? <Text className="matter-tag matter-tag--warn">{m.objectionsTag(item.unansweredObjections)}</Text> : null}
        {item.pendingReviewObjections > 0 ? <Text className="matter-tag matter-tag--warn">{m.reviewTag(item.pendingReviewObjections)}</Text> : null}
      </View>
      <Text className="matter-row__title">{item.title}</Text>
      <Text className="matter-row__line">{item.nextStep}</Text>
      {item.blocked
        ? item.blockedReasons
            .filter((r) => !item.nextStep.includes(r))
            .map((r) => (
              <Text key={r} className="matter-row__reason">
                {`⚠ ${r}`}
              </Text>
            ))
        : null}
      <Text className="matter-row__muted">{`${item.type.label} · ${m.revisionTag(item.currentRevision)}`}</Text>
    </View>
  );
}
