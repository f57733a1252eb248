import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../modules/audit/unit-of-work';
import { Village } from '../modules/villages/entities';
import { PointsRuleBook } from '../modules/points/entities';
import { seedDemoPointsBoard } from './demo-points-board';
import { seedDemoPointsRecords } from './demo-points-records';
import { seedDemoPointsRules } from './demo-points-rules';
import { seedDemoPointsShop } from './demo-points-shop';
import { buildDemoVillage, DEMO } from './demo-village';

export type DemoPointsOutcome = 'created' | 'already-present' | 'no-demo-village';

/**
 * The demo village's 村民积分制, in the order it happens: the rule book adopted through its 村规民约
 * matter, last quarter's records reviewed and published, this quarter's still waiting, the 红黑榜, and
 * the 积分超市 stocked.
 */
export async function seedDemoPoints(dataSource: DataSource, clock: Clock = new Clock(), unitOfWork: UnitOfWork | null = null): Promise<DemoPointsOutcome> {
  const demo = buildDemoVillage();
  const village = await dataSource.getRepository(Village).findOneBy({ code: DEMO.village.code });
  if (!village || village.id !== demo.villageId) return 'no-demo-village';
  if (await dataSource.getRepository(PointsRuleBook).existsBy({ villageId: demo.villageId })) return 'already-present';
  const uow = unitOfWork ?? new UnitOfWork(dataSource, clock);
  const context = { dataSource, clock, uow, demo };
  await seedDemoPointsRules(context);
  await seedDemoPointsRecords(context);
  await seedDemoPointsBoard(context);
  await seedDemoPointsShop(context);
  return 'created';
}
