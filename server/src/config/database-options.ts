import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from '../database/entities';
import { ALL_MIGRATIONS } from '../database/migrations';
import { AuditWriteGuard } from '../modules/audit/audit-write.guard';

export type DatabaseKind = 'sqlite' | 'mysql';

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mysql://')) return 'mysql';
  throw new Error(`不支持的 DATABASE_URL：${url.split(':')[0]}`);
}

/**
 * One place that turns DATABASE_URL into TypeORM options, shared by the app, the CLI and the tests,
 * so every path runs the same committed migrations against the same schema.
 */
export function databaseOptions(url: string): DataSourceOptions {
  const common = {
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    subscribers: [AuditWriteGuard],
    synchronize: false,
    migrationsTransactionMode: 'each' as const,
  };
  if (databaseKind(url) === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      // A second writer waits instead of failing at once with SQLITE_BUSY.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    // DATE columns stay 'YYYY-MM-DD' strings, as on SQLite, instead of midnight in the server's zone.
    dateStrings: ['DATE'],
  };
}
