import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/*
 * WeChat's asynchronous image checks (security.mediaCheckAsync v2): one row per image sent, pending
 * until WeChat pushes the verdict to /api/wechat/push, matched by its unique trace_id.
 */
export class CreateMediaChecks1764057600012 implements MigrationInterface {
  name = 'CreateMediaChecks1764057600012';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'media_check',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'trace_id', type: 'varchar', length: '64' },
          { name: 'purpose', type: 'varchar', length: '32' },
          { name: 'subject_id', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'label', type: 'int', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'resolved_at', type: 'datetime', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] }],
        uniques: [{ name: 'UQ_media_check_trace', columnNames: ['trace_id'] }],
        indices: [{ name: 'IDX_media_check_subject', columnNames: ['purpose', 'subject_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('media_check');
  }
}
