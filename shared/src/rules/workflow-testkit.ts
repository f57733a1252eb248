import type { Role } from '../constants/roles';
import { GENERAL_MATTER_TYPE, type MatterTypeDefinition } from './matter-types';
import {
  WORKFLOW_VERSION,
  type MatterStage,
  type MatterState,
  type MeetingPurpose,
  type StageMeeting,
  type WorkflowContext,
  type WorkflowMeeting,
} from './workflow-model';

/*
 * Factories for tests of the workflow (shared specs, and the server's and mini-program's own):
 * a consistent matter in any stage, a context, and a meeting that passes for any purpose. Not
 * exported from the package index; import from '@village/shared/dist/rules/workflow-testkit'.
 *
 * The story the fixtures tell (village v1, today 2026-12-10):
 *   11-01 党组织提议 · 11-03 两委商议 · 11-05 党员大会 · 11-20 村民会议 (notice 11-08)
 *   决议公示 11-20…11-26 · 实施 from 11-27 · result reported 12-01 · 结果公示 12-01…12-07
 */

export const TEST_TODAY = '2026-12-10';
export const TEST_VILLAGE = 'v1';
export const TEST_MATTER = 'matter-1';

export function testContext(overrides: Partial<WorkflowContext> = {}, roles: readonly Role[] = ['villager', 'secretary'], residentId = 'r-actor'): WorkflowContext {
  return {
    villageId: TEST_VILLAGE,
    today: TEST_TODAY,
    actor: { residentId, roles },
    secretaryOneShoulder: false,
    matterType: GENERAL_MATTER_TYPE,
    authorizations: [],
    ...overrides,
  };
}

const passed = (meetingId: string, heldOn: string, revision = 1, merged = false): StageMeeting => ({ meetingId, revision, heldOn, outcome: 'passed', merged });

/** A consistent matter in `stage`, ready for the stage's next step (windows over, result signed off). */
export function matterAt(stage: MatterStage, type: MatterTypeDefinition = GENERAL_MATTER_TYPE): MatterState {
  const base: MatterState = {
    id: TEST_MATTER,
    villageId: TEST_VILLAGE,
    typeCode: type.code,
    workflowVersion: WORKFLOW_VERSION,
    stage: 'branch_proposal',
    stageEnteredOn: '2026-10-30',
    closedFrom: null,
    currentRevision: 1,
    meetings: {},
    resolutionDisclosure: null,
    resultDisclosure: null,
    objections: [],
    opinions: [],
    implementation: null,
  };
  const m1 = passed('m-branch', '2026-11-01');
  const m2 = passed('m-committees', '2026-11-03');
  const m3 = passed('m-party', '2026-11-05');
  const m4 = passed('m-assembly', '2026-11-20');
  const resolution = { startsOn: '2026-11-20', endsOn: '2026-11-26', noticeId: 'n-resolution', revision: 1 };
  const implementation = {
    responsibleResidentId: 'r-responsible',
    plannedStartOn: '2026-11-27',
    plannedEndOn: '2026-12-31',
    budgetFen: 100_000,
    startedOn: '2026-11-27',
    progressReports: 1,
    spentFen: 50_000,
    result: { reportedOn: '2026-12-01', completedOn: '2026-12-01', totalSpentFen: 98_000, signedOffBy: 'r-supervisor' },
  };
  const result = { startsOn: '2026-12-01', endsOn: '2026-12-07', noticeId: 'n-result', revision: 1 };
  switch (stage) {
    case 'branch_proposal':
      return base;
    case 'committees_deliberation':
      return { ...base, stage, stageEnteredOn: '2026-11-01', meetings: { branch_proposal: m1 } };
    case 'party_review':
      return { ...base, stage, stageEnteredOn: '2026-11-03', meetings: { branch_proposal: m1, committees_deliberation: m2 } };
    case 'assembly_resolution':
      return { ...base, stage, stageEnteredOn: '2026-11-05', meetings: { branch_proposal: m1, committees_deliberation: m2, party_review: m3 } };
    case 'resolution_disclosure':
      return { ...matterAt('assembly_resolution', type), stage, stageEnteredOn: '2026-11-20', meetings: { branch_proposal: m1, committees_deliberation: m2, party_review: m3, assembly_resolution: m4 }, resolutionDisclosure: resolution };
    case 'implementation':
      return { ...matterAt('resolution_disclosure', type), stage, stageEnteredOn: '2026-11-27', implementation };
    case 'result_disclosure':
      return { ...matterAt('implementation', type), stage, stageEnteredOn: '2026-12-01', resultDisclosure: result };
    case 'archived':
      return { ...matterAt('result_disclosure', type), stage, stageEnteredOn: '2026-12-08' };
    case 'rejected':
      return {
        ...matterAt('assembly_resolution', type),
        stage,
        stageEnteredOn: '2026-11-20',
        closedFrom: 'assembly_resolution',
        meetings: { branch_proposal: m1, committees_deliberation: m2, party_review: m3, assembly_resolution: { ...m4, outcome: 'rejected' } },
      };
    case 'withdrawn':
      return { ...matterAt('party_review', type), stage, stageEnteredOn: '2026-11-04', closedFrom: 'party_review' };
    default: {
      const never: never = stage;
      throw new Error(`unknown stage ${String(never)}`);
    }
  }
}

/** A meeting that passes for `purpose`, on revision 1, held yesterday with 12 days' notice. */
export function meetingFor(purpose: MeetingPurpose, overrides: Partial<WorkflowMeeting> = {}): WorkflowMeeting {
  const common = {
    meetingId: `m-new-${purpose}`,
    revision: 1,
    noticeGivenOn: '2026-11-27',
    heldOn: '2026-12-09',
    records: { minutes: true, signInSheetPhotos: 1, signers: 2 },
  };
  switch (purpose) {
    case 'branch_proposal':
    case 'merged_proposal':
    case 'committees_deliberation':
      return {
        ...common,
        body: 'committee_meeting',
        electorate: 'committee_members',
        turnout: { eligible: 7, participated: 6 },
        counts: { for: 5, against: 1, abstain: 0 },
        source: { kind: 'paper', tellerResidentId: null, scrutineerResidentId: null, confirmed: true },
        ...overrides,
      };
    case 'party_review':
      return {
        ...common,
        body: 'party_assembly',
        electorate: 'party_members',
        turnout: { eligible: 15, participated: 12 },
        counts: { for: 10, against: 2, abstain: 0 },
        source: { kind: 'paper', tellerResidentId: 'r-teller', scrutineerResidentId: 'r-scrutineer', confirmed: true },
        ...overrides,
      };
    case 'assembly_resolution':
      return {
        ...common,
        body: 'villager_assembly',
        electorate: 'households',
        turnout: { eligible: 85, participated: 60 },
        counts: { for: 41, against: 12, abstain: 5 },
        source: { kind: 'ballot', ballotId: 'b-1', matterId: TEST_MATTER, status: 'closed', rule: { body: 'villager_assembly', override: null } },
        ...overrides,
      };
    default: {
      const never: never = purpose;
      throw new Error(`unknown purpose ${String(never)}`);
    }
  }
}
