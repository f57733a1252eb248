import { formatShare, reachesAtLeast } from './share';

/*
 * Composition of the village's bodies (DOMAIN.md §1), as pure functions over counts and people so the
 * server refuses and the mini-program explains with the same words.
 *
 * 村民代表会议 (OL art. 25): the committee members plus the villager representatives; representatives
 * at least 4/5 of its members, women representatives at least 1/3 of its members; one representative
 * per 5–15 households, or several per 村民小组. Imbalance is a warning, shown, never blocking.
 *
 * 村务监督委员会 (OL art. 32): 3–5 members, at least one with accounting or management knowledge, none
 * of them a village-committee member or a close relative of one. The roster only knows who shares a
 * household, so "close relative" is at least "same household". Violating appointments are refused.
 */

export type CompositionSeverity = 'warning' | 'violation';

export type CompositionRule =
  | 'assembly.no_representatives'
  | 'assembly.representative_share'
  | 'assembly.women_share'
  | 'assembly.too_few_representatives'
  | 'assembly.too_many_representatives'
  | 'assembly.group_without_representative'
  | 'supervisory.too_few_members'
  | 'supervisory.too_many_members'
  | 'supervisory.no_accounting_member'
  | 'supervisory.village_committee_member'
  | 'supervisory.close_relative'
  | 'supervisory.already_member';

export interface CompositionIssue {
  rule: CompositionRule;
  severity: CompositionSeverity;
  /** Chinese, names the rule and what to do. */
  message: string;
  /** The legal source, e.g. 《村民委员会组织法》第二十五条. */
  basis: string;
  /** The people the issue is about, if any. */
  residentIds: string[];
}

export const OL_ART_25 = '《村民委员会组织法》第二十五条';
export const OL_ART_32 = '《村民委员会组织法》第三十二条';

export const REPRESENTATIVE_SHARE = { numerator: 4, denominator: 5 };
export const WOMEN_SHARE = { numerator: 1, denominator: 3 };
export const HOUSEHOLDS_PER_REPRESENTATIVE = { min: 5, max: 15 } as const;
export const SUPERVISORY_SIZE = { min: 3, max: 5 } as const;

// ---------------------------------------------------------------- 村民代表会议

export interface AssemblyPerson {
  residentId: string;
  gender: 'male' | 'female';
}

export interface AssemblyRepresentative extends AssemblyPerson {
  villageGroupId: string | null;
}

export interface VillageGroupHouseholds {
  id: string;
  name: string;
  households: number;
}

export interface VillagerAssemblyInput {
  /** Active households. */
  households: number;
  /** Active residents flagged as 村民代表. */
  representatives: AssemblyRepresentative[];
  /** Current 村民委员会 members (主任, 副主任, 委员). */
  villageCommittee: AssemblyPerson[];
  villageGroups: VillageGroupHouseholds[];
}

export interface VillagerAssemblyFigures {
  /** Distinct people: committee members and representatives (someone holding both counts once). */
  members: number;
  representatives: number;
  womenRepresentatives: number;
  households: number;
}

export function checkVillagerAssembly(input: VillagerAssemblyInput): { figures: VillagerAssemblyFigures; issues: CompositionIssue[] } {
  const memberIds = new Set([...input.representatives, ...input.villageCommittee].map((p) => p.residentId));
  const reps = input.representatives.length;
  const women = input.representatives.filter((r) => r.gender === 'female').length;
  const figures: VillagerAssemblyFigures = {
    members: memberIds.size,
    representatives: reps,
    womenRepresentatives: women,
    households: input.households,
  };
  const warn = (rule: CompositionRule, message: string, residentIds: string[] = []): CompositionIssue => ({
    rule,
    severity: 'warning',
    message,
    basis: OL_ART_25,
    residentIds,
  });

  if (reps === 0) {
    return {
      figures,
      issues: [
        warn(
          'assembly.no_representatives',
          '还没有登记村民代表。村民代表由村民按每五户至十五户推选一人，或由各村民小组推选若干人，请在名册里标记村民代表。',
        ),
      ],
    };
  }

  const issues: CompositionIssue[] = [];
  if (!reachesAtLeast(reps, figures.members, REPRESENTATIVE_SHARE)) {
    issues.push(
      warn(
        'assembly.representative_share',
        `村民代表应占村民代表会议组成人员的五分之四以上，现在是 ${formatShare(reps, figures.members)}。请增加村民代表。`,
      ),
    );
  }
  if (!reachesAtLeast(women, figures.members, WOMEN_SHARE)) {
    issues.push(
      warn(
        'assembly.women_share',
        `妇女村民代表应占村民代表会议组成人员的三分之一以上，现在是 ${formatShare(women, figures.members)}。推选代表时请多推选妇女。`,
      ),
    );
  }
  const perRep = Math.round(input.households / reps);
  if (input.households > reps * HOUSEHOLDS_PER_REPRESENTATIVE.max) {
    issues.push(
      warn(
        'assembly.too_few_representatives',
        `村民代表一般每五户至十五户推选一人：现在 ${input.households} 户只有 ${reps} 名代表，约 ${perRep} 户一名。`,
      ),
    );
  } else if (input.households < reps * HOUSEHOLDS_PER_REPRESENTATIVE.min) {
    issues.push(
      warn(
        'assembly.too_many_representatives',
        `村民代表一般每五户至十五户推选一人：现在 ${input.households} 户有 ${reps} 名代表，约 ${perRep} 户一名。`,
      ),
    );
  }
  for (const group of input.villageGroups) {
    if (group.households > 0 && !input.representatives.some((r) => r.villageGroupId === group.id)) {
      issues.push(
        warn('assembly.group_without_representative', `${group.name}（${group.households} 户）还没有村民代表，请由该村民小组推选。`),
      );
    }
  }
  return { figures, issues };
}

// ---------------------------------------------------------------- 村务监督委员会

export interface SupervisoryMember {
  residentId: string;
  name: string;
  householdId: string;
  hasAccountingKnowledge: boolean;
}

export interface CommitteePerson {
  residentId: string;
  name: string;
  householdId: string;
}

function violation(rule: CompositionRule, message: string, residentIds: string[] = []): CompositionIssue {
  return { rule, severity: 'violation', message, basis: OL_ART_32, residentIds };
}

/** Why this person may not sit on the 监委会 because of the village committee, if they may not. */
function committeeConflicts(person: { residentId: string; name: string; householdId: string }, committee: CommitteePerson[]): CompositionIssue[] {
  const issues: CompositionIssue[] = [];
  if (committee.some((c) => c.residentId === person.residentId)) {
    issues.push(
      violation(
        'supervisory.village_committee_member',
        `${person.name}是村民委员会成员，村民委员会成员及其近亲属不得担任村务监督委员会成员。`,
        [person.residentId],
      ),
    );
    return issues;
  }
  const relative = committee.find((c) => c.householdId === person.householdId);
  if (relative) {
    issues.push(
      violation(
        'supervisory.close_relative',
        `${person.name}与村民委员会成员${relative.name}同户，属于近亲属，村民委员会成员及其近亲属不得担任村务监督委员会成员。`,
        [person.residentId, relative.residentId],
      ),
    );
  }
  return issues;
}

/** Everything wrong with the committee as it stands (shown on the composition page). */
export function checkSupervisoryCommittee(members: SupervisoryMember[], villageCommittee: CommitteePerson[]): CompositionIssue[] {
  const issues: CompositionIssue[] = [];
  const ids = members.map((m) => m.residentId);
  if (members.length < SUPERVISORY_SIZE.min) {
    issues.push(
      violation(
        'supervisory.too_few_members',
        members.length === 0
          ? '还没有村务监督委员会成员。村务监督委员会由 3 至 5 人组成，请经村民会议或村民代表会议推选后登记。'
          : `村务监督委员会由 3 至 5 人组成，现在只有 ${members.length} 人，请补选。`,
        ids,
      ),
    );
  }
  if (members.length > SUPERVISORY_SIZE.max) {
    issues.push(violation('supervisory.too_many_members', `村务监督委员会由 3 至 5 人组成，现在有 ${members.length} 人。`, ids));
  }
  if (members.length > 0 && !members.some((m) => m.hasAccountingKnowledge)) {
    issues.push(
      violation('supervisory.no_accounting_member', '村务监督委员会成员中应有具备财会、管理知识的人，现在没有。请补选或在成员信息里标明。', ids),
    );
  }
  for (const member of members) issues.push(...committeeConflicts(member, villageCommittee));
  return issues;
}

/** Why appointing `candidate` would break OL art. 32; empty when the appointment may go ahead. */
export function checkSupervisorAppointment(
  members: SupervisoryMember[],
  candidate: SupervisoryMember,
  villageCommittee: CommitteePerson[],
): CompositionIssue[] {
  if (members.some((m) => m.residentId === candidate.residentId)) {
    return [violation('supervisory.already_member', `${candidate.name}已经是村务监督委员会成员。`, [candidate.residentId])];
  }
  const issues = committeeConflicts(candidate, villageCommittee);
  const after = [...members, candidate];
  if (after.length > SUPERVISORY_SIZE.max) {
    issues.push(
      violation(
        'supervisory.too_many_members',
        `村务监督委员会由 3 至 5 人组成，已经有 ${members.length} 人，不能再任命。如需换人，请先结束一位成员的任职。`,
        [candidate.residentId],
      ),
    );
  } else if (after.length === SUPERVISORY_SIZE.max && !after.some((m) => m.hasAccountingKnowledge)) {
    // The last seat: without an accountant now, the committee could never have one without a removal.
    issues.push(
      violation(
        'supervisory.no_accounting_member',
        `村务监督委员会成员中应有具备财会、管理知识的人：这是第 ${SUPERVISORY_SIZE.max} 个席位，${candidate.name}和现有成员都没有财会知识。`,
        [candidate.residentId],
      ),
    );
  }
  return issues;
}

/**
 * Why ending `leavingResidentId`'s membership would break OL art. 32; empty when it may end. Removing a
 * member who is themselves in conflict with the village committee is always allowed: it repairs the body.
 */
export function checkSupervisorDeparture(
  members: SupervisoryMember[],
  leavingResidentId: string,
  villageCommittee: CommitteePerson[],
): CompositionIssue[] {
  const leaving = members.find((m) => m.residentId === leavingResidentId);
  if (!leaving || committeeConflicts(leaving, villageCommittee).length > 0) return [];
  const after = members.filter((m) => m.residentId !== leavingResidentId);
  const issues: CompositionIssue[] = [];
  if (after.length < SUPERVISORY_SIZE.min) {
    issues.push(
      violation(
        'supervisory.too_few_members',
        `村务监督委员会由 3 至 5 人组成：${leaving.name}卸任后只剩 ${after.length} 人。请先任命接替的成员，再结束这项任职。`,
        [leaving.residentId],
      ),
    );
  }
  if (leaving.hasAccountingKnowledge && !after.some((m) => m.hasAccountingKnowledge)) {
    issues.push(
      violation(
        'supervisory.no_accounting_member',
        `村务监督委员会成员中应有具备财会、管理知识的人：${leaving.name}是唯一的一位。请先任命一位具备财会知识的成员，再结束这项任职。`,
        [leaving.residentId],
      ),
    );
  }
  return issues;
}

/** One line for a refusal: the messages joined, then the legal source once. */
export function describeIssues(issues: CompositionIssue[]): string {
  const bases = [...new Set(issues.map((i) => i.basis))].join('、');
  return `${issues.map((i) => i.message).join('；')}（${bases}）`;
}
