import type { Provider, Type } from '@nestjs/common';
import { ShopProductsController, ShopRedemptionsController } from './shop.controller';
import { ShopProductsService } from './shop-products.service';
import { ShopRedemptionsService } from './shop-redemptions.service';

export { redeemerOf } from './shop-redemptions.service';
export { insertProduct, placeRedemption } from './shop-steps';

/** This folder's controllers and providers, spread into PointsModule. */
export const SHOP_CONTROLLERS: Type<unknown>[] = [ShopProductsController, ShopRedemptionsController];
export const SHOP_PROVIDERS: Provider[] = [ShopProductsService, ShopRedemptionsService];
