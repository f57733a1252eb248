import type { Provider, Type } from '@nestjs/common';

/** This folder's controllers and providers, spread into PointsModule. */
export const RECORDS_CONTROLLERS: Type<unknown>[] = [];
export const RECORDS_PROVIDERS: Provider[] = [];
