import type { DataSource } from 'typeorm';
import type { Clock } from '../common/clock';
import type { UnitOfWork } from '../modules/audit/unit-of-work';
import type { DemoVillage } from './demo-village';

/** What each part of the points demo seed works with. */
export interface DemoPointsContext {
  dataSource: DataSource;
  clock: Clock;
  uow: UnitOfWork;
  demo: DemoVillage;
}
