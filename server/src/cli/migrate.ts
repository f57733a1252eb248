import 'reflect-metadata';
import { openDataSource, runCli } from './data-source';

/** `migrate` applies pending migrations; `migrate --revert` undoes the last one. */
runCli(async () => {
  const dataSource = await openDataSource();
  try {
    if (process.argv.includes('--revert')) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('已撤销最近一次数据库迁移\n');
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(applied.length ? `已执行迁移：${applied.map((m) => m.name).join(', ')}\n` : '数据库已是最新\n');
    }
  } finally {
    await dataSource.destroy();
  }
});
