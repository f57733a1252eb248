import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaDay, isAdult, redeemerVerdict, type RedeemerVerdict, type RedemptionPage, type RedemptionView } from '@village/shared';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { auditActor, type VillageActor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { UnitOfWork } from '../../audit/unit-of-work';
import { Resident } from '../../villages/entities';
import { PointsProduct, PointsRedemption } from '../entities';
import { pointsHouseholds } from '../points-households';
import { pointsSettings } from '../points-settings';
import { PointsErrorCode, PointsException } from '../points.exception';
import { POINTS_PAGE_SIZE_DEFAULT } from '../dto/points-page-query.dto';
import { residentNames } from '../records/record-views';
import { parseHandOverCode } from './domain/hand-over-code';
import { cancelVerdict, handOverVerdict, type RedemptionState } from './domain/redemption-state';
import type { HandOverDto, ListRedemptionsQueryDto, RedeemDto } from './dto/shop.dto';
import { cancelRedemption, handOverRedemption, placeRedemption } from './shop-steps';
import { readsAllOrders, runsShop } from './shop-roles';
import { redemptionViews } from './shop-views';

const UNKNOWN_CODE = '没有找到这张兑换单，请核对 8 位兑换码后再输，或请村民在“我的兑换”里重新打开二维码';

/**
 * 积分超市 orders: a household redeems one piece at a time against its balance, the shopkeeper hands
 * it over by the order's code, and a ready order can be cancelled with a refund. Each is one unit of
 * work: stock, order, ledger entry and audit events commit together or not at all.
 */
@Injectable()
export class ShopRedemptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  redeem(actor: VillageActor, dto: RedeemDto): Promise<RedemptionView> {
    return this.uow.run(auditActor(actor, 'villager'), async (work) => {
      const now = this.clock.now();
      const me = await member(work.manager, actor);
      if (!me) throw PointsException.forbidden('您的户籍不在本村的在册人口里，不能兑换；请到村委会核对');
      const verdict = await redeemerOf(work.manager, actor.villageId, me, now);
      if (!verdict.ok) throw PointsException.forbidden(verdict.reason);
      const product = await work.manager.getRepository(PointsProduct).findOneBy({ id: dto.productId, villageId: actor.villageId });
      if (!product) throw PointsException.notFound('商品');
      if (!product.active) throw PointsException.refused('这件商品已经下架了，请换一件别的');
      const row = await placeRedemption(work, now, { villageId: actor.villageId, householdId: me.householdId, product, requestedByResidentId: me.id });
      return this.view(work.manager, actor, row, me);
    });
  }

  /**
   * Villagers see their own household's orders (whatever they ask for); the staff and the 监委会 every
   * household's, or their own with mine=true.
   */
  list(actor: VillageActor, query: ListRedemptionsQueryDto): Promise<RedemptionPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? POINTS_PAGE_SIZE_DEFAULT;
    return this.uow.exclusive(async () => {
      const manager = this.dataSource.manager;
      const me = await member(manager, actor);
      const where: FindOptionsWhere<PointsRedemption> = { villageId: actor.villageId, ...(query.status ? { status: query.status } : {}) };
      if (query.mine || !readsAllOrders(actor.roles)) {
        if (!me) return { items: [], total: 0, page, pageSize };
        where.householdId = me.householdId;
      }
      // The hand-over page looks an order up by what was scanned or typed, however old the order is.
      if (query.code !== undefined) {
        const code = parseHandOverCode(query.code);
        if (!code || !runsShop(actor.roles)) return { items: [], total: 0, page, pageSize };
        where.code = code;
      }
      const [rows, total] = await manager.getRepository(PointsRedemption).findAndCount({
        where,
        order: { requestedAt: 'DESC', id: 'ASC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
      return { items: await redemptionViews(manager, actor.villageId, rows, codeShownTo(actor, me)), total, page, pageSize };
    });
  }

  /** The household's members and the shop's readers; anyone else gets 404. */
  detail(actor: VillageActor, id: string): Promise<RedemptionView> {
    return this.uow.exclusive(async () => {
      const manager = this.dataSource.manager;
      const me = await member(manager, actor);
      const row = await manager.getRepository(PointsRedemption).findOneBy({ id, villageId: actor.villageId });
      if (!row || !(readsAllOrders(actor.roles) || me?.householdId === row.householdId)) throw PointsException.notFound('兑换单');
      return this.view(manager, actor, row, me);
    });
  }

  /** The shopkeeper scans the order's QR (or types its code) and gives the goods. */
  handOver(actor: VillageActor, dto: HandOverDto): Promise<RedemptionView> {
    const code = parseHandOverCode(dto.code);
    if (!code) throw new PointsException(PointsErrorCode.NotFound, UNKNOWN_CODE);
    return this.uow.run(auditActor(actor, 'shopkeeper'), async (work) => {
      const now = this.clock.now();
      const row = await work.manager.getRepository(PointsRedemption).findOneBy({ villageId: actor.villageId, code });
      if (!row) throw new PointsException(PointsErrorCode.NotFound, UNKNOWN_CODE);
      const state = await stateOf(work.manager, row);
      const verdict = handOverVerdict(state, now);
      if (!verdict.ok) {
        throw PointsException.refused(verdict.reason, { redemptionId: row.id, status: row.status, handedOverAt: state.handedOverAt?.toISOString() ?? null, handedOverBy: state.handedOverByName });
      }
      const handed = await handOverRedemption(work, now, row, actor.residentId);
      // The shopkeeper runs the shop, so the view shows the code whoever's household it is.
      return this.view(work.manager, actor, handed, null);
    });
  }

  /**
   * A ready order is cancelled by whoever may redeem for the household, or by the staff: the piece
   * goes back on the shelf and the price back to the household as a refund entry.
   */
  cancel(actor: VillageActor, id: string): Promise<RedemptionView> {
    return this.uow.run(auditActor(actor), async (work) => {
      const now = this.clock.now();
      const me = await member(work.manager, actor);
      const row = await work.manager.getRepository(PointsRedemption).findOneBy({ id, villageId: actor.villageId });
      const ownHousehold = row !== null && me?.householdId === row.householdId;
      if (!row || !(ownHousehold || readsAllOrders(actor.roles))) throw PointsException.notFound('兑换单');
      const cancellable = cancelVerdict(await stateOf(work.manager, row), now);
      if (!cancellable.ok) throw PointsException.refused(cancellable.reason);
      if (!runsShop(actor.roles)) {
        if (!ownHousehold || !me) throw PointsException.refused('监委会成员只能查看兑换单；要取消请找积分超市或村“两委”');
        // A refusal here is about who, but only for this household's own orders: 409, not 403.
        const verdict = await redeemerOf(work.manager, actor.villageId, me, now);
        if (!verdict.ok) throw PointsException.refused(verdict.reason);
      }
      const cancelled = await cancelRedemption(work, now, row, actor.residentId);
      return this.view(work.manager, actor, cancelled, me);
    });
  }

  private async view(manager: EntityManager, actor: VillageActor, row: PointsRedemption, me: Resident | null): Promise<RedemptionView> {
    const [view] = await redemptionViews(manager, actor.villageId, [row], codeShownTo(actor, me));
    return view;
  }
}

/** The acting resident, while they live in the village (moved-out members no longer spend its points). */
function member(manager: EntityManager, actor: VillageActor): Promise<Resident | null> {
  return manager.getRepository(Resident).findOneBy({ id: actor.residentId, villageId: actor.villageId, status: 'active' });
}

/** Whether `me` may spend their household's points, and if not, who can. */
export async function redeemerOf(manager: EntityManager, villageId: string, me: Resident, now: Date): Promise<RedeemerVerdict> {
  const settings = await pointsSettings(manager, villageId);
  const repId = (await pointsHouseholds(manager, villageId, [me.householdId])).get(me.householdId)?.representativeResidentId ?? null;
  const names = await residentNames(manager, villageId, [repId]);
  return redeemerVerdict(settings.redeemers, {
    representative: repId === me.id,
    adult: isAdult(me.birthDate, new Date(`${chinaDay(now)}T12:00:00+08:00`)),
    representativeName: repId ? names.ref(repId).name || null : null,
  });
}

/** Only the household and the shop's staff ever see a code (whoever holds it collects the goods). */
function codeShownTo(actor: VillageActor, me: Resident | null): (row: PointsRedemption) => boolean {
  const staff = runsShop(actor.roles);
  return (row) => staff || me?.householdId === row.householdId;
}

async function stateOf(manager: EntityManager, row: PointsRedemption): Promise<RedemptionState> {
  const names = await residentNames(manager, row.villageId, [row.handedOverByResidentId]);
  return {
    status: row.status,
    handedOverAt: row.handedOverAt ? new Date(row.handedOverAt) : null,
    handedOverByName: row.handedOverByResidentId ? names.ref(row.handedOverByResidentId).name || null : null,
    cancelledAt: row.cancelledAt ? new Date(row.cancelledAt) : null,
  };
}
