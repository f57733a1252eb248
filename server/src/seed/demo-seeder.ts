import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CouncilChannel,
  Grid,
  Household,
  Resident,
  RoleAssignment,
  Township,
  Village,
  VillageGroup,
} from '../modules/villages/entities';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../modules/audit/unit-of-work';
import { seedDemoBallots } from './demo-ballots';
import { seedDemoMatters } from './demo-matters';
import { seedDemoPoints } from './demo-points';
import { seedDemoProposals } from './demo-proposals';
import { seedDemoNotices } from './demo-notices';
import { NoticeFileStorage } from '../modules/notices/storage/notice-file-storage';
import { buildDemoVillage, DEMO, DemoVillage } from './demo-village';
import { stableId } from './stable-id';
import { TownshipStaff } from '../modules/identity/entities';

export type SeedOutcome = 'created' | 'already-present';

/** Writes the demo village once, in one transaction: a half-seeded village is never left behind. */
export async function seedDemoVillage(dataSource: DataSource, clock: Clock = new Clock()): Promise<SeedOutcome> {
  const demo = buildDemoVillage();
  const actor = { villageId: demo.villageId, actorId: null, actorRole: 'system', correlationId: null };
  return new UnitOfWork(dataSource, clock).run(actor, async ({ manager, record }) => {
    if (await manager.getRepository(Village).existsBy({ code: DEMO.village.code })) return 'already-present';
    await insertDemoVillage(manager, demo);
    await record({
      action: 'village.seeded',
      entityType: 'village',
      entityId: demo.villageId,
      after: { ...DEMO.village, households: demo.households.length, residents: demo.residents.length, source: 'demo' },
    });
    return 'created';
  });
}

async function insertDemoVillage(em: EntityManager, demo: DemoVillage): Promise<void> {
  const villageId = demo.villageId;
  const chunk = 100; // keeps each INSERT below SQLite's bound-parameter limit

  const township = await em.getRepository(Township).findOneBy({ code: DEMO.township.code });
  if (!township) {
    await em.insert(Township, { id: demo.townshipId, ...DEMO.township });
    await em.insert(TownshipStaff, {
      id: stableId(`township-staff:${DEMO.township.code}`),
      townshipId: demo.townshipId,
      ...DEMO.townshipStaff,
      wechatAccountId: null,
      bindingCodeHash: null,
      bindingCodeExpiresAt: null,
      endedAt: null,
    });
  }
  await em.insert(Village, { id: villageId, townshipId: township?.id ?? demo.townshipId, ...DEMO.village });
  await em.insert(CouncilChannel, {
    id: demo.councilChannelId,
    villageId,
    name: DEMO.councilChannelName,
    openGId: null,
    boundAt: null,
  });
  await em.insert(VillageGroup, demo.villageGroups.map((g) => ({ ...g, villageId })));
  await em.insert(Grid, demo.grids.map(({ leaderResidentId: _later, ...g }) => ({ ...g, villageId, leaderResidentId: null })));

  const households = demo.households.map(({ representativeResidentId: _later, ...h }) => ({
    ...h,
    villageId,
    status: 'active' as const,
    representativeResidentId: null,
  }));
  for (let i = 0; i < households.length; i += chunk) {
    await em.insert(Household, households.slice(i, i + chunk));
  }
  const residents = demo.residents.map((r) => ({ ...r, villageId, status: 'active' as const }));
  for (let i = 0; i < residents.length; i += chunk) {
    await em.insert(Resident, residents.slice(i, i + chunk));
  }
  // Representatives and grid leaders point at residents, who point at households: link them last.
  for (const h of demo.households) {
    await em.update(Household, { id: h.id }, { representativeResidentId: h.representativeResidentId });
  }
  for (const g of demo.grids) {
    await em.update(Grid, { id: g.id }, { leaderResidentId: g.leaderResidentId });
  }
  await em.insert(RoleAssignment, demo.roles.map((a) => ({ ...a, villageId, endedOn: null })));
}

/** Seeds the demo village when the server starts with DEMO_SEED=true and the village is missing. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly files: NoticeFileStorage,
    private readonly uow: UnitOfWork,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const outcome = await seedDemoVillage(this.dataSource, this.clock);
    this.logger.log(outcome === 'created' ? `demo village ${DEMO.village.name} created` : 'demo village already present');
    if ((await seedDemoNotices(this.dataSource, this.clock)) === 'created') this.logger.log('demo notices created');
    if ((await seedDemoBallots(this.dataSource, this.clock)) === 'created') this.logger.log('demo ballots created');
    if ((await seedDemoMatters(this.dataSource, this.clock, this.files, this.uow)) === 'created') this.logger.log('demo matters created');
    if ((await seedDemoProposals(this.dataSource, this.clock, this.uow)) === 'created') this.logger.log('demo proposals created');
    if ((await seedDemoPoints(this.dataSource, this.clock, this.uow)) === 'created') this.logger.log('demo points created');
  }
}
