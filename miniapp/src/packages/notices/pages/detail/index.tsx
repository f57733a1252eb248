import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro';
import type { ApiErrorBody, NoticeDetail, NoticeQueryView } from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { pressProps, roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LinkRow } from '../../../../components/LinkRow';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice, type NoticeTone } from '../../../../components/Notice';
import { NoticeTags } from '../../../../components/NoticeRow';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { kindLabel, noticeTags, shareTitle } from '../../../../constants/notices';
import { routes, withQuery } from '../../../../constants/routes';
import { useMe } from '../../../../hooks/useMe';
import { useRequest } from '../../../../hooks/useRequest';
import { archiveNotice, canComposeNotices, canManageNotice, getNotice, listNoticeQueries, openNoticeSheet, publishNotice } from '../../../../services/api/notices';
import { dayText, instantDayText } from '../../../../services/dates';
import { noteNoticesChanged, noticeEventPosition, noticeEventsSince } from '../../../../services/noticeEvents';
import { AskForm } from '../../components/AskForm';
import { AttachmentList } from '../../components/AttachmentList';
import { NoticeBody } from '../../components/NoticeBody';
import { QueryCard } from '../../components/QueryCard';
import { SignoffPanel } from '../../components/SignoffPanel';
import { useReadOnce } from '../../hooks/useReadOnce';
import { upsertQuery } from '../../utils/queries';
import '../../notices.css';
import './index.css';

const m = messages.notices;

type Flash = { tone: NoticeTone; title: string };
type Confirming = 'publish' | 'archive' | null;

/**
 * One notice (sub-package "notices"): what it is (category, window, published date, 置顶/已更正 in
 * words), the body from the server's parsed blocks, attachments, links between a notice and its
 * correction, the queries with their answers and the ask form. Opening it records "已读" silently.
 * What the caller may do comes from `detail.can`: edit, publish (after a confirmation), correct,
 * archive, 监委会 sign-off, 知晓率; the committee can also print the 公开栏 sheet. Shared to the
 * village group as 【财务公开】标题.
 */
export default function NoticeDetailPage() {
  const router = useRouter();
  const noticeId = router.params.id ?? '';
  const { me, roles } = useMe();
  const detail = useRequest(() => getNotice(noticeId), [noticeId]);
  const queries = useRequest(() => listNoticeQueries(noticeId), [noticeId]);
  const [notice, setNotice] = useState<NoticeDetail | null>(null);
  const [queryList, setQueryList] = useState<NoticeQueryView[]>([]);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiErrorBody | null>(null);
  const [sheetBusy, setSheetBusy] = useState(false);
  const [sheetError, setSheetError] = useState<ApiErrorBody | null>(null);
  const seen = useRef(noticeEventPosition());

  useEffect(() => {
    if (detail.status === 'success') setNotice(detail.data);
  }, [detail.status, detail.data]);
  useEffect(() => {
    if (queries.status === 'success') setQueryList(queries.data);
  }, [queries.status, queries.data]);

  useReadOnce(notice, Boolean(me?.resident));

  useEffect(() => {
    if (notice) void Taro.setNavigationBarTitle({ title: kindLabel(notice.kind) });
  }, [notice?.kind]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    // WeChat shows 转发 in the ⋯ menu; withShareTicket lets the app tell which group opened the card.
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage'] } as Taro.showShareMenu.Option);
  }, []);

  useShareAppMessage(() => ({
    title: notice ? shareTitle(notice) : m.title,
    path: withQuery(routes.noticeDetail, { id: noticeId }),
  }));

  // Back from editing or from the correction page: show the fresh state.
  useDidShow(() => {
    const events = noticeEventsSince(seen.current);
    seen.current = events.position;
    if (events.changed) detail.reload({ quiet: true });
  });

  function after(next: NoticeDetail, title: string): void {
    setNotice(next);
    setFlash({ tone: 'success', title });
    noteNoticesChanged();
    if (next.status === 'published') queries.reload({ quiet: true });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  }

  async function act(kind: Exclude<Confirming, null>): Promise<void> {
    if (!notice) return;
    setBusy(true);
    setActionError(null);
    const result = kind === 'publish' ? await publishNotice(notice.id) : await archiveNotice(notice.id);
    setBusy(false);
    setConfirming(null);
    if (!result.ok) return setActionError(result.error);
    const title = kind === 'archive' ? m.archived : result.data.status === 'pending_signoff' ? m.submittedForSignoff : m.published;
    after(result.data, title);
  }

  async function printSheet(): Promise<void> {
    if (!notice) return;
    setSheetBusy(true);
    setSheetError(null);
    const result = await openNoticeSheet(notice.id, m.sheetFile(notice.title));
    setSheetBusy(false);
    if (!result.ok) setSheetError(result.error);
  }

  if (!notice) {
    return (
      <PageShell testId="notice-detail-page">
        {detail.status === 'error' ? <ErrorState error={detail.error} onRetry={() => detail.reload()} /> : <LoadingState />}
      </PageShell>
    );
  }

  const finance = notice.kind === 'finance';
  const committee = canComposeNotices(roles);
  const open = (id: string) => void Taro.navigateTo({ url: withQuery(routes.noticeDetail, { id }) });

  return (
    <PageShell testId="notice-detail-page">
      {flash ? (
        <View className="nd-block">
          <Notice tone={flash.tone} title={flash.title} testId="notice-flash" />
        </View>
      ) : null}

      <View className="nt-card" data-testid="notice-head">
        <NoticeTags tags={noticeTags(notice, { showUnread: false })} testId="notice-tags" />
        <Text className="nt-heading nd-title" {...roleProps('heading')} aria-level={1} data-testid="notice-title">
          {notice.title}
        </Text>
        <Text className="nt-para" data-testid="notice-window">
          {m.windowLine(dayText(notice.window.startsOn), dayText(notice.window.endsOn))}
        </Text>
        {notice.publishedAt ? <Text className="nt-para">{m.publishedLine(instantDayText(notice.publishedAt))}</Text> : null}
        <Text className="nt-muted">{m.authorLine(notice.author.name)}</Text>
        {notice.audience === 'party_members' ? <Text className="nt-muted">{m.audienceLine}</Text> : null}
      </View>

      {notice.status === 'draft' ? <StateNote tone="info" title={m.draftNote} /> : null}
      {notice.status === 'pending_signoff' ? <StateNote tone="info" title={m.pendingSignoffNote} testId="notice-pending" /> : null}
      {notice.status === 'archived' ? <StateNote tone="info" title={m.archivedNote} /> : null}
      {notice.signoff?.decision === 'refused' && notice.status === 'draft' ? (
        <View className="section">
          <Notice tone="warning" title={m.signoffRefusedTitle} testId="notice-signoff-refused">
            <Text>{m.signoffRefused(notice.signoff.by.name, instantDayText(notice.signoff.at))}</Text>
            <Text className="nt-strong">{notice.signoff.reason ?? ''}</Text>
          </Notice>
        </View>
      ) : null}
      {notice.signoff?.decision === 'approved' ? (
        <Text className="nt-muted nd-signed" data-testid="notice-signoff-approved">
          {m.signoffApproved(notice.signoff.by.name, instantDayText(notice.signoff.at))}
          {notice.signoff.reason ? ` ${notice.signoff.reason}` : ''}
        </Text>
      ) : null}

      {notice.supersededBy ? (
        <View className="section">
          <Notice tone="warning" title={m.supersededTitle} testId="notice-superseded">
            <Text>{m.supersededBody}</Text>
            <LinkText text={m.linkedTitle(notice.supersededBy.title)} onPress={() => open(notice.supersededBy!.id)} testId="notice-superseded-link" />
          </Notice>
        </View>
      ) : null}
      {notice.supersedes ? (
        <View className="section">
          <Notice tone="info" title={m.supersedesTitle} testId="notice-supersedes">
            <Text>{m.supersedesBody}</Text>
            <LinkText text={m.linkedTitle(notice.supersedes.title)} onPress={() => open(notice.supersedes!.id)} testId="notice-supersedes-link" />
          </Notice>
        </View>
      ) : null}

      <View className="section nt-card nd-body">
        <NoticeBody blocks={notice.blocks} />
      </View>

      <AttachmentList attachments={notice.attachments} />

      {notice.can.signoff ? <SignoffPanel notice={notice} onDone={after} /> : null}

      <Actions
        notice={notice}
        committee={committee}
        finance={finance}
        onConfirm={setConfirming}
        error={actionError}
        sheetBusy={sheetBusy}
        sheetError={sheetError}
        onPrint={() => void printSheet()}
      />

      {notice.status === 'published' || notice.status === 'archived' ? (
        <View className="section" data-testid="notice-queries">
          <Text className="section__title" {...roleProps('heading')} aria-level={2}>
            {m.queriesTitle}
          </Text>
          {queries.status === 'loading' ? <LoadingState /> : null}
          {queries.status === 'error' ? <ErrorState error={queries.error} onRetry={() => queries.reload()} /> : null}
          {queries.status === 'success' && queryList.length === 0 ? <Text className="nt-para">{m.queriesNone}</Text> : null}
          {queryList.map((q) => (
            <QueryCard
              key={q.id}
              query={q}
              canAnswer={canManageNotice(notice.kind, roles)}
              canReview={canManageNotice(notice.kind, roles)}
              onChanged={(next, done) => {
                setQueryList((list) => upsertQuery(list, next));
                setFlash({ tone: 'success', title: done });
              }}
            />
          ))}
        </View>
      ) : null}

      {notice.can.ask ? <AskForm noticeId={notice.id} onAsked={(q) => setQueryList((list) => upsertQuery(list, q))} /> : null}

      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming === 'archive' ? m.archiveConfirmTitle : finance ? m.publishFinanceConfirmTitle : m.publishConfirmTitle
        }
        confirmText={confirming === 'archive' ? m.archiveConfirm : finance ? m.publishFinanceConfirm : m.publishConfirm}
        cancelText={m.cancel}
        busy={busy}
        onConfirm={() => confirming && void act(confirming)}
        onCancel={() => setConfirming(null)}
        testId="notice-dialog"
      >
        {confirming === 'archive' ? (
          <Text>{m.archiveConfirmBody}</Text>
        ) : (
          <View>
            {finance ? <Text className="nd-dialog-line">{m.publishFinanceConfirmBody}</Text> : null}
            <Text className="nd-dialog-line nt-strong">{m.publishConfirmBody}</Text>
            <Text className="nd-dialog-line">{m.publishConfirmWindow(dayText(notice.window.startsOn), dayText(notice.window.endsOn))}</Text>
          </View>
        )}
      </ConfirmDialog>
    </PageShell>
  );
}

function StateNote({ tone, title, testId }: { tone: NoticeTone; title: string; testId?: string }) {
  return (
    <View className="section">
      <Notice tone={tone} title={title} testId={testId} />
    </View>
  );
}

function LinkText({ text, onPress, testId }: { text: string; onPress: () => void; testId?: string }) {
  return (
    <Text className="nt-link" {...roleProps('link')} onClick={onPress} {...pressProps(onPress)} data-testid={testId}>
      {text}
    </Text>
  );
}

/** The buttons `detail.can` allows, the main one first; 知晓率 and 打印公开栏 as rows. */
function Actions({
  notice,
  committee,
  finance,
  onConfirm,
  error,
  sheetBusy,
  sheetError,
  onPrint,
}: {
  notice: NoticeDetail;
  committee: boolean;
  finance: boolean;
  onConfirm: (kind: Confirming) => void;
  error: ApiErrorBody | null;
  sheetBusy: boolean;
  sheetError: ApiErrorBody | null;
  onPrint: () => void;
}) {
  const { can } = notice;
  const printable = committee && notice.status === 'published';
  if (!can.edit && !can.publish && !can.correct && !can.archive && !can.viewAwareness && !printable) return null;
  return (
    <View className="section" data-testid="notice-actions">
      <Text className="section__title" {...roleProps('heading')} aria-level={2}>
        {m.actionsTitle}
      </Text>
      {error ? (
        <View className="nd-block">
          <ErrorState error={error} title={m.actionFailed} />
        </View>
      ) : null}
      {can.publish ? (
        <Button className="big-button nd-button" type="primary" block onClick={() => onConfirm('publish')} data-testid="notice-publish">
          {finance ? m.publishFinance : m.publish}
        </Button>
      ) : null}
      {can.edit ? (
        <Button
          className="big-button nd-button"
          type={can.publish ? 'default' : 'primary'}
          fill={can.publish ? 'outline' : 'solid'}
          block
          onClick={() => void Taro.navigateTo({ url: withQuery(routes.noticeCompose, { id: notice.id }) })}
          data-testid="notice-edit"
        >
          {m.edit}
        </Button>
      ) : null}
      {can.viewAwareness ? (
        <View className="nd-row">
          <LinkRow title={m.awarenessLink} hint={m.awarenessHint} url={withQuery(routes.noticeAwareness, { id: notice.id })} testId="notice-awareness" />
        </View>
      ) : null}
      {printable ? (
        <View className="nd-row">
          <View
            className="link-row"
            {...roleProps('button')}
            aria-disabled={sheetBusy}
            onClick={sheetBusy ? undefined : onPrint}
            {...pressProps(onPrint, sheetBusy)}
            data-testid="notice-sheet"
          >
            <View className="link-row__text">
              <Text className="link-row__title">{sheetBusy ? m.sheetMaking : m.sheet}</Text>
              <Text className="link-row__hint">{m.sheetHint}</Text>
            </View>
            <Text className="link-row__arrow" aria-hidden>
              ›
            </Text>
          </View>
          {sheetError ? <ErrorState error={sheetError} title={m.sheetFailed} onRetry={onPrint} /> : null}
        </View>
      ) : null}
      {can.correct ? (
        <View className="nd-row">
          <Button
            className="big-button"
            type="default"
            fill="outline"
            block
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.noticeCompose, { correct: notice.id }) })}
            data-testid="notice-correct"
          >
            {m.correct}
          </Button>
          <Text className="nt-muted">{m.correctHint}</Text>
        </View>
      ) : null}
      {can.archive ? (
        <Button className="big-button nd-button" type="default" fill="outline" block onClick={() => onConfirm('archive')} data-testid="notice-archive">
          {m.archive}
        </Button>
      ) : null}
    </View>
  );
}
