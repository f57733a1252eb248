import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { chinaDay } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import type { JsonValue } from '../audit/domain';
import { UnitOfWork } from '../audit/unit-of-work';
import { BallotStore } from './ballot.store';
import { checkDraft, type DraftFields } from './domain/ballot-draft';
import { parseChoices } from './domain/choices';
import { buildElectorate } from './domain/electorate';
import { formatChinaMoment, toSecond } from './domain/china-time';
import type { CancelBallotDto, CreateBallotDto, OpenBallotDto, PatchBallotDto } from './dto/ballot.dto';
import type { Ballot } from './entities';
import { VotingErrorCode, VotingException } from './voting.exception';

/** The committee's side: draft, edit the draft, open (freezing the electorate), cancel a draft. */
@Injectable()
export class BallotAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async create(actor: VillageActor, dto: CreateBallotDto): Promise<string> {
    const fields = this.fields(dto);
    const check = this.check(fields);
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new BallotStore(manager);
      await this.assertTellers(store, actor.villageId, fields);
      const ballot = {
        id: randomUUID(),
        villageId: actor.villageId,
        title: dto.title,
        description: dto.description ?? '',
        matterId: dto.matterId ?? null,
        meetingId: dto.meetingId ?? null,
        electorate: fields.electorate,
        decisionBody: fields.rule.body,
        matterOverride: fields.rule.override,
        secrecy: fields.secrecy,
        choiceKind: fields.choiceKind,
        choicesJson: JSON.stringify(check.choices),
        maxSelections: check.maxSelections,
        opensAt: fields.opensAt,
        closesAt: fields.closesAt,
        status: 'draft',
        tellerResidentId: fields.tellerResidentId,
        scrutineerResidentId: fields.scrutineerResidentId,
        createdByResidentId: actor.residentId,
        openedAt: null,
        openedByResidentId: null,
        eligibleCount: null,
        closedAt: null,
        cancelledAt: null,
        cancelReason: null,
      } as Ballot;
      await store.insertBallot(ballot);
      await record({ action: 'ballot.created', entityType: 'ballot', entityId: ballot.id, after: snapshot(ballot) });
      return ballot.id;
    });
  }

  async patch(actor: VillageActor, ballotId: string, dto: PatchBallotDto): Promise<void> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new BallotStore(manager);
      const before = await this.loadDraft(store, actor.villageId, ballotId, dto.version, '修改');
      const fields = this.fields({
        electorate: dto.electorate ?? before.electorate,
        rule: dto.rule ?? { body: before.decisionBody, override: before.matterOverride },
        secrecy: dto.secrecy ?? before.secrecy,
        choiceKind: dto.choiceKind ?? before.choiceKind,
        options: dto.options ?? (before.choiceKind === 'motion' ? [] : parseChoices(before.choicesJson).map((c) => c.label)),
        maxSelections: dto.maxSelections ?? (dto.options || dto.choiceKind ? undefined : before.maxSelections),
        opensAt: dto.opensAt ?? before.opensAt.toISOString(),
        closesAt: dto.closesAt ?? before.closesAt.toISOString(),
        tellerResidentId: dto.tellerResidentId === undefined ? before.tellerResidentId : dto.tellerResidentId,
        scrutineerResidentId: dto.scrutineerResidentId === undefined ? before.scrutineerResidentId : dto.scrutineerResidentId,
      });
      // A motion switched to options (or back) must not keep the old options.
      if (dto.choiceKind === 'motion' && dto.options === undefined) fields.options = [];
      const check = this.check(fields);
      await this.assertTellers(store, actor.villageId, fields);
      const changes: Partial<Ballot> = {
        title: dto.title ?? before.title,
        description: dto.description ?? before.description,
        matterId: dto.matterId === undefined ? before.matterId : dto.matterId,
        meetingId: dto.meetingId === undefined ? before.meetingId : dto.meetingId,
        electorate: fields.electorate,
        decisionBody: fields.rule.body,
        matterOverride: fields.rule.override,
        secrecy: fields.secrecy,
        choiceKind: fields.choiceKind,
        choicesJson: JSON.stringify(check.choices),
        maxSelections: check.maxSelections,
        opensAt: fields.opensAt,
        closesAt: fields.closesAt,
        tellerResidentId: fields.tellerResidentId,
        scrutineerResidentId: fields.scrutineerResidentId,
      };
      if (!(await store.updateBallot({ id: before.id, villageId: actor.villageId, version: dto.version, status: 'draft' }, changes))) {
        throw VotingException.versionConflict();
      }
      await record({ action: 'ballot.updated', entityType: 'ballot', entityId: before.id, before: snapshot(before), after: snapshot({ ...before, ...changes }) });
    });
  }

  /**
   * Publishes the ballot: the electorate is read from the roster now and frozen — later roster
   * changes (a new household, a new party member) do not change who may vote on it.
   */
  async open(actor: VillageActor, ballotId: string, dto: OpenBallotDto): Promise<void> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new BallotStore(manager);
      const ballot = await this.loadDraft(store, actor.villageId, ballotId, dto.version, '发布');
      const now = toSecond(this.clock.now());
      if (ballot.closesAt.getTime() <= now.getTime()) {
        throw new VotingException(VotingErrorCode.ClosesAtPassed, `截止时间 ${formatChinaMoment(ballot.closesAt, now)} 已经过了，请先把截止时间改到以后再发布`);
      }
      await this.assertTellers(store, actor.villageId, { tellerResidentId: ballot.tellerResidentId, scrutineerResidentId: ballot.scrutineerResidentId });
      const rows = buildElectorate(ballot.electorate, await store.electorateSource(actor.villageId), chinaDay(now));
      if (rows.length === 0) {
        throw new VotingException(VotingErrorCode.EmptyElectorate, '按照所选的投票人，名册里现在一个人也没有，不能发布。请先在名册里登记，或换一种投票人。');
      }
      const opensAt = ballot.opensAt.getTime() < now.getTime() ? now : ballot.opensAt;
      const changes: Partial<Ballot> = { status: 'open', openedAt: now, openedByResidentId: actor.residentId, eligibleCount: rows.length, opensAt };
      if (!(await store.updateBallot({ id: ballot.id, villageId: actor.villageId, version: dto.version, status: 'draft' }, changes))) {
        throw VotingException.versionConflict();
      }
      await store.insertEligibility(ballot.id, rows);
      await record({
        action: 'ballot.opened',
        entityType: 'ballot',
        entityId: ballot.id,
        before: { status: 'draft' },
        after: {
          status: 'open',
          title: ballot.title,
          electorate: ballot.electorate,
          eligibleCount: rows.length,
          rosterFrozenAt: now.toISOString(),
          opensAt: opensAt.toISOString(),
          closesAt: ballot.closesAt.toISOString(),
        },
      });
    });
  }

  async cancel(actor: VillageActor, ballotId: string, dto: CancelBallotDto): Promise<void> {
    await this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new BallotStore(manager);
      const ballot = await this.loadDraft(store, actor.villageId, ballotId, dto.version, '取消');
      const now = toSecond(this.clock.now());
      if (!(await store.updateBallot({ id: ballot.id, villageId: actor.villageId, version: dto.version, status: 'draft' }, { status: 'cancelled', cancelledAt: now, cancelReason: dto.reason }))) {
        throw VotingException.versionConflict();
      }
      await record({ action: 'ballot.cancelled', entityType: 'ballot', entityId: ballot.id, before: { status: 'draft' }, after: { status: 'cancelled', title: ballot.title, reason: dto.reason } });
    });
  }

  // ------------------------------------------------------------ helpers

  private fields(dto: Pick<CreateBallotDto, 'electorate' | 'rule' | 'secrecy' | 'choiceKind' | 'options' | 'maxSelections' | 'opensAt' | 'closesAt' | 'tellerResidentId' | 'scrutineerResidentId'>): DraftFields {
    return {
      electorate: dto.electorate,
      rule: { body: dto.rule.body, override: dto.rule.override ?? null },
      secrecy: dto.secrecy,
      choiceKind: dto.choiceKind,
      options: dto.options ?? [],
      maxSelections: dto.maxSelections ?? null,
      opensAt: toSecond(new Date(dto.opensAt)),
      closesAt: toSecond(new Date(dto.closesAt)),
      tellerResidentId: dto.tellerResidentId ?? null,
      scrutineerResidentId: dto.scrutineerResidentId ?? null,
    };
  }

  private check(fields: DraftFields): Extract<ReturnType<typeof checkDraft>, { ok: true }> {
    const check = checkDraft(fields);
    if (!check.ok) {
      const first = check.problems[0].messages[0];
      const count = check.problems.reduce((n, p) => n + p.messages.length, 0);
      throw VotingException.invalid(count > 1 ? `填写的内容有误：${first}（共 ${count} 处）` : `填写的内容有误：${first}`, check.problems);
    }
    return check;
  }

  /** 计票人 and 监票人 must be active residents of the village. */
  private async assertTellers(store: BallotStore, villageId: string, fields: Pick<DraftFields, 'tellerResidentId' | 'scrutineerResidentId'>): Promise<void> {
    for (const [id, role] of [
      [fields.tellerResidentId, '计票人'],
      [fields.scrutineerResidentId, '监票人'],
    ] as const) {
      if (!id) continue;
      const resident = await store.resident(villageId, id);
      if (!resident || resident.status !== 'active') throw VotingException.invalid(`本村名册里没有这位${role}（或已不在册），请重新选择`);
    }
  }

  private async loadDraft(store: BallotStore, villageId: string, ballotId: string, version: number, what: string): Promise<Ballot> {
    const ballot = await store.ballot(villageId, ballotId);
    if (!ballot) throw VotingException.ballotNotFound();
    if (ballot.status === 'cancelled') throw new VotingException(VotingErrorCode.NotDraft, `这次表决已取消，不能再${what}`);
    if (ballot.status !== 'draft') throw VotingException.notDraft(what);
    if (ballot.version !== version) throw VotingException.versionConflict();
    return ballot;
  }
}

function snapshot(b: Ballot): JsonValue {
  return {
    title: b.title,
    description: b.description,
    matterId: b.matterId,
    meetingId: b.meetingId,
    electorate: b.electorate,
    rule: { body: b.decisionBody, override: b.matterOverride },
    secrecy: b.secrecy,
    choices: parseChoices(b.choicesJson).map((c) => c.label),
    maxSelections: b.maxSelections,
    opensAt: b.opensAt.toISOString(),
    closesAt: b.closesAt.toISOString(),
    tellerResidentId: b.tellerResidentId,
    scrutineerResidentId: b.scrutineerResidentId,
  } as unknown as JsonValue;
}
