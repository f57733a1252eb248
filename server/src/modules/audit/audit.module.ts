import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { AuditCheckpointScheduler, AuditCheckpointService } from './audit-checkpoint.service';
import { AuditController } from './audit.controller';
import { AuditEventsService } from './audit-events.service';
import { AuditProofService } from './audit-proof.service';
import { AuditRepository } from './audit.repository';
import { AuditSigningKey } from './audit-signing-key';
import { AuditVerificationService, type ConsistentRead } from './audit-verification.service';
import { UnitOfWork } from './unit-of-work';

/** On SQLite, reads that must see only committed rows run between units of work. */
const consistentReadOf =
  (uow: UnitOfWork): ConsistentRead =>
  (read) =>
    uow.exclusive(read);

@Global()
@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: UnitOfWork,
      inject: [getDataSourceToken(), Clock],
      useFactory: (dataSource: DataSource, clock: Clock): UnitOfWork => new UnitOfWork(dataSource, clock),
    },
    AuditRepository,
    {
      provide: AuditSigningKey,
      inject: [AppConfig],
      useFactory: (config: AppConfig): AuditSigningKey => AuditSigningKey.fromConfig(config),
    },
    {
      provide: AuditVerificationService,
      inject: [AuditRepository, AuditSigningKey, UnitOfWork, Clock],
      useFactory: (repo: AuditRepository, key: AuditSigningKey, uow: UnitOfWork, clock: Clock): AuditVerificationService =>
        new AuditVerificationService(repo, key, consistentReadOf(uow), clock),
    },
    {
      provide: AuditProofService,
      inject: [AuditRepository, UnitOfWork],
      useFactory: (repo: AuditRepository, uow: UnitOfWork): AuditProofService => new AuditProofService(repo, consistentReadOf(uow)),
    },
    {
      provide: AuditEventsService,
      inject: [AuditRepository, UnitOfWork],
      useFactory: (repo: AuditRepository, uow: UnitOfWork): AuditEventsService => new AuditEventsService(repo, consistentReadOf(uow)),
    },
    AuditCheckpointService,
    AuditCheckpointScheduler,
  ],
  exports: [UnitOfWork, AuditCheckpointService, AuditVerificationService],
})
export class AuditModule {}
