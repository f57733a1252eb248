import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateAuditTrail1764057600001 implements MigrationInterface {
  name = 'CreateAuditTrail1764057600001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [
          { name: 'village_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'last_seq', type: 'int' },
          { name: 'last_hash', type: 'varchar', length: '64' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'seq', type: 'int' },
          { name: 'occurred_at', type: 'varchar', length: '24' },
          { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'actor_role', type: 'varchar', length: '32', isNullable: true },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'entity_type', type: 'varchar', length: '32' },
          { name: 'entity_id', type: 'varchar', length: '36' },
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
          { name: 'correlation_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        // No foreign key to village: the trail must outlive anything it describes.
        uniques: [{ name: 'UQ_audit_event_village_seq', columnNames: ['village_id', 'seq'] }],
        indices: [
          { name: 'IDX_audit_event_entity', columnNames: ['village_id', 'entity_type', 'entity_id'] },
          { name: 'IDX_audit_event_action', columnNames: ['village_id', 'action'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_event');
    await q.dropTable('audit_chain_head');
  }
}
