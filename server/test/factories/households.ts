import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface AddedHousehold {
  householdId: string;
  residentId: string;
  number: string;
}

/**
 * `count` extra households in a village, each with one adult member who is its 户代表. Raw SQL on
 * purpose, like other-village.ts: fixture data (a bigger village), not a use case.
 */
export async function addHouseholds(dataSource: DataSource, villageId: string, count: number, prefix: string): Promise<AddedHousehold[]> {
  const [grid] = await dataSource.query('SELECT id FROM grid WHERE village_id = ? ORDER BY sort_order LIMIT 1', [villageId]);
  const [group] = await dataSource.query('SELECT id FROM village_group WHERE village_id = ? ORDER BY sort_order LIMIT 1', [villageId]);
  const added: AddedHousehold[] = [];
  for (let i = 0; i < count; i += 1) {
    const householdId = randomUUID();
    const residentId = randomUUID();
    const number = `${prefix}${String(i + 1).padStart(4, '0')}`;
    await dataSource.query(
      "INSERT INTO household (id, village_id, number, address, grid_id, village_group_id, status, version) VALUES (?, ?, ?, ?, ?, ?, 'active', 1)",
      [householdId, villageId, number, `测试组${i + 1}号`, grid.id, group.id],
    );
    await dataSource.query(
      "INSERT INTO resident (id, village_id, household_id, name, gender, birth_date, relation_to_head, status, version) VALUES (?, ?, ?, ?, 'male', '1970-05-05', '户主', 'active', 1)",
      [residentId, villageId, householdId, `测试户主${prefix}${i + 1}`],
    );
    await dataSource.query('UPDATE household SET representative_resident_id = ? WHERE id = ?', [residentId, householdId]);
    added.push({ householdId, residentId, number });
  }
  return added;
}
