import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { NoticesModule } from '../notices/notices.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { VillagesModule } from '../villages/villages.module';
import { TownshipController } from './township.controller';
import { TownshipOversightService } from './township-oversight.service';
import { TownshipRepository } from './township.repository';

/**
 * 乡镇干部's read-only views. The oversight page takes its figures from the modules that own the rules:
 * notice cadence (NoticesModule), convening obligations (MattersModule), overdue proposal replies
 * (ProposalsModule's ProposalOversight).
 */
@Module({
  imports: [VillagesModule, NoticesModule, MattersModule, ProposalsModule],
  controllers: [TownshipController],
  providers: [TownshipRepository, TownshipOversightService],
})
export class TownshipModule {}
