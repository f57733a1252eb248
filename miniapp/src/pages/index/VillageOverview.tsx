import { Text, View } from '@tarojs/components';
import type { VillageSummary } from '@village/shared';
import { messages } from '../../constants/messages';

const m = messages.home;

/** Which village this is: name (largest text on the page), township and county, 村民议事群. */
export function VillageHeader({ village }: { village: VillageSummary }) {
  return (
    <View className="home-hero" data-testid="village-header">
      <Text className="home-hero__name" data-testid="village-name">
        {village.name}
      </Text>
      <Text className="home-hero__place">{m.township(village.township.county, village.township.name)}</Text>
      <Text className="home-hero__channel">
        {village.councilChannelName ? m.councilChannel(village.councilChannelName) : m.councilChannelMissing}
      </Text>
    </View>
  );
}

/** The village at a glance, in plain words: households and people, party members, grids, groups. */
export function VillageOverview({ village }: { village: VillageSummary }) {
  return (
    <View data-testid="village-overview">

      <View className="section home-card" data-testid="village-counts">
        <Text className="home-card__big">{m.totals(village.households, village.residents)}</Text>
        <Text className="home-card__line">{m.adults(village.adultResidents)}</Text>
        <Text className="home-card__line">{m.partyMembers(village.partyMembers)}</Text>
        <Text className="home-card__line">{m.villagerReps(village.villagerReps)}</Text>
        <Text className="home-card__line">{m.supervisors(village.supervisors)}</Text>
      </View>

      {village.grids.length > 0 ? (
        <View className="section home-card" data-testid="village-grids">
          <Text className="section__title">{m.gridsTitle(village.grids.length)}</Text>
          {village.grids.map((grid) => (
            <View className="home-row" key={grid.id}>
              <View className="home-row__main">
                <Text className="home-row__name">{grid.name}</Text>
                <Text className="home-row__sub">{m.gridLeader(grid.leaderName)}</Text>
              </View>
              <Text className="home-row__count">{m.gridLine(grid.households)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {village.villageGroups.length > 0 ? (
        <View className="section home-card" data-testid="village-groups">
          <Text className="section__title">{m.groupsTitle(village.villageGroups.length)}</Text>
          {village.villageGroups.map((group) => (
            <View className="home-row" key={group.id}>
              <Text className="home-row__name">{group.name}</Text>
              <Text className="home-row__count">{m.gridLine(group.households)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
