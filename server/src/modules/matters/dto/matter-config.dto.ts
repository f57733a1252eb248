import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_MODES, MATTER_OVERRIDES, MATTER_PHOTOS_MAX, type DecisionMode, type MatterOverride } from '@village/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate, Trim } from '../../roster/dto/validators';

export class MatterTypeInputDto {
  @ApiProperty({ example: 'irrigation' }) @IsString({ message: '请填写类型代码' }) code: string;
  @ApiProperty({ example: '农田水利' }) @Trim() @IsString({ message: '请填写类型名称' }) label: string;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;

  @ApiProperty({ enum: DECISION_MODES })
  @IsIn(DECISION_MODES, { message: '请选择由谁决定（村民会议、授权后的村民代表会议，或两者均可）' })
  decisionMode: DecisionMode;

  @ApiPropertyOptional({ enum: MATTER_OVERRIDES, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(MATTER_OVERRIDES, { message: '没有这种特别表决规则' })
  override?: MatterOverride | null;
}

export class MatterTypeConfigDto {
  @ApiProperty({ type: [MatterTypeInputDto] })
  @IsArray({ message: '本村自设的类型应是列表' })
  @ArrayMaxSize(30, { message: '自设类型最多 30 个' })
  @ValidateNested({ each: true })
  @Type(() => MatterTypeInputDto)
  extras: MatterTypeInputDto[];

  @ApiProperty({ type: [String] })
  @IsArray({ message: '停用的类型应是列表' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  disabled: string[];
}

export class AssemblyAuthorizationDto {
  @ApiProperty({ description: '作出授权的村民会议（本村已计入流程、表决通过的村民会议）' })
  @IsUUID(undefined, { message: '请选择作出授权的村民会议' })
  meetingId: string;

  @ApiProperty({ type: [String] })
  @IsArray({ message: '请选择授权的事项类型' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  typeCodes: string[];

  @ApiProperty({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate({ message: '授权截止日期应为 YYYY-MM-DD' })
  expiresOn: string | null;
}

export class RevokeAuthorizationDto {
  @ApiProperty({ description: '撤销授权的村民会议' })
  @IsUUID(undefined, { message: '请选择撤销授权的村民会议' })
  meetingId: string;

  @ApiProperty()
  @IsCalendarDate({ message: '撤销日期应为 YYYY-MM-DD' })
  revokedOn: string;
}

export class ConveningPetitionDto {
  @ApiProperty({ enum: ['villager_assembly', 'representative_assembly'] })
  @IsIn(['villager_assembly', 'representative_assembly'], { message: '请选择提议召开村民会议还是村民代表会议' })
  body: 'villager_assembly' | 'representative_assembly';

  @ApiProperty()
  @IsCalendarDate({ message: '提议日期应为 YYYY-MM-DD' })
  petitionedOn: string;

  @ApiProperty()
  @Trim()
  @IsString({ message: '请填写提议的事项' })
  @Length(1, 500, { message: '提议事项应为 1–500 个字' })
  subject: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID(undefined, { each: true, message: '提议村民的编号不对' })
  adultSignerIds: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true, message: '提议村民代表的编号不对' })
  representativeSignerIds: string[];

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(MATTER_PHOTOS_MAX, { message: `照片最多 ${MATTER_PHOTOS_MAX} 张` })
  @IsUUID(undefined, { each: true, message: '照片编号不对' })
  photoIds: string[];
}

export class ObligationQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'met', 'overdue'] })
  @IsOptional()
  @IsIn(['open', 'met', 'overdue'], { message: 'status 只能是 open、met 或 overdue' })
  status?: 'open' | 'met' | 'overdue';
}

export class NoticeLeadDaysDto {
  @ApiProperty({ minimum: 10, description: '村民会议至少 10 天（《村民委员会组织法》第二十一条）' }) @IsInt({ message: '提前通知天数须是整数' }) villager_assembly: number;
  @ApiProperty() @IsInt({ message: '提前通知天数须是整数' }) representative_assembly: number;
  @ApiProperty() @IsInt({ message: '提前通知天数须是整数' }) party_assembly: number;
  @ApiProperty() @IsInt({ message: '提前通知天数须是整数' }) committee_meeting: number;
}

export class WorkflowPolicyDto {
  @ApiProperty({ minimum: 7, maximum: 90, description: '决议和实施结果的公示期（天，含首尾）' })
  @IsInt({ message: '公示期须是整数天' })
  disclosureDays: number;

  @ApiProperty({ type: NoticeLeadDaysDto })
  @ValidateNested()
  @Type(() => NoticeLeadDaysDto)
  noticeLeadDays: NoticeLeadDaysDto;

  @ApiProperty({ enum: ['all_members', 'present'], description: '党员大会以全体党员（默认）或到会党员的过半数通过' })
  @IsIn(['all_members', 'present'], { message: '党员大会通过的计算基数只能是全体党员或到会党员' })
  partyReviewPassBasis: 'all_members' | 'present';
}
