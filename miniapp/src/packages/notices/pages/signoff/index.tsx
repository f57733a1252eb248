import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { NoticeRow } from '../../../../components/NoticeRow';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { listNotices } from '../../../../services/api/notices';
import { noticeEventPosition, noticeEventsSince } from '../../../../services/noticeEvents';
import '../../notices.css';

const m = messages.notices;

/**
 * 待审核的财务公开 (监委会): the finance notices the committee submitted, oldest waiting first as the
 * server lists them. Each opens the notice, where the supervisor reads it and signs or sends it back.
 */
export default function SignoffQueuePage() {
  const list = useRequest(() => listNotices({ kind: 'finance', status: 'pending_signoff', pageSize: 50 }), []);
  const seen = useRef(noticeEventPosition());

  useDidShow(() => {
    const events = noticeEventsSince(seen.current);
    seen.current = events.position;
    if (events.changed) list.reload({ quiet: true });
  });

  return (
    <PageShell testId="notice-signoff-page">
      <Text className="nt-heading" {...roleProps('heading')} aria-level={1}>
        {m.signoffQueueHeading}
      </Text>
      <Text className="nt-para">{m.signoffQueueIntro}</Text>
      <View className="section" data-testid="signoff-list">
        {list.status === 'loading' ? <LoadingState /> : null}
        {list.status === 'error' ? <ErrorState error={list.error} onRetry={() => list.reload()} /> : null}
        {list.status === 'success' && list.data.items.length === 0 ? <Notice tone="success" title={m.signoffQueueNone} testId="signoff-none" /> : null}
        {list.status === 'success' ? list.data.items.map((item) => <NoticeRow key={item.id} item={item} />) : null}
      </View>
    </PageShell>
  );
}
