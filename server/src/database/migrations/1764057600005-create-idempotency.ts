import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateIdempotency1764057600005 implements MigrationInterface {
  name = 'CreateIdempotency1764057600005';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'idempotency_record',
        columns: [
          { name: 'key_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          { name: 'status_code', type: 'int', isNullable: true },
          { name: 'response_body', type: 'text', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'completed_at', type: 'datetime', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotency_record');
  }
}
