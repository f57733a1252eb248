import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BALLOT_PAGE_SIZE_DEFAULT,
  BALLOT_STATUSES,
  type BallotDetail,
  type BallotListItem,
  type BallotPermissions,
  type BallotReasons,
  type BallotReceiptList,
  type BallotResultView,
  type BallotStatus,
  type ElectoratePage,
  type OpenVotePage,
  type Page,
  type ReceiptCheckResult,
} from '@village/shared';
import { DataSource } from 'typeorm';
import type { VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { Household } from '../villages/entities';
import { canSee, isBallotAdmin, oversees, tellerRoleOf } from './ballot-access';
import { BallotStore, type ParticipationCounts } from './ballot.store';
import { detail, liveQuorum, listItem, myParticipation, ref, resultView, shareTitle } from './ballot.views';
import { phaseOf, votingWindowProblem } from './domain/ballot-phase';
import { labelsOf, parseChoices, splitKeys } from './domain/choices';
import { formatChinaMoment } from './domain/china-time';
import { normaliseReceiptCode } from './domain/receipt-code';
import type { ElectorateQueryDto, ListBallotsQueryDto, PageQueryDto } from './dto/ballot-query.dto';
import type { Ballot, BallotParticipation } from './entities';
import { resolveVoter, type VoterCheck } from './voter';
import { VotingErrorCode, VotingException } from './voting.exception';

/** The read side of voting: lists, a ballot as the caller sees it, electorate, votes, results, receipts. */
@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** On SQLite reads wait for units of work in flight, so they never see half a vote or half a close. */
  private read<T>(task: (store: BallotStore) => Promise<T>): Promise<T> {
    return this.uow.exclusive(() => task(new BallotStore(this.dataSource.manager)));
  }

  async list(actor: VillageActor, q: ListBallotsQueryDto): Promise<Page<BallotListItem>> {
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? BALLOT_PAGE_SIZE_DEFAULT };
    const admin = isBallotAdmin(actor);
    const visible: BallotStatus[] = admin ? [...BALLOT_STATUSES] : ['open', 'closed'];
    const statuses = q.status ? visible.filter((s) => s === q.status) : visible;
    if (statuses.length === 0) return { items: [], total: 0, ...page };
    const now = this.clock.now();

    return this.read(async (store) => {
      const household = await this.actorHousehold(store, actor);
      const ids = q.awaitingMe ? await this.awaitingIds(store, actor, household, now) : null;
      const { items, total } = await store.listBallots({ villageId: actor.villageId, statuses, ids }, page);
      const keyOf = (b: Ballot): string | null => (b.electorate === 'households' ? (household?.id ?? null) : actor.residentId);
      const pairs = items.flatMap((b) => {
        const key = keyOf(b);
        return key && b.openedAt ? [{ ballotId: b.id, voterKey: key }] : [];
      });
      const [counts, mine, onList, results] = await Promise.all([
        store.participationCounts(items.map((b) => b.id)),
        store.participationsByVoter(pairs),
        store.onList(pairs),
        store.results(items.filter((b) => b.status === 'closed').map((b) => b.id)),
      ]);
      const names = await store.names(actor.villageId, [...mine.values()].map((p) => p.castByResidentId));
      const outcome = new Map(results.map((r) => [r.ballotId, r.outcome]));
      const isRep = household?.representativeResidentId === actor.residentId;
      return {
        items: items.map((b) =>
          listItem(b, {
            now,
            counts: counts.get(b.id) ?? null,
            eligible: onList.has(b.id) && (b.electorate !== 'households' || isRep),
            mine: myParticipation(mine.get(b.id) ?? null, null, names),
            outcome: outcome.get(b.id) ?? null,
          }),
        ),
        total,
        ...page,
      };
    });
  }

  async detail(actor: VillageActor, ballotId: string): Promise<BallotDetail> {
    const now = this.clock.now();
    return this.read(async (store) => {
      const ballot = await this.visibleBallot(store, actor, ballotId);
      const live = ballot.status === 'open' || ballot.status === 'closed';
      const counts: ParticipationCounts = live
        ? ((await store.participationCounts([ballot.id])).get(ballot.id) as ParticipationCounts)
        : { online: 0, inPerson: 0 };
      const voter: VoterCheck | null = live ? await resolveVoter(store, ballot, actor, now) : null;
      const mine: BallotParticipation | null = voter?.voterKey ? await store.participation(ballot.id, voter.voterKey) : null;
      const openVote = mine && ballot.secrecy === 'open' ? await store.openVote(ballot.id, mine.voterKey) : null;
      const paper = live ? await store.paperCount(ballot.id) : null;
      const result = ballot.status === 'closed' ? await store.result(ballot.id) : null;
      const householdTurnout =
        live && ballot.decisionBody === 'villager_assembly' && ballot.electorate === 'adult_residents' ? await store.householdTurnout(ballot.id) : null;
      const receiptCount = result && ballot.secrecy === 'secret' ? result.onlineCount : null;
      const names = await store.names(actor.villageId, [
        ballot.tellerResidentId,
        ballot.scrutineerResidentId,
        ballot.createdByResidentId,
        mine?.castByResidentId,
        paper?.enteredByResidentId,
        paper?.confirmedByResidentId,
        result?.closedByResidentId,
      ]);
      const { can, reasons } = this.permissions(actor, ballot, now, counts, voter, mine, paper?.confirmedByResidentId != null);
      return detail(ballot, {
        now,
        counts: live ? counts : null,
        eligible: voter?.ok ?? false,
        mine: myParticipation(mine, openVote, names),
        outcome: result?.outcome ?? null,
        choices: parseChoices(ballot.choicesJson),
        names,
        quorum: live ? liveQuorum(ballot, counts, householdTurnout) : null,
        myVoterLabel: voter?.ok ? voter.label : null,
        paper,
        result: result ? resultView(ballot, result, names, receiptCount) : null,
        can,
        reasons,
        shareTitle: shareTitle(ballot, now, result),
      });
    });
  }

  private permissions(
    actor: VillageActor,
    ballot: Ballot,
    now: Date,
    counts: ParticipationCounts,
    voter: VoterCheck | null,
    mine: BallotParticipation | null,
    paperConfirmed: boolean,
  ): { can: BallotPermissions; reasons: BallotReasons } {
    const admin = isBallotAdmin(actor);
    const teller = tellerRoleOf(ballot, actor) !== null;
    const draft = ballot.status === 'draft';
    const open = ballot.status === 'open';
    const live = open || ballot.status === 'closed';
    const closesInFuture = ballot.closesAt.getTime() > now.getTime();
    const paperPending = counts.inPerson > 0 && !paperConfirmed;
    const window = votingWindowProblem(ballot, now);
    const hasTellers = Boolean(ballot.tellerResidentId && ballot.scrutineerResidentId);
    const can: BallotPermissions = {
      edit: admin && draft,
      open: admin && draft && closesInFuture,
      cancel: admin && draft,
      close: admin && open && !paperPending,
      vote: window === null && voter?.ok === true && mine === null,
      recordAttendance: teller && hasTellers && open && !paperConfirmed,
      recordPaperCount: teller && hasTellers && open && !paperConfirmed && counts.inPerson > 0,
      viewElectorate: live && (oversees(actor) || teller),
      viewVotes: live && ballot.secrecy === 'open' && oversees(actor),
      viewReceipts: ballot.secrecy === 'secret' && ballot.status === 'closed',
    };
    let vote: string | null = null;
    if (!can.vote && live) {
      if (mine) {
        const how = mine.channel === 'online' ? '在线投票' : '现场参加表决';
        vote = `${ballot.electorate === 'households' ? '本户' : '您'}已于 ${formatChinaMoment(mine.participatedAt, now)} ${how}，每${ballot.electorate === 'households' ? '户' : '人'}只能投一次`;
      } else if (window) vote = window.message;
      else if (voter && !voter.ok) vote = voter.reason;
    }
    const reasons: BallotReasons = {
      vote,
      open: admin && draft && !closesInFuture ? '截止时间已经过了，请先把截止时间改到以后' : null,
      close: admin && open && paperPending ? '现场纸质票的计票结果还没有经计票人和监票人共同确认，确认后才能结束表决' : null,
    };
    return { can, reasons };
  }

  async electorate(actor: VillageActor, ballotId: string, q: ElectorateQueryDto): Promise<ElectoratePage> {
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? BALLOT_PAGE_SIZE_DEFAULT };
    return this.read(async (store) => {
      const ballot = await this.visibleBallot(store, actor, ballotId);
      if (!oversees(actor) && tellerRoleOf(ballot, actor) === null) {
        throw new VotingException(
          VotingErrorCode.ElectorateNotVisible,
          '表决名单只给村“两委”、村务监督委员会和这次表决的计票人、监票人查看',
        );
      }
      if (ballot.status === 'draft' || ballot.status === 'cancelled') {
        throw new VotingException(VotingErrorCode.NotOpen, '表决发布后才确定名单，现在还没有名单');
      }
      const { items, total } = await store.electoratePage(ballot.id, { q: q.q, participation: q.participation }, page);
      const names = await store.names(actor.villageId, items.map((i) => i.recordedByResidentId));
      return {
        items: items.map((i) => ({
          voterKey: i.voterKey,
          label: i.label,
          householdNumber: i.householdNumber,
          participation:
            i.channel && i.participatedAt ? { channel: i.channel, at: i.participatedAt.toISOString(), recordedBy: ref(i.recordedByResidentId, names) } : null,
        })),
        total,
        ...page,
      };
    });
  }

  async openVotes(actor: VillageActor, ballotId: string, q: PageQueryDto): Promise<OpenVotePage> {
    const page = { page: q.page ?? 1, pageSize: q.pageSize ?? BALLOT_PAGE_SIZE_DEFAULT };
    return this.read(async (store) => {
      const ballot = await this.visibleBallot(store, actor, ballotId);
      if (ballot.secrecy === 'secret') {
        throw new VotingException(VotingErrorCode.VotesSecret, '这是无记名投票：谁投了什么不作记录，任何人都查不到。可以在结果里核对回执。');
      }
      const { items, total } = await store.openVotesPage(ballot.id, page);
      const names = await store.names(actor.villageId, items.map((i) => i.castBy));
      return {
        items: items.map((i) => ({ voterKey: i.voterKey, label: i.label, choices: i.choices, castBy: ref(i.castBy, names) as { id: string; name: string }, at: i.at.toISOString() })),
        total,
        ...page,
      };
    });
  }

  async result(actor: VillageActor, ballotId: string): Promise<BallotResultView> {
    return this.read(async (store) => {
      const ballot = await this.visibleBallot(store, actor, ballotId);
      const result = ballot.status === 'closed' ? await store.result(ballot.id) : null;
      if (!result) throw new VotingException(VotingErrorCode.ResultNotReady, '表决还没有结束，结束后才有结果');
      const names = await store.names(actor.villageId, [result.closedByResidentId]);
      return resultView(ballot, result, names, ballot.secrecy === 'secret' ? result.onlineCount : null);
    });
  }

  async receipts(actor: VillageActor, ballotId: string): Promise<BallotReceiptList> {
    return this.read(async (store) => {
      const ballot = await this.visibleBallot(store, actor, ballotId);
      if (ballot.secrecy !== 'secret') throw new VotingException(VotingErrorCode.ReceiptsNotPublic, '这是记名投票，没有回执码');
      if (ballot.status !== 'closed') throw new VotingException(VotingErrorCode.ReceiptsNotPublic, '表决结束后才公开全部回执码，现在可以先核对自己的回执是否已记录');
      const choices = parseChoices(ballot.choicesJson);
      const rows = await store.secretChoices(ballot.id);
      const paper = await store.paperCount(ballot.id);
      const onlineCounts: Record<string, number> = Object.fromEntries(choices.map((c) => [c.key, 0]));
      const receipts = rows.map((r) => {
        const keys = splitKeys(r.choices);
        for (const k of keys) onlineCounts[k] = (onlineCounts[k] ?? 0) + 1;
        return { code: r.receiptCode, choices: keys };
      });
      const paperCounts = paper?.confirmedByResidentId ? (JSON.parse(paper.countsJson) as Record<string, number>) : Object.fromEntries(choices.map((c) => [c.key, 0]));
      return { ballotId: ballot.id, receipts, onlineCounts, paperCounts };
    });
  }

  async checkReceipt(actor: VillageActor, ballotId: string, input: string): Promise<ReceiptCheckResult> {
    const code = normaliseReceiptCode(input);
    if (!code) throw new VotingException(VotingErrorCode.InvalidReceiptCode, '回执码是 12 位字母和数字，形如 K7QX-3MZP-9DTA，请核对后再查');
    return this.read(async (store) => {
      const ballot = await this.visibleBallot(store, actor, ballotId);
      const row = ballot.secrecy === 'secret' ? await store.secretChoice(ballot.id, code) : null;
      if (!row) {
        throw new VotingException(VotingErrorCode.ReceiptNotFound, `这次表决没有回执码 ${code}。请核对是否抄错；如确认无误，请向村务监督委员会反映。`);
      }
      const closed = ballot.status === 'closed';
      const keys = splitKeys(row.choices);
      const labels = labelsOf(parseChoices(ballot.choicesJson), keys);
      return {
        ballotId: ballot.id,
        receiptCode: code,
        counted: true,
        choices: closed ? keys : null,
        message: closed ? `回执 ${code} 已计入结果，所投为：${labels}` : `回执 ${code} 已记录。表决结束后公布全部回执，届时可以看到它所投的选项。`,
      };
    });
  }

  // ------------------------------------------------------------ helpers

  /** Loads a ballot of the caller's village they may see, or 404 as if it did not exist. */
  private async visibleBallot(store: BallotStore, actor: VillageActor, ballotId: string): Promise<Ballot> {
    const ballot = await store.ballot(actor.villageId, ballotId);
    if (!ballot || !canSee(ballot, actor)) throw VotingException.ballotNotFound();
    return ballot;
  }

  private async actorHousehold(store: BallotStore, actor: VillageActor): Promise<Household | null> {
    const resident = await store.resident(actor.villageId, actor.residentId);
    return resident ? store.household(actor.villageId, resident.householdId) : null;
  }

  /** Ballots in their voting window where the caller may vote and has not (待我办). */
  private async awaitingIds(store: BallotStore, actor: VillageActor, household: Household | null, now: Date): Promise<string[]> {
    const voting = (await store.votingBallots(actor.villageId, now)).filter((b) => phaseOf(b, now) === 'voting');
    const isRep = household?.representativeResidentId === actor.residentId && household?.status === 'active';
    const pairs = voting.flatMap((b) => {
      if (b.electorate === 'households') return isRep && household ? [{ ballotId: b.id, voterKey: household.id }] : [];
      return [{ ballotId: b.id, voterKey: actor.residentId }];
    });
    const [onList, done] = await Promise.all([store.onList(pairs), store.participationsByVoter(pairs)]);
    return pairs.filter((p) => onList.has(p.ballotId) && !done.has(p.ballotId)).map((p) => p.ballotId);
  }
}
