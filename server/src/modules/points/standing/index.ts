import type { Provider, Type } from '@nestjs/common';
import { BoardsController } from './boards.controller';
import { BoardsService } from './boards.service';
import { StandingController } from './standing.controller';
import { StandingService } from './standing.service';

export { BoardsService } from './boards.service';

/** This folder's controllers and providers, spread into PointsModule. */
export const STANDING_CONTROLLERS: Type<unknown>[] = [StandingController, BoardsController];
export const STANDING_PROVIDERS: Provider[] = [StandingService, BoardsService];
