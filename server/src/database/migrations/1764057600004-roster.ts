import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/*
 * Roster management (issue 3): a version on grids so two clerks cannot silently overwrite each other's
 * grid-leader appointment, the 财会知识 flag OL art. 32 asks for on 监委会 members, the day a resident
 * died or moved out, and villagers' requests to correct their personal data (PIPL art. 46).
 */
export class Roster1764057600004 implements MigrationInterface {
  name = 'Roster1764057600004';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('grid', new TableColumn({ name: 'version', type: 'int', default: 1 }));
    await q.addColumn('role_assignment', new TableColumn({ name: 'has_accounting_knowledge', type: 'boolean', default: false }));
    await q.addColumn('resident', new TableColumn({ name: 'departed_on', type: 'date', isNullable: true }));
    // Existing 监委会 posts written as 委员（会计） already say so.
    await q.query('UPDATE role_assignment SET has_accounting_knowledge = ? WHERE role = ? AND title LIKE ?', [true, 'supervisor', '%会计%']);

    await q.createTable(
      new Table({
        name: 'correction_request',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'resident_id', type: 'varchar', length: '36' },
          { name: 'field', type: 'varchar', length: '24' },
          { name: 'message', type: 'varchar', length: '500' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'outcome', type: 'varchar', length: '16', isNullable: true },
          { name: 'answer', type: 'varchar', length: '500', isNullable: true },
          { name: 'answered_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'answered_at', type: 'datetime', isNullable: true },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'version', type: 'int' },
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['answered_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
        ],
        indices: [
          { name: 'IDX_correction_request_village_status', columnNames: ['village_id', 'status'] },
          { name: 'IDX_correction_request_resident', columnNames: ['resident_id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('correction_request');
    await q.dropColumn('resident', 'departed_on');
    await q.dropColumn('role_assignment', 'has_accounting_knowledge');
    await q.dropColumn('grid', 'version');
  }
}
