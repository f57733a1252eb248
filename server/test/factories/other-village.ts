import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface OtherVillage {
  villageId: string;
  residentId: string;
  householdId: string;
}

/**
 * A second, minimal village beside the demo one, for isolation tests. Written with raw SQL on purpose:
 * it is fixture data, not a use case, so it stays outside the audited write path.
 */
export async function createOtherVillage(dataSource: DataSource, code = '140431203299'): Promise<OtherVillage> {
  const townshipId = randomUUID();
  const villageId = randomUUID();
  const groupId = randomUUID();
  const gridId = randomUUID();
  const householdId = randomUUID();
  const residentId = randomUUID();
  await dataSource.query('INSERT INTO township (id, code, name, county) VALUES (?, ?, ?, ?)', [
    townshipId,
    code.slice(0, 9) === '140431203' ? '140431299' : code.slice(0, 9),
    '邻乡',
    '沁源县',
  ]);
  await dataSource.query('INSERT INTO village (id, township_id, code, name) VALUES (?, ?, ?, ?)', [villageId, townshipId, code, '邻村']);
  await dataSource.query('INSERT INTO village_group (id, village_id, name, sort_order) VALUES (?, ?, ?, 1)', [groupId, villageId, '一组']);
  await dataSource.query('INSERT INTO grid (id, village_id, name, sort_order) VALUES (?, ?, ?, 1)', [gridId, villageId, '一网格']);
  await dataSource.query(
    "INSERT INTO household (id, village_id, number, address, grid_id, village_group_id, status, version) VALUES (?, ?, '0001', '一组1号', ?, ?, 'active', 1)",
    [householdId, villageId, gridId, groupId],
  );
  await dataSource.query(
    "INSERT INTO resident (id, village_id, household_id, name, gender, birth_date, relation_to_head, status, version) VALUES (?, ?, ?, '外村人', 'male', '1970-01-01', '户主', 'active', 1)",
    [residentId, villageId, householdId],
  );
  await dataSource.query('UPDATE household SET representative_resident_id = ? WHERE id = ?', [residentId, householdId]);
  return { villageId, residentId, householdId };
}
