import { Injectable } from '@nestjs/common';
import { adultBornOnOrBefore, type VillageSummary } from '@village/shared';
import { Clock } from '../../common/clock';
import { VillagesException } from './villages.exception';
import { VillagesRepository } from './villages.repository';

@Injectable()
export class VillagesService {
  constructor(
    private readonly villages: VillagesRepository,
    private readonly clock: Clock,
  ) {}

  async summary(code: string): Promise<VillageSummary> {
    const village = await this.villages.findByCode(code);
    if (!village?.township) throw VillagesException.villageNotFound(code);

    const [channel, households, counts, supervisors, grids, villageGroups] = await Promise.all([
      this.villages.findCouncilChannel(village.id),
      this.villages.countActiveHouseholds(village.id),
      this.villages.countResidents(village.id, adultBornOnOrBefore(this.clock.now())),
      this.villages.countCurrentHolders(village.id, 'supervisor'),
      this.villages.gridsWithCounts(village.id),
      this.villages.villageGroupsWithCounts(village.id),
    ]);

    return {
      id: village.id,
      code: village.code,
      name: village.name,
      township: { id: village.township.id, name: village.township.name, county: village.township.county },
      councilChannelName: channel?.name ?? null,
      households,
      residents: counts.residents,
      adultResidents: counts.adults,
      partyMembers: counts.partyMembers,
      villagerReps: counts.villagerReps,
      supervisors,
      grids,
      villageGroups,
    };
  }
}
