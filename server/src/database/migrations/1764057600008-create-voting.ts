import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Voting (DOMAIN.md §3). One vote per voter is the primary key of ballot_participation; the
 * composite foreign key to ballot_eligibility admits only voters frozen onto the electorate when the
 * ballot opened. Secret choices live in ballot_secret_choice with no column shared with
 * participation except the ballot, keyed by the random receipt code (WITHOUT ROWID on SQLite, so no
 * hidden insertion counter; InnoDB clusters by the primary key).
 */
export class CreateVoting1764057600008 implements MigrationInterface {
  name = 'CreateVoting1764057600008';

  async up(q: QueryRunner): Promise<void> {
    const resident = (column: string) => ({ columnNames: [column], referencedTableName: 'resident', referencedColumnNames: ['id'] });
    const village = { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] };
    const ballot = { columnNames: ['ballot_id'], referencedTableName: 'ballot', referencedColumnNames: ['id'] };

    await q.createTable(
      new Table({
        name: 'ballot',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'description', type: 'text' },
          { name: 'matter_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'meeting_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'electorate', type: 'varchar', length: '24' },
          { name: 'decision_body', type: 'varchar', length: '32' },
          { name: 'matter_override', type: 'varchar', length: '32', isNullable: true },
          { name: 'secrecy', type: 'varchar', length: '8' },
          { name: 'choice_kind', type: 'varchar', length: '8' },
          { name: 'choices_json', type: 'text' },
          { name: 'max_selections', type: 'int' },
          { name: 'opens_at', type: 'datetime' },
          { name: 'closes_at', type: 'datetime' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'teller_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'scrutineer_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'created_by_resident_id', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'opened_at', type: 'datetime', isNullable: true },
          { name: 'opened_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'eligible_count', type: 'int', isNullable: true },
          { name: 'closed_at', type: 'datetime', isNullable: true },
          { name: 'cancelled_at', type: 'datetime', isNullable: true },
          { name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'version', type: 'int' },
        ],
        indices: [
          { name: 'idx_ballot_village_status', columnNames: ['village_id', 'status'] },
          { name: 'idx_ballot_status_closes', columnNames: ['status', 'closes_at'] },
        ],
        foreignKeys: [
          village,
          resident('teller_resident_id'),
          resident('scrutineer_resident_id'),
          resident('created_by_resident_id'),
          resident('opened_by_resident_id'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'ballot_eligibility',
        columns: [
          { name: 'ballot_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'voter_key', type: 'varchar', length: '36', isPrimary: true },
          { name: 'household_id', type: 'varchar', length: '36' },
          { name: 'resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'household_number', type: 'varchar', length: '32' },
          { name: 'label', type: 'varchar', length: '80' },
          { name: 'is_household_rep', type: 'boolean', default: false },
        ],
        foreignKeys: [
          ballot,
          { columnNames: ['household_id'], referencedTableName: 'household', referencedColumnNames: ['id'] },
          resident('resident_id'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'ballot_participation',
        columns: [
          { name: 'ballot_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'voter_key', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'cast_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'recorded_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'participated_at', type: 'datetime' },
        ],
        foreignKeys: [
          {
            columnNames: ['ballot_id', 'voter_key'],
            referencedTableName: 'ballot_eligibility',
            referencedColumnNames: ['ballot_id', 'voter_key'],
          },
          village,
          resident('cast_by_resident_id'),
          resident('recorded_by_resident_id'),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'ballot_open_vote',
        columns: [
          { name: 'ballot_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'voter_key', type: 'varchar', length: '36', isPrimary: true },
          { name: 'choices', type: 'varchar', length: '255' },
        ],
        foreignKeys: [
          {
            columnNames: ['ballot_id', 'voter_key'],
            referencedTableName: 'ballot_participation',
            referencedColumnNames: ['ballot_id', 'voter_key'],
          },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'ballot_secret_choice',
        withoutRowid: true,
        columns: [
          { name: 'receipt_code', type: 'varchar', length: '14', isPrimary: true },
          { name: 'ballot_id', type: 'varchar', length: '36' },
          { name: 'choices', type: 'varchar', length: '255' },
          { name: 'sealed', type: 'boolean', default: false },
        ],
        indices: [{ name: 'idx_ballot_secret_choice_ballot', columnNames: ['ballot_id'] }],
        foreignKeys: [ballot],
      }),
    );

    await q.createTable(
      new Table({
        name: 'ballot_paper_count',
        columns: [
          { name: 'ballot_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'papers', type: 'int' },
          { name: 'counts_json', type: 'text' },
          { name: 'entered_by_resident_id', type: 'varchar', length: '36' },
          { name: 'entered_at', type: 'datetime' },
          { name: 'confirmed_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'confirmed_at', type: 'datetime', isNullable: true },
          { name: 'version', type: 'int' },
        ],
        foreignKeys: [ballot, village, resident('entered_by_resident_id'), resident('confirmed_by_resident_id')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'ballot_result',
        columns: [
          { name: 'ballot_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'village_id', type: 'varchar', length: '36' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'eligible', type: 'int' },
          { name: 'online_count', type: 'int' },
          { name: 'in_person_count', type: 'int' },
          { name: 'papers', type: 'int' },
          { name: 'counts_json', type: 'text' },
          { name: 'tally_json', type: 'text' },
          { name: 'closed_at', type: 'datetime' },
          { name: 'close_trigger', type: 'varchar', length: '16' },
          { name: 'closed_by_resident_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'notice_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'result_hash', type: 'varchar', length: '64' },
        ],
        foreignKeys: [
          ballot,
          village,
          resident('closed_by_resident_id'),
          { columnNames: ['notice_id'], referencedTableName: 'notice', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'ballot_result',
      'ballot_paper_count',
      'ballot_secret_choice',
      'ballot_open_vote',
      'ballot_participation',
      'ballot_eligibility',
      'ballot',
    ]) {
      await q.dropTable(table);
    }
  }
}
