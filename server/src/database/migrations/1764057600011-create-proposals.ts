import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Villager proposals (村民提议, DOMAIN.md §5, issue 8): the proposal with its place in the six steps
 * of 议事 and its reply clock, co-signs (one per resident, by unique key), photos with WeChat's media
 * check, the public history, and the village's settings. A convening petition may now come from a
 * proposal: at most one per proposal, by unique key.
 */
export class CreateProposals1764057600011 implements MigrationInterface {
  name = 'CreateProposals1764057600011';

  async up(q: QueryRunner): Promise<void> {
    const resident = (column: string) => ({ columnNames: [column], referencedTableName: 'resident', referencedColumnNames: ['id'] });
    const village = { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] };
    const proposal = { columnNames: ['proposal_id'], referencedTableName: 'proposal', referencedColumnNames: ['id'] };
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    const str = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
    const text = (name: string, isNullable = false) => ({ name, type: 'text', isNullable });
    const int = (name: string, isNullable = false) => ({ name, type: 'int', isNullable });
    const time = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });

    await q.createTable(
      new Table({
        name: 'proposal',
        columns: [
          id,
          str('village_id', 36),
          str('title', 60),
          text('body'),
          str('category_code', 32),
          str('status', 24),
          str('held_reason', 500, true),
          str('text_check', 16),
          str('text_check_trace_id', 64, true),
          str('raised_by_resident_id', 36),
          time('raised_at'),
          str('public_on', 10, true),
          int('reply_days', true),
          str('reply_due_by', 10, true),
          str('answered_on', 10, true),
          int('cosign_count'),
          text('steps_json'),
          str('declined_reason', 500, true),
          str('merged_into_id', 36, true),
          str('matter_id', 36, true),
          str('obligation_id', 36, true),
          time('updated_at'),
          int('version'),
        ],
        indices: [
          { name: 'idx_proposal_village_status', columnNames: ['village_id', 'status'] },
          { name: 'idx_proposal_village_due', columnNames: ['village_id', 'reply_due_by'] },
        ],
        foreignKeys: [village, resident('raised_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'proposal_cosign',
        columns: [id, str('village_id', 36), str('proposal_id', 36), str('resident_id', 36), str('household_id', 36), time('cosigned_at')],
        indices: [{ name: 'uq_proposal_cosign_resident', columnNames: ['proposal_id', 'resident_id'], isUnique: true }],
        foreignKeys: [village, proposal, resident('resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'proposal_photo',
        columns: [
          id,
          str('village_id', 36),
          str('proposal_id', 36, true),
          int('position'),
          str('file_name', 120),
          str('content_type', 32),
          int('size_bytes'),
          str('sha256', 64),
          str('media_check', 16),
          str('media_check_trace_id', 64, true),
          str('uploaded_by_resident_id', 36),
          time('created_at'),
        ],
        indices: [{ name: 'idx_proposal_photo_proposal', columnNames: ['proposal_id'] }],
        foreignKeys: [village, proposal, resident('uploaded_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'proposal_event',
        columns: [id, str('village_id', 36), str('proposal_id', 36), str('kind', 16), str('status', 24, true), text('text'), str('by_resident_id', 36, true), time('at'), int('seq')],
        indices: [{ name: 'idx_proposal_event_proposal', columnNames: ['proposal_id'] }],
        foreignKeys: [village, proposal, resident('by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'proposal_settings',
        columns: [{ name: 'village_id', type: 'varchar', length: '36', isPrimary: true }, int('reply_days'), text('extras_json'), text('disabled_json'), str('updated_by_resident_id', 36), time('updated_at')],
        foreignKeys: [village, resident('updated_by_resident_id')],
      }),
    );

    await q.addColumn('convening_petition', new TableColumn({ name: 'proposal_id', type: 'varchar', length: '36', isNullable: true }));
    await q.createIndex('convening_petition', new TableIndex({ name: 'uq_convening_petition_proposal', columnNames: ['proposal_id'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('convening_petition', 'uq_convening_petition_proposal');
    await q.dropColumn('convening_petition', 'proposal_id');
    for (const table of ['proposal_settings', 'proposal_event', 'proposal_photo', 'proposal_cosign', 'proposal']) {
      await q.dropTable(table);
    }
  }
}
