import { Text, View } from '@tarojs/components';
import type { ApiErrorBody } from '@village/shared';
import { useEffect, useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { useMe } from '../../../../hooks/useMe';
import { canSignCheckpoint, createCheckpoint, listCheckpoints, type AuditCheckpoint } from '../../../../services/api/audit';
import { formatWhen } from '../../utils/format';
import '../../audit.css';

const m = messages.audit;

type State = {
  items: AuditCheckpoint[];
  total: number;
  page: number;
  status: 'loading' | 'ready' | 'error';
  error: ApiErrorBody | null;
  loadingMore: boolean;
};

/**
 * 签名存证: the signed checkpoints, newest first (covers records 1..N, when, key id), and for
 * 监委会 and 村委会 a button to sign one now, after a confirmation that says what it does.
 */
export default function AuditCheckpointsPage() {
  const { roles } = useMe();
  const [state, setState] = useState<State>({ items: [], total: 0, page: 0, status: 'loading', error: null, loadingMore: false });
  const generation = useRef(0);
  const [confirming, setConfirming] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AuditCheckpoint | null>(null);
  const [createError, setCreateError] = useState<ApiErrorBody | null>(null);

  async function load(page: number): Promise<void> {
    const mine = page === 1 ? ++generation.current : generation.current;
    if (page === 1) setState((s) => ({ ...s, status: s.status === 'ready' ? 'ready' : 'loading', error: null }));
    else setState((s) => ({ ...s, loadingMore: true }));
    const result = await listCheckpoints(page);
    if (mine !== generation.current) return;
    if (!result.ok) {
      setState((s) => (page === 1 ? { ...s, status: 'error', error: result.error, loadingMore: false } : { ...s, loadingMore: false, error: result.error }));
      return;
    }
    setState((s) => ({
      items: page === 1 ? result.data.items : [...s.items, ...result.data.items.filter((c) => !s.items.some((x) => x.id === c.id))],
      total: result.data.total,
      page,
      status: 'ready',
      error: null,
      loadingMore: false,
    }));
  }

  useEffect(() => {
    void load(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function create(): Promise<void> {
    setCreating(true);
    setCreateError(null);
    setCreated(null);
    const result = await createCheckpoint();
    setCreating(false);
    setConfirming(false);
    if (result.ok) {
      setCreated(result.data);
      void load(1);
    } else {
      setCreateError(result.error);
    }
  }

  return (
    <PageShell testId="audit-checkpoints-page">
      <Text className="audit-heading" {...roleProps('heading')} aria-level={1}>
        {m.checkpointsHeading}
      </Text>
      <Text className="audit-para">{m.checkpointsIntro}</Text>

      {canSignCheckpoint(roles) ? (
        <View className="section" data-testid="audit-checkpoint-create">
          {created ? (
            <View className="audit-gap-below">
              <Notice tone="success" title={m.created(created.treeSize)} testId="audit-checkpoint-created" />
            </View>
          ) : null}
          {createError ? (
            <View className="audit-gap-below">
              <ErrorState error={createError} title={m.createFailed} />
            </View>
          ) : null}
          <Button className="big-button" type="primary" block disabled={creating} onClick={() => setConfirming(true)} data-testid="audit-checkpoint-create-button">
            {creating ? m.creating : m.createCheckpoint}
          </Button>
          <Text className="audit-muted">{m.createCheckpointHint}</Text>
        </View>
      ) : null}

      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' && state.error ? <ErrorState error={state.error} onRetry={() => void load(1)} /> : null}
      {state.status === 'ready' ? (
        <View data-testid="audit-checkpoint-list">
          <Text className="audit-summary" {...roleProps('status')}>
            {m.checkpointsTotal(state.total)}
          </Text>
          {state.items.length === 0 ? (
            <View className="section">
              <Notice tone="info" title={m.checkpointsEmpty} testId="audit-checkpoints-empty" />
            </View>
          ) : null}
          {state.items.map((c) => (
            <View className="audit-card audit-checkpoint" key={c.id} data-testid={`audit-checkpoint-${c.treeSize}`}>
              <Text className="audit-row__what">{m.checkpointCovers(c.treeSize)}</Text>
              <Text className="audit-para">{m.checkpointTime(formatWhen(c.createdAt))}</Text>
              <Text className="audit-para">{m.checkpointTriggers[c.trigger] ?? c.trigger}</Text>
              <Text className="audit-muted">{m.checkpointKey(c.keyId)}</Text>
              <Text className="audit-muted audit-break">{m.checkpointRoot(c.rootHash)}</Text>
            </View>
          ))}
          {state.error ? <ErrorState error={state.error} onRetry={() => void load(state.page + 1)} /> : null}
          {state.items.length < state.total ? (
            <Button className="big-button" type="default" fill="outline" block disabled={state.loadingMore} onClick={() => void load(state.page + 1)}>
              {state.loadingMore ? m.loadingMore : m.loadMore}
            </Button>
          ) : null}
        </View>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={m.createConfirmTitle}
        confirmText={creating ? m.creating : m.createConfirm}
        cancelText={m.createCancel}
        busy={creating}
        onConfirm={() => void create()}
        onCancel={() => setConfirming(false)}
        testId="audit-checkpoint-dialog"
      >
        <Text>{m.createConfirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
