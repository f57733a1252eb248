import { ApiProperty } from '@nestjs/swagger';
import type { GridSummary, VillageGroupSummary, VillageSummary } from '@village/shared';

export class GridSummaryDto implements GridSummary {
  @ApiProperty({ example: 'b2c1…' })
  id: string;

  @ApiProperty({ example: '第一网格' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: '郭建平', description: '网格员姓名；空缺时为 null' })
  leaderName: string | null;

  @ApiProperty({ example: 28 })
  households: number;
}

export class VillageGroupSummaryDto implements VillageGroupSummary {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '土岭底村民小组' })
  name: string;

  @ApiProperty({ example: 47 })
  households: number;
}

export class TownshipRefDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '聪子峪乡' })
  name: string;

  @ApiProperty({ example: '沁源县' })
  county: string;
}

export class VillageSummaryDto implements VillageSummary {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: '140431203201', description: '12 位统计用区划代码' })
  code: string;

  @ApiProperty({ example: '土岭底村' })
  name: string;

  @ApiProperty({ type: TownshipRefDto })
  township: TownshipRefDto;

  @ApiProperty({ type: String, nullable: true, example: '土岭底村村民议事群', description: '村民议事群（一村一群）' })
  councilChannelName: string | null;

  @ApiProperty({ example: 85, description: '在册户数' })
  households: number;

  @ApiProperty({ example: 256, description: '在册村民人数（不含已故、迁出）' })
  residents: number;

  @ApiProperty({ example: 201, description: '年满 18 周岁的村民人数（村民会议到会人数的基数）' })
  adultResidents: number;

  @ApiProperty({ example: 14 })
  partyMembers: number;

  @ApiProperty({ example: 12 })
  villagerReps: number;

  @ApiProperty({ example: 3, description: '村务监督委员会现任成员人数' })
  supervisors: number;

  @ApiProperty({ type: [GridSummaryDto] })
  grids: GridSummaryDto[];

  @ApiProperty({ type: [VillageGroupSummaryDto] })
  villageGroups: VillageGroupSummaryDto[];
}
