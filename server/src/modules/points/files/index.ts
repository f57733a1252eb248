import type { Provider, Type } from '@nestjs/common';

/** This folder's controllers and providers, spread into PointsModule. */
export const FILES_CONTROLLERS: Type<unknown>[] = [];
export const FILES_PROVIDERS: Provider[] = [];
