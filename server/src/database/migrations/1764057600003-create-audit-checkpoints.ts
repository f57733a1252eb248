import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateAuditCheckpoints1764057600003 implements MigrationInterface {
  name = 'CreateAuditCheckpoints1764057600003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_checkpoint',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'tree_size', type: 'int' },
          { name: 'last_seq', type: 'int' },
          { name: 'head_hash', type: 'varchar', length: '64' },
          { name: 'root_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '24' },
          { name: 'key_id', type: 'varchar', length: '16' },
          { name: 'signature', type: 'varchar', length: '100' },
          { name: 'trigger_kind', type: 'varchar', length: '16' },
          { name: 'requested_by', type: 'varchar', length: '36', isNullable: true },
        ],
        // Like the trail, no foreign key to village: checkpoints must outlive what they vouch for.
        // The unique key makes creating the same checkpoint twice (two servers, a retried timer) safe.
        uniques: [{ name: 'UQ_audit_checkpoint_village_size', columnNames: ['village_id', 'tree_size'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_checkpoint');
  }
}
