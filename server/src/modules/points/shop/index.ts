import type { Provider, Type } from '@nestjs/common';

/** This folder's controllers and providers, spread into PointsModule. */
export const SHOP_CONTROLLERS: Type<unknown>[] = [];
export const SHOP_PROVIDERS: Provider[] = [];
