import 'reflect-metadata';
import { seedDemoBallots } from '../seed/demo-ballots';
import { seedDemoMatters } from '../seed/demo-matters';
import { seedDemoNotices } from '../seed/demo-notices';
import { seedDemoPoints } from '../seed/demo-points';
import { seedDemoProposals } from '../seed/demo-proposals';
import { seedDemoVillage } from '../seed/demo-seeder';
import { openDataSource, runCli } from './data-source';

runCli(async () => {
  const dataSource = await openDataSource();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const outcome = await seedDemoVillage(dataSource);
    process.stdout.write(outcome === 'created' ? '示范村已写入\n' : '示范村已存在，未改动\n');
    if ((await seedDemoNotices(dataSource)) === 'created') process.stdout.write('示范村的村务公开已写入\n');
    if ((await seedDemoBallots(dataSource)) === 'created') process.stdout.write('示范村的表决已写入\n');
    // Without the app's file storage the sign-in sheet photo is recorded but has no bytes.
    if ((await seedDemoMatters(dataSource)) === 'created') process.stdout.write('示范村的议事事项已写入\n');
    if ((await seedDemoProposals(dataSource)) === 'created') process.stdout.write('示范村的村民提议已写入\n');
    if ((await seedDemoPoints(dataSource)) === 'created') process.stdout.write('示范村的积分已写入\n');
  } finally {
    await dataSource.destroy();
  }
});
