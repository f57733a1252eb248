import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  assessConveningPetition,
  chinaDay,
  cosignProgress,
  MATTER_STAGE_LABELS,
  PROPOSAL_OPEN_STATUSES,
  PROPOSAL_QUEUE_GROUPS,
  PROPOSAL_PAGE_SIZE_DEFAULT,
  PROPOSAL_PUBLIC_STATUSES,
  PROPOSAL_STATUS_LABELS,
  followsProposalQueue,
  handlesProposals,
  proposalActions,
  proposalQueueGroup,
  proposalTimeline,
  proposalTransition,
  replyDeadline,
  type NamedRef,
  type ProposalCommand,
  type ProposalDetail,
  type ProposalListItem,
  type ProposalPage,
  type ProposalSettings,
  type ProposalStatus,
  type ProposalStep,
} from '@village/shared';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { maskName } from '../../common/privacy/mask';
import { UnitOfWork, type AuditActor, type Work } from '../audit/unit-of-work';
import { ConveningPetition } from '../matters/entities';
import { MatterWorkflowService } from '../matters/matter-workflow.service';
import { isDuplicateKey } from '../notices/domain/notice-snapshot';
import { maskNumbersInText } from '../roster/domain/mask-text';
import { MediaCheckService } from '../wechat/media-check.service';
import { WechatClient, type ContentCheck } from '../wechat/wechat.client';
import { WechatException } from '../wechat/wechat.exception';
import type {
  AdvanceProposalDto,
  ConvertProposalDto,
  CreateProposalDto,
  DeclineProposalDto,
  ListProposalsQueryDto,
  MergeProposalDto,
  ProposalReplyDto,
  ProposalReviewDto,
  ProposalSettingsDto,
} from './dto/proposal.dto';
import { Proposal, ProposalCosign, ProposalEvent, ProposalPhoto, ProposalSettingsRow, type ProposalEventKind } from './entities';
import { submissionOutcome, type TextCheck } from './domain/submission';
import { ProposalFileLinks } from './proposal-file-links';
import { PROPOSAL_PHOTO_CHECK } from './proposal-files.service';
import { ProposalStore, resolveSettings, type StoredCategory } from './proposal.store';
import { ProposalErrorCode, ProposalException } from './proposals.exception';

type Reached = Partial<Record<ProposalStep | 'completed', string>>;

const SHARE_PATH = '/packages/proposals/pages/detail/index';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * 村民提议 (DOMAIN.md §5): a villager raises something; WeChat checks text and photos; others
 * co-sign; the 两委 take it through the six steps of 议事, answer within the village's reply days,
 * decline, merge, or convert it into a Matter. Every change commits with its audit event; the
 * transitions are the shared `proposalTransition`.
 */
@Injectable()
export class ProposalsService implements OnModuleInit {
  private readonly logger = new Logger(ProposalsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
    private readonly links: ProposalFileLinks,
    private readonly matters: MatterWorkflowService,
    private readonly mediaChecks: MediaCheckService,
  ) {}

  /** WeChat's media-check verdicts on proposal photos arrive through MediaCheckService, in its unit of work. */
  onModuleInit(): void {
    this.mediaChecks.onResult(PROPOSAL_PHOTO_CHECK, (photoId, verdict, _manager, work) => this.applyMediaCheckWithin(work, photoId, verdict.status));
  }

  private read<T>(task: (store: ProposalStore) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(new ProposalStore(this.dataSource.manager)));
  }

  private today(): string {
    return chinaDay(this.clock.now());
  }

  // ------------------------------------------------------------ submit

  async create(actor: VillageActor, dto: CreateProposalDto): Promise<ProposalDetail> {
    const title = maskNumbersInText(dto.title);
    const body = maskNumbersInText(dto.body);
    const { openid, settings, photos } = await this.read(async (store) => ({
      openid: await store.openidOf(actor.accountId),
      settings: await store.settings(actor.villageId),
      photos: await store.uploads(actor.villageId, dto.photoIds),
    }));
    assertCategory(settings, dto.categoryCode);
    for (const photo of photos) assertOwnUpload(actor, photo);
    // Outside the unit of work: a network call must not hold the village's write lock.
    const check = await this.contentCheck(actor, openid, `${title}\n${body}`);
    const textCheck: TextCheck = check ? check.suggest : 'unavailable';
    const id = await this.uow.run(auditActor(actor, 'villager'), async (work) => {
      const store = new ProposalStore(work.manager);
      const fresh = await store.uploads(actor.villageId, dto.photoIds);
      for (const photo of fresh) assertOwnUpload(actor, photo);
      const outcome = submissionOutcome(textCheck, fresh.map((p) => p.check));
      const now = this.clock.now();
      const today = chinaDay(now);
      const row: Proposal = {
        id: store.newId(),
        villageId: actor.villageId,
        title,
        body,
        categoryCode: dto.categoryCode,
        status: outcome.status,
        heldReason: outcome.reason,
        textCheck,
        textCheckTraceId: check?.traceId ?? null,
        raisedByResidentId: actor.residentId,
        raisedAt: now,
        publicOn: null,
        replyDays: null,
        replyDueBy: null,
        answeredOn: null,
        cosignCount: 0,
        stepsJson: '{}',
        declinedReason: null,
        mergedIntoId: null,
        matterId: null,
        obligationId: null,
        updatedAt: now,
        version: 1,
      };
      if (outcome.status === 'raised') Object.assign(row, this.publicColumns(row, today, settings.replyDays));
      await work.manager.insert(Proposal, row);
      for (const [position, photo] of fresh.entries()) {
        const attached = await work.manager
          .createQueryBuilder()
          .update(ProposalPhoto)
          .set({ proposalId: row.id, position })
          .where('id = :id AND proposal_id IS NULL', { id: photo.id })
          .execute();
        if (attached.affected === 0) throw new ProposalException(ProposalErrorCode.FileInUse, '有照片已经用在别的提议里了，请重新上传');
      }
      await this.event(work, store, row, 'submitted', row.status, '提出提议', actor.residentId);
      if (outcome.status !== 'raised') await this.event(work, store, row, outcome.status === 'held' ? 'held' : 'submitted', row.status, outcome.reason ?? '', null);
      // The text stays out of the append-only trail (it may be what the check refused).
      await work.record({
        action: 'proposal.submitted',
        entityType: 'proposal',
        entityId: row.id,
        after: {
          status: row.status,
          categoryCode: row.categoryCode,
          textCheck,
          photos: fresh.length,
          photoChecks: fresh.map((p) => p.check).join(','),
          titleSha256: sha256(title),
          bodySha256: sha256(body),
          replyDueBy: row.replyDueBy,
        },
      });
      return row.id;
    });
    return this.detail(actor, id);
  }

  /**
   * WeChat's verdict on one photo (mediaCheckAsync's callback). A pending proposal becomes public once
   * its text and every photo passed; a risky photo holds it. Returns false when there is no such photo.
   */
  async applyMediaCheck(fileId: string, result: 'pass' | 'review' | 'risky'): Promise<boolean> {
    const photo = await this.read((store) => store.photo(fileId));
    if (!photo) return false;
    const system: AuditActor = { villageId: photo.villageId, actorId: null, actorRole: 'system', correlationId: null };
    return this.uow.run(system, (work) => this.applyMediaCheckWithin(work, fileId, result).then(() => true));
  }

  /** applyMediaCheck inside a unit of work the caller runs (MediaCheckService's, with the media_check row). */
  async applyMediaCheckWithin(work: Work, fileId: string, result: 'pass' | 'review' | 'risky'): Promise<void> {
    const store = new ProposalStore(work.manager);
    const before = await store.photo(fileId);
    if (!before || before.villageId !== work.actor.villageId) return;
    await work.manager.update(ProposalPhoto, { id: fileId }, { check: result });
    await work.record({ action: 'proposal.file.checked', entityType: 'proposal_photo', entityId: fileId, before: { check: before.check }, after: { check: result, proposalId: before.proposalId } });
    if (!before.proposalId) return;
    const row = await store.proposal(before.villageId, before.proposalId, true);
    if (row.status !== 'pending_review') return;
    const checks = (await store.photosOf([row.id])).map((p) => (p.id === fileId ? result : p.check));
    const outcome = submissionOutcome(row.textCheck as TextCheck, checks);
    if (outcome.status === 'pending_review') {
      if (outcome.reason !== row.heldReason) await work.manager.update(Proposal, { id: row.id }, { heldReason: outcome.reason });
      return;
    }
    const today = this.today();
    const columns = outcome.status === 'raised' ? this.publicColumns(row, today, (await store.settings(row.villageId)).replyDays) : { status: 'held' as const, heldReason: outcome.reason };
    await work.manager.update(Proposal, { id: row.id }, { ...columns, updatedAt: this.clock.now(), version: row.version + 1 });
    await this.event(work, store, row, outcome.status === 'raised' ? 'released' : 'held', outcome.status, outcome.status === 'raised' ? '内容检查通过，公开' : (outcome.reason as string), null);
    await work.record({
      action: outcome.status === 'raised' ? 'proposal.released' : 'proposal.held',
      entityType: 'proposal',
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: outcome.status, by: 'media_check', version: row.version + 1 },
    });
  }

  /** The same, found by mediaCheckAsync's trace id (the 消息推送 event carries only that). */
  async applyMediaCheckByTrace(traceId: string, result: 'pass' | 'review' | 'risky'): Promise<boolean> {
    const photo = await this.read((store) => store.photoByTrace(traceId));
    return photo ? this.applyMediaCheck(photo.id, result) : false;
  }

  // ------------------------------------------------------------ read

  async list(actor: VillageActor, q: ListProposalsQueryDto): Promise<ProposalPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? PROPOSAL_PAGE_SIZE_DEFAULT;
    const committee = handlesProposals(actor.roles);
    // 监委会 follows the same queue read-only (overdue replies are theirs to chase), public proposals only.
    if (q.queue && !followsProposalQueue(actor.roles)) {
      throw new ProposalException(ProposalErrorCode.QueueForbidden, '只有村“两委”和村务监督委员会成员可以查看提议待办');
    }
    return this.read(async (store) => {
      const query = store.manager.getRepository(Proposal).createQueryBuilder('p').where('p.village_id = :villageId', { villageId: actor.villageId });
      if (!committee) query.andWhere('(p.status IN (:...visible) OR p.raised_by_resident_id = :me)', { visible: [...PROPOSAL_PUBLIC_STATUSES], me: actor.residentId });
      if (q.mine) query.andWhere('p.raised_by_resident_id = :mine', { mine: actor.residentId });
      if (q.status) query.andWhere('p.status = :status', { status: q.status });
      if (q.queue) {
        query.andWhere('p.status IN (:...queue)', { queue: ['pending_review', ...PROPOSAL_OPEN_STATUSES] });
        const today = this.today();
        const rows = (await query.getMany()).sort((a, b) => queueRank(a, today) - queueRank(b, today) || queueKey(a).localeCompare(queueKey(b)));
        return { items: await this.items(store, actor, rows.slice((page - 1) * pageSize, page * pageSize)), total: rows.length, page, pageSize };
      }
      if (q.sort === 'hot') query.orderBy('p.cosign_count', 'DESC').addOrderBy('p.raised_at', 'DESC');
      else query.orderBy('p.raised_at', 'DESC');
      query.addOrderBy('p.id', 'ASC').skip((page - 1) * pageSize).take(pageSize);
      const [rows, total] = await query.getManyAndCount();
      return { items: await this.items(store, actor, rows), total, page, pageSize };
    });
  }

  detail(actor: VillageActor, id: string): Promise<ProposalDetail> {
    return this.read(async (store) => {
      const row = await store.proposal(actor.villageId, id);
      assertVisible(actor, row);
      return this.detailOf(store, actor, row);
    });
  }

  // ------------------------------------------------------------ co-sign

  /** 附议: once per resident. A second co-sign (or a racing one) answers the same detail and writes nothing. */
  async cosign(actor: VillageActor, id: string): Promise<ProposalDetail> {
    const already = await this.read(async (store) => {
      assertVisible(actor, await store.proposal(actor.villageId, id));
      return (await store.cosignOf(id, actor.residentId)) !== null;
    });
    if (already) return this.detail(actor, id);
    try {
      await this.uow.run(auditActor(actor, 'villager'), async (work) => {
        const store = new ProposalStore(work.manager);
        // Locked: two co-signs crossing the threshold together must not create two obligations.
        const row = await store.proposal(actor.villageId, id, true);
        assertVisible(actor, row);
        if (await store.cosignOf(id, actor.residentId)) return;
        this.assertAllowed(row, { type: 'cosign', isAuthor: row.raisedByResidentId === actor.residentId, cosignedByMe: false }, actor);
        const resident = await store.resident(actor.villageId, actor.residentId);
        const now = this.clock.now();
        const cosign: ProposalCosign = { id: store.newId(), villageId: actor.villageId, proposalId: id, residentId: actor.residentId, householdId: resident.householdId, cosignedAt: now };
        await work.manager.insert(ProposalCosign, cosign);
        const count = row.cosignCount + 1;
        await work.manager.update(Proposal, { id }, { cosignCount: count });
        await work.record({ action: 'proposal.cosigned', entityType: 'proposal', entityId: id, after: { residentId: actor.residentId, householdId: resident.householdId, cosigns: count } });
        if (!row.obligationId) await this.checkThreshold(work, store, actor, row);
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return this.detail(actor, id);
  }

  /** Records the 村民会议 convening obligation once the signers reach ⌈adults/10⌉ or ⌈reps/3⌉ (OL art. 21). */
  private async checkThreshold(work: Work, store: ProposalStore, actor: VillageActor, row: Proposal): Promise<void> {
    const today = this.today();
    const signers = await this.signers(store, row);
    const { adults, representatives } = await store.rosterCounts(row.villageId, today);
    const repSigners = signers.filter((s) => s.representative);
    const assessment = assessConveningPetition({
      body: 'villager_assembly',
      petitionedOn: today,
      adultSigners: signers.length,
      representativeSigners: repSigners.length,
      adultResidents: adults,
      representatives,
    });
    if (!assessment.obliged) return;
    const petition: ConveningPetition = {
      id: store.newId(),
      villageId: row.villageId,
      body: 'villager_assembly',
      petitionedOn: today,
      subject: row.title,
      source: 'proposal',
      proposalId: row.id,
      adultSignerIdsJson: JSON.stringify(signers.map((s) => s.residentId)),
      representativeSignerIdsJson: JSON.stringify(repSigners.map((s) => s.residentId)),
      photoIdsJson: '[]',
      adultResidents: adults,
      representatives,
      dueBy: assessment.dueBy,
      createdByResidentId: actor.residentId,
      createdAt: this.clock.now(),
    };
    await work.manager.insert(ConveningPetition, petition);
    await work.manager.update(Proposal, { id: row.id }, { obligationId: petition.id });
    await this.event(work, store, row, 'threshold', null, `附议达到法定人数：${assessment.explanation}`, null);
    await work.record({
      action: 'proposal.convening_obligation.created',
      entityType: 'convening_petition',
      entityId: petition.id,
      after: {
        proposalId: row.id,
        body: petition.body,
        petitionedOn: today,
        adultSigners: signers.length,
        representativeSigners: repSigners.length,
        adultResidents: adults,
        representatives,
        dueBy: petition.dueBy,
        explanation: assessment.explanation,
      },
    });
  }

  /** The author and the co-signers, each with their household and whether they serve as 村民代表 today. */
  private async signers(store: ProposalStore, row: Proposal): Promise<{ residentId: string; householdId: string; representative: boolean }[]> {
    const cosigns = await store.cosigns(row.id);
    const residents = await store.residents(row.villageId, [row.raisedByResidentId, ...cosigns.map((c) => c.residentId)]);
    const byId = new Map(residents.map((r) => [r.id, r]));
    const author = byId.get(row.raisedByResidentId);
    return [
      { residentId: row.raisedByResidentId, householdId: author?.householdId ?? row.raisedByResidentId, representative: Boolean(author?.isVillagerRep && !author.departedOn) },
      ...cosigns.map((c) => {
        const r = byId.get(c.residentId);
        return { residentId: c.residentId, householdId: c.householdId, representative: Boolean(r?.isVillagerRep && !r.departedOn) };
      }),
    ];
  }

  // ------------------------------------------------------------ committee

  async advance(actor: VillageActor, id: string, dto: AdvanceProposalDto): Promise<ProposalDetail> {
    await this.change(actor, id, dto.version, { type: 'advance', to: dto.to }, async (work, store, row, to) => {
      const today = this.today();
      const reached: Reached = { ...(JSON.parse(row.stepsJson) as Reached), [dto.to]: today };
      const note = maskNumbersInText(dto.note);
      await work.manager.update(Proposal, { id }, { status: to, stepsJson: JSON.stringify(reached), answeredOn: row.answeredOn ?? today });
      await this.event(work, store, row, 'advanced', to, `${to === 'completed' ? '办结' : PROPOSAL_STATUS_LABELS[to]}：${note}`, actor.residentId);
      return { note };
    });
    return this.detail(actor, id);
  }

  async reply(actor: VillageActor, id: string, dto: ProposalReplyDto): Promise<ProposalDetail> {
    await this.change(actor, id, null, { type: 'reply' }, async (work, store, row) => {
      const text = maskNumbersInText(dto.text);
      await work.manager.update(Proposal, { id }, { answeredOn: row.answeredOn ?? this.today() });
      await this.event(work, store, row, 'reply', null, text, actor.residentId);
      return { text, firstAnswer: row.answeredOn === null };
    });
    return this.detail(actor, id);
  }

  async decline(actor: VillageActor, id: string, dto: DeclineProposalDto): Promise<ProposalDetail> {
    await this.change(actor, id, dto.version, { type: 'decline' }, async (work, store, row, to) => {
      const reason = maskNumbersInText(dto.reason);
      await work.manager.update(Proposal, { id }, { status: to, declinedReason: reason, answeredOn: row.answeredOn ?? this.today() });
      await this.event(work, store, row, 'declined', to, `不予采纳：${reason}`, actor.residentId);
      return { reason };
    });
    return this.detail(actor, id);
  }

  async merge(actor: VillageActor, id: string, dto: MergeProposalDto): Promise<ProposalDetail> {
    await this.change(actor, id, dto.version, { type: 'merge' }, async (work, store, row, to) => {
      if (dto.intoProposalId === id) throw new ProposalException(ProposalErrorCode.MergeTargetInvalid, '不能合并到它自己，请选另一条提议');
      const target = await store.proposal(actor.villageId, dto.intoProposalId, true);
      if (!PROPOSAL_OPEN_STATUSES.includes(target.status)) {
        throw new ProposalException(ProposalErrorCode.MergeTargetInvalid, `《${target.title}》${PROPOSAL_STATUS_LABELS[target.status]}，只能合并到正在办理的提议`);
      }
      const reason = maskNumbersInText(dto.reason);
      await work.manager.update(Proposal, { id }, { status: to, mergedIntoId: target.id, answeredOn: row.answeredOn ?? this.today() });
      await this.event(work, store, row, 'merged', to, `合并到《${target.title}》：${reason}`, actor.residentId);
      await this.event(work, store, target, 'merged', null, `《${row.title}》合并到本提议：${reason}`, actor.residentId);
      return { intoProposalId: target.id, reason };
    });
    return this.detail(actor, id);
  }

  /** Creates the Matter at 党组织提议 in the same unit of work: both rows and both audit events, or neither. */
  async convert(actor: VillageActor, id: string, dto: ConvertProposalDto): Promise<ProposalDetail> {
    await this.change(actor, id, dto.version, { type: 'convert' }, async (work, store, row, to) => {
      const matterId = await this.matters.proposeWithin(work, actor, { typeCode: dto.typeCode, proposalId: row.id, title: dto.title, body: dto.body, budgetFen: dto.budgetFen, changeNote: null });
      await work.manager.update(Proposal, { id }, { status: to, matterId, answeredOn: row.answeredOn ?? this.today() });
      await this.event(work, store, row, 'converted', to, `转为村里大事《${dto.title}》`, actor.residentId);
      return { matterId, typeCode: dto.typeCode };
    });
    return this.detail(actor, id);
  }

  async review(actor: VillageActor, id: string, dto: ProposalReviewDto): Promise<ProposalDetail> {
    const command: ProposalCommand = { type: dto.decision === 'release' ? 'release' : 'reject' };
    if (dto.decision === 'reject' && !dto.reason) throw new ProposalException(ProposalErrorCode.ReasonRequired, '不公开时请写明理由，提议人能看到');
    await this.change(actor, id, null, command, async (work, store, row, to) => {
      if (to === 'raised') {
        const settings = await store.settings(row.villageId);
        await work.manager.update(Proposal, { id }, this.publicColumns(row, this.today(), settings.replyDays));
        await this.event(work, store, row, 'released', to, '村委会审核后公开', actor.residentId);
      } else {
        await work.manager.update(Proposal, { id }, { status: to, heldReason: dto.reason as string });
        await this.event(work, store, row, 'rejected', to, `审核未公开：${dto.reason as string}`, actor.residentId);
      }
      return { decision: dto.decision, reason: dto.reason ?? null };
    });
    return this.detail(actor, id);
  }

  /**
   * One committee command: lock the row, check the version and the shared transition, write, then
   * bump the version and record the audit event — all in one unit of work; a refusal writes nothing.
   */
  private async change(
    actor: VillageActor,
    id: string,
    version: number | null,
    command: ProposalCommand,
    write: (work: Work, store: ProposalStore, row: Proposal, to: ProposalStatus) => Promise<Record<string, string | number | boolean | null>>,
  ): Promise<void> {
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new ProposalStore(work.manager);
      const row = await store.proposal(actor.villageId, id, true);
      assertVisible(actor, row);
      const to = this.assertAllowed(row, command, actor);
      if (version !== null && version !== row.version) throw ProposalException.versionConflict();
      const extra = await write(work, store, row, to);
      const updated = await work.manager.update(Proposal, { id, version: row.version }, { updatedAt: this.clock.now(), version: row.version + 1 });
      if (updated.affected === 0) throw ProposalException.versionConflict();
      await work.record({
        action: `proposal.${auditVerb(command)}`,
        entityType: 'proposal',
        entityId: id,
        before: { status: row.status, version: row.version },
        after: { status: to, version: row.version + 1, ...extra },
      });
    });
  }

  private assertAllowed(row: Proposal, command: ProposalCommand, actor: VillageActor): ProposalStatus {
    const t = proposalTransition(row.status, command, { roles: actor.roles });
    if (!t.ok) throw ProposalException.refused(t.reason, { command: command.type, status: row.status });
    return t.to;
  }

  // ------------------------------------------------------------ settings

  settings(actor: VillageActor): Promise<ProposalSettings> {
    return this.read((store) => store.settings(actor.villageId));
  }

  async configure(actor: VillageActor, dto: ProposalSettingsDto): Promise<ProposalSettings> {
    const codes = dto.categories.map((c) => c.code);
    const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
    if (duplicate) throw new ProposalException(ProposalErrorCode.SettingsInvalid, `类别代码“${duplicate}”重复了`);
    if (dto.categories.some((c) => c.code === 'other' && !c.enabled)) throw new ProposalException(ProposalErrorCode.SettingsInvalid, '“其他”类别不能停用：总要有一个类别可选');
    await this.uow.run(auditActor(actor), async (work) => {
      const store = new ProposalStore(work.manager);
      const before = await store.settingsRow(actor.villageId);
      const previous = resolveSettings(before);
      const builtin = new Set(previous.categories.filter((c) => c.builtin).map((c) => c.code));
      const extras: StoredCategory[] = dto.categories.filter((c) => !builtin.has(c.code)).map((c) => ({ code: c.code, label: c.label }));
      // A village's own category is never deleted (old proposals keep its name): one left out is switched off.
      const dropped = previous.categories.filter((c) => !c.builtin && !codes.includes(c.code));
      const disabled = [...dto.categories.filter((c) => !c.enabled).map((c) => c.code), ...dropped.map((c) => c.code)];
      const row: ProposalSettingsRow = {
        villageId: actor.villageId,
        replyDays: dto.replyDays,
        extrasJson: JSON.stringify([...extras, ...dropped.map((c) => ({ code: c.code, label: c.label }))]),
        disabledJson: JSON.stringify(disabled),
        updatedByResidentId: actor.residentId,
        updatedAt: this.clock.now(),
      };
      if (before) await work.manager.update(ProposalSettingsRow, { villageId: actor.villageId }, row);
      else await work.manager.insert(ProposalSettingsRow, row);
      await work.record({
        action: 'proposal.settings.configured',
        entityType: 'proposal_settings',
        entityId: actor.villageId,
        before: before ? { replyDays: before.replyDays, extras: before.extrasJson, disabled: before.disabledJson } : null,
        after: { replyDays: row.replyDays, extras: row.extrasJson, disabled: row.disabledJson },
      });
    });
    return this.settings(actor);
  }

  // ------------------------------------------------------------ helpers

  private publicColumns(row: Pick<Proposal, 'stepsJson'>, today: string, replyDays: number): Pick<Proposal, 'status' | 'heldReason' | 'publicOn' | 'replyDays' | 'replyDueBy' | 'stepsJson'> {
    return {
      status: 'raised',
      heldReason: null,
      publicOn: today,
      replyDays,
      replyDueBy: addDays(today, replyDays),
      stepsJson: JSON.stringify({ ...(JSON.parse(row.stepsJson) as Reached), raised: today }),
    };
  }

  private async event(work: Work, store: ProposalStore, row: Proposal, kind: ProposalEventKind, status: ProposalStatus | null, text: string, by: string | null): Promise<void> {
    await work.manager.insert(ProposalEvent, {
      id: store.newId(),
      villageId: row.villageId,
      proposalId: row.id,
      kind,
      status,
      text,
      byResidentId: by,
      at: this.clock.now(),
      seq: await store.nextEventSeq(row.id),
    });
  }

  private async contentCheck(actor: VillageActor, openid: string | null, text: string): Promise<ContentCheck | null> {
    if (!openid) return null;
    try {
      return await this.wechat.msgSecCheck(openid, text);
    } catch (error) {
      if (!(error instanceof WechatException)) throw error;
      // Not blocking the villager: the proposal waits for the committee's review instead.
      this.logger.warn({ code: error.code, correlationId: actor.correlationId }, 'content check unavailable; proposal held for review');
      return null;
    }
  }

  private async items(store: ProposalStore, actor: VillageActor, rows: Proposal[]): Promise<ProposalListItem[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [settings, names, photos, cosigned] = await Promise.all([
      store.settings(actor.villageId),
      store.names(actor.villageId, rows.map((r) => r.raisedByResidentId)),
      store.photosOf(ids),
      store.cosignedBy(ids, actor.residentId),
    ]);
    const today = this.today();
    const committee = handlesProposals(actor.roles);
    return rows.map((row): ProposalListItem => {
      const mine = row.raisedByResidentId === actor.residentId;
      const name = names.get(row.raisedByResidentId) ?? '';
      const cover = photos.find((p) => p.proposalId === row.id && p.check === 'pass');
      const category = settings.categories.find((c) => c.code === row.categoryCode);
      return {
        id: row.id,
        title: row.title,
        category: { code: row.categoryCode, label: category?.label ?? row.categoryCode },
        status: row.status,
        statusLabel: PROPOSAL_STATUS_LABELS[row.status],
        raisedBy: { id: row.raisedByResidentId, name: mine || committee ? name : maskName(name) },
        raisedAt: new Date(row.raisedAt).toISOString(),
        cosigns: row.cosignCount,
        coverUrl: cover ? this.links.url(cover.id) : null,
        reply: row.publicOn && row.replyDays !== null ? replyDeadline(row.publicOn, row.replyDays, row.answeredOn, today) : null,
        mine,
        cosignedByMe: cosigned.has(row.id),
        matterId: row.matterId,
      };
    });
  }

  private async detailOf(store: ProposalStore, actor: VillageActor, row: Proposal): Promise<ProposalDetail> {
    const [item] = await this.items(store, actor, [row]);
    const today = this.today();
    const committee = handlesProposals(actor.roles);
    const insider = committee || item.mine;
    const [photos, events, signers, roster, mergedInto, mergedFrom, matter, obligation] = await Promise.all([
      store.photosOf([row.id]),
      store.events(row.id),
      this.signers(store, row),
      store.rosterCounts(row.villageId, today),
      row.mergedIntoId ? store.proposalsByIds(row.villageId, [row.mergedIntoId]).then((r) => r[0] ?? null) : Promise.resolve(null),
      store.mergedFrom(row.villageId, row.id),
      row.matterId ? store.matter(row.villageId, row.matterId) : Promise.resolve(null),
      row.obligationId ? store.obligation(row.villageId, row.obligationId) : Promise.resolve(null),
    ]);
    const names = await store.names(row.villageId, events.map((e) => e.byResidentId));
    const nameOf = (id: string): NamedRef => {
      const name = names.get(id) ?? '';
      return { id, name: id === row.raisedByResidentId && !insider ? maskName(name) : name };
    };
    const progress = cosignProgress({
      signers,
      adultResidents: roster.adults,
      representativesTotal: roster.representatives,
      obligationId: row.obligationId,
      obligationDueBy: obligation?.dueBy ?? null,
      today,
    });
    return {
      ...item,
      body: row.body,
      photos: photos.filter((p) => insider || p.check === 'pass').map((p) => ({ id: p.id, url: this.links.url(p.id), check: p.check })),
      heldReason: insider && (row.status === 'held' || row.status === 'pending_review') ? row.heldReason : null,
      steps: proposalTimeline(row.status, JSON.parse(row.stepsJson) as Reached),
      progress,
      replies: events.filter((e) => e.kind === 'reply' && e.byResidentId).map((e) => ({ text: e.text, by: nameOf(e.byResidentId as string), at: new Date(e.at).toISOString() })),
      declinedReason: row.declinedReason,
      mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
      mergedFrom: mergedFrom.map((p) => ({ id: p.id, title: p.title })),
      matter: matter ? { id: matter.id, title: matter.title, stageLabel: MATTER_STAGE_LABELS[matter.stage] } : null,
      history: events
        .filter((e) => insider || (e.kind !== 'held' && e.kind !== 'rejected'))
        .map((e) => ({ at: new Date(e.at).toISOString(), by: e.byResidentId ? nameOf(e.byResidentId) : null, status: e.status, text: e.kind === 'reply' ? `答复：${e.text}` : e.text })),
      actions: proposalActions({ status: row.status, roles: actor.roles, isAuthor: item.mine, cosignedByMe: item.cosignedByMe }),
      share: { title: `【村民提议】${row.title}`, path: `${SHARE_PATH}?id=${row.id}` },
      version: row.version,
    };
  }
}

/** Held and pending proposals are their author's and the committee's alone: to anyone else they do not exist. */
function assertVisible(actor: VillageActor, row: Proposal): void {
  if (PROPOSAL_PUBLIC_STATUSES.includes(row.status)) return;
  if (row.raisedByResidentId === actor.residentId || handlesProposals(actor.roles)) return;
  throw ProposalException.notFound();
}

function assertCategory(settings: ProposalSettings, code: string): void {
  const category = settings.categories.find((c) => c.code === code && c.enabled);
  if (!category) throw new ProposalException(ProposalErrorCode.CategoryInvalid, `本村没有“${code}”这个类别，请从列表中选择`);
}

function assertOwnUpload(actor: VillageActor, photo: ProposalPhoto): void {
  if (photo.uploadedByResidentId !== actor.residentId) throw ProposalException.fileNotFound();
  if (photo.proposalId !== null) throw new ProposalException(ProposalErrorCode.FileInUse, '有照片已经用在别的提议里了，请重新上传');
}

function auditVerb(command: ProposalCommand): string {
  switch (command.type) {
    case 'release':
      return 'released';
    case 'reject':
      return 'rejected';
    case 'advance':
      return 'advanced';
    case 'reply':
      return 'replied';
    case 'decline':
      return 'declined';
    case 'merge':
      return 'merged';
    case 'convert':
      return 'converted';
    case 'cosign':
      return 'cosigned';
  }
}

/** The queue's order (shared PROPOSAL_QUEUE_GROUPS), from the row. */
function queueRank(row: Proposal, today: string): number {
  const answered = row.answeredOn !== null;
  const overdue = !answered && row.replyDueBy !== null && row.replyDueBy < today;
  return PROPOSAL_QUEUE_GROUPS.indexOf(proposalQueueGroup({ status: row.status, answered, overdue }));
}

function queueKey(row: Proposal): string {
  return `${row.replyDueBy ?? ''}|${new Date(row.raisedAt).toISOString()}|${row.id}`;
}
