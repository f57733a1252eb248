import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateTownshipStaff1764057600006 implements MigrationInterface {
  name = 'CreateTownshipStaff1764057600006';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'township_staff',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'township_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '32', isNullable: true },
          { name: 'wechat_account_id', type: 'varchar', length: '36', isNullable: true, isUnique: true },
          { name: 'binding_code_hash', type: 'varchar', length: '64', isNullable: true, isUnique: true },
          { name: 'binding_code_expires_at', type: 'datetime', isNullable: true },
          { name: 'ended_at', type: 'datetime', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['township_id'], referencedTableName: 'township', referencedColumnNames: ['id'] },
          { columnNames: ['wechat_account_id'], referencedTableName: 'wechat_account', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('township_staff');
  }
}
