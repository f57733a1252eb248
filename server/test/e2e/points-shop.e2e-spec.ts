import { chinaDay, IDEMPOTENCY_HEADER, quarterOf, REDEMPTION_QR_PREFIX, type LoginResult, type PointsSettings, type ProductInput, type ProductView, type RedemptionPage, type RedemptionView } from '@village/shared';
import type { Response } from 'supertest';
import { UnitOfWork } from '../../src/modules/audit/unit-of-work';
import { PointsLedger } from '../../src/modules/points/points-ledger';
import { bearer, loginAs } from '../support/auth';
import { FILES } from '../support/notices';
import { startTestApp, type TestApp } from '../support/test-app';
import { testDatabaseKinds } from '../support/test-database';
import { idempotencyKey } from '../support/voting';

const CODE = /^[2-9A-HJ-NP-Z]{8}$/;

describe.each(testDatabaseKinds())('points 积分超市 on %s', (kind) => {
  let t: TestApp;
  let villageId: string;
  let shopkeeper: LoginResult;
  let secretary: LoginResult;
  let supervisor: LoginResult;
  let villager: LoginResult;
  let householdRep: LoginResult;
  let repHousehold: string;
  let villagerHousehold: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    shopkeeper = await loginAs(t, 'shopkeeper');
    secretary = await loginAs(t, 'secretary');
    supervisor = await loginAs(t, 'supervisor');
    villager = await loginAs(t, 'villager');
    householdRep = await loginAs(t, 'household_rep');
    villageId = secretary.me.village?.id as string;
    repHousehold = await householdOf(householdRep);
    villagerHousehold = await householdOf(villager);
  });
  afterAll(() => t.close());

  const get = (login: LoginResult, path: string) => t.http.get(path).set(...bearer(login));
  const post = (login: LoginResult, path: string, body: object = {}, key?: string) => {
    const req = t.http.post(path).set(...bearer(login));
    if (key) req.set(IDEMPOTENCY_HEADER, key);
    return req.send(body);
  };
  const put = (login: LoginResult, path: string, body: object) => t.http.put(path).set(...bearer(login)).send(body);
  const one = async (sql: string, params: unknown[]): Promise<number> => Number(Object.values((await t.dataSource.query(sql, params))[0])[0] ?? 0);

  async function householdOf(login: LoginResult): Promise<string> {
    const [row] = await t.dataSource.query('SELECT household_id FROM resident WHERE id = ?', [login.me.resident?.id]);
    return row.household_id as string;
  }
  const balance = (householdId: string) => one('SELECT balance_tenths FROM points_account WHERE household_id = ?', [householdId]);
  const ledgerSum = (householdId: string) => one('SELECT COALESCE(SUM(amount_tenths), 0) AS n FROM points_ledger_entry WHERE household_id = ?', [householdId]);
  const stock = (productId: string) => one('SELECT stock FROM points_product WHERE id = ?', [productId]);
  const redemptions = (productId: string) => one('SELECT COUNT(*) AS n FROM points_redemption WHERE product_id = ?', [productId]);
  const auditCount = (action: string, entityId: string) => one('SELECT COUNT(*) AS n FROM audit_event WHERE action = ? AND entity_id = ?', [action, entityId]);

  /**
   * Test fixture: points for a household straight through the app's own ledger (the way a published
   * record credits them), without going through recording and 公示, which other suites cover.
   */
  async function fund(householdId: string, amountTenths: number): Promise<void> {
    const now = new Date();
    await t.app.get(UnitOfWork).run({ villageId, actorId: null, actorRole: 'system', correlationId: 'shop-test-funding' }, (work) =>
      new PointsLedger(work, now).post({ villageId, householdId, kind: 'record', amountTenths, quarter: quarterOf(chinaDay(now)), description: '测试：补足积分' }),
    );
  }

  /** Tops the household up so its balance is exactly `tenths` (the fixture only credits). */
  async function fundTo(householdId: string, tenths: number): Promise<void> {
    const missing = tenths - (await balance(householdId));
    if (missing < 0) throw new Error(`fundTo: balance already above ${tenths}`);
    if (missing > 0) await fund(householdId, missing);
  }

  async function product(input: Partial<ProductInput> = {}): Promise<ProductView> {
    const res = await post(shopkeeper, '/api/points/products', { name: '测试用 毛巾', photoId: null, priceTenths: 30, stock: 20, active: true, ...input });
    if (res.status !== 201) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as ProductView;
  }

  async function redeem(login: LoginResult, productId: string, key = idempotencyKey()): Promise<RedemptionView> {
    const res = await post(login, '/api/points/redemptions', { productId }, key);
    if (res.status !== 201) throw new Error(`redeem: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as RedemptionView;
  }

  it('seeds the village shop with daily necessities, and an order waiting to be collected', async () => {
    const shelf: ProductView[] = (await get(villager, '/api/points/products').expect(200)).body;
    expect(shelf.length).toBeGreaterThanOrEqual(6);
    expect(shelf.map((p) => p.name)).toEqual(expect.arrayContaining(['香皂 1 块', '洗衣粉 1 袋（1.5 公斤）', '食用油 1 桶（5 升）']));
    for (const p of shelf) {
      expect(p.priceTenths).toBeGreaterThanOrEqual(10);
      expect(p.priceTenths).toBeLessThanOrEqual(300);
      expect(p.stock).toBeGreaterThanOrEqual(4);
    }
    expect(shelf.map((p) => p.priceTenths)).toEqual([...shelf.map((p) => p.priceTenths)].sort((a, b) => a - b));
    const seeded: RedemptionPage = (await get(shopkeeper, '/api/points/redemptions?status=ready').expect(200)).body;
    // The order is seeded only when the records seed published points before the shop's.
    const published = await one("SELECT COUNT(*) AS n FROM points_ledger_entry WHERE kind = 'record' AND village_id = ?", [villageId]);
    expect(seeded.total).toBe(published > 0 ? 1 : 0);
    for (const order of seeded.items) {
      expect(order).toMatchObject({ status: 'ready', statusLabel: '待领取', code: expect.stringMatching(CODE), product: { name: '食盐 1 袋' } });
      expect(await balance(order.household.id)).toBeGreaterThanOrEqual(0);
    }
  });

  describe('products', () => {
    it('the shopkeeper and the 两委 add and change products; a photo goes through the points files', async () => {
      const upload = await t.http.post('/api/points/files').set(...bearer(shopkeeper)).attach('file', FILES.jpeg, '毛巾.jpg');
      expect(upload.status).toBe(201);
      const created = await product({ name: '测试用 枕巾', photoId: upload.body.id, priceTenths: 45, stock: 12 });
      expect(created).toMatchObject({ name: '测试用 枕巾', priceTenths: 45, stock: 12, active: true, version: 1, photo: { id: upload.body.id, url: expect.any(String) } });
      expect(await auditCount('points.product.created', created.id)).toBe(1);

      const changed = await put(shopkeeper, `/api/points/products/${created.id}`, { name: '测试用 枕巾 1 条', photoId: null, priceTenths: 40, stock: 15, active: true, version: 1 }).expect(200);
      expect(changed.body).toMatchObject({ name: '测试用 枕巾 1 条', priceTenths: 40, stock: 15, version: 2, photo: null });
      expect(await auditCount('points.product.updated', created.id)).toBe(1);

      const bySecretary = await post(secretary, '/api/points/products', { name: '测试用 肥皂', photoId: null, priceTenths: 20, stock: 5, active: true }).expect(201);
      expect(bySecretary.body).toMatchObject({ name: '测试用 肥皂', version: 1 });
    });

    it('refuses villagers, bad prices and stock, and a stale version — and writes nothing', async () => {
      const before = await one('SELECT COUNT(*) AS n FROM points_product WHERE village_id = ?', [villageId]);
      const good = { name: '测试用 牙刷', photoId: null, priceTenths: 20, stock: 10, active: true };
      await post(villager, '/api/points/products', good).expect(403);
      await post(householdRep, '/api/points/products', good).expect(403);
      for (const [bad, message] of [
        [{ priceTenths: 0 }, '兑换积分要大于 0'],
        [{ priceTenths: -10 }, '兑换积分要大于 0'],
        [{ priceTenths: 2.5 }, '整数'],
        [{ stock: -1 }, '库存不能小于 0'],
        [{ stock: 1.5 }, '整数'],
        [{ name: '' }, '商品名称'],
        [{ name: '很'.repeat(31) }, '商品名称应为 1–30 个字'],
        [{ active: 'yes' }, '上架'],
      ] as const) {
        const res = await post(shopkeeper, '/api/points/products', { ...good, ...bad }).expect(400);
        expect(JSON.stringify(res.body)).toContain(message);
      }
      await post(shopkeeper, '/api/points/products', {}).expect(400);
      expect(await one('SELECT COUNT(*) AS n FROM points_product WHERE village_id = ?', [villageId])).toBe(before);

      const p = await product({ name: '测试用 牙刷' });
      await put(shopkeeper, `/api/points/products/${p.id}`, { ...good, stock: 8, version: 1 }).expect(200);
      const stale = await put(shopkeeper, `/api/points/products/${p.id}`, { ...good, stock: 3, version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'POINTS_VERSION_CONFLICT', message: expect.stringContaining('刷新') });
      await put(shopkeeper, `/api/points/products/${p.id}`, { ...good }).expect(400);
      await put(villager, `/api/points/products/${p.id}`, { ...good, version: 2 }).expect(403);
      await put(shopkeeper, '/api/points/products/00000000-0000-4000-8000-000000000000', { ...good, version: 1 }).expect(404);
      expect(await stock(p.id)).toBe(8);
      expect(await auditCount('points.product.updated', p.id)).toBe(1);
    });

    it('villagers see what is on the shelf; the staff see everything with all=true', async () => {
      const hidden = await product({ name: '测试用 下架的', active: false });
      const empty = await product({ name: '测试用 没货的', stock: 0 });
      const names = (res: { body: ProductView[] }) => res.body.map((p) => p.name);
      expect(names(await get(villager, '/api/points/products').expect(200))).not.toContain(hidden.name);
      expect(names(await get(villager, '/api/points/products?all=true').expect(200))).not.toContain(empty.name);
      expect(names(await get(shopkeeper, '/api/points/products').expect(200))).not.toContain(hidden.name);
      expect(names(await get(shopkeeper, '/api/points/products?all=true').expect(200))).toEqual(expect.arrayContaining([hidden.name, empty.name]));
      expect(names(await get(secretary, '/api/points/products?all=true').expect(200))).toEqual(expect.arrayContaining([hidden.name, empty.name]));
      await get(villager, '/api/points/products?all=maybe').expect(400);

      await fund(repHousehold, 100);
      const off = await post(householdRep, '/api/points/redemptions', { productId: hidden.id }, idempotencyKey()).expect(409);
      expect(off.body).toMatchObject({ code: 'POINTS_REFUSED', message: expect.stringContaining('下架') });
      const none = await post(householdRep, '/api/points/redemptions', { productId: empty.id }, idempotencyKey()).expect(409);
      expect(none.body).toMatchObject({ code: 'POINTS_OUT_OF_STOCK', message: expect.stringContaining('这件商品已经换完了') });
      await post(householdRep, '/api/points/redemptions', { productId: '00000000-0000-4000-8000-000000000000' }, idempotencyKey()).expect(404);
      expect(await redemptions(hidden.id)).toBe(0);
      expect(await redemptions(empty.id)).toBe(0);
    });
  });

  describe('redemptions', () => {
    it('the 户代表 redeems: stock down, a ledger debit, a hand-over code only the household and the shop see', async () => {
      const p = await product({ name: '测试用 香皂', priceTenths: 25, stock: 10 });
      await fund(repHousehold, 25);
      const balanceBefore = await balance(repHousehold);
      const order = await redeem(householdRep, p.id);
      expect(order).toMatchObject({
        household: { id: repHousehold },
        product: { id: p.id, name: '测试用 香皂' },
        priceTenths: 25,
        status: 'ready',
        statusLabel: '待领取',
        code: expect.stringMatching(CODE),
        requestedBy: { id: householdRep.me.resident?.id },
        handedOverBy: null,
        cancelledAt: null,
      });
      expect(await stock(p.id)).toBe(9);
      expect(await balance(repHousehold)).toBe(balanceBefore - 25);
      const [entry] = await t.dataSource.query('SELECT kind, amount_tenths, balance_tenths, quarter FROM points_ledger_entry WHERE redemption_id = ?', [order.id]);
      expect({ ...entry, amount_tenths: Number(entry.amount_tenths), balance_tenths: Number(entry.balance_tenths) }).toEqual({ kind: 'redemption', amount_tenths: -25, balance_tenths: balanceBefore - 25, quarter: null });
      expect(await auditCount('points.redemption.requested', order.id)).toBe(1);
      const [event] = await t.dataSource.query("SELECT after_json FROM audit_event WHERE action = 'points.redemption.requested' AND entity_id = ?", [order.id]);
      expect(event.after_json).not.toContain(order.code);

      expect((await get(householdRep, `/api/points/redemptions/${order.id}`).expect(200)).body.code).toBe(order.code);
      expect((await get(shopkeeper, `/api/points/redemptions/${order.id}`).expect(200)).body.code).toBe(order.code);
      expect((await get(supervisor, `/api/points/redemptions/${order.id}`).expect(200)).body).toMatchObject({ id: order.id, code: '' });
      await get(villager, `/api/points/redemptions/${order.id}`).expect(404);

      const mine: RedemptionPage = (await get(householdRep, '/api/points/redemptions?mine=true').expect(200)).body;
      expect(mine.items.map((r) => r.id)).toContain(order.id);
      const theirs: RedemptionPage = (await get(villager, '/api/points/redemptions').expect(200)).body;
      expect(theirs.items.every((r) => r.household.id === villagerHousehold)).toBe(true);
      const queue: RedemptionPage = (await get(shopkeeper, '/api/points/redemptions?status=ready&pageSize=50').expect(200)).body;
      expect(queue.items.find((r) => r.id === order.id)?.code).toBe(order.code);
      expect(queue.items.every((r) => r.status === 'ready')).toBe(true);
      const overseen: RedemptionPage = (await get(supervisor, '/api/points/redemptions?pageSize=50').expect(200)).body;
      expect(overseen.items.find((r) => r.id === order.id)?.code).toBe('');
      await get(villager, '/api/points/redemptions?status=lost').expect(400);
    });

    it('is idempotent: the same key twice is one order and one debit', async () => {
      const p = await product({ name: '测试用 牙膏', priceTenths: 30, stock: 10 });
      await fund(repHousehold, 30);
      const before = await balance(repHousehold);
      const key = idempotencyKey();
      const first = await post(householdRep, '/api/points/redemptions', { productId: p.id }, key).expect(201);
      const again = await post(householdRep, '/api/points/redemptions', { productId: p.id }, key).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await redemptions(p.id)).toBe(1);
      expect(await one('SELECT COUNT(*) AS n FROM points_ledger_entry WHERE redemption_id = ?', [first.body.id])).toBe(1);
      expect(await balance(repHousehold)).toBe(before - 30);
      expect(await stock(p.id)).toBe(9);
    });

    it('a member who is not the 户代表 is refused by default; any adult may when the village allows it', async () => {
      const p = await product({ name: '测试用 酱油', priceTenths: 50, stock: 10 });
      await fund(villagerHousehold, 50);
      const before = await balance(villagerHousehold);
      const refused = await post(villager, '/api/points/redemptions', { productId: p.id }, idempotencyKey()).expect(403);
      expect(refused.body).toMatchObject({ code: 'POINTS_FORBIDDEN', message: expect.stringContaining('户代表') });
      expect(await redemptions(p.id)).toBe(0);
      expect(await stock(p.id)).toBe(10);
      expect(await balance(villagerHousehold)).toBe(before);

      const setRedeemers = async (redeemers: PointsSettings['redeemers']): Promise<void> => {
        const current: PointsSettings = (await get(secretary, '/api/points/settings').expect(200)).body;
        await put(secretary, '/api/points/settings', { ...current, redeemers }).expect(200);
      };
      await setRedeemers('adult_member');
      try {
        const order = await redeem(villager, p.id);
        expect(order).toMatchObject({ household: { id: villagerHousehold }, requestedBy: { id: villager.me.resident?.id } });
        expect(await balance(villagerHousehold)).toBe(before - 50);
      } finally {
        await setRedeemers('representative');
      }
    });

    it('100 redemptions at once against a balance that covers 10: exactly 10 succeed, the balance ends at 0', async () => {
      const start = await balance(repHousehold);
      const price = Math.max(20, Math.floor(start / 10) + 1);
      const p = await product({ name: '测试用 抢购', priceTenths: price, stock: 500 });
      await fundTo(repHousehold, 10 * price);
      const responses: Response[] = await Promise.all(Array.from({ length: 100 }, () => post(householdRep, '/api/points/redemptions', { productId: p.id }, idempotencyKey())));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 409)).toHaveLength(90);
      for (const r of responses.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ code: 'POINTS_INSUFFICIENT_BALANCE', message: expect.stringContaining('积分不够') });
      expect(await balance(repHousehold)).toBe(0);
      expect(await ledgerSum(repHousehold)).toBe(0);
      expect(await redemptions(p.id)).toBe(10);
      expect(await stock(p.id)).toBe(490);
      expect(new Set(responses.filter((r) => r.status === 201).map((r) => r.body.code)).size).toBe(10);
    });

    it('never oversells: 20 redemptions at once of the last 5 pieces, with points to spare', async () => {
      const p = await product({ name: '测试用 大米', priceTenths: 20, stock: 5 });
      await fund(repHousehold, 20 * 20);
      const before = await balance(repHousehold);
      const responses: Response[] = await Promise.all(Array.from({ length: 20 }, () => post(householdRep, '/api/points/redemptions', { productId: p.id }, idempotencyKey())));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(statuses.filter((s) => s === 409)).toHaveLength(15);
      for (const r of responses.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ code: 'POINTS_OUT_OF_STOCK', message: expect.stringContaining('这件商品已经换完了') });
      expect(await stock(p.id)).toBe(0);
      expect(await redemptions(p.id)).toBe(5);
      expect(await balance(repHousehold)).toBe(before - 5 * 20);
      expect(await ledgerSum(repHousehold)).toBe(await balance(repHousehold));
      expect((await get(villager, '/api/points/products').expect(200)).body.map((x: ProductView) => x.id)).not.toContain(p.id);
    });
  });

  describe('hand-over and cancellation', () => {
    let p: ProductView;
    const orders: RedemptionView[] = [];

    beforeAll(async () => {
      p = await product({ name: '测试用 洗衣粉', priceTenths: 40, stock: 10 });
      await fund(repHousehold, 4 * 40);
      for (let i = 0; i < 4; i += 1) orders.push(await redeem(householdRep, p.id));
    });

    it('the shopkeeper finds an order by what was scanned or typed; nobody else can search codes', async () => {
      const [order] = orders;
      const found = (await get(shopkeeper, `/api/points/redemptions?code=${encodeURIComponent(`village-points:${order.code.toLowerCase()}`)}`).expect(200)).body;
      expect(found).toMatchObject({ total: 1, items: [expect.objectContaining({ id: order.id, code: order.code })] });
      expect((await get(shopkeeper, '/api/points/redemptions?code=NOT-A-CODE').expect(200)).body.total).toBe(0);
      expect((await get(villager, `/api/points/redemptions?code=${order.code}`).expect(200)).body.total).toBe(0);
    });

    it('the shopkeeper hands over by the typed code or the scanned QR text, once', async () => {
      const [byCode, byQr] = orders;
      await post(villager, '/api/points/redemptions/hand-over', { code: byCode.code }).expect(403);
      await post(householdRep, '/api/points/redemptions/hand-over', { code: byCode.code }).expect(403);
      await post(shopkeeper, '/api/points/redemptions/hand-over', {}).expect(400);

      const typed = await post(shopkeeper, '/api/points/redemptions/hand-over', { code: ` ${byCode.code.slice(0, 4).toLowerCase()} ${byCode.code.slice(4)} ` }).expect(200);
      expect(typed.body).toMatchObject({ id: byCode.id, status: 'handed_over', statusLabel: '已领取', handedOverBy: { id: shopkeeper.me.resident?.id }, handedOverAt: expect.any(String) });
      expect(await auditCount('points.redemption.handed_over', byCode.id)).toBe(1);

      const twice = await post(shopkeeper, '/api/points/redemptions/hand-over', { code: byCode.code }).expect(409);
      expect(twice.body).toMatchObject({ code: 'POINTS_REFUSED', message: expect.stringContaining('不要重复交付') });
      expect(twice.body.message).toContain(typed.body.handedOverBy.name);
      expect(twice.body.message).toMatch(/\d+月\d+日 \d{2}:\d{2}/);

      const scanned = await post(shopkeeper, '/api/points/redemptions/hand-over', { code: `${REDEMPTION_QR_PREFIX}${byQr.code}` }).expect(200);
      expect(scanned.body).toMatchObject({ id: byQr.id, status: 'handed_over' });

      for (const code of ['ZZZZZZZZ', `${REDEMPTION_QR_PREFIX}ZZZZZZZZ`, 'not-a-code', '0O1I0O1I']) {
        const res = await post(shopkeeper, '/api/points/redemptions/hand-over', { code }).expect(404);
        expect(res.body.message).toContain('兑换码');
      }
      expect(await auditCount('points.redemption.handed_over', byCode.id)).toBe(1);
      const handed = await post(householdRep, `/api/points/redemptions/${byCode.id}/cancel`).expect(409);
      expect(handed.body.message).toContain('领走');
    });

    it('cancels a ready order: the piece back on the shelf, the points back as a refund — once', async () => {
      const [, , mine, theirs] = orders;
      const stockBefore = await stock(p.id);
      const balanceBefore = await balance(repHousehold);
      await post(villager, `/api/points/redemptions/${mine.id}/cancel`).expect(404);
      const overseer = await post(supervisor, `/api/points/redemptions/${mine.id}/cancel`).expect(409);
      expect(overseer.body.message).toContain('监委会');
      expect(await stock(p.id)).toBe(stockBefore);

      const cancelled = await post(householdRep, `/api/points/redemptions/${mine.id}/cancel`, {}, idempotencyKey()).expect(200);
      expect(cancelled.body).toMatchObject({ id: mine.id, status: 'cancelled', statusLabel: '已取消', cancelledAt: expect.any(String) });
      expect(await stock(p.id)).toBe(stockBefore + 1);
      expect(await balance(repHousehold)).toBe(balanceBefore + 40);
      const refunds = await t.dataSource.query("SELECT amount_tenths FROM points_ledger_entry WHERE redemption_id = ? AND kind = 'refund'", [mine.id]);
      expect(refunds.map((r: { amount_tenths: number | string }) => Number(r.amount_tenths))).toEqual([40]);
      expect(await auditCount('points.redemption.cancelled', mine.id)).toBe(1);

      const again = await post(householdRep, `/api/points/redemptions/${mine.id}/cancel`, {}, idempotencyKey()).expect(409);
      expect(again.body).toMatchObject({ code: 'POINTS_REFUSED', message: expect.stringContaining('已经取消过了') });
      const collect = await post(shopkeeper, '/api/points/redemptions/hand-over', { code: mine.code }).expect(409);
      expect(collect.body.message).toContain('取消');
      expect(await balance(repHousehold)).toBe(balanceBefore + 40);

      await post(shopkeeper, `/api/points/redemptions/${theirs.id}/cancel`).expect(200);
      expect(await stock(p.id)).toBe(stockBefore + 2);
      expect(await balance(repHousehold)).toBe(balanceBefore + 80);
      expect(await ledgerSum(repHousehold)).toBe(await balance(repHousehold));
    });
  });

  it('leaves a valid audit chain', async () => {
    const verdict = await get(supervisor, '/api/audit/verify').expect(200);
    expect(verdict.body.ok).toBe(true);
    expect(await one("SELECT COUNT(*) AS n FROM audit_event WHERE entity_type = 'points_redemption' AND village_id = ?", [villageId])).toBeGreaterThan(20);
  });
});
