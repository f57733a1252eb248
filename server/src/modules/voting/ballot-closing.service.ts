import { createHash } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { canonicalJson, type JsonValue } from '../audit/domain';
import { UnitOfWork, type AuditActor, type Work } from '../audit/unit-of-work';
import { SystemNoticePublisher } from '../notices/system-notice-publisher';
import { BallotStore } from './ballot.store';
import { ruleOf } from './ballot.views';
import { computeResult, resultNotice } from './domain/ballot-result';
import { parseChoices } from './domain/choices';
import { formatChinaMoment, toSecond } from './domain/china-time';
import type { BallotResult, CloseTrigger } from './entities';
import { VotingErrorCode, VotingException } from './voting.exception';

/** How long a result notice stays in its disclosure window (DOMAIN.md §2: at least 7 days). */
const RESULT_NOTICE_DAYS = 7;

/**
 * Closing a ballot: the committee's manual close and the scheduler's close at closesAt run the same
 * unit of work — flip open → closed with a conditional update (only one closer can win, on any
 * number of servers), count, store the immutable result, publish it as a notice, audit — so the
 * result, its notice and its audit events commit together or not at all.
 */
@Injectable()
export class BallotClosingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notices: SystemNoticePublisher,
    private readonly clock: Clock,
  ) {}

  /** POST /api/ballots/:id/close. */
  async closeNow(actor: VillageActor, ballotId: string): Promise<void> {
    await this.uow.run(auditActor(actor), (work) => this.close(work, ballotId, 'manual', actor.residentId));
  }

  /** The scheduler's close; false when someone else closed it first or it is not due. */
  closeOnTime(villageId: string, ballotId: string): Promise<boolean> {
    const system: AuditActor = { villageId, actorId: null, actorRole: 'system', correlationId: null };
    return this.uow.run(system, async (work) => {
      const ballot = await new BallotStore(work.manager).ballot(villageId, ballotId);
      if (!ballot || ballot.status !== 'open' || ballot.closesAt.getTime() > this.clock.now().getTime()) return false;
      await this.close(work, ballotId, 'scheduled', null);
      return true;
    });
  }

  private async close(work: Work, ballotId: string, trigger: CloseTrigger, byResidentId: string | null): Promise<void> {
    const store = new BallotStore(work.manager);
    const villageId = work.actor.villageId;
    const ballot = await store.ballot(villageId, ballotId);
    if (!ballot) throw VotingException.ballotNotFound();
    if (ballot.status === 'closed') throw new VotingException(VotingErrorCode.Closed, '这次表决已经结束，结果已公布');
    if (ballot.status !== 'open') {
      throw new VotingException(VotingErrorCode.NotOpen, ballot.status === 'draft' ? '表决还没有发布，不能结束。不需要了可以取消。' : '这次表决已取消');
    }

    const counts = (await store.participationCounts([ballot.id])).get(ballot.id) ?? { online: 0, inPerson: 0 };
    const paper = await store.paperCount(ballot.id);
    if (counts.inPerson > 0 && !paper?.confirmedByResidentId) {
      throw new VotingException(
        VotingErrorCode.PaperCountPending,
        `现场到会 ${counts.inPerson} ${ballot.electorate === 'households' ? '户' : '人'}，但纸质票的计票结果还没有经计票人和监票人共同确认。确认后才能结束表决。`,
      );
    }

    const now = toSecond(this.clock.now());
    const closed = await store.updateBallot({ id: ballot.id, villageId, status: 'open' }, { status: 'closed', closedAt: now });
    if (!closed) throw new VotingException(VotingErrorCode.Closed, '这次表决刚刚被结束了，请刷新查看结果');

    const secret = ballot.secrecy === 'secret';
    const online = await store.onlineCounts(ballot.id, secret);
    if (online.rows !== counts.online) {
      // Every online participation wrote exactly one choice in the same transaction; anything else is corruption.
      throw new Error(`ballot ${ballot.id}: ${counts.online} online participations but ${online.rows} choices`);
    }
    const choices = parseChoices(ballot.choicesJson);
    const paperCounts = paper ? (JSON.parse(paper.countsJson) as Record<string, number>) : {};
    const householdTurnout =
      ballot.decisionBody === 'villager_assembly' && ballot.electorate === 'adult_residents' ? await store.householdTurnout(ballot.id) : null;
    const { tally, counts: choiceCounts } = computeResult({
      rule: ruleOf(ballot),
      electorate: ballot.electorate,
      choiceKind: ballot.choiceKind,
      choices,
      eligible: ballot.eligibleCount ?? 0,
      online: counts.online,
      inPerson: counts.inPerson,
      householdTurnout,
      onlineCounts: online.counts,
      paperCounts,
    });
    if (secret) await store.sealSecretChoices(ballot.id);

    const content = {
      ballotId: ballot.id,
      outcome: tally.outcome,
      eligible: ballot.eligibleCount ?? 0,
      online: counts.online,
      inPerson: counts.inPerson,
      papers: paper?.papers ?? 0,
      counts: choiceCounts.map((c) => ({ ...c })),
      explanation: tally.explanation,
      closedAt: now.toISOString(),
      trigger,
    };
    const resultHash = createHash('sha256').update(canonicalJson(content as unknown as JsonValue)).digest('hex');

    const notice = resultNotice({
      title: ballot.title,
      rule: ruleOf(ballot),
      electorate: ballot.electorate,
      secrecy: ballot.secrecy,
      opensAt: formatChinaMoment(ballot.opensAt, now),
      closesAt: formatChinaMoment(ballot.closesAt, now),
      closedAt: formatChinaMoment(now, now),
      eligible: content.eligible,
      online: counts.online,
      inPerson: counts.inPerson,
      papers: content.papers,
      tally,
      counts: choiceCounts,
      receiptCount: secret ? counts.online : null,
    });
    const published = await this.notices.publish(work, {
      villageId,
      kind: 'result',
      title: notice.title,
      body: notice.body,
      windowDays: RESULT_NOTICE_DAYS,
      source: { entityType: 'ballot', entityId: ballot.id },
    });

    const result: BallotResult = {
      ballotId: ballot.id,
      villageId,
      outcome: tally.outcome,
      eligible: content.eligible,
      onlineCount: counts.online,
      inPersonCount: counts.inPerson,
      papers: content.papers,
      countsJson: JSON.stringify(choiceCounts),
      tallyJson: JSON.stringify(tally),
      closedAt: now,
      closeTrigger: trigger,
      closedByResidentId: byResidentId,
      noticeId: published.id,
      resultHash,
    };
    await store.insertResult(result);
    await work.record({
      action: 'ballot.closed',
      entityType: 'ballot',
      entityId: ballot.id,
      before: { status: 'open' },
      after: { status: 'closed', title: ballot.title, ...content, noticeId: published.id, resultHash } as unknown as JsonValue,
    });
  }
}

const CHECK_EVERY_MS = 60_000;

/**
 * Closes ballots whose closesAt has passed, checking every minute (unref'd: it never keeps the process
 * up). Several servers may run it at once: each close is a conditional update inside a unit of work
 * that holds the village's audit lock, so a ballot is closed exactly once and the others skip it.
 * A ballot waiting for its paper count to be confirmed is skipped until it is.
 */
@Injectable()
export class BallotCloseScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BallotCloseScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closing: BallotClosingService,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  tick(): void {
    if (this.running) return;
    this.running = this.closeDue()
      .then((closed) => {
        if (closed > 0) this.logger.log(`${closed} ballot(s) closed on time`);
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'closing due ballots failed'))
      .finally(() => {
        this.running = null;
      });
  }

  /** Closes every open ballot whose closesAt ≤ now; returns how many this call closed. */
  async closeDue(): Promise<number> {
    const now = this.clock.now();
    const due = await this.uow.exclusive(() => new BallotStore(this.dataSource.manager).dueBallots(now));
    let closed = 0;
    for (const ballot of due) {
      try {
        if (await this.closing.closeOnTime(ballot.villageId, ballot.id)) closed += 1;
      } catch (error) {
        if (error instanceof VotingException && error.code === VotingErrorCode.PaperCountPending) continue;
        this.logger.error({ err: error, ballotId: ballot.id }, 'closing a due ballot failed');
      }
    }
    return closed;
  }
}

