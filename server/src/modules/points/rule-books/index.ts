import type { Provider, Type } from '@nestjs/common';
import { PointsSettingsService } from './points-settings.service';
import { PointsSettingsController, RuleBooksController } from './rule-books.controller';
import { RuleBooksService } from './rule-books.service';

export { effectiveRuleBook, type EffectiveRuleBook } from './effective-rule-book';
export { RULE_BOOK_MATTER_TYPE } from './rule-books.service';

/** This folder's controllers and providers, spread into PointsModule. */
export const RULE_BOOKS_CONTROLLERS: Type<unknown>[] = [RuleBooksController, PointsSettingsController];
export const RULE_BOOKS_PROVIDERS: Provider[] = [RuleBooksService, PointsSettingsService];
