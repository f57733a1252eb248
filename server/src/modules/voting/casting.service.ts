import { Injectable } from '@nestjs/common';
import type { CastVoteResult } from '@village/shared';
import { auditActor, type VillageActor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../audit/unit-of-work';
import { canSee } from './ballot-access';
import { BallotStore, isDuplicateKey } from './ballot.store';
import { votingWindowProblem } from './domain/ballot-phase';
import { checkSelection, joinKeys, labelsOf, parseChoices } from './domain/choices';
import { formatChinaMoment, toSecond } from './domain/china-time';
import { newReceiptCode } from './domain/receipt-code';
import type { CastVoteDto } from './dto/vote.dto';
import type { Ballot, BallotParticipation } from './entities';
import { resolveVoter } from './voter';
import { VotingErrorCode, VotingException } from './voting.exception';

const RECEIPT_ATTEMPTS = 3;

/**
 * Casting an online vote. One vote per voter is the primary key of ballot_participation, so two
 * requests racing (two phones of one household, a retry without its Idempotency-Key, a teller
 * recording the same household in person) cannot both succeed: the loser gets 409. Votes are final.
 *
 * Secret ballots write the participation (who) and the choice (what) to different tables that share
 * nothing but the ballot id: the choice row is keyed by a fresh random receipt code and carries no
 * time, and the audit event records the participation only.
 */
@Injectable()
export class CastingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  cast(actor: VillageActor, ballotId: string, dto: CastVoteDto): Promise<CastVoteResult> {
    return this.uow.run(auditActor(actor), async ({ manager, record }) => {
      const store = new BallotStore(manager);
      const now = toSecond(this.clock.now());
      const ballot = await store.ballot(actor.villageId, ballotId);
      if (!ballot || !canSee(ballot, actor)) throw VotingException.ballotNotFound();

      const window = votingWindowProblem(ballot, now);
      if (window) {
        const code = window.kind === 'not_open_yet' ? VotingErrorCode.NotOpenYet : window.kind === 'closed' ? VotingErrorCode.Closed : VotingErrorCode.NotOpen;
        throw new VotingException(code, window.message);
      }
      const choices = parseChoices(ballot.choicesJson);
      const selection = checkSelection({ choiceKind: ballot.choiceKind, choices, maxSelections: ballot.maxSelections }, dto.choices);
      if (!selection.ok) throw new VotingException(VotingErrorCode.InvalidChoice, selection.message);

      const voter = await resolveVoter(store, ballot, actor, now);
      if (!voter.ok) throw new VotingException(VotingErrorCode.NotEligible, voter.reason);

      const existing = await store.participation(ballot.id, voter.voterKey);
      if (existing) throw alreadyTookPart(ballot, existing, now);
      try {
        await store.insertParticipations([
          {
            ballotId: ballot.id,
            voterKey: voter.voterKey,
            villageId: actor.villageId,
            channel: 'online',
            castByResidentId: actor.residentId,
            recordedByResidentId: null,
            participatedAt: now,
          },
        ]);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const winner = await store.participation(ballot.id, voter.voterKey);
        throw winner ? alreadyTookPart(ballot, winner, now) : new VotingException(VotingErrorCode.AlreadyVoted, '已经投过票了');
      }

      const labels = labelsOf(choices, selection.keys);
      if (ballot.secrecy === 'open') {
        await store.insertOpenVote({ ballotId: ballot.id, voterKey: voter.voterKey, choices: joinKeys(selection.keys) });
        await record({
          action: 'ballot.vote.cast',
          entityType: 'ballot',
          entityId: ballot.id,
          after: { voterKey: voter.voterKey, voter: voter.label, channel: 'online', choices: selection.keys, choiceLabels: labels },
        });
        return {
          ballotId: ballot.id,
          channel: 'online',
          at: now.toISOString(),
          choices: selection.keys,
          receiptCode: null,
          message: `投票成功：您选择了“${labels}”。投票后不能更改。`,
        };
      }

      const receiptCode = await this.storeSecretChoice(store, ballot, joinKeys(selection.keys));
      await record({
        action: 'ballot.participation.recorded',
        entityType: 'ballot',
        entityId: ballot.id,
        // Who took part, never what they chose nor their receipt.
        after: { voterKey: voter.voterKey, voter: voter.label, channel: 'online' },
      });
      return {
        ballotId: ballot.id,
        channel: 'online',
        at: now.toISOString(),
        choices: null,
        receiptCode,
        message: `投票成功。您的回执码是 ${receiptCode}，只显示这一次，请截图或抄下来保存。村里谁也查不到这张票是谁投的；表决结束后公布全部回执，您可以用它核对自己的票。`,
      };
    });
  }

  private async storeSecretChoice(store: BallotStore, ballot: Ballot, choices: string): Promise<string> {
    for (let attempt = 0; attempt < RECEIPT_ATTEMPTS; attempt += 1) {
      const receiptCode = newReceiptCode();
      if (await store.insertSecretChoice({ receiptCode, ballotId: ballot.id, choices, sealed: false })) return receiptCode;
    }
    throw new Error('could not draw a free receipt code');
  }
}

function alreadyTookPart(ballot: Ballot, existing: BallotParticipation, now: Date): VotingException {
  const when = formatChinaMoment(existing.participatedAt, now);
  const who = ballot.electorate === 'households' ? '本户' : '您';
  if (existing.channel === 'in_person') {
    return new VotingException(VotingErrorCode.VotedInPerson, `${who}已于 ${when} 在现场参加表决（由计票人登记），不能再在线投票`);
  }
  return new VotingException(VotingErrorCode.AlreadyVoted, `${who}已投票（${when}），每${ballot.electorate === 'households' ? '户' : '人'}只能投一次，投票后不能更改`);
}
