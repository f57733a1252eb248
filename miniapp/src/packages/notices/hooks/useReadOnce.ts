import type { NoticeDetail } from '@village/shared';
import { useEffect, useRef } from 'react';
import { markNoticeRead } from '../../../services/api/notices';
import { noteNoticeRead } from '../../../services/noticeEvents';

/**
 * "已读": once a published notice has been shown to a signed-in villager who has not read it, the
 * page records the read (POST /read, idempotent on the server). Silent: no indicator, nothing on
 * screen if it fails — the next opening tries again. At most one call per notice per page.
 */
export function useReadOnce(notice: Pick<NoticeDetail, 'id' | 'status' | 'read'> | null, enabled: boolean): void {
  const sent = useRef<Set<string>>(new Set());
  const id = notice?.id ?? null;
  const due = Boolean(notice && enabled && notice.status === 'published' && !notice.read);

  useEffect(() => {
    if (!due || !id || sent.current.has(id)) return;
    sent.current.add(id);
    void markNoticeRead(id).then((result) => {
      if (result.ok) noteNoticeRead(id);
    });
  }, [due, id]);
}
