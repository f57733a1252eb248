import { DataSource } from 'typeorm';
import { databaseOptions } from '../../src/config/database-options';
import { ALL_MIGRATIONS } from '../../src/database/migrations';
import { buildDemoVillage } from '../../src/seed/demo-village';
import { seedDemoVillage } from '../../src/seed/demo-seeder';
import { createTestDatabase, TestDatabase, testDatabaseKinds } from '../support/test-database';

const TABLES = [
  'township',
  'village',
  'council_channel',
  'village_group',
  'grid',
  'household',
  'resident',
  'role_assignment',
  'audit_event',
  'audit_chain_head',
  'audit_checkpoint',
  'wechat_account',
  'account_binding',
  'auth_session',
  'binding_code',
  'binding_attempt',
  'correction_request',
  'notice',
  'notice_attachment',
  'notice_read',
  'notice_in_person',
  'notice_query',
  'notice_policy',
];

describe.each(testDatabaseKinds())('migrations and demo seed on %s', (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    dataSource = await new DataSource(databaseOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const tableNames = async (): Promise<string[]> => {
    const runner = dataSource.createQueryRunner();
    try {
      return (await runner.getTables(TABLES)).map((t) => t.name.split('.').pop() as string).sort();
    } finally {
      await runner.release();
    }
  };

  it('runs every migration up, all the way down, and up again', async () => {
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(ALL_MIGRATIONS.length);
    expect(await tableNames()).toEqual([...TABLES].sort());

    for (let i = 0; i < ALL_MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tableNames()).toEqual([]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tableNames()).toEqual([...TABLES].sort());
  });

  it('seeds the demo village once, then leaves it alone', async () => {
    expect(await seedDemoVillage(dataSource)).toBe('created');
    expect(await seedDemoVillage(dataSource)).toBe('already-present');
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM resident');
    expect(Number(n)).toBe(256);
  });

  it('links every household to a representative who lives in it', async () => {
    const orphans = await dataSource.query(
      'SELECT h.id FROM household h LEFT JOIN resident r ON r.id = h.representative_resident_id AND r.household_id = h.id WHERE r.id IS NULL',
    );
    expect(orphans).toEqual([]);
  });

  it('enforces foreign keys', async () => {
    await expect(
      dataSource.query("INSERT INTO village_group (id, village_id, name, sort_order) VALUES ('x', 'no-such-village', 'x', 1)"),
    ).rejects.toThrow();
  });

  it('enforces one 户号 per village', async () => {
    const [h] = await dataSource.query('SELECT * FROM household ORDER BY number LIMIT 1');
    await expect(
      dataSource.query(
        "INSERT INTO household (id, village_id, number, address, grid_id, village_group_id, status, version) VALUES ('dup', ?, ?, 'x', ?, ?, 'active', 1)",
        [h.village_id, h.number, h.grid_id, h.village_group_id],
      ),
    ).rejects.toThrow();
  });
});

describe('demo village data', () => {
  const demo = buildDemoVillage();

  it('is the same on every build', () => {
    expect(buildDemoVillage()).toEqual(demo);
  });

  it('has the shape of the seed report: 85 households, 256 people', () => {
    expect(demo.households).toHaveLength(85);
    expect(demo.residents).toHaveLength(256);
    expect(new Set(demo.residents.map((r) => r.name)).size).toBe(256);
  });

  it('meets the composition rules it demonstrates', () => {
    const byId = new Map(demo.residents.map((r) => [r.id, r]));
    const reps = demo.residents.filter((r) => r.isVillagerRep);
    // 村民代表: women at least a third (OL art. 25).
    expect(reps.filter((r) => r.gender === 'female').length * 3).toBeGreaterThanOrEqual(reps.length);
    // 监委会: 3–5 members, none living with a village-committee member (OL art. 32).
    const supervisors = demo.roles.filter((a) => a.role === 'supervisor').map((a) => byId.get(a.residentId));
    expect(supervisors.length).toBeGreaterThanOrEqual(3);
    expect(supervisors.length).toBeLessThanOrEqual(5);
    const committeeHouseholds = new Set(
      demo.roles.filter((a) => a.role === 'village_committee').map((a) => byId.get(a.residentId)?.householdId),
    );
    expect(supervisors.some((s) => committeeHouseholds.has(s?.householdId))).toBe(false);
    // One 书记, 一肩挑.
    expect(demo.roles.filter((a) => a.role === 'secretary')).toEqual([expect.objectContaining({ oneShoulder: true })]);
    // Every representative is an adult member of their own household.
    for (const h of demo.households) {
      const rep = byId.get(h.representativeResidentId);
      expect(rep?.householdId).toBe(h.id);
      expect(2026 - Number(rep?.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(18);
    }
  });
});
