import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatPoints, parsePoints, PRODUCT_NAME_MAX, type ApiErrorBody, type PointsPhoto, type ProductView } from '@village/shared';
import { useState } from 'react';
import { roleProps } from '../../../../components/a11y';
import { Choice, ChoiceGroup } from '../../../../components/Choice';
import { ErrorState } from '../../../../components/ErrorState';
import { Notice } from '../../../../components/Notice';
import { Button } from '../../../../components/nutui';
import { PageShell } from '../../../../components/PageShell';
import { PhotoPicker } from '../../../../components/PhotoPicker';
import { TextField } from '../../../../components/TextField';
import { messages } from '../../../../constants/messages';
import { useRequest } from '../../../../hooks/useRequest';
import { createProduct, listProducts, saveProduct, uploadPointsPhotoNamed } from '../../../../services/points';
import { DoneNotice, LoadState, PageHeading } from '../../components/PageParts';
import '../../points-admin.css';

const m = messages.pointsAdmin.products;
const VERSION_CONFLICT = 'POINTS_VERSION_CONFLICT';

interface Form {
  name: string;
  photos: Array<PointsPhoto & { fileName: string }>;
  price: string;
  stock: string;
  active: boolean;
}
type Errors = Partial<Record<'name' | 'price' | 'stock' | 'photos', string>>;

const blank: Form = { name: '', photos: [], price: '', stock: '', active: true };

function formOf(p: ProductView): Form {
  return { name: p.name, photos: p.photo ? [{ ...p.photo, fileName: p.name }] : [], price: formatPoints(p.priceTenths), stock: String(p.stock), active: p.active };
}

function check(f: Form, uploading: boolean): Errors {
  const e: Errors = {};
  const name = f.name.trim();
  if (name === '') e.name = m.nameRequired;
  else if (name.length > PRODUCT_NAME_MAX) e.name = m.nameTooLong(PRODUCT_NAME_MAX);
  const price = parsePoints(f.price);
  if (price === null || price <= 0) e.price = m.priceInvalid;
  if (!/^\d{1,6}$/.test(f.stock.trim())) e.stock = m.stockInvalid;
  if (uploading) e.photos = m.waitUpload;
  return e;
}

/**
 * 积分超市的商品 (shopkeeper and 两委): every product, also those taken off sale; add one or change
 * it — name, photo, price in 分 (one decimal place), stock, 在售 or 下架. When someone else saved the
 * product in between, the page says so and loads it again instead of overwriting their change.
 */
export default function ProductsPage() {
  const list = useRequest(() => listProducts({ all: true }), []);
  const [editing, setEditing] = useState<{ id: string | null; version: number | null } | null>(null);
  const [form, setForm] = useState<Form>(blank);
  const [errors, setErrors] = useState<Errors>({});
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function open(p: ProductView | null): void {
    setEditing({ id: p?.id ?? null, version: p?.version ?? null });
    setForm(p ? formOf(p) : blank);
    setErrors({});
    setError(null);
    setDone(null);
    // The form opens at the top of the page; 修改 is tapped further down the list.
    setTimeout(() => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }), 0);
  }

  function set<K extends keyof Form>(k: K, v: Form[K]): void {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined }));
  }

  async function save(): Promise<void> {
    if (!editing) return;
    const found = check(form, uploading);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setBusy(true);
    setError(null);
    const input = { name: form.name.trim(), photoId: form.photos[0]?.id ?? null, priceTenths: parsePoints(form.price) ?? 0, stock: Number(form.stock.trim()), active: form.active };
    const r = editing.id ? await saveProduct(editing.id, { ...input, version: editing.version ?? undefined }) : await createProduct(input);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      if (r.error.code === VERSION_CONFLICT) list.reload({ quiet: true });
      return;
    }
    setDone(editing.id ? m.saved(r.data.name) : m.added(r.data.name));
    setEditing(null);
    list.reload({ quiet: true });
  }

  const products = list.status === 'success' ? list.data : [];
  const conflict = error?.code === VERSION_CONFLICT;

  return (
    <PageShell testId="points-products-page">
      <PageHeading title={m.heading} intro={m.intro} />
      <DoneNotice title={done} testId="points-products-done" />

      {editing ? (
        <View className="section pa-card" data-testid="points-product-form">
          <Text className="pa-sub" {...roleProps('heading')} aria-level={2}>
            {editing.id ? m.editTitle : m.addTitle}
          </Text>
          {error ? (
            conflict ? (
              <Notice tone="warning" title={m.conflict} testId="points-product-conflict">
                <Text className="pa-para">{m.conflictHint}</Text>
              </Notice>
            ) : (
              <ErrorState error={error} title={m.failed} />
            )
          ) : null}
          <TextField label={m.nameLabel} value={form.name} onChange={(v) => set('name', v)} error={errors.name} maxlength={PRODUCT_NAME_MAX} testId="points-product-name" />
          <PhotoPicker label={m.photoLabel} hint={m.photoHint} max={1} upload={uploadPointsPhotoNamed} value={form.photos} onChange={(p) => set('photos', p)} onBusy={setUploading} error={errors.photos} testId="points-product-photo" />
          <TextField label={m.priceLabel} hint={m.priceHint} value={form.price} type="digit" onChange={(v) => set('price', v)} error={errors.price} maxlength={8} testId="points-product-price" />
          <TextField label={m.stockLabel} hint={m.stockHint} value={form.stock} type="number" onChange={(v) => set('stock', v)} error={errors.stock} maxlength={6} testId="points-product-stock" />
          {/* One under the other: side by side, 已下架 breaks over two lines in 长辈版. */}
          <ChoiceGroup label={m.activeLabel}>
            <Choice label={m.onSale} checked={form.active} onSelect={() => set('active', true)} compact testId="points-product-on-sale" />
            <Choice label={m.offSale} checked={!form.active} onSelect={() => set('active', false)} compact testId="points-product-off-sale" />
          </ChoiceGroup>
          {conflict && editing.id ? (
            <Button className="big-button pa-gap" type="primary" block onClick={() => open(products.find((p) => p.id === editing.id) ?? null)} data-testid="points-product-reload">
              {m.reloadLatest}
            </Button>
          ) : (
            <Button className="big-button pa-gap" type="primary" block disabled={busy} onClick={() => void save()} data-testid="points-product-save">
              {busy ? m.saving : m.save}
            </Button>
          )}
          <Button className="big-button pa-gap" type="default" fill="outline" block disabled={busy} onClick={() => setEditing(null)} data-testid="points-product-cancel">
            {m.cancel}
          </Button>
        </View>
      ) : (
        <View className="section">
          <Button className="big-button" type="primary" block onClick={() => open(null)} data-testid="points-product-add">
            {m.add}
          </Button>
        </View>
      )}

      <LoadState request={list} />
      {list.status === 'success' && products.length === 0 ? (
        <View className="section">
          <Notice tone="info" title={m.empty} testId="points-products-empty" />
        </View>
      ) : null}
      <View className="section">
        {products.map((p) => (
          <View key={p.id} className="pa-card pa-product" data-testid={`points-product-${p.id}`}>
            {p.photo ? <Image className="pa-product__photo" src={p.photo.url} mode="aspectFill" ariaLabel={m.photoAlt(p.name)} nativeProps={{ alt: m.photoAlt(p.name) }} /> : null}
            <Text className="pa-sub">{p.name}</Text>
            <Text className="pa-para pa-strong">{m.price(formatPoints(p.priceTenths))}</Text>
            <Text className={`pa-para${p.stock === 0 ? ' pa-bad' : ''}`}>{p.stock === 0 ? m.soldOut : m.stock(p.stock)}</Text>
            <Text className={`pa-para ${p.active ? 'pa-ok' : 'pa-bad'}`}>{p.active ? `✓ ${m.onSale}` : `✗ ${m.offSale}`}</Text>
            <Button className="big-button pa-gap" type="default" fill="outline" block disabled={editing !== null} onClick={() => open(p)} data-testid={`points-product-${p.id}-edit`}>
              {m.edit}
            </Button>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
