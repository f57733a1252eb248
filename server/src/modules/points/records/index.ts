import type { Provider, Type } from '@nestjs/common';
import { PointsAppealsService } from './points-appeals.service';
import { PointsPublicationsService } from './points-publications.service';
import { PointsAppealsController, PointsPublicationsController, PointsRecordsController } from './points-records.controller';
import { PointsRecordsService } from './points-records.service';

export { recordViews, type EvidencePhotoViews, type RecordViewer } from './record-views';

/** This folder's controllers and providers, spread into PointsModule. */
export const RECORDS_CONTROLLERS: Type<unknown>[] = [PointsRecordsController, PointsAppealsController, PointsPublicationsController];
export const RECORDS_PROVIDERS: Provider[] = [PointsRecordsService, PointsPublicationsService, PointsAppealsService];
