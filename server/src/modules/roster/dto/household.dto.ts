import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ChangeRepresentativeRequest,
  CreateHouseholdRequest,
  DissolveHouseholdRequest,
  HouseholdDetail,
  HouseholdListItem,
  HouseholdListQuery,
  HouseholdStatus,
  MoveHouseholdRequest,
  Page,
  UpdateHouseholdRequest,
} from '@village/shared';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NamedRefDto, PageQueryDto, VersionDto } from './common.dto';
import { ResidentInputDto, RosterResidentDto } from './resident.dto';
import { IfPresent, Trim } from './validators';

const HOUSEHOLD_STATUS_VALUES = ['active', 'dissolved'] as const;
/** Letters, digits and - _ / only, so a 户号 survives spreadsheets and URLs. */
const HOUSEHOLD_NUMBER = /^[\p{L}\p{N}_\-/]{1,32}$/u;
const NUMBER_MESSAGE = '户号应为 1–32 个字，只用文字、数字和 - _ /';

export class HouseholdListQueryDto extends PageQueryDto implements HouseholdListQuery {
  @ApiPropertyOptional({ description: '户号（开头）、住址或任一成员的姓名' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64, { message: '查找的文字太长了' })
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: '网格的编号不对' })
  gridId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: '村民小组的编号不对' })
  villageGroupId?: string;

  @ApiPropertyOptional({ enum: HOUSEHOLD_STATUS_VALUES, default: 'active' })
  @IsOptional()
  @IsIn(HOUSEHOLD_STATUS_VALUES, { message: '状态只能是 active（在册）或 dissolved（已注销）' })
  status?: HouseholdStatus;
}

export class CreateHouseholdDto implements CreateHouseholdRequest {
  @ApiProperty({ example: '0086' })
  @Trim()
  @IsString({ message: '户号必须是文字' })
  @Matches(HOUSEHOLD_NUMBER, { message: NUMBER_MESSAGE })
  number: string;

  @ApiProperty({ example: '南坪组30号' })
  @Trim()
  @IsString({ message: '住址必须是文字' })
  @Length(1, 128, { message: '住址应为 1–128 个字' })
  address: string;

  @ApiProperty()
  @IsUUID(undefined, { message: '请选择网格' })
  gridId: string;

  @ApiProperty()
  @IsUUID(undefined, { message: '请选择村民小组' })
  villageGroupId: string;

  @ApiProperty({ type: ResidentInputDto, description: '第一位成员，即户代表，须年满 18 周岁' })
  @IsDefined({ message: '请填写第一位成员（户代表）' })
  @ValidateNested()
  @Type(() => ResidentInputDto)
  firstMember: ResidentInputDto;
}

export class UpdateHouseholdDto extends VersionDto implements UpdateHouseholdRequest {
  @ApiPropertyOptional({ example: '0086' })
  @IfPresent()
  @Trim()
  @IsString({ message: '户号必须是文字' })
  @Matches(HOUSEHOLD_NUMBER, { message: NUMBER_MESSAGE })
  number?: string;

  @ApiPropertyOptional({ example: '南坪组30号' })
  @IfPresent()
  @Trim()
  @IsString({ message: '住址必须是文字' })
  @Length(1, 128, { message: '住址应为 1–128 个字' })
  address?: string;
}

export class MoveHouseholdDto extends VersionDto implements MoveHouseholdRequest {
  @ApiProperty({ description: '迁入的网格' })
  @IsUUID(undefined, { message: '请选择网格' })
  gridId: string;

  @ApiPropertyOptional({ description: '同时改村民小组时填写' })
  @IsOptional()
  @IsUUID(undefined, { message: '村民小组的编号不对' })
  villageGroupId?: string;
}

export class ChangeRepresentativeDto extends VersionDto implements ChangeRepresentativeRequest {
  @ApiProperty({ description: '本户一位在册的成年成员' })
  @IsUUID(undefined, { message: '请从本户成员里选择新的户代表' })
  residentId: string;
}

export class DissolveHouseholdDto extends VersionDto implements DissolveHouseholdRequest {
  @ApiProperty({ example: '全户迁出', description: '注销原因，最多 200 字' })
  @Trim()
  @IsString({ message: '请填写注销原因' })
  @Length(1, 200, { message: '注销原因应为 1–200 个字' })
  reason: string;
}

export class HouseholdListItemDto implements HouseholdListItem {
  @ApiProperty() id: string;
  @ApiProperty({ example: '0012' }) number: string;
  @ApiProperty({ example: '土岭底组12号' }) address: string;
  @ApiProperty({ type: NamedRefDto }) grid: NamedRefDto;
  @ApiProperty({ type: NamedRefDto }) villageGroup: NamedRefDto;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: '户代表；户里没有成年成员时为 null' }) representative: NamedRefDto | null;
  @ApiProperty({ example: 4 }) activeMembers: number;
  @ApiProperty({ enum: HOUSEHOLD_STATUS_VALUES }) status: HouseholdStatus;
  @ApiProperty({ example: 2 }) version: number;
}

export class HouseholdDetailDto extends HouseholdListItemDto implements HouseholdDetail {
  @ApiProperty({ type: [RosterResidentDto], description: '在册成员在前（户主第一），已故、迁出的在后' }) members: RosterResidentDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class HouseholdPageDto implements Page<HouseholdListItem> {
  @ApiProperty({ type: [HouseholdListItemDto] }) items: HouseholdListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
