import { Module } from '@nestjs/common';
import { VillagesController } from './villages.controller';
import { VillagesRepository } from './villages.repository';
import { VillagesService } from './villages.service';

@Module({
  controllers: [VillagesController],
  providers: [VillagesService, VillagesRepository],
  exports: [VillagesService],
})
export class VillagesModule {}
