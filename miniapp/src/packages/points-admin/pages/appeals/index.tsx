import { Text, View } from '@tarojs/components';
import { formatPoints, parsePoints, POINTS_REASON_MAX, type ApiErrorBody, type PointsAppealPage } from '@village/shared';
import { useState } from 'react';
import { AreaField } from '../../../../components/AreaField';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { decidePointsAppeal, listPointsAppeals } from '../../../../services/points';
import { DoneNotice, LoadState, PageHeading } from '../../components/PageParts';
import { RecordCard } from '../../components/RecordCard';
import { adjustmentText, whenText } from '../../utils/text';
import '../../points-admin.css';

const m = messages.pointsAdmin.appeals;

type Appeal = PointsAppealPage['items'][number];

/**
 * 复议 (评议小组): each open appeal with its record and the household's reason; 维持原分 or 调整 (the
 * new points, with the difference in words), and a reason the household will see. An adjustment is a
 * new ledger entry, never an edit of the record.
 */
export default function AppealsPage() {
  const list = useRequest(() => listPointsAppeals({ status: 'open', pageSize: 50 }), []);
  const [open, setOpen] = useState<string | null>(null);
  const [decision, setDecision] = useState<'uphold' | 'adjust' | null>(null);
  const [pointsText, setPointsText] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'decision' | 'points' | 'reason', string>>>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const appeals = list.status === 'success' ? list.data.items : [];
  const current = appeals.find((a) => a.id === open) ?? null;
  const adjusted = parsePoints(pointsText);

  function start(a: Appeal): void {
    setOpen(a.id);
    setDecision(null);
    setPointsText('');
    setReason('');
    setErrors({});
    setError(null);
    setDone(null);
  }

  function ask(): void {
    if (!current) return;
    const e: typeof errors = {};
    if (!decision) e.decision = m.pickDecision;
    if (decision === 'adjust') {
      if (pointsText.trim() === '' || adjusted === null) e.points = m.pointsInvalid;
      else if (adjusted === current.record.pointsTenths) e.points = m.pointsSame;
    }
    const t = reason.trim();
    if (t === '') e.reason = m.reasonRequired;
    else if (t.length > POINTS_REASON_MAX) e.reason = m.reasonTooLong(POINTS_REASON_MAX);
    setErrors(e);
    if (Object.values(e).some(Boolean)) return;
    setAsking(true);
  }

  async function submit(): Promise<void> {
    if (!current || !decision) return;
    setBusy(true);
    const r = await decidePointsAppeal(current.id, {
      decision,
      reason: reason.trim(),
      ...(decision === 'adjust' && adjusted !== null ? { adjustedPointsTenths: adjusted } : {}),
    });
    setBusy(false);
    setAsking(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setDone(m.decided(current.household.label, decision === 'adjust' ? m.adjust : m.uphold));
    setOpen(null);
    list.reload({ quiet: true });
  }

  return (
    <PageShell testId="points-appeals-page">
      <PageHeading title={m.heading} intro={m.intro} />

      <DoneNotice title={done} testId="points-appeals-done" />
      <LoadState request={list} />
      {list.status === 'success' && appeals.length === 0 ? (
        <View className="section">
          <Notice tone="info" title={m.empty} testId="points-appeals-empty" />
        </View>
      ) : null}

      {appeals.map((a) => (
        <View key={a.id} className="section">
          <RecordCard record={a.record} testId={`points-appeal-${a.id}`}>
            <View className="pa-item">
              <Text className="pa-strong pa-para">{m.raised(a.raisedBy.name, whenText(a.raisedAt))}</Text>
              <Text className="pa-para">{m.reason(a.reason)}</Text>
            </View>
            {open === a.id ? (
              <View className="pa-item" data-testid={`points-appeal-${a.id}-form`}>
                <ChoiceGroup label={m.decisionLabel}>
                  <Choice label={m.uphold} hint={m.upholdHint(formatPoints(a.record.pointsTenths))} checked={decision === 'uphold'} onSelect={() => { setDecision('uphold'); setErrors((e) => ({ ...e, decision: undefined })); }} testId="points-appeal-uphold" />
                  <Choice label={m.adjust} hint={m.adjustHint} checked={decision === 'adjust'} onSelect={() => { setDecision('adjust'); setErrors((e) => ({ ...e, decision: undefined })); }} testId="points-appeal-adjust" />
                </ChoiceGroup>
                {errors.decision ? <Text className="pa-error">{errors.decision}</Text> : null}
                {decision === 'adjust' ? (
                  <View>
                    <TextField
                      label={m.pointsLabel}
                      hint={m.pointsHint(formatPoints(a.record.pointsTenths))}
                      value={pointsText}
                      type="digit"
                      onChange={(v) => { setPointsText(v); setErrors((e) => ({ ...e, points: undefined })); }}
                      error={errors.points}
                      testId="points-appeal-points"
                    />
                    {adjusted !== null ? (
                      <Text className="pa-para pa-strong" data-testid="points-appeal-difference">
                        {adjustmentText(a.record.pointsTenths, adjusted)}
                      </Text>
                    ) : null}
                  </View>
                ) : null}
                <AreaField label={m.reasonLabel} hint={m.reasonHint} value={reason} onChange={(v) => { setReason(v); setErrors((e) => ({ ...e, reason: undefined })); }} error={errors.reason} maxlength={POINTS_REASON_MAX} testId="points-appeal-reason" />
                {error ? <ErrorState error={error} title={m.failed} /> : null}
                <Button className="big-button pa-gap" type="primary" block disabled={busy} onClick={ask} data-testid="points-appeal-submit">
                  {m.submit}
                </Button>
                <Button className="big-button pa-gap" type="default" fill="outline" block disabled={busy} onClick={() => setOpen(null)}>
                  {m.cancel}
                </Button>
              </View>
            ) : (
              <Button className="big-button pa-gap" type="primary" fill="outline" block onClick={() => start(a)} data-testid={`points-appeal-${a.id}-open`}>
                {m.handle}
              </Button>
            )}
          </RecordCard>
        </View>
      ))}

      <ConfirmDialog
        open={asking && current !== null}
        title={decision === 'adjust' ? m.confirmAdjust : m.confirmUphold}
        confirmText={m.confirm}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setAsking(false)}
        testId="points-appeal-confirm"
      >
        {current ? (
          <View>
            <Text className="pa-para pa-strong">{current.household.label}</Text>
            <Text className="pa-para">{`${current.record.itemCode} ${current.record.itemDescription}`}</Text>
            <Text className="pa-para">{decision === 'adjust' && adjusted !== null ? adjustmentText(current.record.pointsTenths, adjusted) : m.upholdHint(formatPoints(current.record.pointsTenths))}</Text>
            <Text className="pa-para">{m.confirmBody}</Text>
          </View>
        ) : null}
      </ConfirmDialog>
    </PageShell>
  );
}
