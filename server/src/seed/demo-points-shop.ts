import { PointsAccount } from '../modules/points/entities';
import { insertProduct, placeRedemption } from '../modules/points/shop';
import type { AuditActor } from '../modules/audit/unit-of-work';
import type { DemoPointsContext } from './demo-points-context';

/** What a village 积分超市 keeps on its shelf: daily necessities, priced in tenths of a point. */
const PRODUCTS: { name: string; priceTenths: number; stock: number }[] = [
  { name: '食盐 1 袋', priceTenths: 10, stock: 60 },
  { name: '香皂 1 块', priceTenths: 20, stock: 50 },
  { name: '牙膏 1 支', priceTenths: 30, stock: 40 },
  { name: '毛巾 1 条', priceTenths: 30, stock: 45 },
  { name: '酱油 1 瓶（500 毫升）', priceTenths: 50, stock: 25 },
  { name: '洗衣粉 1 袋（1.5 公斤）', priceTenths: 80, stock: 30 },
  { name: '暖水瓶 1 个', priceTenths: 150, stock: 5 },
  { name: '大米 1 袋（10 斤）', priceTenths: 200, stock: 20 },
  { name: '食用油 1 桶（5 升）', priceTenths: 300, stock: 10 },
];

/**
 * The 积分超市 stocked by its keeper, through the same steps the API takes; and, when the records
 * seed published points, one household's 户代表 has already redeemed the cheapest item and not yet
 * collected it (a ready order with its QR). The household is the last one that can afford it, away
 * from the demo personas at the front of the roster.
 */
export async function seedDemoPointsShop({ dataSource, clock, uow, demo }: DemoPointsContext): Promise<void> {
  const keeper = demo.roles.find((r) => r.role === 'shopkeeper');
  if (!keeper) return;
  const now = clock.now();
  const shop: AuditActor = { villageId: demo.villageId, actorId: keeper.residentId, actorRole: 'shopkeeper', correlationId: 'demo-seed' };
  const products = [];
  for (const product of PRODUCTS) {
    products.push(await uow.run(shop, (work) => insertProduct(work, now, { villageId: demo.villageId, photoId: null, active: true, ...product })));
  }

  const cheapest = products[0];
  const accounts = await dataSource.getRepository(PointsAccount).findBy({ villageId: demo.villageId });
  const balances = new Map(accounts.map((a) => [a.householdId, a.balanceTenths]));
  const household = [...demo.households].reverse().find((h) => (balances.get(h.id) ?? 0) >= cheapest.priceTenths);
  if (!household) return;
  const rep: AuditActor = { villageId: demo.villageId, actorId: household.representativeResidentId, actorRole: 'villager', correlationId: 'demo-seed' };
  await uow.run(rep, (work) => placeRedemption(work, now, { villageId: demo.villageId, householdId: household.id, product: cheapest, requestedByResidentId: household.representativeResidentId }));
}
