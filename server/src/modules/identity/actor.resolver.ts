import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@village/shared';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { Household, Resident, RoleAssignment } from '../villages/entities';
import { AccountBinding, AuthSession, TownshipStaff } from './entities';

/**
 * Turns a session into an Actor: the resident bound in the session's village and every role they
 * hold there now. Roles come from the roster itself (户代表 from the household, 党员 and 村民代表
 * from the resident's flags) plus current offices, so a roster change takes effect on the next request.
 */
@Injectable()
export class ActorResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(session: AuthSession, correlationId: string): Promise<Actor> {
    const base: Actor = {
      accountId: session.wechatAccountId,
      sessionId: session.id,
      villageId: null,
      residentId: null,
      townshipId: null,
      roles: [],
      correlationId,
    };
    if (!session.villageId) return this.asTownshipStaff(base);

    const binding = await this.dataSource.getRepository(AccountBinding).findOneBy({
      wechatAccountId: session.wechatAccountId,
      villageId: session.villageId,
      unboundAt: IsNull(),
    });
    if (!binding) return base;
    const resident = await this.dataSource
      .getRepository(Resident)
      .findOneBy({ id: binding.residentId, villageId: session.villageId });
    if (!resident || resident.status !== 'active') return base;

    return { ...base, villageId: session.villageId, residentId: resident.id, roles: await this.rolesOf(resident) };
  }

  private async asTownshipStaff(base: Actor): Promise<Actor> {
    const staff = await this.dataSource
      .getRepository(TownshipStaff)
      .findOneBy({ wechatAccountId: base.accountId, endedAt: IsNull() });
    return staff ? { ...base, townshipId: staff.townshipId, roles: ['township_admin'] } : base;
  }

  async rolesOf(resident: Resident): Promise<Role[]> {
    const roles = new Set<Role>(['villager']);
    const household = await this.dataSource.getRepository(Household).findOneBy({ id: resident.householdId });
    if (household?.representativeResidentId === resident.id && household.status === 'active') roles.add('household_rep');
    if (resident.isPartyMember) roles.add('party_member');
    if (resident.isVillagerRep) roles.add('villager_rep');
    const offices = await this.dataSource
      .getRepository(RoleAssignment)
      .findBy({ residentId: resident.id, villageId: resident.villageId, endedOn: IsNull() });
    for (const office of offices) roles.add(office.role);
    return [...roles];
  }
}
