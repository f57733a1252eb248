import { Injectable } from '@nestjs/common';
import { RESIDENT_STATUS_LABELS, type RosterGrid } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { Grid, RoleAssignment } from '../villages/entities';
import { assertVersion, isAdultOn, isoDay } from './domain/roster-rules';
import type { AppointGridLeaderDto } from './dto/grid.dto';
import { RosterErrorCode, RosterException } from './roster.exception';
import { RosterQuery } from './roster.query';
import { RosterStore } from './roster.store';
import { RosterViews } from './roster.views';

const GRID = '这个网格';

/** 网格 with their 网格员 and sizes; appointing a 网格员 keeps grid.leader and the grid_leader office in step. */
@Injectable()
export class GridsService {
  constructor(
    private readonly query: RosterQuery,
    private readonly views: RosterViews,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async list(actor: VillageActor): Promise<RosterGrid[]> {
    const store = this.query.store();
    const grids = await store.grids(actor.villageId);
    const counts = await this.query.gridCounts(actor.villageId);
    const leaders = await store.residentsByIds(actor.villageId, grids.flatMap((g) => (g.leaderResidentId ? [g.leaderResidentId] : [])));
    const households = new Map((await this.query.householdsByIds(actor.villageId, leaders.map((l) => l.householdId))).map((h) => [h.id, h]));
    return grids.map((grid) => {
      const leader = leaders.find((l) => l.id === grid.leaderResidentId);
      return {
        id: grid.id,
        name: grid.name,
        sortOrder: grid.sortOrder,
        leader: leader
          ? {
              id: leader.id,
              name: leader.name,
              phoneMasked: this.views.masked(leader).phoneMasked,
              householdNumber: households.get(leader.householdId)?.number ?? '',
            }
          : null,
        households: counts.get(grid.id)?.households ?? 0,
        residents: counts.get(grid.id)?.residents ?? 0,
        version: grid.version,
      };
    });
  }

  async appointLeader(actor: VillageActor, gridId: string, dto: AppointGridLeaderDto): Promise<RosterGrid> {
    const today = isoDay(this.clock.now());
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const villageId = actor.villageId;
      const grid = await store.grid(villageId, gridId);
      if (!grid) throw RosterException.gridNotFound();
      assertVersion(grid.version, dto.version, GRID);
      const leader = dto.residentId ? await store.resident(villageId, dto.residentId) : null;
      if (dto.residentId && !leader) throw RosterException.residentNotFound();
      if (leader && leader.status !== 'active') {
        throw new RosterException(
          RosterErrorCode.OfficeHolderNotEligible,
          `${leader.name}已登记为${RESIDENT_STATUS_LABELS[leader.status]}，不能当网格员`,
        );
      }
      if (leader && !isAdultOn(leader.birthDate, this.clock.now())) {
        throw new RosterException(RosterErrorCode.OfficeHolderNotEligible, `网格员须年满 18 周岁，${leader.name}还未成年`);
      }
      if ((leader?.id ?? null) === grid.leaderResidentId) return;

      const previous = grid.leaderResidentId ? await store.resident(villageId, grid.leaderResidentId) : null;
      const written = await store.update(Grid, { id: grid.id, villageId, version: dto.version }, { leaderResidentId: leader?.id ?? null });
      if (!written) throw RosterException.versionConflict(GRID);
      await record({
        action: 'grid.leader.changed',
        entityType: 'grid',
        entityId: grid.id,
        before: { gridName: grid.name, leaderResidentId: previous?.id ?? null, leaderName: previous?.name ?? null },
        after: { gridName: grid.name, leaderResidentId: leader?.id ?? null, leaderName: leader?.name ?? null },
      });

      // The grid_leader office follows: it ends for someone who leads no grid now, starts for the new one.
      if (previous && (await store.gridsLedBy(villageId, previous.id)).length === 0) {
        for (const office of await store.currentAssignments(villageId, { role: 'grid_leader', residentId: previous.id })) {
          await store.endAssignment(office.id, today);
          await record({
            action: 'role_assignment.ended',
            entityType: 'role_assignment',
            entityId: office.id,
            before: { residentId: previous.id, residentName: previous.name, role: 'grid_leader', endedOn: null },
            after: { residentId: previous.id, residentName: previous.name, role: 'grid_leader', endedOn: today, reason: `不再担任${grid.name}网格员` },
          });
        }
      }
      if (leader && (await store.currentAssignments(villageId, { role: 'grid_leader', residentId: leader.id })).length === 0) {
        const assignment: RoleAssignment = {
          id: store.newId(),
          villageId,
          residentId: leader.id,
          role: 'grid_leader',
          oneShoulder: false,
          title: null,
          hasAccountingKnowledge: false,
          startedOn: today,
          endedOn: null,
        };
        await store.insert(RoleAssignment, assignment);
        await record({
          action: 'role_assignment.started',
          entityType: 'role_assignment',
          entityId: assignment.id,
          after: { residentId: leader.id, residentName: leader.name, role: 'grid_leader', startedOn: today, reason: `担任${grid.name}网格员` },
        });
      }
    });
    const grids = await this.list(actor);
    return grids.find((g) => g.id === gridId) as RosterGrid;
  }
}
