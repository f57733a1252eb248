import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TownshipVillageRow } from '@village/shared';
import { DataSource } from 'typeorm';
import { AccountBinding } from '../identity/entities';
import { CouncilChannel, Household, Resident, Village } from '../villages/entities';

/** Read-only figures across a township's villages. */
@Injectable()
export class TownshipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async villageRows(townshipId: string): Promise<TownshipVillageRow[]> {
    const rows = await this.dataSource
      .getRepository(Village)
      .createQueryBuilder('v')
      .leftJoin(CouncilChannel, 'c', 'c.village_id = v.id')
      .select(['v.id AS id', 'v.code AS code', 'v.name AS name', 'c.bound_at AS boundAt'])
      .addSelect((q) => q.select('COUNT(*)').from(Household, 'h').where("h.village_id = v.id AND h.status = 'active'"), 'households')
      .addSelect((q) => q.select('COUNT(*)').from(Resident, 'r').where("r.village_id = v.id AND r.status = 'active'"), 'residents')
      .addSelect(
        (q) =>
          q
            .select('COUNT(*)')
            .from(Household, 'h2')
            .innerJoin(AccountBinding, 'b', 'b.resident_id = h2.representative_resident_id AND b.unbound_at IS NULL')
            .where("h2.village_id = v.id AND h2.status = 'active'"),
        'householdsOnline',
      )
      .where('v.township_id = :townshipId', { townshipId })
      .orderBy('v.code', 'ASC')
      .getRawMany<{ id: string; code: string; name: string; boundAt: unknown; households: unknown; residents: unknown; householdsOnline: unknown }>();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      households: Number(r.households),
      residents: Number(r.residents),
      householdsOnline: Number(r.householdsOnline),
      councilChannelBound: r.boundAt !== null && r.boundAt !== undefined,
    }));
  }

  findVillageInTownship(villageId: string, townshipId: string): Promise<Village | null> {
    return this.dataSource.getRepository(Village).findOneBy({ id: villageId, townshipId });
  }
}
