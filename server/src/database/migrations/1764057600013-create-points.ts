import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * 村民积分制 (DOMAIN.md §6, issue 9): versioned rule books and their items, the village's settings,
 * evidence and product photos, records with their monthly review and quarterly publication, appeals
 * (one per record), the append-only ledger with a per-household account row that redemptions
 * decrement conditionally, the 红黑榜, and the 积分超市's products and redemptions.
 */
export class CreatePoints1764057600013 implements MigrationInterface {
  name = 'CreatePoints1764057600013';

  async up(q: QueryRunner): Promise<void> {
    const village = { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] };
    const household = { columnNames: ['household_id'], referencedTableName: 'household', referencedColumnNames: ['id'] };
    const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
    const str = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
    const int = (name: string, isNullable = false) => ({ name, type: 'int', isNullable });
    const bool = (name: string) => ({ name, type: 'boolean' });
    const time = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });
    const ref = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });

    await q.createTable(
      new Table({
        name: 'points_rule_book',
        columns: [id, str('village_id', 36), int('number'), str('title', 60), str('status', 16), str('adopting_matter_id', 36, true), str('adopted_on', 10, true), str('created_by_resident_id', 36), time('created_at'), time('updated_at'), int('version')],
        foreignKeys: [village, ref('adopting_matter_id', 'matter')],
        indices: [{ name: 'uq_points_rule_book_number', columnNames: ['village_id', 'number'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_rule_item',
        columns: [id, str('rule_book_id', 36), int('position'), str('code', 12), str('category', 20), str('description', 120), int('points_tenths'), bool('evidence_required')],
        foreignKeys: [ref('rule_book_id', 'points_rule_book')],
        indices: [{ name: 'uq_points_rule_item_code', columnNames: ['rule_book_id', 'code'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_settings',
        columns: [
          { name: 'village_id', type: 'varchar', length: '36', isPrimary: true },
          str('star_thresholds_json', 200),
          int('red_share_percent'),
          int('black_share_percent'),
          int('black_below_tenths', true),
          bool('black_on_negative_item'),
          int('publication_window_days'),
          str('redeemers', 16),
          str('updated_by_resident_id', 36),
          time('updated_at'),
          int('version'),
        ],
        foreignKeys: [village],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_photo',
        columns: [id, str('village_id', 36), str('owner_id', 36, true), int('position'), str('file_name', 120), str('content_type', 32), int('size_bytes'), str('sha256', 64), str('media_check', 16), str('media_check_trace_id', 64, true), str('uploaded_by_resident_id', 36), time('created_at')],
        foreignKeys: [village],
        indices: [{ name: 'idx_points_photo_owner', columnNames: ['owner_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_publication',
        columns: [id, str('village_id', 36), str('quarter', 7), int('record_count'), int('household_count'), str('approved_by_resident_id', 36), time('published_at'), str('window_ends_on', 10), str('notice_id', 36)],
        foreignKeys: [village, ref('notice_id', 'notice')],
        indices: [{ name: 'uq_points_publication_quarter', columnNames: ['village_id', 'quarter'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_record',
        columns: [
          id,
          str('village_id', 36),
          str('household_id', 36),
          str('resident_id', 36, true),
          str('grid_id', 36),
          str('rule_book_id', 36),
          str('item_code', 12),
          str('category', 20),
          str('item_description', 120),
          int('points_tenths'),
          str('occurred_on', 10),
          str('quarter', 7),
          str('note', 200, true),
          str('source', 16),
          str('recorded_by_resident_id', 36),
          str('status', 16),
          str('reject_reason', 200, true),
          str('reviewed_by_resident_id', 36, true),
          time('reviewed_at', true),
          str('publication_id', 36, true),
          time('created_at'),
          int('version'),
        ],
        foreignKeys: [village, household, ref('resident_id', 'resident'), ref('rule_book_id', 'points_rule_book'), ref('publication_id', 'points_publication')],
        indices: [
          { name: 'idx_points_record_queue', columnNames: ['village_id', 'status', 'quarter'] },
          { name: 'idx_points_record_household', columnNames: ['household_id', 'occurred_on'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_appeal',
        columns: [id, str('village_id', 36), str('record_id', 36), str('household_id', 36), str('reason', 200), str('raised_by_resident_id', 36), time('raised_at'), str('status', 16), str('decision_reason', 200, true), int('adjustment_tenths', true), str('decided_by_resident_id', 36, true), time('decided_at', true)],
        foreignKeys: [village, household, ref('record_id', 'points_record')],
        indices: [
          { name: 'uq_points_appeal_record', columnNames: ['record_id'], isUnique: true },
          { name: 'idx_points_appeal_status', columnNames: ['village_id', 'status'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_account',
        columns: [{ name: 'household_id', type: 'varchar', length: '36', isPrimary: true }, str('village_id', 36), int('balance_tenths'), int('seq')],
        foreignKeys: [village, household],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_product',
        columns: [id, str('village_id', 36), str('name', 30), str('photo_id', 36, true), int('price_tenths'), int('stock'), bool('active'), time('created_at'), time('updated_at'), int('version')],
        foreignKeys: [village],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_redemption',
        columns: [
          id,
          str('village_id', 36),
          str('household_id', 36),
          str('product_id', 36),
          str('product_name', 30),
          int('price_tenths'),
          str('status', 16),
          str('code', 8),
          str('requested_by_resident_id', 36),
          time('requested_at'),
          str('handed_over_by_resident_id', 36, true),
          time('handed_over_at', true),
          str('cancelled_by_resident_id', 36, true),
          time('cancelled_at', true),
          int('version'),
        ],
        foreignKeys: [village, household, ref('product_id', 'points_product')],
        indices: [
          { name: 'uq_points_redemption_code', columnNames: ['village_id', 'code'], isUnique: true },
          { name: 'idx_points_redemption_household', columnNames: ['household_id', 'requested_at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_ledger_entry',
        columns: [
          id,
          str('village_id', 36),
          str('household_id', 36),
          int('seq'),
          str('kind', 16),
          int('amount_tenths'),
          int('balance_tenths'),
          str('quarter', 7, true),
          str('description', 120),
          str('record_id', 36, true),
          str('appeal_id', 36, true),
          str('redemption_id', 36, true),
          time('created_at'),
        ],
        foreignKeys: [village, household, ref('record_id', 'points_record'), ref('appeal_id', 'points_appeal'), ref('redemption_id', 'points_redemption')],
        indices: [
          { name: 'uq_points_ledger_seq', columnNames: ['household_id', 'seq'], isUnique: true },
          { name: 'idx_points_ledger_quarter', columnNames: ['village_id', 'quarter'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_board',
        columns: [id, str('village_id', 36), str('quarter', 7), str('notice_id', 36), str('published_by_resident_id', 36), time('published_at')],
        foreignKeys: [village, ref('notice_id', 'notice')],
        indices: [{ name: 'uq_points_board_quarter', columnNames: ['village_id', 'quarter'], isUnique: true }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'points_board_entry',
        columns: [
          { name: 'board_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'household_id', type: 'varchar', length: '36', isPrimary: true },
          str('list', 8),
          int('total_tenths'),
          str('reason', 120),
          str('follow_up_note', 200, true),
          str('follow_up_by_resident_id', 36, true),
          time('follow_up_at', true),
        ],
        foreignKeys: [ref('board_id', 'points_board'), household],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'points_board_entry',
      'points_board',
      'points_ledger_entry',
      'points_redemption',
      'points_product',
      'points_account',
      'points_appeal',
      'points_record',
      'points_publication',
      'points_photo',
      'points_settings',
      'points_rule_item',
      'points_rule_book',
    ]) {
      await q.dropTable(table);
    }
  }
}
