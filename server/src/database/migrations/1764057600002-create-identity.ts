import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

const id = { name: 'id', type: 'varchar', length: '36', isPrimary: true };
const ref = (name: string, isNullable = false) => ({ name, type: 'varchar', length: '36', isNullable });
const at = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });

export class CreateIdentity1764057600002 implements MigrationInterface {
  name = 'CreateIdentity1764057600002';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('resident', [
      new TableColumn({ name: 'phone_enc', type: 'varchar', length: '255', isNullable: true }),
      new TableColumn({ name: 'id_number_enc', type: 'varchar', length: '255', isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: 'wechat_account',
        columns: [
          id,
          { name: 'openid', type: 'varchar', length: '64', isUnique: true },
          { name: 'unionid', type: 'varchar', length: '64', isNullable: true },
          { name: 'session_key_enc', type: 'varchar', length: '255', isNullable: true },
          { name: 'privacy_consent_version', type: 'varchar', length: '16', isNullable: true },
          at('privacy_consent_at', true),
          at('id_number_consent_at', true),
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          at('last_login_at', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'account_binding',
        columns: [
          id,
          ref('village_id'),
          ref('wechat_account_id'),
          ref('resident_id'),
          { name: 'active_account_key', type: 'varchar', length: '80', isNullable: true, isUnique: true },
          { name: 'active_resident_key', type: 'varchar', length: '80', isNullable: true, isUnique: true },
          { name: 'method', type: 'varchar', length: '16' },
          at('bound_at'),
          at('unbound_at', true),
          ref('unbound_by_resident_id', true),
          { name: 'unbind_reason', type: 'varchar', length: '128', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['wechat_account_id'], referencedTableName: 'wechat_account', referencedColumnNames: ['id'] },
          { columnNames: ['resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'IDX_account_binding_account', columnNames: ['wechat_account_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          id,
          ref('wechat_account_id'),
          ref('village_id', true),
          { name: 'access_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'refresh_hash', type: 'varchar', length: '64', isUnique: true },
          at('access_expires_at'),
          at('refresh_expires_at'),
          at('revoked_at', true),
          at('created_at'),
        ],
        foreignKeys: [
          { columnNames: ['wechat_account_id'], referencedTableName: 'wechat_account', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'binding_code',
        columns: [
          id,
          ref('village_id'),
          ref('resident_id'),
          { name: 'code_hash', type: 'varchar', length: '64', isUnique: true },
          at('expires_at'),
          at('used_at', true),
          ref('used_by_account_id', true),
          at('revoked_at', true),
          ref('issued_by_resident_id'),
          at('issued_at'),
        ],
        foreignKeys: [
          { columnNames: ['village_id'], referencedTableName: 'village', referencedColumnNames: ['id'] },
          { columnNames: ['resident_id'], referencedTableName: 'resident', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'IDX_binding_code_resident', columnNames: ['resident_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'binding_attempt',
        columns: [id, ref('wechat_account_id'), at('attempted_at'), { name: 'succeeded', type: 'boolean' }],
        indices: [{ name: 'IDX_binding_attempt_account_time', columnNames: ['wechat_account_id', 'attempted_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['binding_attempt', 'binding_code', 'auth_session', 'account_binding', 'wechat_account']) {
      await q.dropTable(table);
    }
    await q.dropColumn('resident', 'id_number_enc');
    await q.dropColumn('resident', 'phone_enc');
  }
}
