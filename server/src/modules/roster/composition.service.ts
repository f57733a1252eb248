import { Injectable } from '@nestjs/common';
import {
  checkSupervisorAppointment,
  checkSupervisorDeparture,
  checkSupervisoryCommittee,
  checkVillagerAssembly,
  RESIDENT_STATUS_LABELS,
  type CommitteePerson,
  type CompositionReport,
  type SupervisoryCommitteeMember,
  type SupervisoryMember,
} from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { RoleAssignment, type Resident } from '../villages/entities';
import { isAdultOn, isoDay } from './domain/roster-rules';
import type { AppointSupervisorDto, EndSupervisorDto } from './dto/composition.dto';
import { RosterErrorCode, RosterException } from './roster.exception';
import { RosterQuery } from './roster.query';
import { RosterStore } from './roster.store';

interface Holder {
  assignment: RoleAssignment;
  resident: Resident;
}

/**
 * Composition of the 村民代表会议 (warnings) and the 村务监督委员会 (enforced), using the shared rules
 * in @village/shared so the mini-program explains a refusal in the same words.
 */
@Injectable()
export class CompositionService {
  constructor(
    private readonly query: RosterQuery,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async report(actor: VillageActor): Promise<CompositionReport> {
    const villageId = actor.villageId;
    const [households, reps, committee, supervisors, groups, groupCounts] = await Promise.all([
      this.query.countActiveHouseholds(villageId),
      this.query.villagerRepresentatives(villageId),
      this.villageCommittee(villageId),
      this.holders(this.query.store(), villageId, ['supervisor']),
      this.query.store().villageGroups(villageId),
      this.query.villageGroupHouseholds(villageId),
    ]);
    const assembly = checkVillagerAssembly({
      households,
      representatives: reps.map((r) => ({ residentId: r.resident.id, gender: r.resident.gender, villageGroupId: r.villageGroupId })),
      villageCommittee: committee.map((c) => ({ residentId: c.resident.id, gender: c.resident.gender })),
      villageGroups: groups.map((g) => ({ id: g.id, name: g.name, households: groupCounts.get(g.id) ?? 0 })),
    });
    return {
      checkedOn: isoDay(this.clock.now()),
      villagerAssembly: assembly,
      supervisoryCommittee: {
        members: await this.members(villageId, supervisors),
        issues: checkSupervisoryCommittee(supervisors.map(toSupervisor), committee.map(toCommitteePerson)),
      },
    };
  }

  /** Records a 监委会 member elected by the 村民会议 / 村民代表会议; refuses what OL art. 32 forbids. */
  async appointSupervisor(actor: VillageActor, dto: AppointSupervisorDto): Promise<SupervisoryCommitteeMember> {
    const startedOn = dto.startedOn ?? isoDay(this.clock.now());
    const assignmentId = await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const villageId = actor.villageId;
      const resident = await store.resident(villageId, dto.residentId);
      if (!resident) throw RosterException.residentNotFound();
      if (resident.status !== 'active') {
        throw new RosterException(
          RosterErrorCode.OfficeHolderNotEligible,
          `${resident.name}已登记为${RESIDENT_STATUS_LABELS[resident.status]}，不能任命`,
        );
      }
      if (!isAdultOn(resident.birthDate, this.clock.now())) {
        throw new RosterException(RosterErrorCode.OfficeHolderNotEligible, `村务监督委员会成员须年满 18 周岁，${resident.name}还未成年`);
      }
      const members = await this.holders(store, villageId, ['supervisor']);
      const committee = await this.committeeIn(store, villageId);
      const candidate: SupervisoryMember = {
        residentId: resident.id,
        name: resident.name,
        householdId: resident.householdId,
        hasAccountingKnowledge: dto.hasAccountingKnowledge,
      };
      const issues = checkSupervisorAppointment(members.map(toSupervisor), candidate, committee.map(toCommitteePerson));
      if (issues.length > 0) throw RosterException.composition(issues);

      const assignment: RoleAssignment = {
        id: store.newId(),
        villageId,
        residentId: resident.id,
        role: 'supervisor',
        oneShoulder: false,
        title: dto.title ?? '委员',
        hasAccountingKnowledge: dto.hasAccountingKnowledge,
        startedOn,
        endedOn: null,
      };
      await store.insert(RoleAssignment, assignment);
      await record({
        action: 'supervisor.appointed',
        entityType: 'role_assignment',
        entityId: assignment.id,
        after: {
          residentId: resident.id,
          residentName: resident.name,
          title: assignment.title,
          hasAccountingKnowledge: assignment.hasAccountingKnowledge,
          startedOn,
          membersAfter: members.length + 1,
        },
      });
      return assignment.id;
    });
    return this.member(actor.villageId, assignmentId);
  }

  /** Ends a 监委会 term; refused when it would leave fewer than 3 members or no accountant. */
  async endSupervisor(actor: VillageActor, assignmentId: string, dto: EndSupervisorDto): Promise<SupervisoryCommitteeMember> {
    const endedOn = dto.endedOn ?? isoDay(this.clock.now());
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new RosterStore(manager);
      const villageId = actor.villageId;
      const assignment = await store.assignment(villageId, assignmentId);
      if (!assignment || assignment.role !== 'supervisor') {
        throw new RosterException(RosterErrorCode.AssignmentNotFound, '没有找到这项监委会任职，请刷新后再试');
      }
      if (assignment.endedOn) {
        throw new RosterException(RosterErrorCode.AssignmentEnded, `这项任职已于 ${assignment.endedOn} 结束`);
      }
      if (endedOn < assignment.startedOn) {
        throw new RosterException(RosterErrorCode.AssignmentEnded, `结束日期不能早于任职开始日期 ${assignment.startedOn}`);
      }
      const members = await this.holders(store, villageId, ['supervisor']);
      const committee = await this.committeeIn(store, villageId);
      const issues = checkSupervisorDeparture(members.map(toSupervisor), assignment.residentId, committee.map(toCommitteePerson));
      if (issues.length > 0) throw RosterException.composition(issues);

      if (!(await store.endAssignment(assignment.id, endedOn))) {
        throw new RosterException(RosterErrorCode.AssignmentEnded, '这项任职已经结束了，请刷新');
      }
      const resident = await store.resident(villageId, assignment.residentId);
      await record({
        action: 'supervisor.ended',
        entityType: 'role_assignment',
        entityId: assignment.id,
        before: { residentId: assignment.residentId, residentName: resident?.name ?? null, title: assignment.title, endedOn: null },
        after: { residentId: assignment.residentId, residentName: resident?.name ?? null, title: assignment.title, endedOn, reason: dto.reason },
      });
    });
    return this.member(actor.villageId, assignmentId);
  }

  /** 村民委员会 members now: 主任, 副主任, 委员, and a 一肩挑 secretary. */
  private async villageCommittee(villageId: string): Promise<Holder[]> {
    return this.committeeIn(this.query.store(), villageId);
  }

  private async committeeIn(store: RosterStore, villageId: string): Promise<Holder[]> {
    const holders = await this.holders(store, villageId, ['village_committee', 'secretary']);
    const seen = new Set<string>();
    return holders.filter((h) => {
      if (h.assignment.role === 'secretary' && !h.assignment.oneShoulder) return false;
      if (seen.has(h.resident.id)) return false;
      seen.add(h.resident.id);
      return true;
    });
  }

  private async holders(store: RosterStore, villageId: string, roles: RoleAssignment['role'][]): Promise<Holder[]> {
    const assignments = (await Promise.all(roles.map((role) => store.currentAssignments(villageId, { role })))).flat();
    const residents = new Map((await store.residentsByIds(villageId, assignments.map((a) => a.residentId))).map((r) => [r.id, r]));
    return assignments.flatMap((assignment) => {
      const resident = residents.get(assignment.residentId);
      return resident && resident.status === 'active' ? [{ assignment, resident }] : [];
    });
  }

  private async members(villageId: string, holders: Holder[]): Promise<SupervisoryCommitteeMember[]> {
    const households = new Map((await this.query.householdsByIds(villageId, holders.map((h) => h.resident.householdId))).map((h) => [h.id, h]));
    return holders.map(({ assignment, resident }) => ({
      assignmentId: assignment.id,
      residentId: resident.id,
      name: resident.name,
      householdNumber: households.get(resident.householdId)?.number ?? '',
      title: assignment.title,
      hasAccountingKnowledge: assignment.hasAccountingKnowledge,
      startedOn: assignment.startedOn,
    }));
  }

  private async member(villageId: string, assignmentId: string): Promise<SupervisoryCommitteeMember> {
    const store = this.query.store();
    const assignment = (await store.assignment(villageId, assignmentId)) as RoleAssignment;
    const resident = (await store.resident(villageId, assignment.residentId)) as Resident;
    const [member] = await this.members(villageId, [{ assignment, resident }]);
    return member;
  }
}

function toSupervisor({ assignment, resident }: Holder): SupervisoryMember {
  return { residentId: resident.id, name: resident.name, householdId: resident.householdId, hasAccountingKnowledge: assignment.hasAccountingKnowledge };
}

function toCommitteePerson({ resident }: Holder): CommitteePerson {
  return { residentId: resident.id, name: resident.name, householdId: resident.householdId };
}
