import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/*
 * Public notices (村务公开, issue 5): the notices themselves, their attachments, read receipts,
 * in-person notifications (上门告知), villagers' queries with the committee's answers, and each
 * village's disclosure policy.
 */
export class CreateNotices1764057600007 implements MigrationInterface {
  name = 'CreateNotices1764057600007';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'notice',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '24' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'body', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'audience', type: 'varchar', length: '16' },
          { name: 'pinned', type: 'boolean', default: false },
          { name: 'starts_on', type: 'date' },
          { name: 'ends_on', type: 'date' },
          { name: 'author_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'submitted_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'published_at', type: 'datetime', isNullable: true },
          { name: 'archived_at', type: 'datetime', isNullable: true },
          { name: 'archived_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'supersedes_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'superseded_by_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'signoff_decision', type: 'varchar', length: '16', isNullable: true },
          { name: 'signoff_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'signoff_at', type: 'datetime', isNullable: true },
          { name: 'signoff_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'source_entity_type', type: 'varchar', length: '32', isNullable: true },
          { name: 'source_entity_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'version', type: 'int' },
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['author_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['submitted_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['archived_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['signoff_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
        ],
        indices: [
          { name: 'IDX_notice_village_status_kind', columnNames: ['village_id', 'status', 'kind'] },
          { name: 'IDX_notice_village_published', columnNames: ['village_id', 'published_at'] },
        ],
        // One notice per published thing (a checkpoint is announced once, even by two servers). NULLs
        // (hand-written notices) never collide, on SQLite or MySQL.
        uniques: [{ name: 'UQ_notice_source', columnNames: ['village_id', 'source_entity_type', 'source_entity_id'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'notice_attachment',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'notice_id', type: 'varchar', length: '36' },
          { name: 'file_name', type: 'varchar', length: '120' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'size_bytes', type: 'int' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'storage_key', type: 'varchar', length: '100' },
          { name: 'sort_order', type: 'int' },
          { name: 'created_at', type: 'datetime' },
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'IDX_notice_attachment_notice', columnNames: ['notice_id'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'notice_read',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'notice_id', type: 'varchar', length: '36' },
          { name: 'resident_id', type: 'varchar', length: '36' },
          { name: 'household_id', type: 'varchar', length: '36' },
          { name: 'read_at', type: 'datetime' },
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
          { columnNames: ['resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'household', referencedColumnNames: ['id'] },
        ],
        // A read is recorded once per resident: the unique key settles parallel opens.
        uniques: [{ name: 'UQ_notice_read_resident', columnNames: ['notice_id', 'resident_id'] }],
        indices: [{ name: 'IDX_notice_read_notice_household', columnNames: ['notice_id', 'household_id'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'notice_in_person',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'notice_id', type: 'varchar', length: '36' },
          { name: 'household_id', type: 'varchar', length: '36' },
          { name: 'resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'subject_key', type: 'varchar', length: '36' },
          { name: 'recorded_by_resident_id', type: 'varchar', length: '36' },
          { name: 'told_at', type: 'datetime' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
          { columnNames: ['household_id'], referencedTableName: 'household', referencedColumnNames: ['id'] },
          { columnNames: ['resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['recorded_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
        ],
        uniques: [{ name: 'UQ_notice_in_person_subject', columnNames: ['notice_id', 'subject_key'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'notice_query',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'notice_id', type: 'varchar', length: '36' },
          { name: 'asked_by_resident_id', type: 'varchar', length: '36' },
          { name: 'text', type: 'varchar', length: '500' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'status_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'content_check', type: 'varchar', length: '16' },
          { name: 'content_check_trace_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'asked_at', type: 'datetime' },
          { name: 'reviewed_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'reviewed_at', type: 'datetime', isNullable: true },
          { name: 'answer', type: 'varchar', length: '2000', isNullable: true },
          { name: 'answered_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'answered_at', type: 'datetime', isNullable: true },
          { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'version', type: 'int' },
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
          { columnNames: ['asked_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['reviewed_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
          { columnNames: ['answered_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
        ],
        indices: [
          { name: 'IDX_notice_query_notice', columnNames: ['notice_id', 'status'] },
          { name: 'IDX_notice_query_village_status', columnNames: ['village_id', 'status', 'asked_at'] },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'notice_policy',
        columns: [
          { name: 'village_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'finance_cadence', type: 'varchar', length: '16' },
          { name: 'min_window_days_party', type: 'int' },
          { name: 'min_window_days_village', type: 'int' },
          { name: 'min_window_days_finance', type: 'int' },
          { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'version', type: 'int' },
        ],
        foreignKeys: [{ columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notice_policy');
    await q.dropTable('notice_query');
    await q.dropTable('notice_in_person');
    await q.dropTable('notice_read');
    await q.dropTable('notice_attachment');
    await q.dropTable('notice');
  }
}
