import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS,
  type AgeBand,
  type DepartureStatus,
  type Gender,
  type Page,
  type ResidentDepartureRequest,
  type ResidentInput,
  type ResidentListItem,
  type ResidentListQuery,
  type ResidentStatus,
  type RosterResident,
  type UpdateResidentRequest,
} from '@village/shared';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { NamedRefDto, PageQueryDto, VersionDto } from './common.dto';
import {
  IfPresent,
  IsBirthDate,
  IsCalendarDate,
  IsIdNumber,
  IsMobilePhone,
  NormaliseIdNumber,
  NormalisePhone,
  QueryBoolean,
  Trim,
} from './validators';

const GENDER_VALUES = ['male', 'female'] as const;
const STATUS_VALUES = ['active', 'deceased', 'moved_out'] as const;
const DEPARTURE_VALUES = ['deceased', 'moved_out'] as const;

const nameRules = [
  Trim(),
  IsString({ message: '姓名必须是文字' }),
  Length(1, 32, { message: '姓名应为 1–32 个字' }),
  Matches(/^[^0-9]*$/, { message: '姓名里不应有数字' }),
];
const relationRules = [Trim(), IsString({ message: '与户主关系必须是文字' }), Length(1, 16, { message: '与户主关系应为 1–16 个字，例如 户主、配偶、子、女' })];
const genderRule = IsIn(GENDER_VALUES, { message: '性别只能是 male（男）或 female（女）' });

function apply(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/** A person as the committee enters them; phone and ID number are optional. */
export class ResidentInputDto implements ResidentInput {
  @ApiProperty({ example: '郭建平' })
  @apply(...nameRules)
  name: string;

  @ApiProperty({ enum: GENDER_VALUES })
  @genderRule
  gender: Gender;

  @ApiProperty({ example: '1968-03-12' })
  @IsBirthDate()
  birthDate: string;

  @ApiProperty({ example: '户主', description: '与户主关系：户主、配偶、子、女、父、母、孙子、孙女、儿媳……' })
  @apply(...relationRules)
  relationToHead: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: '是否党员只能是 true 或 false' })
  isPartyMember?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: '是否村民代表只能是 true 或 false' })
  isVillagerRep?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13812345678', description: '11 位手机号；加密保存，只以打码形式返回' })
  @IsOptional()
  @NormalisePhone()
  @IsMobilePhone()
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '11010519491231002X',
    description: '18 位居民身份证号码（校验位须正确，且与出生日期、性别一致）；加密保存，只以打码形式返回',
  })
  @IsOptional()
  @NormaliseIdNumber()
  @IsIdNumber()
  idNumber?: string | null;
}

/** Any subset of the fields; null clears phone or ID number. */
export class UpdateResidentDto extends VersionDto implements UpdateResidentRequest {
  @ApiPropertyOptional({ example: '郭建平' })
  @IfPresent()
  @apply(...nameRules)
  name?: string;

  @ApiPropertyOptional({ enum: GENDER_VALUES })
  @IfPresent()
  @genderRule
  gender?: Gender;

  @ApiPropertyOptional({ example: '1968-03-12' })
  @IfPresent()
  @IsBirthDate()
  birthDate?: string;

  @ApiPropertyOptional({ example: '配偶' })
  @IfPresent()
  @apply(...relationRules)
  relationToHead?: string;

  @ApiPropertyOptional()
  @IfPresent()
  @IsBoolean({ message: '是否党员只能是 true 或 false' })
  isPartyMember?: boolean;

  @ApiPropertyOptional()
  @IfPresent()
  @IsBoolean({ message: '是否村民代表只能是 true 或 false' })
  isVillagerRep?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null 清除手机号' })
  @IsOptional()
  @NormalisePhone()
  @IsMobilePhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null 清除身份证号' })
  @IsOptional()
  @NormaliseIdNumber()
  @IsIdNumber()
  idNumber?: string | null;
}

export class ResidentDepartureDto extends VersionDto implements ResidentDepartureRequest {
  @ApiProperty({ enum: DEPARTURE_VALUES, description: 'deceased 已故；moved_out 迁出' })
  @IsIn(DEPARTURE_VALUES, { message: '状态只能是 deceased（已故）或 moved_out（迁出）' })
  status: DepartureStatus;

  @ApiPropertyOptional({ example: '2026-11-20', description: '去世或迁出的日期，默认今天' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ description: '此人是户代表且户里还有其他成年成员时必填：新户代表' })
  @IsOptional()
  @IsUUID(undefined, { message: '新户代表的编号不对，请从成员列表里选择' })
  newRepresentativeResidentId?: string;

  @ApiPropertyOptional({ example: '迁往太原市', description: '备注，最多 200 字' })
  @IsOptional()
  @Trim()
  @IsString({ message: '备注必须是文字' })
  @MaxLength(200, { message: '备注最多 200 字' })
  note?: string;
}

export class ResidentListQueryDto extends PageQueryDto implements ResidentListQuery {
  @ApiPropertyOptional({ description: '按姓名查找' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(32, { message: '查找的文字太长了' })
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: '户的编号不对' })
  householdId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: '网格的编号不对' })
  gridId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: '村民小组的编号不对' })
  villageGroupId?: string;

  @ApiPropertyOptional({ enum: GENDER_VALUES })
  @IsOptional()
  @genderRule
  gender?: Gender;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'isPartyMember 只能是 true 或 false' })
  isPartyMember?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'isVillagerRep 只能是 true 或 false' })
  isVillagerRep?: boolean;

  @ApiPropertyOptional({ description: '是否户代表' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'isRepresentative 只能是 true 或 false' })
  isRepresentative?: boolean;

  @ApiPropertyOptional({ enum: STATUS_VALUES, default: 'active' })
  @IsOptional()
  @IsIn(STATUS_VALUES, { message: '状态只能是 active（在册）、deceased（已故）或 moved_out（迁出）' })
  status?: ResidentStatus;

  @ApiPropertyOptional({ enum: AGE_BANDS, description: 'minor 未满 18 岁；adult 18–59；senior 60–79；oldest 80 岁及以上' })
  @IsOptional()
  @IsIn(AGE_BANDS, { message: '年龄段只能是 minor、adult、senior 或 oldest' })
  ageBand?: AgeBand;
}

export class RosterResidentDto implements RosterResident {
  @ApiProperty() id: string;
  @ApiProperty() householdId: string;
  @ApiProperty({ example: '0012' }) householdNumber: string;
  @ApiProperty({ example: '郭建平' }) name: string;
  @ApiProperty({ enum: GENDER_VALUES }) gender: Gender;
  @ApiProperty({ example: '1968-03-12' }) birthDate: string;
  @ApiProperty({ example: 58 }) age: number;
  @ApiProperty({ example: '户主' }) relationToHead: string;
  @ApiProperty() isPartyMember: boolean;
  @ApiProperty() isVillagerRep: boolean;
  @ApiProperty({ description: '是否户代表' }) isRepresentative: boolean;
  @ApiProperty({ enum: STATUS_VALUES }) status: ResidentStatus;
  @ApiProperty({ type: String, nullable: true, example: null, description: '去世或迁出的日期' }) departedOn: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' }) phoneMasked: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1101**********002X' }) idNumberMasked: string | null;
  @ApiProperty({ example: 1 }) version: number;
}

export class ResidentListItemDto extends RosterResidentDto implements ResidentListItem {
  @ApiProperty({ type: NamedRefDto }) grid: NamedRefDto;
  @ApiProperty({ type: NamedRefDto }) villageGroup: NamedRefDto;
}

export class ResidentPageDto implements Page<ResidentListItem> {
  @ApiProperty({ type: [ResidentListItemDto] }) items: ResidentListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

