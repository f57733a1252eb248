import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatPoints, type ApiErrorBody, type RedemptionView } from '@village/shared';
import { useRef, useState } from 'react';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { randomId } from '../../../../services/ids';
import { findRedemptionByCode, handOverRedemption } from '../../../../services/points';
import { LoadingState } from '../../../../components/LoadingState';
import { FailedNotice, PageHeading } from '../../components/PageParts';
import { whenText } from '../../utils/text';
import '../../points-admin.css';

const m = messages.pointsAdmin.handover;
const CODE_LENGTH = 8;

/**
 * 交付兑换的商品 (积分超市): 扫一扫 the household's order QR on WeChat, or type its 8-character code
 * (in a browser, or when the camera will not read it); the order is shown — household, product, when
 * it was redeemed — and 确认交付 after a confirmation. An order already handed over or cancelled is
 * said so plainly; the server refuses a second hand-over.
 */
export default function HandoverPage() {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [order, setOrder] = useState<RedemptionView | null>(null);
  const [lookup, setLookup] = useState<{ status: 'idle' | 'loading' } | { status: 'found'; order: RedemptionView; text: string } | { status: 'missing'; code: string }>({ status: 'idle' });
  // One key per code: a retry after a lost answer is the same hand-over.
  const key = useRef(randomId());
  const weapp = process.env.TARO_ENV === 'weapp';

  // The server reads the code out of the QR text or what was typed (case, spaces, dashes).
  async function look(text: string): Promise<void> {
    const t = text.trim();
    setCode(t);
    setProblem(null);
    setError(null);
    setOrder(null);
    key.current = randomId();
    if (t === '') return setProblem(m.codeInvalid(CODE_LENGTH));
    setLookup({ status: 'loading' });
    const r = await findRedemptionByCode(t);
    if (!r.ok) {
      setLookup({ status: 'idle' });
      return setError(r.error);
    }
    if (r.data?.code) setCode(r.data.code);
    setLookup(r.data ? { status: 'found', order: r.data, text: t } : { status: 'missing', code: t });
  }

  async function scan(): Promise<void> {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      void look(res.result);
    } catch {
      // Closed without scanning.
    }
  }

  async function confirm(): Promise<void> {
    if (lookup.status !== 'found') return;
    setBusy(true);
    setError(null);
    const r = await handOverRedemption({ code: lookup.order.code || lookup.text }, key.current);
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setError(r.error);
    setOrder(r.data);
    setLookup({ status: 'idle' });
    setCode('');
  }

  return (
    <PageShell testId="points-handover-page">
      <PageHeading title={m.heading} intro={weapp ? m.introScan : m.introType} />

      {order ? (
        <View className="section">
          <Notice tone="success" title={m.done} testId="points-handover-done">
            <Text className="pa-para pa-strong">{order.household.label}</Text>
            <Text className="pa-para">{m.product(order.product.name, formatPoints(order.priceTenths))}</Text>
            <Text className="pa-para">{m.redeemed(order.requestedBy.name, whenText(order.requestedAt))}</Text>
            <Text className="pa-para">{m.status(order.statusLabel)}</Text>
          </Notice>
        </View>
      ) : null}
      <FailedNotice error={error} title={m.failed} />

      <View className="section pa-card">
        {weapp ? (
          <Button className="big-button" type="primary" block onClick={() => void scan()} data-testid="points-handover-scan">
            {m.scan}
          </Button>
        ) : null}
        <TextField
          label={m.codeLabel}
          hint={m.codeHint(CODE_LENGTH)}
          value={code}
          onChange={(v) => {
            setCode(v.toUpperCase());
            setProblem(null);
            setLookup({ status: 'idle' });
            return v.toUpperCase();
          }}
          error={problem}
          maxlength={40}
          testId="points-handover-code"
          onConfirm={() => void look(code)}
        />
        <Button className="big-button pa-gap" type={weapp ? 'default' : 'primary'} fill={weapp ? 'outline' : 'solid'} block disabled={busy || lookup.status === 'loading'} onClick={() => void look(code)} data-testid="points-handover-find">
          {m.find}
        </Button>
      </View>

      {lookup.status === 'loading' ? <LoadingState label={m.finding} /> : null}
      {lookup.status === 'missing' ? (
        <View className="section">
          <Notice tone="warning" title={m.notFound(lookup.code)} testId="points-handover-missing">
            <Text className="pa-para">{m.notFoundHint}</Text>
          </Notice>
        </View>
      ) : null}
      {lookup.status === 'found' ? (
        <View className="section pa-card" data-testid="points-handover-order">
          <Text className="pa-sub">{lookup.order.household.label}</Text>
          <Text className="pa-para">{m.product(lookup.order.product.name, formatPoints(lookup.order.priceTenths))}</Text>
          <Text className="pa-para">{m.redeemed(lookup.order.requestedBy.name, whenText(lookup.order.requestedAt))}</Text>
          {lookup.order.status === 'ready' ? (
            <Text className="pa-para pa-strong">{m.status(lookup.order.statusLabel)}</Text>
          ) : (
            <Text className="pa-warn" data-testid="points-handover-settled">
              {lookup.order.status === 'handed_over' && lookup.order.handedOverAt
                ? m.alreadyHandedOver(lookup.order.handedOverBy?.name ?? '', whenText(lookup.order.handedOverAt))
                : m.cancelled(lookup.order.cancelledAt ? whenText(lookup.order.cancelledAt) : '')}
            </Text>
          )}
          {lookup.order.status === 'ready' ? (
            <Button className="big-button pa-gap" type="primary" block disabled={busy} onClick={() => setAsking(true)} data-testid="points-handover-submit">
              {m.handOver}
            </Button>
          ) : null}
        </View>
      ) : null}

      <ConfirmDialog open={asking && lookup.status === 'found'} title={lookup.status === 'found' ? m.confirmTitle(lookup.order.product.name, lookup.order.household.label) : ''} confirmText={m.handOver} busy={busy} onConfirm={() => void confirm()} onCancel={() => setAsking(false)} testId="points-handover-confirm">
        <Text className="pa-para">{m.confirmBody}</Text>
      </ConfirmDialog>
    </PageShell>
  );
}
