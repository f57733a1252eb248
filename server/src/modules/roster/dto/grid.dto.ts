import { ApiProperty } from '@nestjs/swagger';
import type { AppointGridLeaderRequest, RosterGrid } from '@village/shared';
import { IsUUID, ValidateIf } from 'class-validator';
import { VersionDto } from './common.dto';

export class GridLeaderDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '郭建平' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' }) phoneMasked: string | null;
  @ApiProperty({ example: '0012' }) householdNumber: string;
}

export class RosterGridDto implements RosterGrid {
  @ApiProperty() id: string;
  @ApiProperty({ example: '第一网格' }) name: string;
  @ApiProperty({ example: 1 }) sortOrder: number;
  @ApiProperty({ type: GridLeaderDto, nullable: true, description: '网格员；空缺时为 null' }) leader: GridLeaderDto | null;
  @ApiProperty({ example: 28, description: '在册户数' }) households: number;
  @ApiProperty({ example: 84, description: '在册人数' }) residents: number;
  @ApiProperty({ example: 2 }) version: number;
}

export class AppointGridLeaderDto extends VersionDto implements AppointGridLeaderRequest {
  @ApiProperty({ type: String, nullable: true, description: '新网格员（本村在册的成年村民）；null 表示网格员空缺' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID(undefined, { message: '请从村民里选择网格员' })
  residentId: string | null;
}
