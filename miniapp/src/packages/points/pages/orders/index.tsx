import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { formatPoints, REDEMPTION_QR_PREFIX, type ApiErrorBody, type RedemptionView } from '@village/shared';
import { useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes } from '../../../../constants/routes';
import { useRequest } from '../../../../hooks/useRequest';
import { instantDayText } from '../../../../services/dates';
import { randomId } from '../../../../services/ids';
import { cancelRedemption, listRedemptions } from '../../../../services/points';
import { QrCode } from '../../components/QrCode';
import '../../components/points.css';

const m = messages.points;

/** Fits a 375 px screen inside the card with its quiet zone; big enough for any shop phone to scan. */
const QR_WIDTH_PX = 264;

/**
 * 我的兑换: the household's orders, newest first, with their status in words. A ready order opens a
 * large black-on-white QR code with its 8-letter code under it, to show at the 积分超市 (`?id=` opens
 * that order's code at once, as after a redemption); it can be cancelled (points come back) after
 * one more question.
 */
export default function PointsOrdersPage() {
  const openId = useRouter().params.id ?? null;
  const orders = useRequest(() => listRedemptions({ mine: true, pageSize: 50 }), []);
  const [shown, setShown] = useState<string | null>(openId);
  const [cancelling, setCancelling] = useState<RedemptionView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const cancelKey = useRef<{ id: string; key: string } | null>(null);
  const visited = useRef(false);

  useDidShow(() => {
    if (visited.current) orders.reload({ quiet: true });
    visited.current = true;
  });

  async function cancel(order: RedemptionView): Promise<void> {
    if (cancelKey.current?.id !== order.id) cancelKey.current = { id: order.id, key: randomId() };
    setBusy(true);
    setError(null);
    setCancelled(false);
    const r = await cancelRedemption(order.id, cancelKey.current.key);
    setBusy(false);
    setCancelling(null);
    if (r.ok) {
      cancelKey.current = null;
      setCancelled(true);
      setShown(null);
    } else {
      if (r.status !== null && r.status < 500) cancelKey.current = null;
      setError(r.error);
    }
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    orders.reload({ quiet: true });
  }

  return (
    <PageShell testId="points-orders-page">
      <Text className="pts-heading" {...roleProps('heading')} aria-level={1}>
        {m.ordersTitle}
      </Text>
      {cancelled ? (
        <View className="section">
          <Notice tone="success" title={m.cancelDone} testId="points-orders-cancelled" />
        </View>
      ) : null}
      {error ? (
        <View className="section">
          <ErrorState error={error} title={m.cancelFailed} />
        </View>
      ) : null}
      {orders.status === 'loading' ? <LoadingState /> : null}
      {orders.status === 'error' ? <ErrorState error={orders.error} onRetry={() => orders.reload()} /> : null}
      {orders.status === 'success' && orders.data.items.length === 0 ? (
        <View className="section">
          <Notice tone="info" title={m.ordersEmpty} testId="points-orders-empty" />
          <Button className="big-button pts-gap" type="primary" block onClick={() => void Taro.redirectTo({ url: routes.pointsShop })} data-testid="points-orders-shop">
            {m.ordersToShop}
          </Button>
        </View>
      ) : null}
      {orders.status === 'success' ? (
        <View className="section" data-testid="points-orders-list">
          {orders.data.items.map((order) => (
            <Order
              key={order.id}
              order={order}
              qrShown={shown === order.id}
              onToggleQr={() => setShown(shown === order.id ? null : order.id)}
              onCancel={() => setCancelling(order)}
              busy={busy}
            />
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        open={cancelling !== null}
        title={m.cancelConfirmTitle}
        confirmText={m.cancelConfirm}
        cancelText={m.cancelBack}
        danger
        busy={busy}
        onConfirm={() => cancelling && void cancel(cancelling)}
        onCancel={() => setCancelling(null)}
        testId="points-orders-cancel-confirm"
      >
        {cancelling ? <Text className="pts-para">{m.cancelConfirmBody(formatPoints(cancelling.priceTenths), cancelling.product.name)}</Text> : null}
      </ConfirmDialog>
    </PageShell>
  );
}

function Order({
  order,
  qrShown,
  onToggleQr,
  onCancel,
  busy,
}: {
  order: RedemptionView;
  qrShown: boolean;
  onToggleQr: () => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const ready = order.status === 'ready';
  return (
    <View className="pts-card" data-testid={`points-order-${order.id}`}>
      <Text className="pts-title">{order.product.name}</Text>
      <View>
        <Text className={ready ? 'tag tag--primary' : 'tag tag--muted'} data-testid={`points-order-${order.id}-status`}>
          {order.statusLabel}
        </Text>
      </View>
      <Text className="pts-line">{m.orderLine(formatPoints(order.priceTenths), instantDayText(order.requestedAt))}</Text>
      {order.handedOverAt && order.handedOverBy ? <Text className="pts-line">{m.orderHanded(order.handedOverBy.name, instantDayText(order.handedOverAt))}</Text> : null}
      {order.cancelledAt ? <Text className="pts-line">{m.orderCancelled(instantDayText(order.cancelledAt))}</Text> : null}
      {ready && qrShown ? (
        <View className="pts-qr-panel" data-testid={`points-order-${order.id}-qr`}>
          <Text className="pts-qr-hint">{m.qrTitle(order.product.name)}</Text>
          <QrCode text={REDEMPTION_QR_PREFIX + order.code} widthPx={QR_WIDTH_PX} label={m.qrAlt(order.code)} testId="points-order-qr" />
          <Text className="pts-muted">{m.qrCode}</Text>
          <Text className="pts-qr-code" data-testid="points-order-code">
            {order.code}
          </Text>
          <Text className="pts-qr-hint">{m.qrHint}</Text>
        </View>
      ) : null}
      {ready ? (
        <Button className="big-button pts-gap" type={qrShown ? 'default' : 'primary'} fill={qrShown ? 'outline' : 'solid'} block onClick={onToggleQr} data-testid={`points-order-${order.id}-toggle`}>
          {qrShown ? m.qrHide : m.showQr}
        </Button>
      ) : null}
      {ready ? (
        <Button className="big-button pts-gap" type="default" fill="outline" block disabled={busy} onClick={onCancel} data-testid={`points-order-${order.id}-cancel`}>
          {m.cancel}
        </Button>
      ) : null}
    </View>
  );
}
