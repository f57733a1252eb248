import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  availableActions,
  chinaDay,
  checkMeetingNotice,
  daysBetween,
  decisionBodyFor,
  decisionRuleFor,
  describeRule,
  diffRevisions,
  DISCLOSURE_KIND_LABELS,
  isClosedStage,
  MATTER_PAGE_SIZE_DEFAULT,
  MATTER_STAGE_LABELS,
  meetingLabel,
  isHeldUp,
  stageBlockers,
  stageSteps,
  STAGE_ADVANCE_EVENT,
  voterUnitOf,
  WORKFLOW_EVENT_LABELS,
  DECISION_MODE_LABELS,
  type BallotTally,
  type DecisionBody,
  type LiveStage,
  type MatterDetail,
  type MatterDisclosureView,
  type MatterFile as MatterFileView,
  type MatterListItem,
  type MatterMeetingView,
  type MatterPage,
  type MatterState,
  type MatterTimelineEntry,
  type MatterTypeView,
  type NamedRef,
  type Page,
  type WorkflowContext,
  type WorkflowEventType,
} from '@village/shared';
import { DataSource, In } from 'typeorm';
import type { VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { maskName } from '../../common/privacy/mask';
import { AuditEvent } from '../audit/entities/audit-event.entity';
import { UnitOfWork } from '../audit/unit-of-work';
import { Ballot } from '../voting/entities';
import { matterState, parseJson, type DisclosureRecord, type ResultDetails } from './domain/matter-state';
import type { ListMattersQueryDto } from './dto/matter.dto';
import { objectionVisibility } from './domain/objection-visibility';
import { Matter, MatterFile, type MatterObjection } from './entities';
import { MatterFileLinks } from './matter-file-links';
import { MatterStore } from './matter.store';
import { MatterWorkflowService } from './matter-workflow.service';

const COMMITTEE_OR_SUPERVISOR = ['secretary', 'branch_committee', 'village_committee', 'supervisor'];

/** The read side of matters: lists, a matter as the caller sees it (stepper, actions, records), types. */
@Injectable()
export class MattersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly workflow: MatterWorkflowService,
    private readonly links: MatterFileLinks,
  ) {}

  private read<T>(task: (store: MatterStore) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(new MatterStore(this.dataSource.manager)));
  }

  async types(actor: VillageActor): Promise<MatterTypeView[]> {
    const store = new MatterStore(this.dataSource.manager);
    return (await store.matterTypes(actor.villageId)).map((t) => ({
      code: t.code,
      label: t.label,
      description: t.description,
      legalBasis: t.legalBasis,
      statutory: t.statutory,
      decisionMode: t.decisionMode,
      decisionModeLabel: DECISION_MODE_LABELS[t.decisionMode],
      override: t.override,
      ruleLabels: decisionBodyFor(t, [], chinaDay(this.clock.now())).bodies.map((b) => describeRule(decisionRuleFor(t, b))),
    }));
  }

  async list(actor: VillageActor, q: ListMattersQueryDto): Promise<MatterPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? MATTER_PAGE_SIZE_DEFAULT;
    return this.read(async (store) => {
      const query = store.manager.getRepository(Matter).createQueryBuilder('m').where('m.village_id = :villageId', { villageId: actor.villageId });
      if (q.stage) query.andWhere('m.stage = :stage', { stage: q.stage });
      if (q.typeCode) query.andWhere('m.type_code = :typeCode', { typeCode: q.typeCode });
      if (q.open === true) query.andWhere('m.stage NOT IN (:...closed)', { closed: ['archived', 'rejected', 'withdrawn'] });
      if (q.open === false) query.andWhere('m.stage IN (:...closed)', { closed: ['archived', 'rejected', 'withdrawn'] });
      query.orderBy('m.updated_at', 'DESC').addOrderBy('m.id', 'ASC');
      const all = q.awaitingMe ? await query.getMany() : null;
      const rows = all ?? (await query.skip((page - 1) * pageSize).take(pageSize).getMany());
      const total = all ? 0 : await query.getCount();
      const ids = rows.map((r) => r.id);
      const [objections, opinions] = await Promise.all([store.objections(ids), store.opinions(ids)]);
      let items: MatterListItem[] = [];
      for (const row of rows) {
        const state = matterState(row, objections, opinions);
        const context = await this.workflow.context(store, actor, row.typeCode);
        if (all && !availableActions(state, context).some((a) => a.relevant && a.allowed)) continue;
        items.push(listItem(row, state, context, objections));
      }
      if (all) {
        const count = items.length;
        items = items.slice((page - 1) * pageSize, page * pageSize);
        return { items, total: count, page, pageSize };
      }
      return { items, total, page, pageSize };
    });
  }

  /** Who signed in at a meeting, a page at a time; names masked for villagers outside the 两委 and 监委会. */
  async attendees(actor: VillageActor, matterId: string, meetingId: string, page: number, pageSize: number): Promise<Page<NamedRef>> {
    return this.read(async (store) => {
      await store.matter(actor.villageId, matterId);
      const meeting = await store.meeting(actor.villageId, matterId, meetingId);
      const ids = parseJson<string[]>(meeting.attendeeIdsJson) ?? [];
      const names = await store.names(actor.villageId, ids);
      const privileged = actor.roles.some((r) => COMMITTEE_OR_SUPERVISOR.includes(r));
      const all = ids
        .map((id) => ({ id, name: names.get(id) ?? '（已不在名册）' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
        .map((r) => (privileged || r.id === actor.residentId ? r : { id: '', name: maskName(r.name) }));
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    });
  }

  async detail(actor: VillageActor, matterId: string): Promise<MatterDetail> {
    return this.read(async (store) => {
      const { row, state, context } = await this.workflow.load(store, actor, matterId);
      const [revisions, meetings, objections, opinions, progress] = await Promise.all([
        store.revisions(row.id),
        store.meetings(row.id),
        store.objections([row.id]),
        store.opinions([row.id]),
        store.progress(row.id),
      ]);
      const events = await store.manager.getRepository(AuditEvent).find({ where: { villageId: actor.villageId, entityType: 'matter', entityId: row.id }, order: { seq: 'ASC' } });
      const ballots = await store.manager.getRepository(Ballot).find({ where: { id: In(meetings.map((m) => m.ballotId).filter((id): id is string => Boolean(id)).concat(['-'])) } });
      const impl = state.implementation;
      const result = parseJson<ResultDetails>(row.resultDetailsJson);
      const fileIds = [
        ...meetings.flatMap((m) => parseJson<string[]>(m.photoIdsJson) ?? []),
        ...progress.flatMap((p) => parseJson<string[]>(p.photoIdsJson) ?? []),
        ...(result?.photoIds ?? []),
      ];
      const files = fileIds.length ? await store.manager.getRepository(MatterFile).find({ where: { villageId: actor.villageId, id: In(fileIds) } }) : [];
      const names = await store.names(actor.villageId, [
        row.createdByResidentId,
        ...revisions.map((r) => r.createdByResidentId),
        ...meetings.flatMap((m) => [m.tellerResidentId, m.scrutineerResidentId, m.recordedByResidentId, ...(parseJson<string[]>(m.signerIdsJson) ?? [])]),
        ...objections.flatMap((o) => [o.filedByResidentId, o.answeredByResidentId, o.reviewedByResidentId]),
        ...opinions.flatMap((o) => [o.givenByResidentId, o.answeredByResidentId, o.liftedByResidentId]),
        ...progress.map((p) => p.reportedByResidentId),
        impl?.responsibleResidentId,
        result?.reportedByResidentId,
        impl?.result?.signedOffBy,
        ...events.map((e) => e.actorId),
      ]);
      const ref = (id: string | null | undefined): NamedRef => ({ id: id ?? '', name: (id && names.get(id)) || '（已不在名册）' });
      const file = (id: string): MatterFileView[] => {
        const f = files.find((x) => x.id === id);
        return f ? [{ id: f.id, fileName: f.fileName, contentType: f.contentType, url: this.links.url(f.id) }] : [];
      };
      const privileged = actor.roles.some((r) => COMMITTEE_OR_SUPERVISOR.includes(r));
      const today = context.today;
      const ruling = decisionBodyFor(context.matterType, context.authorizations, today);
      const disclosures = parseJson<DisclosureRecord[]>(row.disclosuresJson) ?? [];

      const meetingViews: MatterMeetingView[] = meetings.map((m) => {
        const ballot = ballots.find((b) => b.id === m.ballotId) ?? null;
        const tally = parseJson<BallotTally>(m.tallyJson);
        const heldOrPlanned = m.heldOn ?? chinaDay(m.scheduledAt);
        const notice = m.body === 'poll' ? null : checkMeetingNotice(m.body as Exclude<DecisionBody, 'poll'>, m.noticeGivenOn, heldOrPlanned, context.policy);
        const counts = parseJson<{ for: number; against: number; abstain: number }>(m.countsJson);
        return {
          id: m.id,
          purpose: m.purpose,
          purposeLabel: meetingLabel(m.purpose, m.body),
          body: m.body,
          electorate: m.electorate,
          status: m.status,
          scheduledAt: m.scheduledAt.toISOString(),
          place: m.place,
          noticeGivenOn: m.noticeGivenOn,
          noticeLeadDays: m.noticeGivenOn ? daysBetween(m.noticeGivenOn, heldOrPlanned) : null,
          noticeWarning: notice?.reason ?? null,
          revision: m.revision,
          heldOn: m.heldOn,
          attendance:
            tally !== null
              ? { unit: voterUnitOf(m.electorate), eligible: tally.quorum.checks[0]?.eligible ?? 0, present: tally.quorum.checks[0]?.participated ?? 0 }
              : m.eligibleCount !== null
                ? { unit: voterUnitOf(m.electorate), eligible: m.eligibleCount, present: m.presentCount ?? 0 }
                : null,
          minutes: m.minutes,
          signInSheetPhotos: (parseJson<string[]>(m.photoIdsJson) ?? []).flatMap(file),
          signers: (parseJson<string[]>(m.signerIdsJson) ?? []).map(ref),
          count: ballot
            ? { kind: 'ballot', ballotId: ballot.id, ballotTitle: ballot.title, ballotStatus: ballot.status, rule: { body: ballot.decisionBody, override: ballot.matterOverride } }
            : m.countsJson !== null
              ? { kind: 'paper', teller: m.tellerResidentId ? ref(m.tellerResidentId) : null, scrutineer: m.scrutineerResidentId ? ref(m.scrutineerResidentId) : null, confirmedAt: m.countConfirmedAt?.toISOString() ?? null }
              : null,
          counts,
          outcome: tally ? { result: tally.outcome, explanation: tally.explanation, lines: tally.lines, quorum: tally.quorum } : null,
          recordedBy: m.recordedByResidentId ? ref(m.recordedByResidentId) : null,
          cancelledReason: m.cancelledReason,
        };
      });

      const disclosureViews: MatterDisclosureView[] = disclosures.map((d) => {
        const mine = objections.filter((o) => o.disclosure === d.kind);
        return {
          kind: d.kind,
          noticeId: d.noticeId,
          noticeTitle: `${DISCLOSURE_KIND_LABELS[d.kind]}：${row.title}`,
          window: { startsOn: d.startsOn, endsOn: d.endsOn },
          status: d.superseded ? 'superseded' : today > d.endsOn ? 'ended' : 'open',
          revision: d.revision,
          objections: mine.length,
          unansweredObjections: mine.filter((o) => o.answeredAt === null).length,
        };
      });

      const timeline: MatterTimelineEntry[] = events.map((e) => {
        const after = parseJson<Record<string, unknown>>(e.afterJson) ?? {};
        return {
          at: e.occurredAt,
          event: (after.event as WorkflowEventType | 'propose') ?? 'propose',
          by: ref(e.actorId),
          role: e.actorRole ?? '',
          fromStage: (after.fromStage as MatterState['stage'] | null) ?? null,
          toStage: (after.toStage as MatterState['stage']) ?? state.stage,
          summary: String(after.summary ?? ''),
          auditSeq: e.seq,
        };
      });

      return {
        ...listItem(row, state, context, objections),
        villageId: row.villageId,
        body: row.body,
        budgetFen: row.budgetFen,
        workflowVersion: row.workflowVersion,
        decision: {
          bodies: ruling.bodies,
          authorizationId: ruling.authorization?.id ?? null,
          representativeRefusal: ruling.representativeRefusal,
          ruleLabels: ruling.bodies.map((b) => describeRule(decisionRuleFor(context.matterType, b))),
        },
        stepper: stageSteps(state, context),
        revisions: revisions.map((r, i) => {
          const before = i > 0 ? revisions[i - 1] : null;
          return {
            number: r.number,
            title: r.title,
            body: r.body,
            budgetFen: r.budgetFen,
            changeNote: r.changeNote,
            diff: before ? diffRevisions({ title: before.title, body: before.body, budgetFen: before.budgetFen }, { title: r.title, body: r.body, budgetFen: r.budgetFen }) : null,
            createdBy: ref(r.createdByResidentId),
            createdAt: r.createdAt.toISOString(),
            stage: r.stage,
            current: r.number === state.currentRevision,
          };
        }),
        meetings: meetingViews,
        disclosures: disclosureViews,
        objections: objections.flatMap((o) => {
          const mine = o.filedByResidentId === actor.residentId;
          const visibility = objectionVisibility(o);
          const insider = mine || privileged;
          if (visibility === 'held' && !insider) return [];
          const by = ref(o.filedByResidentId);
          return [
            {
              id: o.id,
              disclosure: o.disclosure,
              text: visibility === 'open' || insider ? o.text : '（内容审核中）',
              status: o.answeredAt ? 'answered' : visibility,
              filedBy: insider ? by : { id: '', name: maskName(by.name) },
              filedAt: o.filedAt.toISOString(),
              answer: o.answeredAt ? { text: o.answerText ?? '', by: ref(o.answeredByResidentId), at: o.answeredAt.toISOString() } : null,
              review:
                o.reviewDecision && o.reviewedAt && insider
                  ? { decision: o.reviewDecision, reason: o.reviewReason, by: ref(o.reviewedByResidentId), at: o.reviewedAt.toISOString() }
                  : null,
              mine,
            },
          ];
        }),
        opinions: opinions.map((o) => ({
          id: o.id,
          stage: o.stage,
          stageLabel: MATTER_STAGE_LABELS[o.stage],
          text: o.text,
          blocking: Boolean(o.blocking),
          by: ref(o.givenByResidentId),
          at: o.givenAt.toISOString(),
          answer: o.answeredAt ? { text: o.answerText ?? '', by: ref(o.answeredByResidentId), at: o.answeredAt.toISOString() } : null,
          lifted: o.liftedAt ? { by: ref(o.liftedByResidentId), at: o.liftedAt.toISOString(), note: o.liftNote } : null,
          status: o.liftedAt ? 'lifted' : o.answeredAt ? 'answered' : 'open',
        })),
        implementation: impl
          ? {
              responsible: ref(impl.responsibleResidentId),
              plannedStartOn: impl.plannedStartOn,
              plannedEndOn: impl.plannedEndOn,
              budgetFen: impl.budgetFen,
              startedOn: impl.startedOn,
              spentFen: impl.spentFen,
              overdue: impl.result === null && today > impl.plannedEndOn,
              progress: progress.map((p) => ({
                id: p.id,
                text: p.text,
                spentFen: p.spentFen,
                photos: (parseJson<string[]>(p.photoIdsJson) ?? []).flatMap(file),
                reportedBy: ref(p.reportedByResidentId),
                reportedOn: p.reportedOn,
              })),
              result:
                impl.result && result
                  ? {
                      summary: result.summary,
                      completedOn: impl.result.completedOn,
                      totalSpentFen: impl.result.totalSpentFen,
                      photos: result.photoIds.flatMap(file),
                      reportedBy: ref(result.reportedByResidentId),
                      reportedOn: impl.result.reportedOn,
                      signedOff: impl.result.signedOffBy ? { by: ref(impl.result.signedOffBy), at: result.signedOffAt ?? '', note: result.signOffNote } : null,
                    }
                  : null,
            }
          : null,
        actions: availableActions(state, context),
        timeline,
        proposalId: row.proposalId,
        closedReason: row.closedReason,
        createdBy: ref(row.createdByResidentId),
        createdAt: row.createdAt.toISOString(),
        version: row.version,
      };
    });
  }
}

function nextStep(state: MatterState, context: WorkflowContext, blockers: string[]): string {
  switch (state.stage) {
    case 'archived':
      return '已归档';
    case 'rejected':
      return '未通过，可修改后重新提议';
    case 'withdrawn':
      return '已撤回';
    default: {
      if (isClosedStage(state.stage)) return MATTER_STAGE_LABELS[state.stage];
      const event = STAGE_ADVANCE_EVENT[state.stage as LiveStage];
      if (blockers.length > 0) return `${WORKFLOW_EVENT_LABELS[event]}前：${blockers[0]}`;
      void context;
      return `下一步：${WORKFLOW_EVENT_LABELS[event]}`;
    }
  }
}

function listItem(row: Matter, state: MatterState, context: WorkflowContext, objections: MatterObjection[]): MatterListItem {
  const unmet = stageBlockers(state, context);
  // A running disclosure window is the law taking its course, said in nextStep, not a stop.
  const blockers = (isHeldUp(unmet) ? unmet : []).map((u) => u.reason);
  return {
    id: row.id,
    title: row.title,
    type: { code: context.matterType.code, label: context.matterType.label },
    stage: state.stage,
    stageLabel: MATTER_STAGE_LABELS[state.stage],
    stageEnteredOn: state.stageEnteredOn,
    currentRevision: state.currentRevision,
    blocked: blockers.length > 0,
    blockedReasons: blockers,
    nextStep: nextStep(state, context, unmet.map((u) => u.reason)),
    unansweredObjections: state.objections.filter((o) => !o.answered).length,
    pendingReviewObjections: objections.filter((o) => o.matterId === row.id && objectionVisibility(o) === 'pending_review').length,
    blockingOpinions: state.opinions.filter((o) => o.blocking && !o.lifted).length,
    updatedAt: row.updatedAt.toISOString(),
  };
}
