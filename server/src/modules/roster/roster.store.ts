import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { Grid, Household, Resident, RoleAssignment, VillageGroup } from '../villages/entities';
import { CorrectionRequest } from './entities/correction-request.entity';

type Changes<T> = { [K in keyof T]?: T[K] };

/**
 * Roster reads and writes on one EntityManager: inside a unit of work it is the transaction's, so
 * every write here is audited by construction (AuditWriteGuard refuses writes elsewhere).
 */
export class RosterStore {
  constructor(private readonly manager: EntityManager) {}

  household(villageId: string, id: string): Promise<Household | null> {
    return this.manager.getRepository(Household).findOneBy({ id, villageId });
  }

  householdByNumber(villageId: string, number: string): Promise<Household | null> {
    return this.manager.getRepository(Household).findOneBy({ villageId, number });
  }

  households(villageId: string): Promise<Household[]> {
    return this.manager.getRepository(Household).find({ where: { villageId }, order: { number: 'ASC' } });
  }

  resident(villageId: string, id: string): Promise<Resident | null> {
    return this.manager.getRepository(Resident).findOneBy({ id, villageId });
  }

  residents(villageId: string): Promise<Resident[]> {
    return this.manager.getRepository(Resident).find({ where: { villageId }, order: { id: 'ASC' } });
  }

  residentsByIds(villageId: string, ids: string[]): Promise<Resident[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.getRepository(Resident).findBy({ villageId, id: In(ids) });
  }

  /** Residents of a household who hold an ID number (encrypted), for the uniqueness check. */
  residentsWithIdNumber(villageId: string): Promise<Pick<Resident, 'id' | 'name' | 'householdId' | 'idNumberEnc'>[]> {
    return this.manager
      .getRepository(Resident)
      .createQueryBuilder('r')
      .select(['r.id', 'r.name', 'r.householdId', 'r.idNumberEnc'])
      .where('r.village_id = :villageId AND r.id_number_enc IS NOT NULL', { villageId })
      .getMany();
  }

  members(householdId: string): Promise<Resident[]> {
    return this.manager.getRepository(Resident).find({ where: { householdId }, order: { birthDate: 'ASC', id: 'ASC' } });
  }

  grid(villageId: string, id: string): Promise<Grid | null> {
    return this.manager.getRepository(Grid).findOneBy({ id, villageId });
  }

  grids(villageId: string): Promise<Grid[]> {
    return this.manager.getRepository(Grid).find({ where: { villageId }, order: { sortOrder: 'ASC' } });
  }

  gridsLedBy(villageId: string, residentId: string): Promise<Grid[]> {
    return this.manager.getRepository(Grid).findBy({ villageId, leaderResidentId: residentId });
  }

  villageGroup(villageId: string, id: string): Promise<VillageGroup | null> {
    return this.manager.getRepository(VillageGroup).findOneBy({ id, villageId });
  }

  villageGroups(villageId: string): Promise<VillageGroup[]> {
    return this.manager.getRepository(VillageGroup).find({ where: { villageId }, order: { sortOrder: 'ASC' } });
  }

  assignment(villageId: string, id: string): Promise<RoleAssignment | null> {
    return this.manager.getRepository(RoleAssignment).findOneBy({ id, villageId });
  }

  /** Offices held now (not ended), optionally only one role, optionally only one person's. */
  currentAssignments(villageId: string, filter: { role?: RoleAssignment['role']; residentId?: string } = {}): Promise<RoleAssignment[]> {
    return this.manager.getRepository(RoleAssignment).find({
      where: { villageId, endedOn: IsNull(), ...filter },
      order: { startedOn: 'ASC', id: 'ASC' },
    });
  }

  correctionRequest(villageId: string, id: string): Promise<CorrectionRequest | null> {
    return this.manager.getRepository(CorrectionRequest).findOneBy({ id, villageId });
  }

  countOpenCorrectionRequests(residentId: string): Promise<number> {
    return this.manager.getRepository(CorrectionRequest).countBy({ residentId, status: 'open' });
  }

  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, row: T): Promise<T> {
    await this.manager.insert(entity, row);
    return row;
  }

  newId(): string {
    return randomUUID();
  }

  /**
   * Updates one row; with `version`, only if nobody changed it since (optimistic locking). The
   * entity's @VersionColumn and @UpdateDateColumn move on their own. False when no row matched.
   */
  async update<T extends ObjectLiteral & { id: string; villageId: string }>(
    entity: EntityTarget<T>,
    key: { id: string; villageId: string; version?: number },
    changes: Changes<T>,
  ): Promise<boolean> {
    const result = await this.manager.update(entity, key as unknown as FindOptionsWhere<T>, changes as never);
    return (result.affected ?? 0) > 0;
  }

  /** Ends an office if it is still running; false when it had already ended. */
  async endAssignment(id: string, endedOn: string): Promise<boolean> {
    const result = await this.manager.update(RoleAssignment, { id, endedOn: IsNull() }, { endedOn });
    return (result.affected ?? 0) > 0;
  }
}
