import { Module } from '@nestjs/common';
import { MattersModule } from '../matters/matters.module';
import { NoticesModule } from '../notices/notices.module';
import { ProposalFileLinks } from './proposal-file-links';
import { ProposalFilesService } from './proposal-files.service';
import { ProposalOversight } from './proposal-oversight';
import { ProposalFilesController, ProposalSettingsController, ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

/**
 * 村民提议 (issue 8): proposals, co-signs and the convening threshold, the six steps of 议事, reply
 * deadlines. Exports ProposalOversight (overdue replies per village, for the township) and
 * ProposalsService (applyMediaCheck, for WeChat's media-check callback).
 */
@Module({
  imports: [NoticesModule, MattersModule],
  controllers: [ProposalsController, ProposalFilesController, ProposalSettingsController],
  providers: [ProposalsService, ProposalFilesService, ProposalFileLinks, ProposalOversight],
  exports: [ProposalOversight, ProposalsService],
})
export class ProposalsModule {}
