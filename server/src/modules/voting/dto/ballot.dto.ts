import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  BALLOT_DESCRIPTION_MAX,
  BALLOT_OPTION_LABEL_MAX,
  BALLOT_OPTIONS_MAX,
  BALLOT_SECRECIES,
  BALLOT_TITLE_MAX,
  CHOICE_KINDS,
  DECISION_BODIES,
  ELECTORATES,
  MATTER_OVERRIDES,
  type BallotDraftInput,
  type BallotDraftPatch,
  type BallotSecrecy,
  type CancelBallotRequest,
  type ChoiceKind,
  type DecisionBody,
  type DecisionRule,
  type Electorate,
  type MatterOverride,
  type OpenBallotRequest,
} from '@village/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { VersionDto } from '../../roster/dto/common.dto';
import { IfPresent, Trim } from '../../roster/dto/validators';

export class DecisionRuleDto implements DecisionRule {
  @ApiProperty({ enum: DECISION_BODIES, description: '村民会议、村民代表会议、党员大会、委员会会议或民意征询' })
  @IsIn(DECISION_BODIES, { message: '请选择由哪个会议表决（村民会议、村民代表会议、党员大会、委员会会议或民意征询）' })
  body: DecisionBody;

  @ApiProperty({
    enum: MATTER_OVERRIDES,
    nullable: true,
    description: '土地承包经营方案、调整承包地、发包给本集体经济组织以外的单位或个人：须三分之二以上成员（或村民代表）同意',
  })
  @IsOptional()
  @IsIn(MATTER_OVERRIDES, { message: '特别事项只能是 land_contracting_plan、land_adjustment 或 outside_contracting' })
  override: MatterOverride | null;
}

/** Fields shared by create and patch; patch makes each optional. */
export class BallotDraftDto implements BallotDraftInput {
  @ApiProperty({ example: '土岭底组至南坪组村道硬化工程筹资筹劳方案', maxLength: BALLOT_TITLE_MAX })
  @Trim()
  @IsString({ message: '请填写表决事项的标题' })
  @Length(1, BALLOT_TITLE_MAX, { message: `标题应为 1–${BALLOT_TITLE_MAX} 个字` })
  title: string;

  @ApiPropertyOptional({ maxLength: BALLOT_DESCRIPTION_MAX, description: '方案内容、费用、时间等说明' })
  @IsOptional()
  @Trim()
  @IsString({ message: '说明必须是文字' })
  @MaxLength(BALLOT_DESCRIPTION_MAX, { message: `说明最多 ${BALLOT_DESCRIPTION_MAX} 个字` })
  description?: string;

  @ApiPropertyOptional({ nullable: true, description: '预留：所属议事事项（四议两公开）；民意征询不填' })
  @IsOptional()
  @IsUUID(undefined, { message: '议事事项的编号不对' })
  matterId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '预留：所属会议' })
  @IsOptional()
  @IsUUID(undefined, { message: '会议的编号不对' })
  meetingId?: string | null;

  @ApiProperty({ enum: ELECTORATES })
  @IsIn(ELECTORATES, { message: '请选择谁来投票（全村各户、成年村民、村民代表、党员或两委委员）' })
  electorate: Electorate;

  @ApiProperty({ type: DecisionRuleDto })
  @IsDefined({ message: '请选择表决规则' })
  @ValidateNested()
  @Type(() => DecisionRuleDto)
  rule: DecisionRuleDto;

  @ApiProperty({ enum: BALLOT_SECRECIES })
  @IsIn(BALLOT_SECRECIES, { message: '请选择记名投票（open）或无记名投票（secret）' })
  secrecy: BallotSecrecy;

  @ApiProperty({ enum: CHOICE_KINDS, description: 'motion：同意/反对/弃权；single、multiple：民意征询的单选、多选' })
  @IsIn(CHOICE_KINDS, { message: '请选择投票方式：同意/反对/弃权、单选或多选' })
  choiceKind: ChoiceKind;

  @ApiPropertyOptional({ type: [String], description: `单选、多选的选项，2–${BALLOT_OPTIONS_MAX} 个，每个最多 ${BALLOT_OPTION_LABEL_MAX} 字` })
  @IsOptional()
  @IsArray({ message: '选项应是一组文字' })
  @ArrayMaxSize(BALLOT_OPTIONS_MAX, { message: `最多 ${BALLOT_OPTIONS_MAX} 个选项` })
  @IsString({ each: true, message: '每个选项都必须是文字' })
  options?: string[];

  @ApiPropertyOptional({ description: '多选题最多可选几项，默认全部' })
  @IsOptional()
  @IsInt({ message: '最多可选几项必须是整数' })
  @Min(1, { message: '最多可选几项至少是 1' })
  @Max(BALLOT_OPTIONS_MAX, { message: `最多可选几项不能超过 ${BALLOT_OPTIONS_MAX}` })
  maxSelections?: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-25T00:00:00.000Z' })
  @IsDateString({ strict: true }, { message: '开始时间应是 2026-11-25T08:00:00+08:00 这样的时间' })
  opensAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-02T10:00:00.000Z' })
  @IsDateString({ strict: true }, { message: '截止时间应是 2026-12-02T18:00:00+08:00 这样的时间' })
  closesAt: string;

  @ApiPropertyOptional({ nullable: true, description: '计票人：本村在册村民；与监票人同时指定，两人不能相同' })
  @IsOptional()
  @IsUUID(undefined, { message: '计票人的编号不对，请从名册里选择' })
  tellerResidentId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: '监票人：本村在册村民' })
  @IsOptional()
  @IsUUID(undefined, { message: '监票人的编号不对，请从名册里选择' })
  scrutineerResidentId?: string | null;
}

export class CreateBallotDto extends BallotDraftDto {}

export class PatchBallotDto extends VersionDto implements BallotDraftPatch {
  @ApiPropertyOptional({ maxLength: BALLOT_TITLE_MAX })
  @IfPresent()
  @Trim()
  @IsString({ message: '标题必须是文字' })
  @Length(1, BALLOT_TITLE_MAX, { message: `标题应为 1–${BALLOT_TITLE_MAX} 个字` })
  title?: string;

  @ApiPropertyOptional({ maxLength: BALLOT_DESCRIPTION_MAX })
  @IfPresent()
  @Trim()
  @IsString({ message: '说明必须是文字' })
  @MaxLength(BALLOT_DESCRIPTION_MAX, { message: `说明最多 ${BALLOT_DESCRIPTION_MAX} 个字` })
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID(undefined, { message: '议事事项的编号不对' })
  matterId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID(undefined, { message: '会议的编号不对' })
  meetingId?: string | null;

  @ApiPropertyOptional({ enum: ELECTORATES })
  @IfPresent()
  @IsIn(ELECTORATES, { message: '请选择谁来投票' })
  electorate?: Electorate;

  @ApiPropertyOptional({ type: DecisionRuleDto })
  @IfPresent()
  @ValidateNested()
  @Type(() => DecisionRuleDto)
  rule?: DecisionRuleDto;

  @ApiPropertyOptional({ enum: BALLOT_SECRECIES })
  @IfPresent()
  @IsIn(BALLOT_SECRECIES, { message: '请选择记名投票（open）或无记名投票（secret）' })
  secrecy?: BallotSecrecy;

  @ApiPropertyOptional({ enum: CHOICE_KINDS })
  @IfPresent()
  @IsIn(CHOICE_KINDS, { message: '请选择投票方式' })
  choiceKind?: ChoiceKind;

  @ApiPropertyOptional({ type: [String] })
  @IfPresent()
  @IsArray({ message: '选项应是一组文字' })
  @ArrayMaxSize(BALLOT_OPTIONS_MAX, { message: `最多 ${BALLOT_OPTIONS_MAX} 个选项` })
  @IsString({ each: true, message: '每个选项都必须是文字' })
  options?: string[];

  @ApiPropertyOptional()
  @IfPresent()
  @IsInt({ message: '最多可选几项必须是整数' })
  @Min(1, { message: '最多可选几项至少是 1' })
  @Max(BALLOT_OPTIONS_MAX, { message: `最多可选几项不能超过 ${BALLOT_OPTIONS_MAX}` })
  maxSelections?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IfPresent()
  @IsDateString({ strict: true }, { message: '开始时间应是 2026-11-25T08:00:00+08:00 这样的时间' })
  opensAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IfPresent()
  @IsDateString({ strict: true }, { message: '截止时间应是 2026-12-02T18:00:00+08:00 这样的时间' })
  closesAt?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID(undefined, { message: '计票人的编号不对，请从名册里选择' })
  tellerResidentId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID(undefined, { message: '监票人的编号不对，请从名册里选择' })
  scrutineerResidentId?: string | null;
}

export class OpenBallotDto extends VersionDto implements OpenBallotRequest {}

export class CancelBallotDto extends VersionDto implements CancelBallotRequest {
  @ApiProperty({ example: '方案需要修改，另行发起' })
  @Trim()
  @IsString({ message: '请填写取消的原因' })
  @Length(1, 200, { message: '取消原因应为 1–200 个字' })
  reason: string;
}
