export interface GridSummary {
  id: string;
  name: string;
  /** 网格员 name, or null while the post is vacant. */
  leaderName: string | null;
  households: number;
}

export interface VillageGroupSummary {
  id: string;
  name: string;
  households: number;
}

/** What the home page shows about the village: `GET /api/villages/current`. */
export interface VillageSummary {
  id: string;
  code: string;
  name: string;
  township: { id: string; name: string; county: string };
  /** 村民议事群 name (一村一群), or null before the committee has bound the group. */
  councilChannelName: string | null;
  households: number;
  residents: number;
  adultResidents: number;
  partyMembers: number;
  villagerReps: number;
  supervisors: number;
  grids: GridSummary[];
  villageGroups: VillageGroupSummary[];
}

/** One row of the township's overview: `GET /api/township/villages`. */
export interface TownshipVillageRow {
  id: string;
  code: string;
  name: string;
  households: number;
  residents: number;
  /** Households whose representative has bound a WeChat account (reachable online). */
  householdsOnline: number;
  councilChannelBound: boolean;
}
