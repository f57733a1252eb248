import { Injectable } from '@nestjs/common';
import type { AttendanceConflict, PaperCountView, RecordAttendanceResult } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { canSee, tellerRoleOf } from './ballot-access';
import { BallotStore, isDuplicateKey } from './ballot.store';
import { paperCountView, participationSummary } from './ballot.views';
import { parseChoices } from './domain/choices';
import { toSecond } from './domain/china-time';
import { checkPaperCount, normaliseCounts, sameCount } from './domain/paper-count';
import type { PaperCountDto, RecordAttendanceDto } from './dto/vote.dto';
import type { Ballot, BallotPaperCount } from './entities';
import { VotingErrorCode, VotingException } from './voting.exception';

const ROLE_LABEL = { teller: '计票人', scrutineer: '监票人' } as const;

/**
 * The in-person meeting (现场表决), recorded by the ballot's 计票人 and 监票人: who attended (per voter,
 * on the same participation key as online votes, so nobody is counted twice either way) and the paper
 * count, entered by one and confirmed by the other with the same numbers.
 */
@Injectable()
export class InPersonService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  recordAttendance(actor: VillageActor, ballotId: string, dto: RecordAttendanceDto): Promise<RecordAttendanceResult> {
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new BallotStore(manager);
      const { ballot, role } = await this.loadForTeller(store, actor, ballotId);
      const paper = await store.paperCount(ballot.id);
      if (paper?.confirmedByResidentId) {
        throw new VotingException(VotingErrorCode.PaperCountLocked, '纸质票计票结果已经确认，现场到会名单不能再改');
      }
      const keys = [...new Set(dto.voterKeys)];
      const onList = new Map((await store.eligibilityOf(ballot.id, keys)).map((e) => [e.voterKey, e]));
      const already = new Map((await store.participationsOf(ballot.id, keys)).map((p) => [p.voterKey, p]));
      const conflicts: AttendanceConflict[] = [];
      for (const key of keys) {
        const row = onList.get(key);
        const existing = already.get(key);
        if (!row) conflicts.push({ voterKey: key, label: '（不在名单上）', reason: '不在本次表决名单内' });
        else if (existing) conflicts.push({ voterKey: key, label: row.label, reason: existing.channel === 'online' ? '已在线投票' : '已登记到会' });
      }
      if (conflicts.length > 0) throw attendanceConflict(conflicts);

      const now = toSecond(this.clock.now());
      try {
        await store.insertParticipations(
          keys.map((voterKey) => ({
            ballotId: ballot.id,
            voterKey,
            villageId: actor.villageId,
            channel: 'in_person' as const,
            castByResidentId: null,
            recordedByResidentId: actor.residentId,
            participatedAt: now,
          })),
        );
      } catch (error) {
        // Someone voted online between our check and the insert (only possible without the village lock).
        if (isDuplicateKey(error)) throw attendanceConflict([{ voterKey: '', label: '（有人刚刚在线投票）', reason: '已在线投票' }]);
        throw error;
      }
      await record({
        action: 'ballot.attendance.recorded',
        entityType: 'ballot',
        entityId: ballot.id,
        after: { recordedAs: role, count: keys.length, voters: keys.map((k) => ({ voterKey: k, voter: onList.get(k)?.label ?? '' })) },
      });
      const counts = (await store.participationCounts([ballot.id])).get(ballot.id) ?? { online: 0, inPerson: 0 };
      return { recorded: keys.length, participation: participationSummary(ballot, counts) };
    });
  }

  recordPaperCount(actor: VillageActor, ballotId: string, dto: PaperCountDto): Promise<PaperCountView> {
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new BallotStore(manager);
      const { ballot, role } = await this.loadForTeller(store, actor, ballotId);
      const rules = { choiceKind: ballot.choiceKind, choices: parseChoices(ballot.choicesJson), maxSelections: ballot.maxSelections };
      const existing = await store.paperCount(ballot.id);
      if (existing?.confirmedByResidentId) throw new VotingException(VotingErrorCode.PaperCountLocked, '纸质票计票结果已经由计票人和监票人共同确认，不能再改');
      const attendance = ((await store.participationCounts([ballot.id])).get(ballot.id) ?? { inPerson: 0 }).inPerson;
      const problem = checkPaperCount(rules, dto, attendance);
      if (problem) throw new VotingException(VotingErrorCode.InvalidPaperCount, problem);

      const now = toSecond(this.clock.now());
      const counts = normaliseCounts(rules, dto.counts);
      const entry = { papers: dto.papers, counts };
      const after = { recordedAs: role, papers: dto.papers, counts };
      if (!existing) {
        await store.insertPaperCount({
          ballotId: ballot.id,
          villageId: actor.villageId,
          papers: dto.papers,
          countsJson: JSON.stringify(counts),
          enteredByResidentId: actor.residentId,
          enteredAt: now,
          confirmedByResidentId: null,
          confirmedAt: null,
        } as BallotPaperCount);
        await record({ action: 'ballot.paper_count.entered', entityType: 'ballot', entityId: ballot.id, after });
      } else {
        const previous = { papers: existing.papers, counts: JSON.parse(existing.countsJson) as Record<string, number> };
        const confirming = existing.enteredByResidentId !== actor.residentId && sameCount(previous, entry, rules);
        const changes: Partial<BallotPaperCount> = confirming
          ? { confirmedByResidentId: actor.residentId, confirmedAt: now }
          : { papers: dto.papers, countsJson: JSON.stringify(counts), enteredByResidentId: actor.residentId, enteredAt: now };
        if (!(await store.updatePaperCount(ballot.id, existing.version, changes))) {
          throw new VotingException(VotingErrorCode.VersionConflict, '纸质票计票结果刚被另一位修改了，请刷新后再核对');
        }
        await record({
          action: confirming ? 'ballot.paper_count.confirmed' : 'ballot.paper_count.entered',
          entityType: 'ballot',
          entityId: ballot.id,
          before: previous,
          after,
        });
      }
      const row = (await store.paperCount(ballot.id)) as BallotPaperCount;
      const names = await store.names(actor.villageId, [row.enteredByResidentId, row.confirmedByResidentId]);
      return paperCountView(row, names) as PaperCountView;
    });
  }

  /** The ballot, for its teller or scrutineer, while it is open and has both named. */
  private async loadForTeller(store: BallotStore, actor: VillageActor, ballotId: string): Promise<{ ballot: Ballot; role: string }> {
    const ballot = await store.ballot(actor.villageId, ballotId);
    if (!ballot || !canSee(ballot, actor)) throw VotingException.ballotNotFound();
    const role = tellerRoleOf(ballot, actor);
    if (!role) throw VotingException.tellerRequired();
    if (!ballot.tellerResidentId || !ballot.scrutineerResidentId) {
      throw new VotingException(VotingErrorCode.NoTellers, '这次表决没有同时指定计票人和监票人，不能登记现场表决');
    }
    if (ballot.status === 'closed') throw new VotingException(VotingErrorCode.Closed, '表决已经结束，不能再登记现场表决');
    if (ballot.status !== 'open') throw new VotingException(VotingErrorCode.NotOpen, '表决还没有发布');
    return { ballot, role: ROLE_LABEL[role] };
  }
}

function attendanceConflict(conflicts: AttendanceConflict[]): VotingException {
  const shown = conflicts
    .slice(0, 3)
    .map((c) => `${c.label}${c.reason}`)
    .join('、');
  return new VotingException(
    VotingErrorCode.AttendanceConflict,
    `有 ${conflicts.length} 位不能登记为现场到会：${shown}${conflicts.length > 3 ? '等' : ''}。一个也没有登记，请去掉他们后再提交。`,
    { conflicts },
  );
}
