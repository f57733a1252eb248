import { cancelVerdict, chinaMoment, handOverVerdict, type RedemptionState } from './redemption-state';

describe('redemption state', () => {
  const now = new Date('2026-11-25T06:00:00Z');
  const ready: RedemptionState = { status: 'ready', handedOverAt: null, handedOverByName: null, cancelledAt: null };
  const handedOver: RedemptionState = { status: 'handed_over', handedOverAt: new Date('2026-11-24T06:30:00Z'), handedOverByName: '李秀英', cancelledAt: null };
  const cancelled: RedemptionState = { status: 'cancelled', handedOverAt: null, handedOverByName: null, cancelledAt: new Date('2026-11-23T16:05:00Z') };

  it('writes moments in Beijing time, with the year only when it is another year', () => {
    expect(chinaMoment(new Date('2026-11-24T06:30:00Z'), now)).toBe('11月24日 14:30');
    expect(chinaMoment(new Date('2026-11-23T16:05:00Z'), now)).toBe('11月24日 00:05');
    expect(chinaMoment(new Date('2025-12-31T16:00:00Z'), now)).toBe('1月1日 00:00');
    expect(chinaMoment(new Date('2025-06-01T02:00:00Z'), now)).toBe('2025年6月1日 10:00');
  });

  it('hands over a ready order once; a second scan says when and by whom', () => {
    expect(handOverVerdict(ready, now)).toEqual({ ok: true });
    expect(handOverVerdict(handedOver, now)).toEqual({ ok: false, reason: '这件商品已在11月24日 14:30由李秀英交给这户了，不要重复交付' });
    expect(handOverVerdict(cancelled, now)).toEqual({ ok: false, reason: expect.stringContaining('已在11月24日 00:05取消') });
  });

  it('cancels only a ready order', () => {
    expect(cancelVerdict(ready, now)).toEqual({ ok: true });
    expect(cancelVerdict(handedOver, now)).toEqual({ ok: false, reason: '这件商品已在11月24日 14:30领走了，不能再取消' });
    expect(cancelVerdict(cancelled, now)).toEqual({ ok: false, reason: expect.stringContaining('已经取消过了') });
  });
});
