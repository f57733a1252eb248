import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatPoints, type ApiErrorBody, type HouseholdPoints, type ProductView, type RedemptionView } from '@village/shared';
import { useRef, useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { ErrorState } from '../../../../components/ErrorState';
import { LoadingState } from '../../../../components/LoadingState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { messages } from '../../../../constants/messages';
import { routes, withQuery } from '../../../../constants/routes';
import { useRequest } from '../../../../hooks/useRequest';
import type { Result } from '../../../../services/http';
import { randomId } from '../../../../services/ids';
import { getMyPoints, listProducts, redeemProduct } from '../../../../services/points';
import '../../components/points.css';

const m = messages.points;

interface Shop {
  points: HouseholdPoints;
  products: ProductView[];
}

/** The balance (with who may redeem, and if not this person, who can) and what is on the shelf. */
async function loadShop(): Promise<Result<Shop>> {
  const [points, products] = await Promise.all([getMyPoints(), listProducts()]);
  if (!points.ok) return points;
  if (!products.ok) return products;
  return { ok: true, status: 200, data: { points: points.data, products: products.data.filter((p) => p.active) } };
}

/** What stands in the way of redeeming one product, in words; null when it can be redeemed. */
export function blockedBecause(product: Pick<ProductView, 'stock' | 'priceTenths'>, balanceTenths: number): string | null {
  if (product.stock <= 0) return m.soldOut;
  if (balanceTenths < product.priceTenths) return m.notEnough(formatPoints(product.priceTenths - balanceTenths));
  return null;
}

/**
 * 积分超市: the balance on top, each product with its photo, price and what is left; 兑换 asks once
 * more ("用 5 分换 洗衣粉 1 袋？…"), then shows where the QR code is. The write carries one
 * Idempotency-Key per confirmed product, kept when the answer was lost (so 再试 cannot pay twice) and
 * renewed after the server said no. Only a person the village lets redeem sees the buttons.
 */
export default function PointsShopPage() {
  const shop = useRequest(loadShop, []);
  const [asking, setAsking] = useState<ProductView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<RedemptionView | null>(null);
  const pending = useRef<{ productId: string; key: string } | null>(null);

  async function redeem(product: ProductView): Promise<void> {
    if (pending.current?.productId !== product.id) pending.current = { productId: product.id, key: randomId() };
    setBusy(true);
    setError(null);
    const r = await redeemProduct({ productId: product.id }, pending.current.key);
    setBusy(false);
    setAsking(null);
    if (r.ok) {
      pending.current = null;
      setDone(r.data);
    } else {
      // The server answered no (not enough points, sold out): the next try is a new request.
      if (r.status !== null && r.status < 500) pending.current = null;
      setError(r.error);
    }
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    shop.reload({ quiet: true });
  }

  const data = shop.status === 'success' ? shop.data : null;
  return (
    <PageShell testId="points-shop-page">
      <Text className="pts-heading" {...roleProps('heading')} aria-level={1}>
        {m.shopTitle}
      </Text>
      {shop.status === 'loading' ? <LoadingState /> : null}
      {shop.status === 'error' ? <ErrorState error={shop.error} onRetry={() => shop.reload()} /> : null}
      {data ? (
        <View>
          <Text className="pts-big" data-testid="points-shop-balance">
            {m.balanceLine(formatPoints(data.points.balanceTenths))}
          </Text>
          <Text className="pts-para">{m.shopIntro}</Text>
          {!data.points.canRedeem ? (
            <View className="section">
              <Notice tone="info" title={data.points.redeemRefusal ?? m.cannotRedeem} testId="points-shop-cannot" />
            </View>
          ) : null}
        </View>
      ) : null}
      {done ? (
        <View className="section">
          <Notice tone="success" title={m.redeemDone(done.product.name)} testId="points-shop-done">
            <Text>{m.redeemDoneHint}</Text>
          </Notice>
          <Button
            className="big-button pts-gap"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.pointsOrders, { id: done.id }) })}
            data-testid="points-shop-show-qr"
          >
            {m.showQr}
          </Button>
        </View>
      ) : null}
      {error ? (
        <View className="section">
          <ErrorState error={error} title={m.redeemFailed} />
        </View>
      ) : null}
      {data ? (
        <View className="section" data-testid="points-shop-products">
          {data.products.length === 0 ? <Notice tone="info" title={m.shopEmpty} testId="points-shop-empty" /> : null}
          {data.products.map((p) => (
            <ProductCard key={p.id} product={p} balanceTenths={data.points.balanceTenths} canRedeem={data.points.canRedeem} busy={busy} onRedeem={() => setAsking(p)} />
          ))}
        </View>
      ) : null}

      <ConfirmDialog
        open={asking !== null}
        title={m.redeemConfirmTitle}
        confirmText={m.redeemConfirm}
        cancelText={m.redeemBack}
        busy={busy}
        onConfirm={() => asking && void redeem(asking)}
        onCancel={() => setAsking(null)}
        testId="points-shop-confirm"
      >
        {asking ? <Text className="pts-para">{m.redeemConfirmBody(formatPoints(asking.priceTenths), asking.name)}</Text> : null}
      </ConfirmDialog>
    </PageShell>
  );
}

function ProductCard({
  product,
  balanceTenths,
  canRedeem,
  busy,
  onRedeem,
}: {
  product: ProductView;
  balanceTenths: number;
  canRedeem: boolean;
  busy: boolean;
  onRedeem: () => void;
}) {
  const blocked = blockedBecause(product, balanceTenths);
  return (
    <View className="pts-card" data-testid={`points-product-${product.id}`}>
      <View className="pts-row">
        {product.photo ? (
          <Image className="pts-photo" src={product.photo.url} mode="aspectFill" ariaLabel={m.productPhoto(product.name)} nativeProps={{ alt: m.productPhoto(product.name) }} />
        ) : null}
        <View className="pts-row__main">
          <Text className="pts-title">{product.name}</Text>
          <Text className="pts-line pts-strong">{m.price(formatPoints(product.priceTenths))}</Text>
          <Text className="pts-line">{product.stock > 0 ? m.stock(product.stock) : m.soldOut}</Text>
        </View>
      </View>
      {canRedeem && blocked && product.stock > 0 ? <Text className="pts-warn">{blocked}</Text> : null}
      {canRedeem && !blocked ? (
        <Button className="big-button pts-gap" type="primary" block disabled={busy} onClick={onRedeem} data-testid={`points-redeem-${product.id}`} aria-label={m.redeemFor(product.name)}>
          {busy ? m.redeemBusy : m.redeem}
        </Button>
      ) : null}
    </View>
  );
}
