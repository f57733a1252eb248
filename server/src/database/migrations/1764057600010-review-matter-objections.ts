import { MigrationInterface, QueryRunner, TableColumn, TableForeignKey } from 'typeorm';

/**
 * The committee's review of an objection WeChat's content check sent for review (pending_review):
 * released to every villager, or rejected with a reason its author sees. Either way it still counts.
 */
export class ReviewMatterObjections1764057600010 implements MigrationInterface {
  name = 'ReviewMatterObjections1764057600010';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('matter_objection', [
      new TableColumn({ name: 'review_decision', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'review_reason', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'reviewed_by_resident_id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'reviewed_at', type: 'datetime', isNullable: true }),
    ]);
    await q.createForeignKey('matter_objection', new TableForeignKey({ columnNames: ['reviewed_by_resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    const table = await q.getTable('matter_objection');
    const key = table?.foreignKeys.find((k) => k.columnNames.includes('reviewed_by_resident_id'));
    if (key) await q.dropForeignKey('matter_objection', key);
    for (const column of ['reviewed_at', 'reviewed_by_resident_id', 'review_reason', 'review_decision']) {
      await q.dropColumn('matter_objection', column);
    }
  }
}
