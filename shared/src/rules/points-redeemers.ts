import type { PointsSettings } from '../types/points';

export interface RedeemerFacts {
  /** The household's current 户代表 is this person. */
  representative: boolean;
  /** 18 or older today. */
  adult: boolean;
  /** The 户代表's name, to say who can; null when the household has none. */
  representativeName: string | null;
}

export type RedeemerVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Who spends the household's points in the 积分超市: the 户代表 (the default), or any adult member
 * when the village allows it (`PointsSettings.redeemers`). The reason says who can instead.
 */
export function redeemerVerdict(redeemers: PointsSettings['redeemers'], facts: RedeemerFacts): RedeemerVerdict {
  if (redeemers === 'representative') {
    if (facts.representative) return { ok: true };
    const who = facts.representativeName ? `户代表${facts.representativeName}` : '户代表（请先到村委会登记户代表）';
    return { ok: false, reason: `本村积分超市由户代表为全家兑换，请让${who}来兑换或取消` };
  }
  if (facts.adult) return { ok: true };
  return { ok: false, reason: '未满 18 周岁不能用家里的积分兑换，请让家里的大人来兑换或取消' };
}
