import type {
  BallotStatus,
  DecisionRule,
  DisclosureKind,
  DisclosureState,
  ImplementationState,
  MatterState,
  MotionCounts,
  ObjectionState,
  OpinionState,
  StageMeeting,
  WorkflowMeeting,
} from '@village/shared';
import type { Matter, MatterMeeting, MatterObjection, MatterOpinion } from '../entities';

/*
 * Rows → the shared MatterState that `transition()` reads, and back. No rule lives here: the state
 * columns are written from `next` after each accepted event, objections and opinions from their rows.
 */

/** A disclosure notice the matter published, kept after a send-back (marked superseded). */
export interface DisclosureRecord {
  kind: DisclosureKind;
  noticeId: string;
  startsOn: string;
  endsOn: string;
  revision: number;
  superseded: boolean;
}

/** The result report's words beside the state's figures. */
export interface ResultDetails {
  summary: string;
  photoIds: string[];
  reportedByResidentId: string;
  reportedAt: string;
  signedOffAt: string | null;
  signOffNote: string | null;
}

export function parseJson<T>(json: string | null): T | null {
  return json === null ? null : (JSON.parse(json) as T);
}

export function objectionState(o: MatterObjection): ObjectionState {
  return { id: o.id, disclosure: o.disclosure, filedOn: o.filedOn, answered: o.answeredAt !== null };
}

export function opinionState(o: MatterOpinion): OpinionState {
  return { id: o.id, stage: o.stage, blocking: Boolean(o.blocking), answered: o.answeredAt !== null, lifted: o.liftedAt !== null, addedOn: o.givenOn };
}

export function matterState(row: Matter, objections: readonly MatterObjection[], opinions: readonly MatterOpinion[]): MatterState {
  return {
    id: row.id,
    villageId: row.villageId,
    typeCode: row.typeCode,
    workflowVersion: row.workflowVersion,
    stage: row.stage,
    stageEnteredOn: row.stageEnteredOn,
    closedFrom: row.closedFrom,
    currentRevision: row.currentRevision,
    meetings: parseJson<Partial<Record<string, StageMeeting>>>(row.meetingsJson) ?? {},
    resolutionDisclosure: parseJson<DisclosureState>(row.resolutionDisclosureJson),
    resultDisclosure: parseJson<DisclosureState>(row.resultDisclosureJson),
    objections: objections.filter((o) => o.matterId === row.id).map(objectionState),
    opinions: opinions.filter((o) => o.matterId === row.id).map(opinionState),
    implementation: parseJson<ImplementationState>(row.implementationJson),
  };
}

/** The state columns of the matter row for `next` (objections and opinions live in their own rows). */
export function stateColumns(next: MatterState): Pick<
  Matter,
  'stage' | 'stageEnteredOn' | 'closedFrom' | 'currentRevision' | 'workflowVersion' | 'meetingsJson' | 'resolutionDisclosureJson' | 'resultDisclosureJson' | 'implementationJson'
> {
  return {
    stage: next.stage,
    stageEnteredOn: next.stageEnteredOn,
    closedFrom: next.closedFrom,
    currentRevision: next.currentRevision,
    workflowVersion: next.workflowVersion,
    meetingsJson: JSON.stringify(next.meetings),
    resolutionDisclosureJson: next.resolutionDisclosure ? JSON.stringify(next.resolutionDisclosure) : null,
    resultDisclosureJson: next.resultDisclosure ? JSON.stringify(next.resultDisclosure) : null,
    implementationJson: next.implementation ? JSON.stringify(next.implementation) : null,
  };
}

/** What the meeting's closed ballot says, read from the voting module's rows. */
export interface BallotFacts {
  ballotId: string;
  matterId: string | null;
  status: BallotStatus;
  rule: DecisionRule;
  /** Null until closed. */
  result: { eligible: number; participated: number; counts: MotionCounts; householdTurnout: { eligible: number; participated: number } | null } | null;
}

/** The held meeting as the workflow judges it; counts from the ballot when there is one, never typed. */
export function workflowMeeting(m: MatterMeeting, ballot: BallotFacts | null, photoCount: number): WorkflowMeeting {
  const records = { minutes: (m.minutes ?? '').trim().length > 0, signInSheetPhotos: photoCount, signers: parseJson<string[]>(m.signerIdsJson)?.length ?? 0 };
  const base = { meetingId: m.id, body: m.body, electorate: m.electorate, revision: m.revision, noticeGivenOn: m.noticeGivenOn, heldOn: m.heldOn ?? '', records };
  if (ballot) {
    const r = ballot.result;
    return {
      ...base,
      turnout: { eligible: r?.eligible ?? 0, participated: r?.participated ?? 0 },
      householdTurnout: r?.householdTurnout ?? null,
      counts: r?.counts ?? { for: 0, against: 0, abstain: 0 },
      source: { kind: 'ballot', ballotId: ballot.ballotId, matterId: ballot.matterId, status: ballot.status, rule: ballot.rule },
    };
  }
  const household = m.householdEligible !== null && m.householdPresent !== null ? { eligible: m.householdEligible, participated: m.householdPresent } : null;
  return {
    ...base,
    turnout: { eligible: m.eligibleCount ?? 0, participated: m.presentCount ?? 0 },
    householdTurnout: household,
    counts: parseJson<MotionCounts>(m.countsJson) ?? { for: 0, against: 0, abstain: 0 },
    source: { kind: 'paper', tellerResidentId: m.tellerResidentId, scrutineerResidentId: m.scrutineerResidentId, confirmed: m.countConfirmedAt !== null },
  };
}

/** Motion counts from a closed ballot's ChoiceCount[] (keys for / against / abstain). */
export function motionCountsOf(choiceCounts: readonly { key: string; total: number }[]): MotionCounts {
  const total = (key: string): number => choiceCounts.find((c) => c.key === key)?.total ?? 0;
  return { for: total('for'), against: total('against'), abstain: total('abstain') };
}
