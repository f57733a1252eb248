import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { NoticesModule } from '../notices/notices.module';
import { WechatModule } from '../wechat/wechat.module';
import { FILES_CONTROLLERS, FILES_PROVIDERS } from './files';
import { RECORDS_CONTROLLERS, RECORDS_PROVIDERS } from './records';
import { RULE_BOOKS_CONTROLLERS, RULE_BOOKS_PROVIDERS } from './rule-books';
import { SHOP_CONTROLLERS, SHOP_PROVIDERS } from './shop';
import { STANDING_CONTROLLERS, STANDING_PROVIDERS } from './standing';

/**
 * 村民积分制 (issue 9, DOMAIN.md §6): rule books adopted through the 四议两公开 (村规民约), recording
 * and self-reporting, the monthly review, the quarterly 公示 with appeals, the ledger and its lookups,
 * the 红黑榜, and the 积分超市. Nothing is exported: points never decide votes or subsidies
 * (points-isolation.spec.ts).
 */
@Module({
  imports: [NoticesModule, MattersModule, WechatModule],
  controllers: [...RULE_BOOKS_CONTROLLERS, ...FILES_CONTROLLERS, ...RECORDS_CONTROLLERS, ...STANDING_CONTROLLERS, ...SHOP_CONTROLLERS],
  providers: [...RULE_BOOKS_PROVIDERS, ...FILES_PROVIDERS, ...RECORDS_PROVIDERS, ...STANDING_PROVIDERS, ...SHOP_PROVIDERS],
})
export class PointsModule {}
