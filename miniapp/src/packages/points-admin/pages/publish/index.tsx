import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatPoints, publicationOpensOn, quarterLabel, type ApiErrorBody, type BoardEntryView, type PointsBoardView } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { AreaField } from '../../../../components/AreaField';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { isCommittee } from '../../../../constants/roles';
import { routes, withQuery } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { beijingToday, dayText } from '../../../../services/dates';
import { listBoards, listPublications, publishBoard, publishPoints, saveBoardFollowUp } from '../../../../services/points';
import { DoneNotice, FailedNotice, LoadState, PageHeading } from '../../components/PageParts';
import { whenText } from '../../utils/text';
import '../../points-admin.css';

const m = messages.pointsAdmin.publish;
const FOLLOW_UP_MAX = 200;

type Ask = { kind: 'publish'; quarter: string; count: number } | { kind: 'board'; quarter: string } | null;

/**
 * 积分公示 and 红黑榜. The 党组织 (branch_committee) publishes a quarter's approved records once none
 * of that quarter is waiting for review and its last month has reached the 28th — the page says which
 * of these is missing. The 两委 then publish that quarter's 红黑榜 and write the 帮扶 note for each
 * household on the black list (never a loss of rights: the note is about help).
 */
export default function PublishPage() {
  const { roles } = useMe();
  const branch = roles.includes('branch_committee');
  const committee = isCommittee(roles);
  const pubs = useRequest(() => listPublications(), []);
  const boards = useRequest(() => listBoards(), []);
  const [ask, setAsk] = useState<Ask>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const today = beijingToday();

  async function confirm(): Promise<void> {
    if (!ask) return;
    setBusy(true);
    setError(null);
    const r = ask.kind === 'publish' ? await publishPoints({ quarter: ask.quarter }) : await publishBoard({ quarter: ask.quarter });
    setBusy(false);
    setAsk(null);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setDone(ask.kind === 'publish' ? m.published(quarterLabel(ask.quarter)) : m.boardPublished(quarterLabel(ask.quarter)));
    pubs.reload({ quiet: true });
    boards.reload({ quiet: true });
  }

  const boardQuarters = new Set(boards.status === 'success' ? boards.data.map((b) => b.quarter) : []);

  return (
    <PageShell testId="points-publish-page">
      <PageHeading title={m.heading} intro={m.intro} />

      <DoneNotice title={done} testId="points-publish-done" />
      <FailedNotice error={error} title={m.failed} />

      <LoadState request={pubs} />

      {pubs.status === 'success' ? (
        <View>
          <View className="section">
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.readyTitle}
            </Text>
            {pubs.data.ready.length === 0 ? <Text className="pa-para">{m.readyEmpty}</Text> : null}
            {pubs.data.ready.map((q) => {
              const from = publicationOpensOn(q.quarter);
              const why = [q.pendingCount > 0 ? m.pendingLeft(q.pendingCount) : null, today < from ? m.tooEarly(dayText(from)) : null, q.recordCount === 0 ? m.nothingApproved : null].filter((x): x is string => x !== null);
              return (
                <View key={q.quarter} className="pa-card pa-gap-top" data-testid={`points-publish-ready-${q.quarter}`}>
                  <Text className="pa-sub">{quarterLabel(q.quarter)}</Text>
                  <Text className="pa-para">{m.counts(q.recordCount, q.pendingCount)}</Text>
                  {why.map((w) => (
                    <Text key={w} className="pa-warn">{`⚠ ${w}`}</Text>
                  ))}
                  {branch ? (
                    <Button className="big-button pa-gap" type="primary" block disabled={why.length > 0 || busy} onClick={() => setAsk({ kind: 'publish', quarter: q.quarter, count: q.recordCount })} data-testid={`points-publish-${q.quarter}`}>
                      {why.length > 0 ? `${m.publish}${messages.common.cannotNow}` : m.publish}
                    </Button>
                  ) : (
                    <Text className="pa-muted">{m.branchOnly}</Text>
                  )}
                </View>
              );
            })}
          </View>

          <View className="section">
            <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
              {m.pastTitle}
            </Text>
            {pubs.data.publications.length === 0 ? <Text className="pa-para">{m.pastEmpty}</Text> : null}
            {pubs.data.publications.map((p) => (
              <View key={p.id} className="pa-card pa-gap-top" data-testid={`points-publication-${p.quarter}`}>
                <Text className="pa-sub">{quarterLabel(p.quarter)}</Text>
                <Text className="pa-para">{m.pastCounts(p.recordCount, p.householdCount)}</Text>
                <Text className="pa-muted">{m.pastBy(p.approvedBy.name, whenText(p.publishedAt))}</Text>
                <Text className={`pa-para ${p.windowOpen ? 'pa-strong' : ''}`}>{p.windowOpen ? m.windowOpen(dayText(p.windowEndsOn)) : m.windowClosed(dayText(p.windowEndsOn))}</Text>
                <Button className="big-button pa-gap" type="default" fill="outline" block onClick={() => void Taro.navigateTo({ url: withQuery(routes.noticeDetail, { id: p.notice.id }) })}>
                  {m.seeNotice}
                </Button>
                {committee && !boardQuarters.has(p.quarter) ? (
                  <Button className="big-button pa-gap" type="primary" block disabled={busy} onClick={() => setAsk({ kind: 'board', quarter: p.quarter })} data-testid={`points-board-publish-${p.quarter}`}>
                    {m.publishBoard}
                  </Button>
                ) : null}
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <View className="section">
        <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
          {m.boardsTitle}
        </Text>
        {boards.status === 'loading' ? <LoadingState /> : null}
        {boards.status === 'error' ? <ErrorState error={boards.error} onRetry={() => boards.reload()} /> : null}
        {boards.status === 'success' && boards.data.length === 0 ? <Text className="pa-para">{m.boardsEmpty}</Text> : null}
        {boards.status === 'success'
          ? boards.data.map((b) => <BoardCard key={b.id} board={b} canEdit={committee} onSaved={() => boards.reload({ quiet: true })} />)
          : null}
      </View>

      <ConfirmDialog
        open={ask !== null}
        title={ask?.kind === 'publish' ? m.confirmPublish(quarterLabel(ask.quarter), ask.count) : ask ? m.confirmBoard(quarterLabel(ask.quarter)) : ''}
        confirmText={ask?.kind === 'publish' ? m.publish : m.publishBoard}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsk(null)}
        testId="points-publish-confirm"
      >
        <Text className="pa-para">{ask?.kind === 'publish' ? m.confirmPublishBody : m.confirmBoardBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}

/** One quarter's 红黑榜: the red list briefly, the black list with each household's 帮扶 note. */
function BoardCard({ board, canEdit, onSaved }: { board: PointsBoardView; canEdit: boolean; onSaved: () => void }) {
  return (
    <View className="pa-card pa-gap-top" data-testid={`points-board-${board.quarter}`}>
      <Text className="pa-sub">{m.boardTitle(quarterLabel(board.quarter))}</Text>
      <Text className="pa-para pa-ok">{m.redList(board.red.length)}</Text>
      {board.red.map((e) => (
        <Text key={e.household.id} className="pa-para">{`${e.household.label}　${formatPoints(e.totalTenths)} 分`}</Text>
      ))}
      <Text className="pa-para pa-bad">{m.blackList(board.black.length)}</Text>
      {board.black.length === 0 ? <Text className="pa-para">{m.blackEmpty}</Text> : null}
      {board.black.map((e) => (
        <FollowUp key={e.household.id} boardId={board.id} entry={e} canEdit={canEdit} onSaved={onSaved} />
      ))}
    </View>
  );
}

function FollowUp({ boardId, entry, canEdit, onSaved }: { boardId: string; entry: BoardEntryView; canEdit: boolean; onSaved: () => void }) {
  const [note, setNote] = useState(entry.followUp?.note ?? '');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const testId = `points-followup-${entry.household.number}`;

  async function save(): Promise<void> {
    const t = note.trim();
    if (t === '') return setProblem(m.followUpRequired);
    if (t.length > FOLLOW_UP_MAX) return setProblem(m.followUpTooLong(FOLLOW_UP_MAX));
    setBusy(true);
    setError(null);
    const r = await saveBoardFollowUp(boardId, entry.household.id, { note: t });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setEditing(false);
    onSaved();
  }

  return (
    <View className="pa-item" data-testid={testId}>
      <Text className="pa-strong pa-para">{`${entry.household.label}　${formatPoints(entry.totalTenths)} 分`}</Text>
      <Text className="pa-para">{m.whyOnList(entry.reason)}</Text>
      {entry.followUp && !editing ? <Text className="pa-para">{m.followUp(entry.followUp.note, entry.followUp.by.name, whenText(entry.followUp.at))}</Text> : null}
      {!entry.followUp && !editing ? <Text className="pa-warn">{m.noFollowUp}</Text> : null}
      {canEdit && editing ? (
        <View>
          <AreaField label={m.followUpLabel} hint={m.followUpHint} value={note} onChange={(v) => { setNote(v); setProblem(null); }} error={problem} maxlength={FOLLOW_UP_MAX} testId={`${testId}-note`} />
          {error ? <ErrorState error={error} title={m.failed} /> : null}
          <Button className="big-button pa-gap" type="primary" block disabled={busy} onClick={() => void save()} data-testid={`${testId}-save`}>
            {m.followUpSave}
          </Button>
        </View>
      ) : null}
      {canEdit && !editing ? (
        <Button className="big-button pa-gap" type="default" fill="outline" block onClick={() => setEditing(true)} data-testid={`${testId}-edit`}>
          {entry.followUp ? m.followUpEdit : m.followUpWrite}
        </Button>
      ) : null}
    </View>
  );
}
