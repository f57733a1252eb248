import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProductView } from '@village/shared';
import { DataSource, MoreThan, type FindOptionsWhere } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork, type Work } from '../../audit/unit-of-work';
import { PointsProduct } from '../entities';
import { PointsPhotos } from '../files';
import { PointsException } from '../points.exception';
import type { ListProductsQueryDto, ProductDto, UpdateProductDto } from './dto/shop.dto';
import { insertProduct, productSnapshot } from './shop-steps';
import { runsShop } from './shop-roles';
import { productViews } from './shop-views';

const ORDER = { priceTenths: 'ASC', name: 'ASC', id: 'ASC' } as const;

/** The 积分超市's shelf: villagers see what they can redeem now; the shopkeeper and 两委 keep it. */
@Injectable()
export class ShopProductsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly photos: PointsPhotos,
  ) {}

  list(actor: VillageActor, query: ListProductsQueryDto): Promise<ProductView[]> {
    const everything = query.all === true && runsShop(actor.roles);
    const where: FindOptionsWhere<PointsProduct> = everything ? { villageId: actor.villageId } : { villageId: actor.villageId, active: true, stock: MoreThan(0) };
    return this.uow.exclusive(async () => {
      const rows = await this.dataSource.getRepository(PointsProduct).find({ where, order: ORDER });
      return productViews(this.dataSource.manager, rows, this.photos);
    });
  }

  create(actor: VillageActor, dto: ProductDto): Promise<ProductView> {
    return this.uow.run(this.auditActor(actor), async (work) => {
      const row = await insertProduct(work, this.clock.now(), {
        villageId: actor.villageId,
        name: dto.name,
        photoId: dto.photoId ?? null,
        priceTenths: dto.priceTenths,
        stock: dto.stock,
        active: dto.active,
      });
      await this.attachPhoto(work, actor, row.id, row.photoId);
      return this.view(work, row.id);
    });
  }

  /**
   * Name, photo, price, stock and shelf state at once, against the version the form loaded: a
   * redemption in between also moves the version (the stock changed), so the keeper refreshes
   * rather than overwriting it.
   */
  update(actor: VillageActor, id: string, dto: UpdateProductDto): Promise<ProductView> {
    return this.uow.run(this.auditActor(actor), async (work) => {
      const before = await work.manager.getRepository(PointsProduct).findOneBy({ id, villageId: actor.villageId });
      if (!before) throw PointsException.notFound('商品');
      if (before.version !== dto.version) throw PointsException.versionConflict('这件商品');
      const after: PointsProduct = { ...before, name: dto.name, photoId: dto.photoId ?? null, priceTenths: dto.priceTenths, stock: dto.stock, active: dto.active, updatedAt: this.clock.now(), version: before.version + 1 };
      const changed = await work.manager.update(
        PointsProduct,
        { id, version: before.version },
        { name: after.name, photoId: after.photoId, priceTenths: after.priceTenths, stock: after.stock, active: after.active, updatedAt: after.updatedAt, version: after.version },
      );
      if (!changed.affected) throw PointsException.versionConflict('这件商品');
      if (after.photoId !== before.photoId) await this.attachPhoto(work, actor, id, after.photoId);
      await work.record({ action: 'points.product.updated', entityType: 'points_product', entityId: id, before: productSnapshot(before), after: productSnapshot(after) });
      return this.view(work, id);
    });
  }

  /** Product photos are taken by whoever stocks the shelf, not necessarily the one saving the product. */
  private async attachPhoto(work: Work, actor: VillageActor, productId: string, photoId: string | null): Promise<void> {
    if (photoId) await this.photos.attach(work, actor, productId, [photoId], { anyUploader: true });
  }

  private async view(work: Work, id: string): Promise<ProductView> {
    const row = await work.manager.getRepository(PointsProduct).findOneByOrFail({ id });
    const [view] = await productViews(work.manager, [row], this.photos);
    return view;
  }

  private auditActor(actor: VillageActor) {
    return auditActor(actor, actor.roles.includes('shopkeeper') ? 'shopkeeper' : undefined);
  }
}
