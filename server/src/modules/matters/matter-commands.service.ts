import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chinaDay, isClosedStage, MEETING_EVENT_PURPOSE, type MeetingEventType, type WorkflowEvent } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { assertNever } from '../../common/errors/domain.exception';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { NoticeStore } from '../notices/notice.store';
import { WechatException } from '../wechat/wechat.exception';
import { WechatClient } from '../wechat/wechat.client';
import { Ballot, BallotResult } from '../voting/entities';
import { BallotStore } from '../voting/ballot.store';
import { motionCountsOf, parseJson, workflowMeeting, type BallotFacts } from './domain/matter-state';
import { objectionVisibility } from './domain/objection-visibility';
import type {
  AdvanceMatterDto,
  AmendMatterDto,
  AnswerDto,
  CancelMeetingDto,
  ConfirmCountDto,
  CreateMatterDto,
  LiftOpinionDto,
  ObjectionDto,
  ObjectionReviewDto,
  OpinionDto,
  PatchMeetingDto,
  ProgressReportDto,
  RecordMeetingDto,
  ScheduleMeetingDto,
  SendBackDto,
} from './dto/matter.dto';
import { MatterMeeting, MatterObjection, MatterOpinion } from './entities';
import { MatterStore } from './matter.store';
import { MatterWorkflowService, type EventPlan } from './matter-workflow.service';
import { MatterErrorCode, MatterException } from './matters.exception';

/** The writes of matters: each a workflow event through MatterWorkflowService, or a meeting record. */
@Injectable()
export class MatterCommandsService {
  constructor(
    private readonly workflow: MatterWorkflowService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
  ) {}

  create(actor: VillageActor, dto: CreateMatterDto): Promise<string> {
    return this.workflow.propose(actor, { typeCode: dto.typeCode, title: dto.title, body: dto.body, budgetFen: dto.budgetFen ?? null, changeNote: null, proposalId: dto.proposalId ?? null });
  }

  amend(actor: VillageActor, matterId: string, dto: AmendMatterDto): Promise<void> {
    return this.workflow.apply(actor, matterId, dto.version, async () => ({
      event: { type: 'amend', basedOn: dto.basedOn },
      revision: { title: dto.title, body: dto.body, budgetFen: dto.budgetFen, changeNote: dto.changeNote },
    }));
  }

  // ------------------------------------------------------------ meetings

  /** Announces a meeting (no workflow event yet); the matter must be open. */
  async schedule(actor: VillageActor, matterId: string, dto: ScheduleMeetingDto): Promise<string> {
    return this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      const matter = await store.matter(actor.villageId, matterId, true);
      if (isClosedStage(matter.stage)) throw new MatterException(MatterErrorCode.MeetingStatus, '事项已经办结或终止，不能再安排会议');
      if (dto.ballotId) await this.ballotFacts(store, actor.villageId, dto.ballotId);
      const meeting: MatterMeeting = {
        id: store.newId(),
        matterId,
        villageId: actor.villageId,
        purpose: dto.purpose,
        body: dto.body,
        electorate: dto.electorate,
        status: 'scheduled',
        scheduledAt: new Date(dto.scheduledAt),
        place: dto.place,
        noticeGivenOn: dto.noticeGivenOn,
        revision: matter.currentRevision,
        heldOn: null,
        ballotId: dto.ballotId ?? null,
        eligibleCount: null,
        presentCount: null,
        householdEligible: null,
        householdPresent: null,
        countsJson: null,
        tellerResidentId: null,
        scrutineerResidentId: null,
        countConfirmedAt: null,
        minutes: null,
        photoIdsJson: '[]',
        signerIdsJson: '[]',
        attendeeIdsJson: '[]',
        outcome: null,
        tallyJson: null,
        recordedByResidentId: null,
        cancelledReason: null,
        createdByResidentId: actor.residentId,
        createdAt: this.clock.now(),
      };
      await work.manager.insert(MatterMeeting, meeting);
      await work.record({
        action: 'matter.meeting.scheduled',
        entityType: 'matter_meeting',
        entityId: meeting.id,
        after: { matterId, purpose: dto.purpose, body: dto.body, electorate: dto.electorate, scheduledAt: dto.scheduledAt, noticeGivenOn: dto.noticeGivenOn, ballotId: meeting.ballotId },
      });
      return meeting.id;
    });
  }

  /** Changes an announced meeting (time, place, notice day, ballot); scheduled ones only. */
  async patchMeeting(actor: VillageActor, matterId: string, meetingId: string, dto: PatchMeetingDto): Promise<void> {
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      await store.matter(actor.villageId, matterId);
      const meeting = await store.meeting(actor.villageId, matterId, meetingId);
      if (meeting.status !== 'scheduled') throw new MatterException(MatterErrorCode.MeetingStatus, '会议已经召开或取消，不能再改通知；召开情况请在会议记录里登记');
      if (dto.ballotId) await this.ballotFacts(store, actor.villageId, dto.ballotId);
      const changes: Partial<MatterMeeting> = {};
      if (dto.scheduledAt !== undefined) changes.scheduledAt = new Date(dto.scheduledAt);
      if (dto.place !== undefined) changes.place = dto.place;
      if (dto.noticeGivenOn !== undefined) changes.noticeGivenOn = dto.noticeGivenOn;
      if (dto.ballotId !== undefined) changes.ballotId = dto.ballotId;
      if (Object.keys(changes).length === 0) return;
      await work.manager.update(MatterMeeting, { id: meetingId }, changes);
      await work.record({
        action: 'matter.meeting.rescheduled',
        entityType: 'matter_meeting',
        entityId: meetingId,
        before: { scheduledAt: meeting.scheduledAt.toISOString(), place: meeting.place, noticeGivenOn: meeting.noticeGivenOn, ballotId: meeting.ballotId },
        after: { matterId, scheduledAt: changes.scheduledAt?.toISOString() ?? null, place: changes.place ?? null, noticeGivenOn: changes.noticeGivenOn ?? null, ballotId: changes.ballotId ?? null },
      });
    });
  }

  /** Cancels an announced meeting with a reason; the row stays. */
  async cancelMeeting(actor: VillageActor, matterId: string, meetingId: string, dto: CancelMeetingDto): Promise<void> {
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      await store.matter(actor.villageId, matterId);
      const meeting = await store.meeting(actor.villageId, matterId, meetingId);
      if (meeting.status !== 'scheduled') throw new MatterException(MatterErrorCode.MeetingStatus, '只有还没召开的会议可以取消；已召开的会议记录会完整保留');
      await work.manager.update(MatterMeeting, { id: meetingId }, { status: 'cancelled', cancelledReason: dto.reason });
      await work.record({ action: 'matter.meeting.cancelled', entityType: 'matter_meeting', entityId: meetingId, before: { status: 'scheduled' }, after: { matterId, status: 'cancelled', reason: dto.reason } });
    });
  }

  /** The facts of a held meeting (status → held); with a ballot the counts are read from it later, never typed. */
  async record(actor: VillageActor, matterId: string, meetingId: string, dto: RecordMeetingDto): Promise<void> {
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      await store.matter(actor.villageId, matterId);
      const meeting = await store.meeting(actor.villageId, matterId, meetingId);
      if (meeting.status !== 'scheduled' && meeting.status !== 'held') {
        throw new MatterException(MatterErrorCode.MeetingStatus, meeting.status === 'applied' ? '这次会议已经计入流程，记录不能再改' : '这次会议已取消');
      }
      await store.files(actor.villageId, dto.signInSheetPhotoIds);
      const c = dto.count;
      await store.assertResidents(actor.villageId, [...dto.signerResidentIds, c.tellerResidentId, c.scrutineerResidentId]);
      await store.assertOnRoster(actor.villageId, meeting.electorate, dto.attendeeResidentIds, chinaDay(this.clock.now()));
      const paper = c.kind === 'paper';
      if (!paper) await this.ballotFacts(store, actor.villageId, c.ballotId as string);
      if (paper && (!c.turnout || !c.counts)) throw MatterException.invalid('现场计票请填写应到、实到人数和同意、反对、弃权票数');
      const changes: Partial<MatterMeeting> = {
        status: 'held',
        heldOn: dto.heldOn,
        revision: dto.revision,
        minutes: dto.minutes,
        photoIdsJson: JSON.stringify(dto.signInSheetPhotoIds),
        signerIdsJson: JSON.stringify(dto.signerResidentIds),
        attendeeIdsJson: JSON.stringify(dto.attendeeResidentIds),
        ballotId: paper ? null : (c.ballotId as string),
        eligibleCount: paper ? (c.turnout?.eligible ?? null) : null,
        presentCount: paper ? (c.turnout?.participated ?? null) : null,
        householdEligible: paper ? (c.householdTurnout?.eligible ?? null) : null,
        householdPresent: paper ? (c.householdTurnout?.participated ?? null) : null,
        countsJson: paper ? JSON.stringify({ for: c.counts?.for, against: c.counts?.against, abstain: c.counts?.abstain }) : null,
        tellerResidentId: paper ? (c.tellerResidentId ?? null) : null,
        scrutineerResidentId: paper ? (c.scrutineerResidentId ?? null) : null,
        countConfirmedAt: null,
        recordedByResidentId: actor.residentId,
      };
      await work.manager.update(MatterMeeting, { id: meetingId }, changes);
      await work.record({
        action: 'matter.meeting.recorded',
        entityType: 'matter_meeting',
        entityId: meetingId,
        before: { status: meeting.status },
        after: {
          matterId,
          status: 'held',
          heldOn: dto.heldOn,
          revision: dto.revision,
          count: c.kind,
          ballotId: changes.ballotId ?? null,
          counts: changes.countsJson ?? null,
          attendees: dto.attendeeResidentIds.length,
          photos: dto.signInSheetPhotoIds.length,
          signers: dto.signerResidentIds.length,
        },
      });
    });
  }

  /** The scrutineer confirms the paper count (or corrects it; a correction waits for the teller to confirm again). */
  async confirmCount(actor: VillageActor, matterId: string, meetingId: string, dto: ConfirmCountDto): Promise<void> {
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      await store.matter(actor.villageId, matterId);
      const meeting = await store.meeting(actor.villageId, matterId, meetingId);
      if (meeting.status !== 'held' || meeting.ballotId !== null || meeting.countsJson === null) {
        throw new MatterException(MatterErrorCode.MeetingStatus, '这次会议没有待确认的现场计票');
      }
      if (meeting.scrutineerResidentId !== actor.residentId) {
        throw new MatterException(MatterErrorCode.ScrutineerRequired, '只有这次会议的监票人可以确认计票结果');
      }
      const entered = parseJson<{ for: number; against: number; abstain: number }>(meeting.countsJson);
      const same = !dto.counts || (entered && dto.counts.for === entered.for && dto.counts.against === entered.against && dto.counts.abstain === entered.abstain);
      const changes: Partial<MatterMeeting> = same
        ? { countConfirmedAt: this.clock.now() }
        : { countsJson: JSON.stringify({ for: dto.counts?.for, against: dto.counts?.against, abstain: dto.counts?.abstain }), countConfirmedAt: null };
      await work.manager.update(MatterMeeting, { id: meetingId }, changes);
      await work.record({
        action: same ? 'matter.meeting.count_confirmed' : 'matter.meeting.count_corrected',
        entityType: 'matter_meeting',
        entityId: meetingId,
        before: { counts: meeting.countsJson },
        after: { matterId, counts: changes.countsJson ?? meeting.countsJson, confirmed: same },
      });
    });
  }

  /** What the voting module says about a ballot of this village; 404 for another village's. */
  private async ballotFacts(store: MatterStore, villageId: string, ballotId: string): Promise<BallotFacts> {
    const ballot = await store.manager.getRepository(Ballot).findOne({ where: { id: ballotId, villageId } });
    if (!ballot) throw new MatterException(MatterErrorCode.BallotNotFound, '本村没有这次表决，请选择为本事项发起的表决');
    const result = ballot.status === 'closed' ? await store.manager.getRepository(BallotResult).findOne({ where: { ballotId } }) : null;
    let householdTurnout: { eligible: number; participated: number } | null = null;
    if (result && ballot.decisionBody === 'villager_assembly' && ballot.electorate === 'adult_residents') {
      householdTurnout = await new BallotStore(store.manager).householdTurnout(ballotId);
    }
    return {
      ballotId,
      matterId: ballot.matterId,
      status: ballot.status,
      rule: { body: ballot.decisionBody, override: ballot.matterOverride },
      result: result
        ? {
            eligible: result.eligible,
            participated: result.onlineCount + result.inPersonCount,
            counts: motionCountsOf(JSON.parse(result.countsJson) as { key: string; total: number }[]),
            householdTurnout,
          }
        : null,
    };
  }

  // ------------------------------------------------------------ stage events

  advance(actor: VillageActor, matterId: string, dto: AdvanceMatterDto): Promise<void> {
    const e = dto.event;
    return this.workflow.apply(actor, matterId, dto.version, async (store): Promise<EventPlan> => {
      switch (e.type) {
        case 'record_branch_meeting':
        case 'record_merged_meeting':
        case 'record_committees_meeting':
        case 'record_party_review':
        case 'record_assembly_resolution':
          return this.meetingPlan(store, actor, matterId, e.type, e.meetingId);
        case 'start_implementation': {
          if (!e.responsibleResidentId || !e.plannedStartOn || !e.plannedEndOn) throw MatterException.invalid('请填写实施负责人和计划开始、完成日期');
          await store.assertResidents(actor.villageId, [e.responsibleResidentId]);
          return {
            event: { type: 'start_implementation', plan: { responsibleResidentId: e.responsibleResidentId, plannedStartOn: e.plannedStartOn, plannedEndOn: e.plannedEndOn, budgetFen: e.budgetFen ?? null } },
          };
        }
        case 'report_result': {
          if (!e.summary?.trim() || !e.completedOn || e.totalSpentFen === undefined) throw MatterException.invalid('请填写实施结果、完成日期和合计支出（分）');
          const photoIds = e.photoIds ?? [];
          await store.files(actor.villageId, photoIds);
          return {
            event: { type: 'report_result', completedOn: e.completedOn, totalSpentFen: e.totalSpentFen },
            result: { summary: e.summary.trim(), photoIds },
          };
        }
        case 'sign_off_result':
          return { event: { type: 'sign_off_result' }, signOffNote: e.note?.trim() || null };
        case 'publish_result':
          return { event: { type: 'publish_result' } };
        case 'archive':
          return { event: { type: 'archive' } };
        case 'withdraw':
          return { event: { type: 'withdraw', reason: e.reason ?? '' }, closedReason: `撤回：${(e.reason ?? '').trim()}` };
        case 'repropose': {
          if (e.basedOn === undefined || !e.title || !e.body || !e.changeNote) throw MatterException.invalid('请填写修改后的事项名称、方案内容和修改说明');
          return {
            event: { type: 'repropose', basedOn: e.basedOn },
            revision: { title: e.title.trim(), body: e.body, budgetFen: e.budgetFen ?? null, changeNote: e.changeNote.trim() },
            closedReason: null,
          };
        }
        default:
          return assertNever(e.type);
      }
    });
  }

  private async meetingPlan(store: MatterStore, actor: VillageActor, matterId: string, type: MeetingEventType, meetingId: string | undefined): Promise<EventPlan> {
    if (!meetingId) throw MatterException.invalid('请选择要登记的会议');
    const meeting = await store.meeting(actor.villageId, matterId, meetingId);
    if (meeting.status === 'scheduled') throw new MatterException(MatterErrorCode.MeetingStatus, '这次会议还没有登记召开情况（纪要、签到表、票数），请先登记');
    if (meeting.status === 'cancelled') throw new MatterException(MatterErrorCode.MeetingStatus, '这次会议已取消');
    if (meeting.purpose !== MEETING_EVENT_PURPOSE[type] && meeting.status !== 'applied') {
      throw MatterException.invalid('这次会议的类别与要登记的阶段不一致，请选择对应的会议');
    }
    const ballot = meeting.ballotId ? await this.ballotFacts(store, actor.villageId, meeting.ballotId) : null;
    const photos = parseJson<string[]>(meeting.photoIdsJson) ?? [];
    const event: WorkflowEvent = { type, meeting: workflowMeeting(meeting, ballot, photos.length) };
    return { event, audit: { meetingId, ballotId: meeting.ballotId } };
  }

  progress(actor: VillageActor, matterId: string, dto: ProgressReportDto): Promise<void> {
    return this.workflow.apply(actor, matterId, dto.version, async (store) => {
      await store.files(actor.villageId, dto.photoIds);
      return { event: { type: 'report_progress', reportId: store.newId(), spentFen: dto.spentFen }, progress: { text: dto.text, photoIds: dto.photoIds } };
    });
  }

  // ------------------------------------------------------------ objections and opinions

  async fileObjection(actor: VillageActor, matterId: string, dto: ObjectionDto): Promise<string> {
    const check = await this.contentCheck(actor, dto.text);
    let id = '';
    await this.workflow.apply(actor, matterId, null, async (store, loaded) => {
      id = store.newId();
      return {
        event: { type: 'file_objection', objectionId: id },
        audit: { objectionId: id, contentCheck: check },
        write: async (s, result) => {
          const o = result.next.objections.find((x) => x.id === id);
          const row: MatterObjection = {
            id,
            matterId,
            villageId: actor.villageId,
            disclosure: o?.disclosure ?? (loaded.state.stage === 'result_disclosure' ? 'result' : 'resolution'),
            text: dto.text,
            contentCheck: check,
            filedByResidentId: actor.residentId,
            filedAt: this.clock.now(),
            filedOn: loaded.context.today,
            answerText: null,
            answeredByResidentId: null,
            answeredAt: null,
            reviewDecision: null,
            reviewReason: null,
            reviewedByResidentId: null,
            reviewedAt: null,
          };
          await s.manager.insert(MatterObjection, row);
        },
      };
    });
    return id;
  }

  /** WeChat's content check of an objection's text, before the unit of work; null when unavailable. */
  private async contentCheck(actor: VillageActor, text: string): Promise<'pass' | 'review' | 'risky' | null> {
    const openid = await new NoticeStore(this.dataSource.manager).openidOf(actor.accountId);
    if (!openid) return null;
    try {
      return (await this.wechat.msgSecCheck(openid, text)).suggest;
    } catch (error) {
      if (!(error instanceof WechatException)) throw error;
      // Never blocks the villager: the objection counts, and waits for the committee's review to be shown.
      return null;
    }
  }

  async answerObjection(actor: VillageActor, objectionId: string, dto: AnswerDto): Promise<string> {
    const objection = await this.uow.exclusive(() => new MatterStore(this.dataSource.manager).objection(actor.villageId, objectionId));
    await this.workflow.apply(actor, objection.matterId, null, async () => ({
      event: { type: 'answer_objection', objectionId },
      audit: { objectionId },
      write: async (s) => {
        await s.manager.update(MatterObjection, { id: objectionId }, { answerText: dto.text, answeredByResidentId: actor.residentId, answeredAt: this.clock.now() });
      },
    }));
    return objection.matterId;
  }

  /**
   * The 两委 release an objection WeChat sent for review, or reject it with a reason its author sees.
   * Not a workflow event: the objection counted from the moment it was filed and must be answered either way.
   */
  async reviewObjection(actor: VillageActor, objectionId: string, dto: ObjectionReviewDto): Promise<string> {
    return this.uow.run(auditActor(actor), async (work) => {
      const store = new MatterStore(work.manager);
      const objection = await store.objection(actor.villageId, objectionId, true);
      if (objectionVisibility(objection) !== 'pending_review') {
        throw new MatterException(MatterErrorCode.ObjectionNotPendingReview, '这条异议不在待审核状态（已经审核过，或内容检查已通过或未通过），请刷新后再看');
      }
      const reason = dto.decision === 'reject' ? (dto.reason ?? null) : null;
      await work.manager.update(
        MatterObjection,
        { id: objectionId },
        { reviewDecision: dto.decision, reviewReason: reason, reviewedByResidentId: actor.residentId, reviewedAt: this.clock.now() },
      );
      await work.record({
        action: dto.decision === 'release' ? 'matter.objection.released' : 'matter.objection.rejected',
        entityType: 'matter_objection',
        entityId: objectionId,
        before: { status: 'pending_review' },
        after: { matterId: objection.matterId, status: dto.decision === 'release' ? 'open' : 'held', reason },
      });
      return objection.matterId;
    });
  }

  async addOpinion(actor: VillageActor, matterId: string, dto: OpinionDto): Promise<string> {
    let id = '';
    await this.workflow.apply(actor, matterId, null, async (store, loaded) => {
      id = store.newId();
      return {
        event: { type: 'add_opinion', opinionId: id, blocking: dto.blocking },
        audit: { opinionId: id, blocking: dto.blocking },
        write: async (s) => {
          const now = this.clock.now();
          const row: MatterOpinion = {
            id,
            matterId,
            villageId: actor.villageId,
            stage: loaded.state.stage,
            text: dto.text,
            blocking: dto.blocking,
            givenByResidentId: actor.residentId,
            givenAt: now,
            givenOn: chinaDay(now),
            answerText: null,
            answeredByResidentId: null,
            answeredAt: null,
            liftedByResidentId: null,
            liftedAt: null,
            liftNote: null,
          };
          await s.manager.insert(MatterOpinion, row);
        },
      };
    });
    return id;
  }

  async answerOpinion(actor: VillageActor, opinionId: string, dto: AnswerDto): Promise<string> {
    const opinion = await this.opinionOf(actor, opinionId);
    await this.workflow.apply(actor, opinion.matterId, null, async () => ({
      event: { type: 'answer_opinion', opinionId },
      audit: { opinionId },
      write: async (s) => {
        await s.manager.update(MatterOpinion, { id: opinionId }, { answerText: dto.text, answeredByResidentId: actor.residentId, answeredAt: this.clock.now() });
      },
    }));
    return opinion.matterId;
  }

  async liftOpinion(actor: VillageActor, opinionId: string, dto: LiftOpinionDto): Promise<string> {
    const opinion = await this.opinionOf(actor, opinionId);
    await this.workflow.apply(actor, opinion.matterId, null, async () => ({
      event: { type: 'lift_opinion', opinionId },
      audit: { opinionId },
      write: async (s) => {
        await s.manager.update(MatterOpinion, { id: opinionId }, { liftedByResidentId: actor.residentId, liftedAt: this.clock.now(), liftNote: dto.note?.trim() || null });
      },
    }));
    return opinion.matterId;
  }

  sendBack(actor: VillageActor, matterId: string, dto: SendBackDto): Promise<void> {
    return this.workflow.apply(actor, matterId, dto.version, async (store) => {
      if (dto.opinionId) {
        const opinion = await store.opinion(actor.villageId, dto.opinionId);
        if (opinion.matterId !== matterId) throw new MatterException(MatterErrorCode.OpinionNotFound, '这条监督意见不是本事项的');
      }
      return { event: { type: 'send_back', toStage: dto.toStage, reason: dto.reason, opinionId: dto.opinionId ?? null }, audit: { opinionId: dto.opinionId ?? null } };
    });
  }

  private opinionOf(actor: VillageActor, opinionId: string): Promise<MatterOpinion> {
    return this.uow.exclusive(() => new MatterStore(this.dataSource.manager).opinion(actor.villageId, opinionId));
  }
}
