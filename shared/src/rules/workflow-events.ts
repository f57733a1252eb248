import { COMMITTEE_ROLES, type Role } from '../constants/roles';
import {
  DELIBERATIVE_STAGES,
  DISCLOSURE_STAGES,
  MATTER_STAGES,
  type MatterStage,
  type WorkflowEventType,
} from './workflow-model';

/*
 * The transition table as data: in which stages each event may happen, who may cause it, and
 * whether a blocking supervision opinion (要求纠正) stops it. Guards beyond these are named in
 * workflow-guards.ts; the effect of each event is in workflow.ts.
 */

/** 村党组织: proposes (stage 1) and convenes the 党员大会 (stage 3). */
export const BRANCH_ROLES: readonly Role[] = ['secretary', 'branch_committee'];
/** 村民委员会: convenes the 村民会议 / 村民代表会议 and carries the decision out (书记 records for it). */
export const VILLAGE_COMMITTEE_ROLES: readonly Role[] = ['secretary', 'village_committee'];
export const SUPERVISOR_ROLES: readonly Role[] = ['supervisor'];
/** Every resident of the village holds `villager`. */
export const RESIDENT_ROLES: readonly Role[] = ['villager'];

export interface EventRule {
  stages: readonly MatterStage[];
  roles: readonly Role[];
  /** The implementation's responsible person may also cause it. */
  responsiblePerson: boolean;
  /**
   * Stopped by a blocking opinion in force. Not stopped: answering and lifting opinions, further
   * opinions and sending back (the supervisory committee's own tools), and villagers' objections
   * and their answers (a right that must not wait for the committee and the supervisors to agree).
   */
  blockable: boolean;
}

/** Stages in which the matter is still being decided or carried out. */
export const LIVE_STAGES = [
  'branch_proposal',
  'committees_deliberation',
  'party_review',
  'assembly_resolution',
  'resolution_disclosure',
  'implementation',
  'result_disclosure',
] as const satisfies readonly MatterStage[];
export type LiveStage = (typeof LIVE_STAGES)[number];

const rule = (stages: readonly MatterStage[], roles: readonly Role[], blockable = true, responsiblePerson = false): EventRule => ({
  stages,
  roles,
  responsiblePerson,
  blockable,
});

export const EVENT_RULES: Record<WorkflowEventType, EventRule> = {
  record_branch_meeting: rule(['branch_proposal'], BRANCH_ROLES),
  record_merged_meeting: rule(['branch_proposal'], BRANCH_ROLES),
  amend: rule(['branch_proposal', 'committees_deliberation'], COMMITTEE_ROLES),
  record_committees_meeting: rule(['committees_deliberation'], COMMITTEE_ROLES),
  record_party_review: rule(['party_review'], BRANCH_ROLES),
  record_assembly_resolution: rule(['assembly_resolution'], VILLAGE_COMMITTEE_ROLES),
  start_implementation: rule(['resolution_disclosure'], VILLAGE_COMMITTEE_ROLES),
  report_progress: rule(['implementation'], VILLAGE_COMMITTEE_ROLES, true, true),
  report_result: rule(['implementation'], VILLAGE_COMMITTEE_ROLES, true, true),
  sign_off_result: rule(['implementation'], SUPERVISOR_ROLES),
  publish_result: rule(['implementation'], VILLAGE_COMMITTEE_ROLES),
  archive: rule(['result_disclosure'], VILLAGE_COMMITTEE_ROLES),
  withdraw: rule(DELIBERATIVE_STAGES, BRANCH_ROLES),
  repropose: rule(['rejected'], BRANCH_ROLES),
  file_objection: rule(DISCLOSURE_STAGES, RESIDENT_ROLES, false),
  answer_objection: rule(MATTER_STAGES, COMMITTEE_ROLES, false),
  add_opinion: rule(MATTER_STAGES, SUPERVISOR_ROLES, false),
  answer_opinion: rule(MATTER_STAGES, COMMITTEE_ROLES, false),
  lift_opinion: rule(MATTER_STAGES, SUPERVISOR_ROLES, false),
  send_back: rule(
    LIVE_STAGES.filter((s) => s !== 'branch_proposal'),
    SUPERVISOR_ROLES,
    false,
  ),
};

/** The event that completes each live stage (the stepper's "next step"). */
export const STAGE_ADVANCE_EVENT: Record<LiveStage, WorkflowEventType> = {
  branch_proposal: 'record_branch_meeting',
  committees_deliberation: 'record_committees_meeting',
  party_review: 'record_party_review',
  assembly_resolution: 'record_assembly_resolution',
  resolution_disclosure: 'start_implementation',
  implementation: 'publish_result',
  result_disclosure: 'archive',
};
