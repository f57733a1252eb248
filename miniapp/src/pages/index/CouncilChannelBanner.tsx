import { Text, View } from '@tarojs/components';
import type { ApiErrorBody } from '@village/shared';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { Notice } from '../../components/Notice';
import { Button } from '../../components/nutui';
import { messages } from '../../constants/messages';
import { useMe } from '../../hooks/useMe';
import type { CouncilChannelInfo } from '../../services/api/councilChannel';
import { bindGroupFromShareTicket, enterFromShareTicket, pendingShareTicket, type ChannelOutcome } from '../../services/councilChannel';

const m = messages.channel;

type View_ =
  | { kind: 'idle' }
  | { kind: 'entered'; info: CouncilChannelInfo }
  | { kind: 'notBound' }
  | { kind: 'bound'; info: CouncilChannelInfo }
  | { kind: 'unreadable' }
  | { kind: 'error'; error: ApiErrorBody };

function toView(outcome: ChannelOutcome, bound: boolean): View_ {
  if (outcome.kind === 'none') return { kind: 'idle' };
  if (outcome.kind === 'unreadable') return { kind: 'unreadable' };
  const { result } = outcome;
  if (result.ok) return bound ? { kind: 'bound', info: result.data } : { kind: 'entered', info: result.data };
  if (result.error.code === 'CHANNEL_NOT_BOUND') return { kind: 'notBound' };
  return { kind: 'error', error: result.error };
}

/**
 * weapp, opened from a group's share card: which village's 村民议事群 this is, or — for a committee
 * member in a group that is not bound yet — the button that binds it. Renders nothing otherwise (H5).
 */
export function CouncilChannelBanner() {
  const { me, isCommittee } = useMe();
  const [view, setView] = useState<View_>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const signedIn = me !== null;

  useEffect(() => {
    if (!signedIn || !pendingShareTicket()) return;
    let alive = true;
    void enterFromShareTicket().then((outcome) => {
      if (alive) setView(toView(outcome, false));
    });
    return () => {
      alive = false;
    };
  }, [signedIn]);

  async function bind(): Promise<void> {
    setBusy(true);
    const outcome = await bindGroupFromShareTicket();
    setBusy(false);
    setView(toView(outcome, true));
  }

  if (view.kind === 'idle') return null;
  return (
    <View className="section" data-testid="council-channel-banner">
      {view.kind === 'entered' ? <Notice tone="info" title={m.openedFrom(view.info.channelName, view.info.villageName)} /> : null}
      {view.kind === 'bound' ? <Notice tone="success" title={m.bound(view.info.channelName)} /> : null}
      {view.kind === 'unreadable' ? <Notice tone="warning" title={m.unreadable} /> : null}
      {view.kind === 'error' ? <ErrorState error={view.error} title={m.failedTitle} /> : null}
      {view.kind === 'notBound' ? (
        <Notice tone="info" title={m.notBound}>
          {isCommittee ? (
            <View>
              <Text>{m.bindHint}</Text>
              <Button className="big-button" type="primary" block disabled={busy} onClick={() => void bind()}>
                {m.bind}
              </Button>
            </View>
          ) : null}
        </Notice>
      ) : null}
    </View>
  );
}
