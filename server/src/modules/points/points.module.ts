import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { NoticesModule } from '../notices/notices.module';

/**
 * 村民积分制 (issue 9, DOMAIN.md §6): rule books adopted through the 四议两公开 (村规民约), recording
 * and self-reporting, the monthly review, the quarterly 公示 with appeals, the ledger and its lookups,
 * the 红黑榜, and the 积分超市. Nothing outside exports from here: points never decide votes or
 * subsidies (test/unit/points-isolation.spec.ts).
 */
@Module({
  imports: [NoticesModule, MattersModule],
  controllers: [],
  providers: [],
})
export class PointsModule {}
