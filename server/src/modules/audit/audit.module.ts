import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { UnitOfWork } from './unit-of-work';

@Global()
@Module({
  providers: [
    {
      provide: UnitOfWork,
      inject: [getDataSourceToken(), Clock],
      useFactory: (dataSource: DataSource, clock: Clock): UnitOfWork => new UnitOfWork(dataSource, clock),
    },
  ],
  exports: [UnitOfWork],
})
export class AuditModule {}
