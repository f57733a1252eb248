import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { MatterCommandsService } from './matter-commands.service';
import { MatterFileLinks } from './matter-file-links';
import { MatterConfigController, TownshipConveningController } from './matter-config.controller';
import { MatterConfigService } from './matter-config.service';
import { MatterFilesService } from './matter-files.service';
import { MatterWorkflowService } from './matter-workflow.service';
import { MatterFilesController, MatterItemsController, MattersController } from './matters.controller';
import { MattersService } from './matters.service';

/** 议事 (issue 7): matters through the 四议两公开 workflow of shared/, disclosures published as notices. */
@Module({
  imports: [NoticesModule],
  controllers: [MattersController, MatterItemsController, MatterFilesController, MatterConfigController, TownshipConveningController],
  providers: [MatterFileLinks, MattersService, MatterCommandsService, MatterWorkflowService, MatterFilesService, MatterConfigService],
  // Proposals (村民提议) convert into matters inside their own unit of work.
  // MatterConfigService: the township's oversight page counts convening obligations with it.
  exports: [MatterWorkflowService, MatterConfigService],
})
export class MattersModule {}
