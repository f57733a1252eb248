import 'reflect-metadata';
import { seedDemoVillage } from '../seed/demo-seeder';
import { openDataSource, runCli } from './data-source';

runCli(async () => {
  const dataSource = await openDataSource();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const outcome = await seedDemoVillage(dataSource);
    process.stdout.write(outcome === 'created' ? '示范村已写入\n' : '示范村已存在，未改动\n');
  } finally {
    await dataSource.destroy();
  }
});
