import { ApiProperty } from '@nestjs/swagger';
import type { TownshipVillageRow } from '@village/shared';

export class TownshipVillageRowDto implements TownshipVillageRow {
  @ApiProperty() id: string;
  @ApiProperty({ example: '140431203201' }) code: string;
  @ApiProperty({ example: '土岭底村' }) name: string;
  @ApiProperty({ example: 85 }) households: number;
  @ApiProperty({ example: 256 }) residents: number;
  @ApiProperty({ example: 40, description: '户代表已绑定微信的户数（能在线联系到的户）' }) householdsOnline: number;
  @ApiProperty({ description: '是否已绑定村民议事群（一村一群）' }) councilChannelBound: boolean;
}
