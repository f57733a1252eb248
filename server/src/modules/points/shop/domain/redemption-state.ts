import { chinaDay, type RedemptionStatus } from '@village/shared';

export interface RedemptionState {
  status: RedemptionStatus;
  handedOverAt: Date | null;
  /** Who handed it over, as the shopkeeper knows them. */
  handedOverByName: string | null;
  cancelledAt: Date | null;
}

export type RedemptionVerdict = { ok: true } | { ok: false; reason: string };

/** "11月25日 14:30" in Beijing time; with the year when it is not this year's. */
export function chinaMoment(at: Date, now: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  const year = chinaDay(at).slice(0, 4);
  const hm = shifted.toISOString().slice(11, 16);
  const md = `${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日 ${hm}`;
  return year === chinaDay(now).slice(0, 4) ? md : `${year}年${md}`;
}

/** The shopkeeper hands over a `ready` order once; a second scan says when and by whom it already went. */
export function handOverVerdict(state: RedemptionState, now: Date): RedemptionVerdict {
  if (state.status === 'ready') return { ok: true };
  if (state.status === 'handed_over') {
    const when = state.handedOverAt ? chinaMoment(state.handedOverAt, now) : '之前';
    return { ok: false, reason: `这件商品已在${when}由${state.handedOverByName || '积分超市'}交给这户了，不要重复交付` };
  }
  const when = state.cancelledAt ? chinaMoment(state.cancelledAt, now) : '之前';
  return { ok: false, reason: `这张兑换单已在${when}取消，积分已退回，不能再领取；请让村民重新兑换` };
}

/** Only a `ready` order is cancelled (its piece goes back on the shelf and the points back to the household). */
export function cancelVerdict(state: RedemptionState, now: Date): RedemptionVerdict {
  if (state.status === 'ready') return { ok: true };
  if (state.status === 'handed_over') {
    const when = state.handedOverAt ? chinaMoment(state.handedOverAt, now) : '之前';
    return { ok: false, reason: `这件商品已在${when}领走了，不能再取消` };
  }
  return { ok: false, reason: '这张兑换单已经取消过了，积分已退回，不用再取消' };
}
