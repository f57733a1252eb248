import { Injectable } from '@nestjs/common';
import {
  chinaDay,
  DECISION_BODY_LABELS,
  fenLabel,
  MATTER_STAGE_LABELS,
  NOTICE_TITLE_MAX,
  proposeMatter,
  transition,
  type BallotTally,
  type DisclosureKind,
  type MatterStage,
  type MatterState,
  type TransitionResult,
  type WorkflowContext,
  type WorkflowEffect,
  type WorkflowEvent,
} from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork, type Work } from '../audit/unit-of-work';
import { SystemNoticePublisher } from '../notices/system-notice-publisher';
import { Matter, MatterMeeting, MatterProgress, MatterRevision } from './entities';
import { matterState, parseJson, stateColumns, type DisclosureRecord, type ResultDetails } from './domain/matter-state';
import { MatterStore } from './matter.store';
import { MatterException } from './matters.exception';

/** New text for `amend`, `repropose` and `propose`. */
export interface RevisionContent {
  title: string;
  body: string;
  budgetFen: number | null;
  changeNote: string | null;
}

/** What the caller adds to an event: rows the effects need, and writes of its own (objection, opinion rows). */
export interface EventPlan {
  event: WorkflowEvent;
  revision?: RevisionContent;
  progress?: { text: string; photoIds: string[] };
  result?: { summary: string; photoIds: string[] };
  signOffNote?: string | null;
  closedReason?: string | null;
  /** Writes beside the matter row, in the same unit of work, after the transition was accepted. */
  write?: (store: MatterStore, result: Extract<TransitionResult, { ok: true }>) => Promise<void>;
  /** Extra fields for the audit event. */
  audit?: Record<string, string | number | boolean | null>;
}

export interface Loaded {
  row: Matter;
  state: MatterState;
  context: WorkflowContext;
}

/** See MatterWorkflowService.onStageChanged. */
export type StageListener = (work: Work, change: { matter: Matter; from: MatterStage; to: MatterStage }) => Promise<void>;

/**
 * The one write path of matters: rebuild the MatterState from the rows, run the shared
 * `transition()`, and — only when it is accepted — save `next`, carry out every effect (revisions,
 * meeting outcomes, disclosure notices…) and write the audit event, all in one unit of work.
 * A refusal is 409 MATTER_TRANSITION_REFUSED with every unmet condition, and nothing is written.
 */
@Injectable()
export class MatterWorkflowService {
  private readonly stageListeners: StageListener[] = [];

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly notices: SystemNoticePublisher,
  ) {}

  /**
   * Lets another module act, in the same unit of work, when a matter moves to another stage (the
   * points module adopts a rule book when its 村规民约 matter is resolved). A listener that throws
   * rolls the whole transition back. Matters never import their listeners' modules.
   */
  onStageChanged(listener: StageListener): void {
    this.stageListeners.push(listener);
  }

  async context(store: MatterStore, actor: VillageActor, typeCode: string): Promise<WorkflowContext> {
    return {
      villageId: actor.villageId,
      today: chinaDay(this.clock.now()),
      actor: { residentId: actor.residentId, roles: actor.roles },
      secretaryOneShoulder: await store.secretaryOneShoulder(actor.villageId),
      matterType: await store.matterType(actor.villageId, typeCode),
      authorizations: await store.authorizations(actor.villageId),
      policy: await store.policy(actor.villageId),
    };
  }

  async load(store: MatterStore, actor: VillageActor, matterId: string, lock = false): Promise<Loaded> {
    const row = await store.matter(actor.villageId, matterId, lock);
    const [objections, opinions] = await Promise.all([store.objections([row.id]), store.opinions([row.id])]);
    return { row, state: matterState(row, objections, opinions), context: await this.context(store, actor, row.typeCode) };
  }

  /** 提出事项: revision 1 at 党组织提议. */
  async propose(actor: VillageActor, input: { typeCode: string; proposalId: string | null } & RevisionContent): Promise<string> {
    return this.uow.run(auditActor(actor), (work) => this.proposeWithin(work, actor, input));
  }

  /**
   * `propose` inside a unit of work the caller already runs (a villager proposal converted to a
   * matter: the proposal's change, the matter and both audit events commit together).
   */
  async proposeWithin(work: Work, actor: VillageActor, input: { typeCode: string; proposalId: string | null } & RevisionContent): Promise<string> {
    {
      const store = new MatterStore(work.manager);
      const id = store.newId();
      const context = await this.context(store, actor, input.typeCode);
      const result = proposeMatter({ id, typeCode: input.typeCode }, context);
      if (!result.ok) throw MatterException.refused('propose', null, result.unmet);
      const now = this.clock.now();
      const row: Matter = {
        id,
        villageId: actor.villageId,
        typeCode: input.typeCode,
        title: input.title,
        body: input.body,
        budgetFen: input.budgetFen,
        ...stateColumns(result.next),
        closedReason: null,
        disclosuresJson: '[]',
        resultDetailsJson: null,
        proposalId: input.proposalId,
        createdByResidentId: actor.residentId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await work.manager.insert(Matter, row);
      await this.effects(work, store, actor, row, result, { revision: input });
      await work.record({
        action: 'matter.proposed',
        entityType: 'matter',
        entityId: id,
        after: { event: 'propose', fromStage: null, toStage: result.next.stage, typeCode: input.typeCode, revision: 1, summary: result.summary, version: 1, proposalId: input.proposalId },
      });
      return id;
    }
  }

  /**
   * Applies one event to a matter. `version` (optimistic lock) is checked when given; `plan` builds
   * the WorkflowEvent from the loaded matter (e.g. a WorkflowMeeting from the meeting row and its ballot).
   */
  async apply(actor: VillageActor, matterId: string, version: number | null, plan: (store: MatterStore, loaded: Loaded) => Promise<EventPlan>): Promise<void> {
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      const loaded = await this.load(store, actor, matterId, true);
      if (version !== null && version !== loaded.row.version) throw MatterException.versionConflict();
      const p = await plan(store, loaded);
      const result = transition(loaded.state, p.event, loaded.context);
      if (!result.ok) throw MatterException.refused(p.event.type, loaded.state.stage, result.unmet);

      const row: Matter = { ...loaded.row, ...stateColumns(result.next), updatedAt: this.clock.now(), version: loaded.row.version + 1 };
      if (p.closedReason !== undefined) row.closedReason = p.closedReason;
      await this.effects(work, store, actor, row, result, p);
      // Disclosure notice ids were written into `next` by the effects.
      Object.assign(row, stateColumns(result.next));
      const updated = await work.manager.update(
        Matter,
        { id: row.id, version: loaded.row.version },
        {
          ...stateColumns(result.next),
          title: row.title,
          body: row.body,
          budgetFen: row.budgetFen,
          closedReason: row.closedReason,
          disclosuresJson: row.disclosuresJson,
          resultDetailsJson: row.resultDetailsJson,
          updatedAt: row.updatedAt,
          version: row.version,
        },
      );
      if (updated.affected === 0) throw MatterException.versionConflict();
      if (p.write) await p.write(store, result);
      if (result.next.stage !== loaded.state.stage) {
        for (const listener of this.stageListeners) await listener(work, { matter: row, from: loaded.state.stage, to: result.next.stage });
      }
      await work.record({
        action: `matter.${p.event.type}`,
        entityType: 'matter',
        entityId: row.id,
        before: { stage: loaded.state.stage, revision: loaded.state.currentRevision, version: loaded.row.version },
        after: {
          event: p.event.type,
          fromStage: result.from,
          toStage: result.next.stage,
          revision: result.next.currentRevision,
          summary: result.summary,
          version: row.version,
          effects: result.effects.map((e) => e.type).join(','),
          ...(p.audit ?? {}),
        },
      });
    });
  }

  /** Carries out every effect of an accepted transition; the switch is exhaustive. */
  private async effects(
    work: Work,
    store: MatterStore,
    actor: VillageActor,
    row: Matter,
    result: Extract<TransitionResult, { ok: true }>,
    plan: Pick<EventPlan, 'revision' | 'progress' | 'result' | 'signOffNote'>,
  ): Promise<void> {
    const now = this.clock.now();
    const disclosures = parseJson<DisclosureRecord[]>(row.disclosuresJson) ?? [];
    const withdrawn: { kind: DisclosureKind; noticeId: string; reason: string }[] = [];
    const published = new Map<DisclosureKind, string>();
    for (const effect of result.effects) {
      switch (effect.type) {
        case 'create_revision': {
          const content = plan.revision;
          if (!content) throw new Error('create_revision without the new text');
          const revision: MatterRevision = {
            id: store.newId(),
            matterId: row.id,
            villageId: row.villageId,
            number: effect.revision,
            title: content.title,
            body: content.body,
            budgetFen: content.budgetFen,
            changeNote: content.changeNote,
            stage: result.from ?? 'branch_proposal',
            createdByResidentId: actor.residentId,
            createdAt: now,
          };
          await work.manager.insert(MatterRevision, revision);
          Object.assign(row, { title: content.title, body: content.body, budgetFen: content.budgetFen });
          break;
        }
        case 'record_meeting':
          await work.manager.update(
            MatterMeeting,
            { id: effect.meetingId, matterId: row.id },
            { status: 'applied', outcome: effect.outcome, tallyJson: JSON.stringify(effect.tally), recordedByResidentId: actor.residentId },
          );
          break;
        case 'publish_resolution_notice': {
          const meeting = await store.meeting(row.villageId, row.id, effect.meetingId);
          const tally = parseJson<BallotTally>(meeting.tallyJson) ?? result.effects.flatMap((e) => (e.type === 'record_meeting' && e.meetingId === meeting.id ? [e.tally] : []))[0] ?? null;
          const { id } = await this.notices.publish(work, {
            villageId: row.villageId,
            kind: 'resolution',
            title: noticeTitle('决议公示：', row.title),
            body: resolutionBody(row, effect, meeting, tally),
            windowDays: days(effect.startsOn, effect.endsOn),
            source: { entityType: 'matter.resolution', entityId: `${row.id}:${row.version}` },
          });
          if (result.next.resolutionDisclosure) result.next.resolutionDisclosure = { ...result.next.resolutionDisclosure, noticeId: id };
          disclosures.push({ kind: 'resolution', noticeId: id, startsOn: effect.startsOn, endsOn: effect.endsOn, revision: effect.revision, superseded: false });
          published.set('resolution', id);
          break;
        }
        case 'publish_result_notice': {
          const details = parseJson<ResultDetails>(row.resultDetailsJson);
          const { id } = await this.notices.publish(work, {
            villageId: row.villageId,
            kind: 'result',
            title: noticeTitle('实施结果公示：', row.title),
            body: resultBody(row, effect, result.next, details),
            windowDays: days(effect.startsOn, effect.endsOn),
            source: { entityType: 'matter.result', entityId: `${row.id}:${row.version}` },
          });
          if (result.next.resultDisclosure) result.next.resultDisclosure = { ...result.next.resultDisclosure, noticeId: id };
          disclosures.push({ kind: 'result', noticeId: id, startsOn: effect.startsOn, endsOn: effect.endsOn, revision: effect.revision, superseded: false });
          published.set('result', id);
          break;
        }
        case 'supersede_notice':
          for (const d of disclosures) if (d.noticeId === effect.noticeId) d.superseded = true;
          withdrawn.push({ kind: effect.disclosure, noticeId: effect.noticeId, reason: effect.reason });
          break;
        case 'record_progress': {
          const progress = plan.progress;
          if (!progress) throw new Error('record_progress without the report');
          await work.manager.insert(MatterProgress, {
            id: effect.reportId,
            matterId: row.id,
            villageId: row.villageId,
            text: progress.text,
            spentFen: effect.spentFen,
            photoIdsJson: JSON.stringify(progress.photoIds),
            reportedByResidentId: actor.residentId,
            reportedOn: chinaDay(now),
            createdAt: now,
          });
          break;
        }
        case 'record_result': {
          const r = plan.result;
          if (!r) throw new Error('record_result without the report');
          const details: ResultDetails = { summary: r.summary, photoIds: r.photoIds, reportedByResidentId: actor.residentId, reportedAt: now.toISOString(), signedOffAt: null, signOffNote: null };
          row.resultDetailsJson = JSON.stringify(details);
          break;
        }
        case 'archive_notices':
          await this.notices.archive(work, { villageId: row.villageId, noticeIds: effect.noticeIds });
          break;
        case 'notify':
          // No message channel yet: the audit event lists the effects, and the matter's page shows what awaits whom.
          break;
        default:
          assertNeverEffect(effect);
      }
    }
    // Taken down, never deleted; linked to the notice published in its place in this same transition.
    for (const w of withdrawn) {
      await this.notices.withdraw(work, { villageId: row.villageId, noticeId: w.noticeId, reason: w.reason, replacedBy: published.get(w.kind) ?? null });
    }
    if (result.event === 'sign_off_result') {
      const details = parseJson<ResultDetails>(row.resultDetailsJson);
      if (details) row.resultDetailsJson = JSON.stringify({ ...details, signedOffAt: now.toISOString(), signOffNote: plan.signOffNote ?? null });
    }
    row.disclosuresJson = JSON.stringify(disclosures);
  }
}

function assertNeverEffect(effect: never): never {
  throw new Error(`未知的事项效果：${JSON.stringify(effect)}`);
}

function days(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

function noticeTitle(prefix: string, title: string): string {
  const chars = [...`${prefix}${title}`];
  return chars.length <= NOTICE_TITLE_MAX ? chars.join('') : `${chars.slice(0, NOTICE_TITLE_MAX - 1).join('')}…`;
}

/** Table cells may not contain the column separator. */
const cell = (text: string): string => text.replace(/\|/g, '｜').replace(/\s+/g, ' ').trim();

function resolutionBody(
  row: Matter,
  effect: Extract<WorkflowEffect, { type: 'publish_resolution_notice' }>,
  meeting: MatterMeeting,
  tally: BallotTally | null,
): string {
  const lines = [
    `## ${cell(row.title)}`,
    '',
    `${DECISION_BODY_LABELS[meeting.body]}于 ${meeting.heldOn} 表决通过本事项（第 ${effect.revision} 稿），现予公示。公示期 ${effect.startsOn} 至 ${effect.endsOn}，村民如有异议，可在“议事”中对本事项提出。`,
    '',
    '## 决议内容',
    '',
    row.body,
    '',
  ];
  if (row.budgetFen !== null) lines.push(`预算：${fenLabel(row.budgetFen)}`, '');
  if (tally) {
    lines.push('## 表决情况', '', '| 序号 | 计票说明 |', '| --- | --- |');
    tally.lines.forEach((line, i) => lines.push(`| ${i + 1} | ${cell(line)} |`));
    lines.push('');
  }
  return lines.join('\n');
}

function resultBody(
  row: Matter,
  effect: Extract<WorkflowEffect, { type: 'publish_result_notice' }>,
  next: MatterState,
  details: ResultDetails | null,
): string {
  const impl = next.implementation;
  const lines = [
    `## ${cell(row.title)}`,
    '',
    `本事项（第 ${effect.revision} 稿）已实施完毕，现将实施结果公示。公示期 ${effect.startsOn} 至 ${effect.endsOn}，村民如有异议，可在“议事”中对本事项提出。`,
    '',
  ];
  if (details) lines.push('## 实施情况', '', details.summary, '');
  lines.push('| 项目 | 情况 |', '| --- | --- |');
  if (impl) {
    lines.push(`| 计划工期 | ${impl.plannedStartOn} 至 ${impl.plannedEndOn} |`);
    if (impl.result) lines.push(`| 完成日期 | ${impl.result.completedOn} |`);
    if (impl.budgetFen !== null) lines.push(`| 预算 | ${fenLabel(impl.budgetFen)} |`);
  }
  lines.push(`| 实际支出 | ${fenLabel(effect.totalSpentFen)} |`, `| 所处阶段 | ${MATTER_STAGE_LABELS[next.stage]} |`, '');
  return lines.join('\n');
}

