import { Module } from '@nestjs/common';
import { CompositionController } from './composition.controller';
import { CompositionService } from './composition.service';
import { CorrectionRequestsController, MyCorrectionRequestsController } from './correction-requests.controller';
import { CorrectionRequestsService } from './correction-requests.service';
import { GridsController } from './grids.controller';
import { GridsService } from './grids.service';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';
import { ResidentSecrets } from './resident-secrets';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';
import { RosterAccess } from './roster-access';
import { RosterExportService } from './roster-export.service';
import { RosterFilesController } from './roster-files.controller';
import { RosterImportService } from './roster-import.service';
import { RosterQuery } from './roster.query';
import { RosterViews } from './roster.views';

/** 户籍 / 花名册: the committee's roster management (issue 3). */
@Module({
  controllers: [
    HouseholdsController,
    ResidentsController,
    RosterFilesController,
    CompositionController,
    GridsController,
    CorrectionRequestsController,
    MyCorrectionRequestsController,
  ],
  providers: [
    CompositionService,
    CorrectionRequestsService,
    GridsService,
    HouseholdsService,
    ResidentsService,
    ResidentSecrets,
    RosterAccess,
    RosterExportService,
    RosterImportService,
    RosterQuery,
    RosterViews,
  ],
})
export class RosterModule {}
