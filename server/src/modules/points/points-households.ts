import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { maskName } from '../../common/privacy/mask';
import { Grid, Household, Resident } from '../villages/entities';

export interface HouseholdRef {
  id: string;
  number: string;
  /** "3号 张*华家": the 户号 and the representative's masked name (PIPL: names on boards are masked). */
  label: string;
}

export interface PointsHousehold extends HouseholdRef {
  gridId: string;
  representativeResidentId: string | null;
}

/** Households of the village by id, with their labels; ids of other villages are left out. */
export async function pointsHouseholds(manager: EntityManager, villageId: string, ids: readonly string[]): Promise<Map<string, PointsHousehold>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const households = await manager.getRepository(Household).find({ where: { villageId, id: In(wanted) } });
  const repIds = households.map((h) => h.representativeResidentId).filter((id): id is string => Boolean(id));
  const reps = repIds.length === 0 ? [] : await manager.getRepository(Resident).find({ select: { id: true, name: true }, where: { villageId, id: In(repIds) } });
  const names = new Map(reps.map((r) => [r.id, r.name]));
  return new Map(
    households.map((h) => {
      const name = h.representativeResidentId ? names.get(h.representativeResidentId) : undefined;
      return [h.id, { id: h.id, number: h.number, label: name ? `${h.number}号 ${maskName(name)}家` : `${h.number}号`, gridId: h.gridId, representativeResidentId: h.representativeResidentId }];
    }),
  );
}

/** Grid names of the village by id. */
export async function gridNames(manager: EntityManager, villageId: string): Promise<Map<string, string>> {
  const grids = await manager.getRepository(Grid).find({ select: { id: true, name: true }, where: { villageId } });
  return new Map(grids.map((g) => [g.id, g.name]));
}
