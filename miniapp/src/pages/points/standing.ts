import type { HouseholdPoints } from '@village/shared';
import { messages } from '../../constants/messages';

const m = messages.points;

/** "全村第 5 名 / 共 120 户", or null before anything is published. */
export function villageRankText(p: Pick<HouseholdPoints, 'villageRank'>): string | null {
  return p.villageRank ? m.villageRank(p.villageRank.rank, p.villageRank.of) : null;
}
