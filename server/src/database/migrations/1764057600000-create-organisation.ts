import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey } from 'typeorm';

/*
 * Written with TypeORM's schema builder rather than raw SQL so the same migration runs on SQLite
 * (embedded default) and MySQL/MariaDB (production); the e2e suite runs it up and down on both.
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const createdAt = (): TableColumnOptions => ({ name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' });
const updatedAt = (): TableColumnOptions => ({ name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' });
const version = (): TableColumnOptions => ({ name: 'version', type: 'int' });
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false });
const fk = (column: string, table: string, onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT'): TableForeignKey =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class CreateOrganisation1764057600000 implements MigrationInterface {
  name = 'CreateOrganisation1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'township',
        columns: [id(), { ...text('code', 9), isUnique: true }, text('name', 64), text('county', 64), createdAt()],
      }),
    );
    await q.createTable(
      new Table({
        name: 'village',
        columns: [id(), ref('township_id'), { ...text('code', 12), isUnique: true }, text('name', 64), createdAt()],
        foreignKeys: [fk('township_id', 'township')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'council_channel',
        columns: [
          id(),
          { ...ref('village_id'), isUnique: true },
          text('name', 64),
          { ...text('open_gid', 64, true), isUnique: true },
          { name: 'bound_at', type: 'datetime', isNullable: true },
          createdAt(),
        ],
        foreignKeys: [fk('village_id', 'village')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'village_group',
        columns: [id(), ref('village_id'), text('name', 64), { name: 'sort_order', type: 'int' }],
        foreignKeys: [fk('village_id', 'village')],
        indices: [{ name: 'IDX_village_group_village', columnNames: ['village_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'grid',
        columns: [
          id(),
          ref('village_id'),
          text('name', 64),
          { name: 'sort_order', type: 'int' },
          ref('leader_resident_id', true),
        ],
        foreignKeys: [fk('village_id', 'village')],
        indices: [{ name: 'IDX_grid_village', columnNames: ['village_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'household',
        columns: [
          id(),
          ref('village_id'),
          text('number', 32),
          text('address', 128),
          ref('grid_id'),
          ref('village_group_id'),
          ref('representative_resident_id', true),
          text('status', 16),
          createdAt(),
          updatedAt(),
          version(),
        ],
        foreignKeys: [fk('village_id', 'village'), fk('grid_id', 'grid'), fk('village_group_id', 'village_group')],
        uniques: [{ name: 'UQ_household_village_number', columnNames: ['village_id', 'number'] }],
        indices: [{ name: 'IDX_household_village_grid', columnNames: ['village_id', 'grid_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'resident',
        columns: [
          id(),
          ref('village_id'),
          ref('household_id'),
          text('name', 32),
          text('gender', 8),
          { name: 'birth_date', type: 'date' },
          text('relation_to_head', 16),
          flag('is_party_member'),
          flag('is_villager_rep'),
          text('status', 16),
          createdAt(),
          updatedAt(),
          version(),
        ],
        foreignKeys: [fk('village_id', 'village'), fk('household_id', 'household')],
        indices: [
          { name: 'IDX_resident_village_status', columnNames: ['village_id', 'status'] },
          { name: 'IDX_resident_household', columnNames: ['household_id'] },
        ],
      }),
    );
    // Household ↔ resident and grid → resident reference each other, so these keys come last.
    await q.createForeignKey('household', fk('representative_resident_id', 'resident'));
    await q.createForeignKey('grid', fk('leader_resident_id', 'resident'));
    await q.createTable(
      new Table({
        name: 'role_assignment',
        columns: [
          id(),
          ref('village_id'),
          ref('resident_id'),
          text('role', 32),
          flag('one_shoulder'),
          text('title', 32, true),
          { name: 'started_on', type: 'date' },
          { name: 'ended_on', type: 'date', isNullable: true },
        ],
        foreignKeys: [fk('village_id', 'village'), fk('resident_id', 'resident')],
        indices: [{ name: 'IDX_role_assignment_village_role', columnNames: ['village_id', 'role'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('role_assignment');
    const grid = await q.getTable('grid');
    const leaderKey = grid?.foreignKeys.find((key) => key.columnNames.includes('leader_resident_id'));
    if (leaderKey) await q.dropForeignKey('grid', leaderKey);
    const household = await q.getTable('household');
    const repKey = household?.foreignKeys.find((key) => key.columnNames.includes('representative_resident_id'));
    if (repKey) await q.dropForeignKey('household', repKey);
    for (const table of ['resident', 'household', 'grid', 'village_group', 'council_channel', 'village', 'township']) {
      await q.dropTable(table);
    }
  }
}
