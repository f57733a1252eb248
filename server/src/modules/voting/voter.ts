import { ELECTORATE_LABELS, type Electorate } from '@village/shared';
import type { VillageActor } from '../../common/auth/actor';
import type { BallotStore } from './ballot.store';
import { formatChinaMoment } from './domain/china-time';
import type { Ballot } from './entities';

export type VoterCheck =
  | { ok: true; voterKey: string; label: string }
  /** `voterKey`: whose participation to show the caller (their household's), even when they may not cast it. */
  | { ok: false; voterKey: string | null; reason: string };

/** The key the caller's vote would be recorded under: their household for 一户一票, else themselves. */
export async function voterKeyOf(store: BallotStore, electorate: Electorate, actor: VillageActor): Promise<string | null> {
  if (electorate !== 'households') return actor.residentId;
  const resident = await store.resident(actor.villageId, actor.residentId);
  return resident?.householdId ?? null;
}

/**
 * Whether the caller may cast a vote on this (opened) ballot, and as whom. For 一户一票 the household is
 * the voter and whoever is its representative now casts its one vote — so a representative changed
 * mid-ballot still gives the household exactly one vote, and a household registered after opening
 * has no row on the frozen list.
 */
export async function resolveVoter(store: BallotStore, ballot: Ballot, actor: VillageActor, now: Date): Promise<VoterCheck> {
  const frozen = ballot.openedAt ? formatChinaMoment(ballot.openedAt, now) : '发布时';
  if (ballot.electorate === 'households') {
    const resident = await store.resident(actor.villageId, actor.residentId);
    const household = resident ? await store.household(actor.villageId, resident.householdId) : null;
    if (!household) return { ok: false, voterKey: null, reason: '名册里没有找到您家，请联系村委会' };
    if (household.status !== 'active' || household.representativeResidentId !== actor.residentId) {
      const rep = household.representativeResidentId ? await store.resident(actor.villageId, household.representativeResidentId) : null;
      return {
        ok: false,
        voterKey: household.id,
        reason: rep
          ? `这次表决一户一票，由户代表投票。您家的户代表是${rep.name}，请由${rep.name}来投。`
          : '这次表决一户一票，由户代表投票。您家现在没有户代表，请联系村委会。',
      };
    }
    const row = await store.eligibility(ballot.id, household.id);
    if (!row) {
      return {
        ok: false,
        voterKey: household.id,
        reason: `表决名单在 ${frozen} 确定，当时户号 ${household.number} 还不在名单上（表决开始后登记的户不参加这次表决）。`,
      };
    }
    return { ok: true, voterKey: household.id, label: row.label };
  }
  const row = await store.eligibility(ballot.id, actor.residentId);
  if (!row) return { ok: false, voterKey: actor.residentId, reason: notOnListReason(ballot.electorate, frozen) };
  return { ok: true, voterKey: row.voterKey, label: row.label };
}

function notOnListReason(electorate: Electorate, frozen: string): string {
  const who = ELECTORATE_LABELS[electorate];
  switch (electorate) {
    case 'adult_residents':
      return `这次表决由${who}参加，名单在 ${frozen} 确定，您当时不在名单上（未满 18 周岁或还没有登记）。`;
    case 'villager_reps':
      return `这次表决由${who}（村民代表和村委会成员）参加，名单在 ${frozen} 确定，您不在名单上。`;
    case 'party_members':
    case 'committee_members':
    case 'households':
      return `这次表决由${who}参加，名单在 ${frozen} 确定，您不在名单上。`;
  }
}
