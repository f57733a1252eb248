import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Matters and the 四议两公开 workflow (DOMAIN.md §2, issue 7): the matter with its workflow state,
 * revisions (never updated), meetings, objections, supervision opinions, progress reports and files;
 * the village's matter-type configuration, 村民会议 authorizations for the 村民代表会议, and recorded
 * convening petitions (召集义务).
 */
export class CreateMatters1764057600009 implements MigrationInterface {
  name = 'CreateMatters1764057600009';

  async up(q: QueryRunner): Promise<void> {
    const resident = (column: string) => ({ columnNames: [column], referencedTableName: 'resident', referencedColumnNames: ['id'] });
    const village = { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] };
    const matter = { columnNames: ['matter_id'], referencedTableName: 'matter', referencedColumnNames: ['id'] };
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    const str = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
    const text = (name: string, isNullable = false) => ({ name, type: 'text', isNullable });
    const int = (name: string, isNullable = false) => ({ name, type: 'int', isNullable });
    const big = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
    const time = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });

    await q.createTable(
      new Table({
        name: 'matter',
        columns: [
          id,
          str('village_id', 36),
          str('type_code', 40),
          str('title', 60),
          text('body'),
          big('budget_fen', true),
          str('stage', 32),
          str('stage_entered_on', 10),
          str('closed_from', 32, true),
          str('closed_reason', 500, true),
          int('current_revision'),
          int('workflow_version'),
          text('meetings_json'),
          text('resolution_disclosure_json', true),
          text('result_disclosure_json', true),
          text('disclosures_json'),
          text('implementation_json', true),
          text('result_details_json', true),
          str('proposal_id', 36, true),
          str('created_by_resident_id', 36),
          time('created_at'),
          time('updated_at'),
          int('version'),
        ],
        indices: [{ name: 'idx_matter_village_stage', columnNames: ['village_id', 'stage'] }],
        foreignKeys: [village, resident('created_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_revision',
        columns: [
          id,
          str('matter_id', 36),
          str('village_id', 36),
          int('number'),
          str('title', 60),
          text('body'),
          big('budget_fen', true),
          str('change_note', 500, true),
          str('stage', 32),
          str('created_by_resident_id', 36),
          time('created_at'),
        ],
        indices: [{ name: 'uq_matter_revision_number', columnNames: ['matter_id', 'number'], isUnique: true }],
        foreignKeys: [matter, village, resident('created_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_meeting',
        columns: [
          id,
          str('matter_id', 36),
          str('village_id', 36),
          str('purpose', 32),
          str('body', 32),
          str('electorate', 24),
          str('status', 16),
          time('scheduled_at'),
          str('place', 60),
          str('notice_given_on', 10, true),
          int('revision'),
          str('held_on', 10, true),
          str('ballot_id', 36, true),
          int('eligible_count', true),
          int('present_count', true),
          int('household_eligible', true),
          int('household_present', true),
          text('counts_json', true),
          str('teller_resident_id', 36, true),
          str('scrutineer_resident_id', 36, true),
          time('count_confirmed_at', true),
          text('minutes', true),
          text('photo_ids_json'),
          text('signer_ids_json'),
          text('attendee_ids_json'),
          str('outcome', 16, true),
          text('tally_json', true),
          str('recorded_by_resident_id', 36, true),
          str('cancelled_reason', 500, true),
          str('created_by_resident_id', 36),
          time('created_at'),
        ],
        indices: [{ name: 'idx_matter_meeting_matter', columnNames: ['matter_id'] }],
        foreignKeys: [
          matter,
          village,
          { columnNames: ['ballot_id'], referencedTableName: 'ballot', referencedColumnNames: ['id'] },
          resident('teller_resident_id'),
          resident('scrutineer_resident_id'),
          resident('recorded_by_resident_id'),
          resident('created_by_resident_id'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_objection',
        columns: [
          id,
          str('matter_id', 36),
          str('village_id', 36),
          str('disclosure', 16),
          str('text', 500),
          str('content_check', 16, true),
          str('filed_by_resident_id', 36),
          time('filed_at'),
          str('filed_on', 10),
          text('answer_text', true),
          str('answered_by_resident_id', 36, true),
          time('answered_at', true),
        ],
        indices: [{ name: 'idx_matter_objection_matter', columnNames: ['matter_id'] }],
        foreignKeys: [matter, village, resident('filed_by_resident_id'), resident('answered_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_opinion',
        columns: [
          id,
          str('matter_id', 36),
          str('village_id', 36),
          str('stage', 32),
          text('text'),
          { name: 'blocking', type: 'boolean', default: false },
          str('given_by_resident_id', 36),
          time('given_at'),
          str('given_on', 10),
          text('answer_text', true),
          str('answered_by_resident_id', 36, true),
          time('answered_at', true),
          str('lifted_by_resident_id', 36, true),
          time('lifted_at', true),
          str('lift_note', 500, true),
        ],
        indices: [{ name: 'idx_matter_opinion_matter', columnNames: ['matter_id'] }],
        foreignKeys: [matter, village, resident('given_by_resident_id'), resident('answered_by_resident_id'), resident('lifted_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_progress',
        columns: [
          id,
          str('matter_id', 36),
          str('village_id', 36),
          text('text'),
          big('spent_fen'),
          text('photo_ids_json'),
          str('reported_by_resident_id', 36),
          str('reported_on', 10),
          time('created_at'),
        ],
        indices: [{ name: 'idx_matter_progress_matter', columnNames: ['matter_id'] }],
        foreignKeys: [matter, village, resident('reported_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_file',
        columns: [
          id,
          str('village_id', 36),
          str('file_name', 120),
          str('content_type', 32),
          int('size_bytes'),
          str('sha256', 64),
          str('uploaded_by_resident_id', 36),
          time('created_at'),
        ],
        indices: [{ name: 'idx_matter_file_village', columnNames: ['village_id'] }],
        foreignKeys: [village, resident('uploaded_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_type_config',
        columns: [
          { name: 'village_id', type: 'varchar', length: '36', isPrimary: true },
          text('extras_json'),
          text('disabled_json'),
          str('updated_by_resident_id', 36),
          time('updated_at'),
          int('version'),
        ],
        foreignKeys: [village, resident('updated_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'matter_policy',
        columns: [
          { name: 'village_id', type: 'varchar', length: '36', isPrimary: true },
          text('policy_json'),
          str('updated_by_resident_id', 36),
          time('updated_at'),
        ],
        foreignKeys: [village, resident('updated_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'assembly_authorization',
        columns: [
          id,
          str('village_id', 36),
          str('granted_by_meeting_id', 36),
          str('granted_on', 10),
          text('type_codes_json'),
          str('expires_on', 10, true),
          str('revoked_on', 10, true),
          str('revoked_by_meeting_id', 36, true),
          str('created_by_resident_id', 36),
          time('created_at'),
        ],
        indices: [{ name: 'idx_assembly_authorization_village', columnNames: ['village_id'] }],
        foreignKeys: [
          village,
          { columnNames: ['granted_by_meeting_id'], referencedTableName: 'matter_meeting', referencedColumnNames: ['id'] },
          { columnNames: ['revoked_by_meeting_id'], referencedTableName: 'matter_meeting', referencedColumnNames: ['id'] },
          resident('created_by_resident_id'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'convening_petition',
        columns: [
          id,
          str('village_id', 36),
          str('body', 32),
          str('petitioned_on', 10),
          str('subject', 500),
          str('source', 16),
          text('adult_signer_ids_json'),
          text('representative_signer_ids_json'),
          text('photo_ids_json'),
          int('adult_residents'),
          int('representatives'),
          str('due_by', 10, true),
          str('created_by_resident_id', 36),
          time('created_at'),
        ],
        indices: [{ name: 'idx_convening_petition_village', columnNames: ['village_id'] }],
        foreignKeys: [village, resident('created_by_resident_id')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['convening_petition', 'assembly_authorization', 'matter_policy', 'matter_type_config', 'matter_file', 'matter_progress', 'matter_opinion', 'matter_objection', 'matter_meeting', 'matter_revision', 'matter']) {
      await q.dropTable(table);
    }
  }
}
