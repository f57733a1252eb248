import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addHouseholds, type AddedHousehold } from './households';

export interface TownshipVillage {
  villageId: string;
  households: AddedHousehold[];
}

/** A datetime as both databases take it in raw SQL (UTC, as the app stores it). */
export const sqlTime = (date: Date): string => date.toISOString().slice(0, 19).replace('T', ' ');

/**
 * Another village in an existing township, with `households` households of one adult each. Raw SQL
 * like other-village.ts: fixture data, not a use case.
 */
export async function createVillageInTownship(dataSource: DataSource, townshipId: string, code: string, name: string, households: number): Promise<TownshipVillage> {
  const villageId = randomUUID();
  await dataSource.query('INSERT INTO village (id, township_id, code, name) VALUES (?, ?, ?, ?)', [villageId, townshipId, code, name]);
  await dataSource.query('INSERT INTO village_group (id, village_id, name, sort_order) VALUES (?, ?, ?, 1)', [randomUUID(), villageId, '一组']);
  await dataSource.query('INSERT INTO grid (id, village_id, name, sort_order) VALUES (?, ?, ?, 1)', [randomUUID(), villageId, '一网格']);
  return { villageId, households: await addHouseholds(dataSource, villageId, households, code.slice(-3)) };
}
