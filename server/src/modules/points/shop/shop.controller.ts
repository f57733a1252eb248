import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { REDEMPTION_QR_PREFIX, type ProductView, type RedemptionPage, type RedemptionView } from '@village/shared';
import { Roles } from '../../../common/auth/access.decorator';
import { CurrentVillageActor, type VillageActor } from '../../../common/auth/actor';
import { ApiErrorDto } from '../../../common/errors/api-error.dto';
import { IdParam } from '../../../common/http/id-param.pipe';
import { HandOverDto, ListProductsQueryDto, ListRedemptionsQueryDto, ProductDto, RedeemDto, UpdateProductDto } from './dto/shop.dto';
import { SHOP_STAFF_ROLES } from './shop-roles';
import { ShopProductsService } from './shop-products.service';
import { ShopRedemptionsService } from './shop-redemptions.service';

const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: '8–128 位字母、数字、-、_；重试时沿用' };

@ApiTags('points 村民积分')
@ApiBearerAuth()
@Controller('points/products')
export class ShopProductsController {
  constructor(private readonly products: ShopProductsService) {}

  @Get()
  @Roles('villager')
  @ApiOperation({
    summary: '积分超市的商品',
    description: '上架且还有库存的商品，按兑换积分从少到多。积分超市管理员和村“两委”加 all=true 看全部（含下架的、已换完的），其他人的 all 不起作用。',
  })
  @ApiOkResponse({ description: 'ProductView[]' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ListProductsQueryDto): Promise<ProductView[]> {
    return this.products.list(actor, query);
  }

  @Post()
  @Roles(...SHOP_STAFF_ROLES)
  @ApiOperation({ summary: '添加商品（积分超市、两委）', description: '名称、照片（先 POST /api/points/files）、兑换积分（0.1 分为单位的整数，大于 0）、库存、是否上架。记入审计。' })
  @ApiCreatedResponse({ description: 'ProductView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '名称、兑换积分或库存不对' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这张照片' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：照片已用在别处，或没有通过微信内容检查' })
  create(@CurrentVillageActor() actor: VillageActor, @Body() body: ProductDto): Promise<ProductView> {
    return this.products.create(actor, body);
  }

  @Put(':productId')
  @Roles(...SHOP_STAFF_ROLES)
  @ApiOperation({
    summary: '修改商品（积分超市、两委）',
    description: '整件修改：名称、照片、兑换积分、库存（改成现在实际的件数）、上架或下架。带读取时的 version；别人改过或有人刚兑换过（库存变了）返回 409，请刷新后再改。已兑换的单子按兑换时的价格，不受影响。记入审计。',
  })
  @ApiOkResponse({ description: 'ProductView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '名称、兑换积分、库存或版本号不对' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这件商品或这张照片' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_VERSION_CONFLICT：别人先改过；或 POINTS_REFUSED：照片不能用' })
  update(@CurrentVillageActor() actor: VillageActor, @Param('productId', IdParam) id: string, @Body() body: UpdateProductDto): Promise<ProductView> {
    return this.products.update(actor, id, body);
  }
}

@ApiTags('points 村民积分')
@ApiBearerAuth()
@Controller('points/redemptions')
export class ShopRedemptionsController {
  constructor(private readonly redemptions: ShopRedemptionsService) {}

  @Post()
  @Roles('villager')
  @ApiOperation({
    summary: '兑换一件商品',
    description:
      '用全家的积分兑换一件：默认只有户代表能兑换，村里设置为“家里的成年人”时 18 周岁以上的家庭成员都能兑换。' +
      '库存减一、记一笔兑换扣分、生成 8 位兑换码，在同一事务里完成：积分不够或已换完时什么都不写。' +
      `二维码内容是 ${REDEMPTION_QR_PREFIX} 加兑换码。请带 Idempotency-Key 并在重试时沿用：弱网重试只兑换一次、只扣一次分。记入审计（不含兑换码）。`,
  })
  @ApiHeader(IDEMPOTENCY)
  @ApiCreatedResponse({ description: 'RedemptionView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有选商品' })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'POINTS_FORBIDDEN：不是户代表（或未满 18 周岁），说明该找谁' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这件商品' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_INSUFFICIENT_BALANCE：积分不够；POINTS_OUT_OF_STOCK：已经换完了；POINTS_REFUSED：已下架' })
  redeem(@CurrentVillageActor() actor: VillageActor, @Body() body: RedeemDto): Promise<RedemptionView> {
    return this.redemptions.redeem(actor, body);
  }

  @Get()
  @Roles('villager')
  @ApiOperation({
    summary: '兑换单列表',
    description:
      '村民看自己家的；积分超市管理员、村“两委”、监委会看全村的（mine=true 只看自己家的）。status 筛选（ready 待领取），新的在前，pageSize 最多 50。' +
      '兑换码只给这户和积分超市、两委看；监委会看到的 code 为空。',
  })
  @ApiOkResponse({ description: 'RedemptionPage' })
  list(@CurrentVillageActor() actor: VillageActor, @Query() query: ListRedemptionsQueryDto): Promise<RedemptionPage> {
    return this.redemptions.list(actor, query);
  }

  @Post('hand-over')
  @Roles('shopkeeper')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '扫码交付（积分超市）',
    description: `扫村民出示的二维码（${REDEMPTION_QR_PREFIX}兑换码），或手输 8 位兑换码：待领取的改为已领取。已经交付过的返回 409，说明何时由谁交付；已取消的 409；没有这个码 404。记入审计。`,
  })
  @ApiHeader(IDEMPOTENCY)
  @ApiOkResponse({ description: 'RedemptionView' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: '没有扫码或输入兑换码' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这个兑换码' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：已经交付过（何时、由谁），或已经取消' })
  handOver(@CurrentVillageActor() actor: VillageActor, @Body() body: HandOverDto): Promise<RedemptionView> {
    return this.redemptions.handOver(actor, body);
  }

  @Get(':redemptionId')
  @Roles('villager')
  @ApiOperation({ summary: '兑换单详情', description: '这户的家庭成员、积分超市管理员、村“两委”、监委会能看；其他人 404。兑换码只给这户和积分超市、两委看。' })
  @ApiOkResponse({ description: 'RedemptionView' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这张兑换单，或不是您家的' })
  detail(@CurrentVillageActor() actor: VillageActor, @Param('redemptionId', IdParam) id: string): Promise<RedemptionView> {
    return this.redemptions.detail(actor, id);
  }

  @Post(':redemptionId/cancel')
  @Roles('villager')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '取消兑换',
    description: '待领取的兑换单，由能为这户兑换的家庭成员，或积分超市管理员、村“两委”取消：库存加一，积分以“兑换取消退回”记回这户，在同一事务里完成。记入审计。',
  })
  @ApiHeader(IDEMPOTENCY)
  @ApiOkResponse({ description: 'RedemptionView' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: '本村没有这张兑换单，或不是您家的' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'POINTS_REFUSED：已经领走或已经取消；或不是能为这户兑换的人（说明该找谁）' })
  cancel(@CurrentVillageActor() actor: VillageActor, @Param('redemptionId', IdParam) id: string): Promise<RedemptionView> {
    return this.redemptions.cancel(actor, id);
  }
}
