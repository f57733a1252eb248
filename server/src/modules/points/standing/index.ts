import type { Provider, Type } from '@nestjs/common';

/** This folder's controllers and providers, spread into PointsModule. */
export const STANDING_CONTROLLERS: Type<unknown>[] = [];
export const STANDING_PROVIDERS: Provider[] = [];
