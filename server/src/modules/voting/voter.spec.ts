import type { VillageActor } from '../../common/auth/actor';
import type { BallotStore } from './ballot.store';
import type { Ballot, BallotEligibility } from './entities';
import type { Household, Resident } from '../villages/entities';
import { resolveVoter } from './voter';

describe('resolveVoter', () => {
  const now = new Date('2026-11-26T02:00:00.000Z');
  const actor = { villageId: 'v', residentId: 'r1', roles: ['villager'] } as unknown as VillageActor;
  const ballot = (electorate: Ballot['electorate']) => ({ id: 'b', electorate, openedAt: new Date('2026-11-25T00:00:00.000Z') }) as Ballot;

  /** A stand-in store: a household h1 with members r1 and r2, representative `rep`, and the frozen list. */
  const store = (rep: string | null, onList: string[]): BallotStore =>
    ({
      resident: async (_: string, id: string) => ({ id, name: id === 'r1' ? '郭建平' : '王秀英', householdId: 'h1' }) as Resident,
      household: async () => ({ id: 'h1', number: '0012', status: 'active', representativeResidentId: rep }) as Household,
      eligibility: async (_: string, key: string) => (onList.includes(key) ? ({ voterKey: key, label: `${key} 的标签` } as BallotEligibility) : null),
    }) as unknown as BallotStore;

  it('lets the current representative cast the household vote, keyed by the household', async () => {
    expect(await resolveVoter(store('r1', ['h1']), ballot('households'), actor, now)).toEqual({ ok: true, voterKey: 'h1', label: 'h1 的标签' });
  });

  it('sends a member who is not the representative to the one who is', async () => {
    const check = await resolveVoter(store('r2', ['h1']), ballot('households'), actor, now);
    expect(check).toEqual({ ok: false, voterKey: 'h1', reason: '这次表决一户一票，由户代表投票。您家的户代表是王秀英，请由王秀英来投。' });
  });

  it('refuses a household that was not on the list when the ballot opened', async () => {
    const check = await resolveVoter(store('r1', []), ballot('households'), actor, now);
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('表决名单在 11月25日 08:00 确定，当时户号 0012 还不在名单上') });
  });

  it('keys person ballots by the resident and says who the ballot is for', async () => {
    expect(await resolveVoter(store('r2', ['r1']), ballot('party_members'), actor, now)).toMatchObject({ ok: true, voterKey: 'r1' });
    const check = await resolveVoter(store('r2', []), ballot('villager_reps'), actor, now);
    expect(check).toMatchObject({ ok: false, voterKey: 'r1', reason: expect.stringContaining('村民代表和村委会成员') });
  });
});
