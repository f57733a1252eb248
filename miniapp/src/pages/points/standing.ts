import type { HouseholdPoints } from '@village/shared';
import { messages } from '../../constants/messages';

const m = messages.points;

/** Stars a quarter can earn at most: the default thresholds' length (the server decides the actual count). */
export const STARS_SHOWN = 5;

/** "全村第 5 名 / 共 120 户", or null before anything is published. */
export function villageRankText(p: Pick<HouseholdPoints, 'villageRank'>): string | null {
  return p.villageRank ? m.villageRank(p.villageRank.rank, p.villageRank.of) : null;
}
