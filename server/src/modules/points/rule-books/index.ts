import type { Provider, Type } from '@nestjs/common';

/** This folder's controllers and providers, spread into PointsModule. */
export const RULE_BOOKS_CONTROLLERS: Type<unknown>[] = [];
export const RULE_BOOKS_PROVIDERS: Provider[] = [];
