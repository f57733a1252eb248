import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CouncilChannel, Grid, Household, Resident, RoleAssignment, Village, VillageGroup } from './entities';

export interface NamedCount {
  id: string;
  name: string;
  households: number;
}

export interface GridCount extends NamedCount {
  leaderName: string | null;
}

export interface ResidentCounts {
  residents: number;
  adults: number;
  partyMembers: number;
  villagerReps: number;
}

/** Read queries for the village summary. Only active households and residents count. */
@Injectable()
export class VillagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByCode(code: string): Promise<Village | null> {
    return this.dataSource.getRepository(Village).findOne({ where: { code }, relations: { township: true } });
  }

  findCouncilChannel(villageId: string): Promise<CouncilChannel | null> {
    return this.dataSource.getRepository(CouncilChannel).findOneBy({ villageId });
  }

  countActiveHouseholds(villageId: string): Promise<number> {
    return this.dataSource.getRepository(Household).countBy({ villageId, status: 'active' });
  }

  /** `adultBornOnOrBefore` is a YYYY-MM-DD cut-off, compared as a date on both databases. */
  async countResidents(villageId: string, adultBornOnOrBefore: string): Promise<ResidentCounts> {
    const row = await this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('r')
      .select('COUNT(*)', 'residents')
      .addSelect('SUM(CASE WHEN r.birth_date <= :cutoff THEN 1 ELSE 0 END)', 'adults')
      .addSelect('SUM(CASE WHEN r.is_party_member = :yes THEN 1 ELSE 0 END)', 'partyMembers')
      .addSelect('SUM(CASE WHEN r.is_villager_rep = :yes THEN 1 ELSE 0 END)', 'villagerReps')
      .where('r.village_id = :villageId AND r.status = :active', { villageId, active: 'active' })
      .setParameters({ cutoff: adultBornOnOrBefore, yes: true })
      .getRawOne<Record<keyof ResidentCounts, string | number | null>>();
    return {
      residents: Number(row?.residents ?? 0),
      adults: Number(row?.adults ?? 0),
      partyMembers: Number(row?.partyMembers ?? 0),
      villagerReps: Number(row?.villagerReps ?? 0),
    };
  }

  countCurrentHolders(villageId: string, role: RoleAssignment['role']): Promise<number> {
    return this.dataSource
      .getRepository(RoleAssignment)
      .createQueryBuilder('a')
      .where('a.village_id = :villageId AND a.role = :role AND a.ended_on IS NULL', { villageId, role })
      .getCount();
  }

  async gridsWithCounts(villageId: string): Promise<GridCount[]> {
    const rows = await this.dataSource
      .getRepository(Grid)
      .createQueryBuilder('g')
      .leftJoin(Resident, 'leader', 'leader.id = g.leader_resident_id')
      .leftJoin(Household, 'h', 'h.grid_id = g.id AND h.status = :active', { active: 'active' })
      .select(['g.id AS id', 'g.name AS name', 'leader.name AS leaderName', 'COUNT(h.id) AS households'])
      .where('g.village_id = :villageId', { villageId })
      .groupBy('g.id')
      .addGroupBy('g.name')
      .addGroupBy('g.sort_order')
      .addGroupBy('leader.name')
      .orderBy('g.sort_order', 'ASC')
      .getRawMany<{ id: string; name: string; leaderName: string | null; households: string | number }>();
    return rows.map((r) => ({ id: r.id, name: r.name, leaderName: r.leaderName ?? null, households: Number(r.households) }));
  }

  async villageGroupsWithCounts(villageId: string): Promise<NamedCount[]> {
    const rows = await this.dataSource
      .getRepository(VillageGroup)
      .createQueryBuilder('vg')
      .leftJoin(Household, 'h', 'h.village_group_id = vg.id AND h.status = :active', { active: 'active' })
      .select(['vg.id AS id', 'vg.name AS name', 'COUNT(h.id) AS households'])
      .where('vg.village_id = :villageId', { villageId })
      .groupBy('vg.id')
      .addGroupBy('vg.name')
      .addGroupBy('vg.sort_order')
      .orderBy('vg.sort_order', 'ASC')
      .getRawMany<{ id: string; name: string; households: string | number }>();
    return rows.map((r) => ({ id: r.id, name: r.name, households: Number(r.households) }));
  }
}
