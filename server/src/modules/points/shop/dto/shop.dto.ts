import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCT_NAME_MAX, type HandOverInput, type ProductInput, type RedeemInput, type RedemptionStatus } from '@village/shared';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { QueryBoolean, Trim } from '../../../roster/dto/validators';
import { PointsPageQueryDto } from '../../dto/points-page-query.dto';

/** 1000 分: far above anything a village shop sells for points, low enough to catch a typo. */
export const PRODUCT_PRICE_MAX_TENTHS = 10_000;
export const PRODUCT_STOCK_MAX = 100_000;
const REDEMPTION_STATUSES: readonly RedemptionStatus[] = ['ready', 'handed_over', 'cancelled'];

export class ProductDto implements ProductInput {
  @ApiProperty({ example: '立白洗衣粉 1 袋', maxLength: PRODUCT_NAME_MAX })
  @Trim()
  @IsString({ message: '请填写商品名称' })
  @Length(1, PRODUCT_NAME_MAX, { message: `商品名称应为 1–${PRODUCT_NAME_MAX} 个字` })
  name: string;

  @ApiProperty({ nullable: true, description: '先上传的商品照片（POST /api/points/files），没有照片传 null' })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID(undefined, { message: '照片编号不对，请重新上传' })
  photoId: string | null;

  @ApiProperty({ example: 50, description: `兑换一件要的积分，以 0.1 分为单位的整数（5 分填 50），大于 0，最多 ${PRODUCT_PRICE_MAX_TENTHS}` })
  @IsInt({ message: '兑换积分 priceTenths 应是整数（以 0.1 分为单位，5 分填 50）' })
  @Min(1, { message: '兑换积分要大于 0，请填写兑换一件要多少分' })
  @Max(PRODUCT_PRICE_MAX_TENTHS, { message: `兑换积分最多 ${PRODUCT_PRICE_MAX_TENTHS / 10} 分，请检查是否多填了 0` })
  priceTenths: number;

  @ApiProperty({ example: 20, description: `库存件数，0 到 ${PRODUCT_STOCK_MAX} 的整数` })
  @IsInt({ message: '库存 stock 应是整数件数' })
  @Min(0, { message: '库存不能小于 0' })
  @Max(PRODUCT_STOCK_MAX, { message: `库存最多 ${PRODUCT_STOCK_MAX} 件` })
  stock: number;

  @ApiProperty({ description: 'true 上架（村民能看到、能兑换）；false 下架' })
  @IsBoolean({ message: '请选择上架还是下架（active 为 true 或 false）' })
  active: boolean;
}

export class UpdateProductDto extends ProductDto {
  @ApiProperty({ example: 3, description: '读取时的版本号；别人先改过或有人刚兑换过时返回 409，请刷新后再改' })
  @IsInt({ message: '缺少版本号 version（整数），请刷新后再改' })
  @Min(1, { message: '版本号 version 不对，请刷新后再改' })
  version: number;
}

export class ListProductsQueryDto {
  @ApiPropertyOptional({ description: 'true：积分超市管理员和两委看全部商品（含下架的、换完的）；其他人忽略' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'all 只能是 true 或 false' })
  all?: boolean;
}

export class RedeemDto implements RedeemInput {
  @ApiProperty({ description: '要兑换的商品（一次一件）' })
  @IsUUID(undefined, { message: '请选择要兑换的商品' })
  productId: string;
}

export class ListRedemptionsQueryDto extends PointsPageQueryDto {
  @ApiPropertyOptional({ description: 'true：只看我家的兑换单' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'mine 只能是 true 或 false' })
  mine?: boolean;

  @ApiPropertyOptional({ enum: REDEMPTION_STATUSES })
  @IsOptional()
  @IsIn(REDEMPTION_STATUSES, { message: '没有这个状态' })
  status?: RedemptionStatus;

  @ApiPropertyOptional({ description: '积分超市：按扫到的二维码内容或手输的兑换码找兑换单（其他人传了也只看自己家的）', example: 'K7MP3QXA' })
  @IsOptional()
  @IsString({ message: '请扫描兑换二维码，或输入 8 位兑换码' })
  @Length(1, 100, { message: '请扫描兑换二维码，或输入 8 位兑换码' })
  code?: string;
}

export class HandOverDto implements HandOverInput {
  @ApiProperty({ example: 'village-points:K7MP3QXA', description: '扫到的二维码内容，或手输的 8 位兑换码（大小写、空格都可以）' })
  @IsString({ message: '请扫描兑换二维码，或输入 8 位兑换码' })
  @Length(1, 100, { message: '请扫描兑换二维码，或输入 8 位兑换码' })
  code: string;
}
