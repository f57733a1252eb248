import { Injectable } from '@nestjs/common';
import type { VillageActor } from '../../common/auth/actor';
import { RosterQuery } from './roster.query';
import { seesWholeVillage, type RosterScope } from './roster-scope';

/** Which part of the roster the caller may read: the committee and supervisors all of it, 网格员 their grids. */
@Injectable()
export class RosterAccess {
  constructor(private readonly query: RosterQuery) {}

  async scope(actor: VillageActor): Promise<RosterScope> {
    if (seesWholeVillage(actor)) return { villageId: actor.villageId, gridIds: null };
    const grids = await this.query.store().gridsLedBy(actor.villageId, actor.residentId);
    return { villageId: actor.villageId, gridIds: grids.map((g) => g.id) };
  }
}
