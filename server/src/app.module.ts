import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { CoreModule } from './common/core.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { AuditModule } from './modules/audit/audit.module';
import { IdentityModule } from './modules/identity/identity.module';
import { NoticesModule } from './modules/notices/notices.module';
import { RosterModule } from './modules/roster/roster.module';
import { TownshipModule } from './modules/township/township.module';
import { WechatEndpoint, WechatModule } from './modules/wechat/wechat.module';
import { RequestWithId } from './common/http/correlation-id';
import { AppConfig } from './config/app-config';
import { databaseOptions } from './config/database-options';
import { HealthModule } from './modules/health/health.module';
import { VillagesModule } from './modules/villages/villages.module';
import { VotingModule } from './modules/voting/voting.module';
import { MattersModule } from './modules/matters/matters.module';
import { PointsModule } from './modules/points/points.module';
import { ProposalsModule } from './modules/proposals/proposals.module';
import { DemoSeeder } from './seed/demo-seeder';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, wechat: WechatEndpoint): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, wechat),
        CryptoModule,
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Set by the correlationId middleware, which runs first.
            genReqId: (req) => (req as RequestWithId).id ?? 'unknown',
            customAttributeKeys: { reqId: 'correlationId' },
            // idempotency-key: it also unlocks a sealed replay (a secret ballot's receipt), so it stays out of logs.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]', 'res.headers["set-cookie"]'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRoot({ ...databaseOptions(config.DATABASE_URL), migrationsRun: config.MIGRATIONS_RUN }),
        AuditModule,
        WechatModule,
        HealthModule,
        VillagesModule,
        IdentityModule,
        RosterModule,
        TownshipModule,
        NoticesModule,
        VotingModule,
        MattersModule,
        ProposalsModule,
        PointsModule,
      ],
      providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }, ...(config.DEMO_SEED ? [DemoSeeder] : [])],
    };
  }
}
