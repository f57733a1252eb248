import { Module } from '@nestjs/common';
import { VillagesModule } from '../villages/villages.module';
import { TownshipController } from './township.controller';
import { TownshipRepository } from './township.repository';

@Module({
  imports: [VillagesModule],
  controllers: [TownshipController],
  providers: [TownshipRepository],
})
export class TownshipModule {}
