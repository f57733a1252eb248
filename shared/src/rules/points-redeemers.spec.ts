import { redeemerVerdict } from './points-redeemers';

describe('who may redeem for the household', () => {
  const member = { representative: false, adult: true, representativeName: '张建华' };

  it('by default only the 户代表, and the refusal names them', () => {
    expect(redeemerVerdict('representative', { ...member, representative: true })).toEqual({ ok: true });
    expect(redeemerVerdict('representative', member)).toEqual({ ok: false, reason: expect.stringContaining('户代表张建华') });
    expect(redeemerVerdict('representative', { ...member, representativeName: null })).toEqual({ ok: false, reason: expect.stringContaining('请先到村委会登记户代表') });
  });

  it('any adult member when the village allows it, never a minor', () => {
    expect(redeemerVerdict('adult_member', member)).toEqual({ ok: true });
    expect(redeemerVerdict('adult_member', { ...member, adult: false })).toEqual({ ok: false, reason: expect.stringContaining('未满 18 周岁') });
  });
});
