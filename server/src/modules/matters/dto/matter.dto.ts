import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECISION_BODIES,
  ELECTORATES,
  MATTER_ANSWER_TEXT_MAX,
  MATTER_BODY_MAX,
  MATTER_CHANGE_NOTE_MAX,
  MATTER_MINUTES_MAX,
  MATTER_OBJECTION_TEXT_MAX,
  MATTER_OPINION_TEXT_MAX,
  MATTER_PAGE_SIZE_MAX,
  MATTER_PHOTOS_MAX,
  MATTER_PLACE_MAX,
  MATTER_REASON_MAX,
  MATTER_STAGES,
  MATTER_TITLE_MAX,
  MEETING_EVENTS,
  MEETING_PURPOSES,
  OBJECTION_REVIEW_DECISIONS,
  OBJECTION_REVIEW_REASON_MAX,
  SEND_BACK_TARGETS,
  type DecisionBody,
  type Electorate,
  type MatterStage,
  type MeetingPurpose,
  type ObjectionReviewDecision,
  type ObjectionReviewInput,
  type SendBackTarget,
} from '@village/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
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
import { IsCalendarDate, QueryBoolean, Trim } from '../../roster/dto/validators';

const FEN_MAX = 100_000_000_000; // 10 亿元

export class CreateMatterDto {
  @ApiProperty({ example: 'general' })
  @IsString({ message: '请选择事项类型' })
  @Length(1, 40, { message: '请选择事项类型' })
  typeCode: string;

  @ApiProperty({ example: '村道硬化工程筹资筹劳方案' })
  @Trim()
  @IsString({ message: '请填写事项名称' })
  @Length(1, MATTER_TITLE_MAX, { message: `事项名称应为 1–${MATTER_TITLE_MAX} 个字` })
  title: string;

  @ApiProperty({ description: '方案正文' })
  @IsString({ message: '请填写方案内容' })
  @Length(1, MATTER_BODY_MAX, { message: `方案内容应为 1–${MATTER_BODY_MAX} 个字` })
  body: string;

  @ApiPropertyOptional({ nullable: true, description: '预算，单位：分（整数）' })
  @IsOptional()
  @IsInt({ message: '预算以分为单位，须是整数' })
  @Min(0, { message: '预算不能是负数' })
  @Max(FEN_MAX, { message: '预算太大了，请核对' })
  budgetFen?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID(undefined, { message: '村民提议编号不对' })
  proposalId?: string | null;
}

export class AmendMatterDto extends VersionDto {
  @ApiProperty({ description: '在第几稿的基础上修改' })
  @IsInt({ message: '请说明在第几稿的基础上修改（basedOn）' })
  @Min(1, { message: '请说明在第几稿的基础上修改（basedOn）' })
  basedOn: number;

  @ApiProperty()
  @Trim()
  @IsString({ message: '请填写事项名称' })
  @Length(1, MATTER_TITLE_MAX, { message: `事项名称应为 1–${MATTER_TITLE_MAX} 个字` })
  title: string;

  @ApiProperty()
  @IsString({ message: '请填写方案内容' })
  @Length(1, MATTER_BODY_MAX, { message: `方案内容应为 1–${MATTER_BODY_MAX} 个字` })
  body: string;

  @ApiProperty({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: '预算以分为单位，须是整数' })
  @Min(0, { message: '预算不能是负数' })
  @Max(FEN_MAX, { message: '预算太大了，请核对' })
  budgetFen: number | null;

  @ApiProperty({ description: '改了什么、为什么改' })
  @Trim()
  @IsString({ message: '请说明改了什么、为什么改' })
  @Length(1, MATTER_CHANGE_NOTE_MAX, { message: `修改说明应为 1–${MATTER_CHANGE_NOTE_MAX} 个字` })
  changeNote: string;
}

export class ListMattersQueryDto {
  @ApiPropertyOptional({ enum: MATTER_STAGES })
  @IsOptional()
  @IsIn(MATTER_STAGES, { message: '没有这个阶段' })
  stage?: MatterStage;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  typeCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'open 只能是 true 或 false' })
  open?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'awaitingMe 只能是 true 或 false' })
  awaitingMe?: boolean;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码 page 必须是整数' })
  @Min(1, { message: '页码 page 从 1 开始' })
  page?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数 pageSize 必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(MATTER_PAGE_SIZE_MAX, { message: `每页最多 ${MATTER_PAGE_SIZE_MAX} 条` })
  pageSize?: number;
}

export class ScheduleMeetingDto {
  @ApiProperty({ enum: MEETING_PURPOSES })
  @IsIn(MEETING_PURPOSES, { message: '请选择会议类别（党组织提议、两委商议、党员大会或村民（代表）会议）' })
  purpose: MeetingPurpose;

  @ApiProperty({ enum: DECISION_BODIES })
  @IsIn(DECISION_BODIES, { message: '请选择由哪个会议表决' })
  body: DecisionBody;

  @ApiProperty({ enum: ELECTORATES })
  @IsIn(ELECTORATES, { message: '请选择表决人范围' })
  electorate: Electorate;

  @ApiProperty({ description: 'ISO 时间' })
  @IsDateString({}, { message: '会议时间格式不对' })
  scheduledAt: string;

  @ApiProperty()
  @Trim()
  @IsString({ message: '请填写会议地点' })
  @Length(1, MATTER_PLACE_MAX, { message: `会议地点应为 1–${MATTER_PLACE_MAX} 个字` })
  place: string;

  @ApiProperty({ nullable: true, description: '发出会议通知的日期 YYYY-MM-DD' })
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate({ message: '通知日期应为 YYYY-MM-DD' })
  noticeGivenOn: string | null;

  @ApiPropertyOptional({ nullable: true, description: '为本事项发起的表决；现场纸质计票时不填' })
  @IsOptional()
  @IsUUID(undefined, { message: '表决编号不对' })
  ballotId?: string | null;
}

export class TurnoutDto {
  @ApiProperty() @IsInt({ message: '应到人数须是整数' }) @Min(0, { message: '应到人数不能是负数' }) eligible: number;
  @ApiProperty() @IsInt({ message: '实到人数须是整数' }) @Min(0, { message: '实到人数不能是负数' }) participated: number;
}

export class MotionCountsDto {
  @ApiProperty() @IsInt({ message: '同意票数须是整数' }) @Min(0, { message: '票数不能是负数' }) for: number;
  @ApiProperty() @IsInt({ message: '反对票数须是整数' }) @Min(0, { message: '票数不能是负数' }) against: number;
  @ApiProperty() @IsInt({ message: '弃权票数须是整数' }) @Min(0, { message: '票数不能是负数' }) abstain: number;
}

export class MeetingCountDto {
  @ApiProperty({ enum: ['ballot', 'paper'] })
  @IsIn(['ballot', 'paper'], { message: '票数来源只能是表决（ballot）或现场纸质计票（paper）' })
  kind: 'ballot' | 'paper';

  @ApiPropertyOptional()
  @ValidateIf((o: MeetingCountDto) => o.kind === 'ballot')
  @IsUUID(undefined, { message: '请选择为本事项发起的表决' })
  ballotId?: string;

  @ApiPropertyOptional({ type: TurnoutDto })
  @ValidateIf((o: MeetingCountDto) => o.kind === 'paper')
  @ValidateNested()
  @Type(() => TurnoutDto)
  turnout?: TurnoutDto;

  @ApiPropertyOptional({ type: TurnoutDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TurnoutDto)
  householdTurnout?: TurnoutDto | null;

  @ApiPropertyOptional({ type: MotionCountsDto })
  @ValidateIf((o: MeetingCountDto) => o.kind === 'paper')
  @ValidateNested()
  @Type(() => MotionCountsDto)
  counts?: MotionCountsDto;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID(undefined, { message: '计票人编号不对' })
  tellerResidentId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID(undefined, { message: '监票人编号不对' })
  scrutineerResidentId?: string | null;
}

export class RecordMeetingDto {
  @ApiProperty()
  @IsCalendarDate({ message: '会议日期应为 YYYY-MM-DD' })
  heldOn: string;

  @ApiProperty({ description: '表决的是第几稿' })
  @IsInt({ message: '请说明会议表决的是第几稿' })
  @Min(1, { message: '请说明会议表决的是第几稿' })
  revision: number;

  @ApiProperty({ type: [String] })
  @IsArray({ message: '到会人员应是名单' })
  @ArrayMaxSize(5000, { message: '到会人员太多了' })
  @IsUUID(undefined, { each: true, message: '到会人员编号不对' })
  attendeeResidentIds: string[];

  @ApiProperty()
  @IsString({ message: '请填写会议纪要' })
  @MaxLength(MATTER_MINUTES_MAX, { message: `会议纪要最多 ${MATTER_MINUTES_MAX} 个字` })
  minutes: string;

  @ApiProperty({ type: [String] })
  @IsArray({ message: '签到表照片应是列表' })
  @ArrayMaxSize(MATTER_PHOTOS_MAX, { message: `签到表照片最多 ${MATTER_PHOTOS_MAX} 张` })
  @IsUUID(undefined, { each: true, message: '照片编号不对' })
  signInSheetPhotoIds: string[];

  @ApiProperty({ type: [String] })
  @IsArray({ message: '纪要签字人应是名单' })
  @ArrayMaxSize(50, { message: '纪要签字人太多了' })
  @IsUUID(undefined, { each: true, message: '签字人编号不对' })
  signerResidentIds: string[];

  @ApiProperty({ type: MeetingCountDto })
  @ValidateNested()
  @Type(() => MeetingCountDto)
  count: MeetingCountDto;
}

export class ConfirmCountDto {
  @ApiPropertyOptional({ type: MotionCountsDto, description: '与计票人登记的一致时可不填' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MotionCountsDto)
  counts?: MotionCountsDto;
}

const EVENT_TYPES = [...MEETING_EVENTS, 'start_implementation', 'report_result', 'sign_off_result', 'publish_result', 'archive', 'withdraw', 'repropose'] as const;
type EventType = (typeof EVENT_TYPES)[number];

/** One of MatterEventInput; which fields apply depends on `type`. */
export class MatterEventDto {
  @ApiProperty({ enum: EVENT_TYPES })
  @IsIn(EVENT_TYPES, { message: '没有这个操作' })
  type: EventType;

  @ApiPropertyOptional() @IsOptional() @IsUUID(undefined, { message: '会议编号不对' }) meetingId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID(undefined, { message: '实施负责人编号不对' }) responsibleResidentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: '计划开始日期应为 YYYY-MM-DD' }) plannedStartOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: '计划完成日期应为 YYYY-MM-DD' }) plannedEndOn?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt({ message: '金额以分为单位，须是整数' })
  @Min(0, { message: '金额不能是负数' })
  @Max(FEN_MAX, { message: '金额太大了，请核对' })
  budgetFen?: number | null;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MATTER_BODY_MAX, { message: '实施情况太长了' }) summary?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate({ message: '完成日期应为 YYYY-MM-DD' }) completedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '金额以分为单位，须是整数' })
  @Min(0, { message: '金额不能是负数' })
  @Max(FEN_MAX, { message: '金额太大了，请核对' })
  totalSpentFen?: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MATTER_PHOTOS_MAX, { message: `照片最多 ${MATTER_PHOTOS_MAX} 张` })
  @IsUUID(undefined, { each: true, message: '照片编号不对' })
  photoIds?: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MATTER_REASON_MAX, { message: `最多 ${MATTER_REASON_MAX} 个字` }) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MATTER_REASON_MAX, { message: `原因最多 ${MATTER_REASON_MAX} 个字` }) reason?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt({ message: '请说明在第几稿的基础上修改' }) basedOn?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, MATTER_TITLE_MAX, { message: `事项名称应为 1–${MATTER_TITLE_MAX} 个字` }) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, MATTER_BODY_MAX, { message: `方案内容应为 1–${MATTER_BODY_MAX} 个字` }) body?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, MATTER_CHANGE_NOTE_MAX, { message: `修改说明应为 1–${MATTER_CHANGE_NOTE_MAX} 个字` }) changeNote?: string;
}

export class AdvanceMatterDto extends VersionDto {
  @ApiProperty({ type: MatterEventDto })
  @ValidateNested()
  @Type(() => MatterEventDto)
  event: MatterEventDto;
}

export class ProgressReportDto extends VersionDto {
  @ApiProperty()
  @Trim()
  @IsString({ message: '请填写实施进度' })
  @Length(1, MATTER_BODY_MAX, { message: '请填写实施进度' })
  text: string;

  @ApiProperty({ description: '自上次报告以来的支出，单位：分（整数，可为 0）' })
  @IsInt({ message: '支出以分为单位，须是整数' })
  @Min(0, { message: '支出不能是负数' })
  @Max(FEN_MAX, { message: '支出太大了，请核对' })
  spentFen: number;

  @ApiProperty({ type: [String] })
  @IsArray({ message: '照片应是列表' })
  @ArrayMaxSize(MATTER_PHOTOS_MAX, { message: `照片最多 ${MATTER_PHOTOS_MAX} 张` })
  @IsUUID(undefined, { each: true, message: '照片编号不对' })
  photoIds: string[];
}

export class ObjectionDto {
  @ApiProperty()
  @Trim()
  @IsString({ message: '请写下您的异议' })
  @Length(1, MATTER_OBJECTION_TEXT_MAX, { message: `异议应为 1–${MATTER_OBJECTION_TEXT_MAX} 个字` })
  text: string;
}

export class AnswerDto {
  @ApiProperty()
  @Trim()
  @IsString({ message: '请填写答复' })
  @Length(1, MATTER_ANSWER_TEXT_MAX, { message: `答复应为 1–${MATTER_ANSWER_TEXT_MAX} 个字` })
  text: string;
}

const REVIEW_REASON_MESSAGE = `不公开时请写明理由（2–${OBJECTION_REVIEW_REASON_MAX} 个字），提异议的村民能看到`;

export class ObjectionReviewDto implements ObjectionReviewInput {
  @ApiProperty({ enum: OBJECTION_REVIEW_DECISIONS, description: 'release 公开（所有村民可见）；reject 不公开（须说明理由，提异议的村民能看到）。两者都仍须答复。' })
  @IsIn(OBJECTION_REVIEW_DECISIONS, { message: '审核结果只能是 release（公开）或 reject（不公开）' })
  decision: ObjectionReviewDecision;

  @ApiPropertyOptional({ example: '含有他人的身份证号，请去掉后重新提出。', description: 'reject 时必填，2–200 个字' })
  @ValidateIf((o: ObjectionReviewDto) => o.decision === 'reject' || o.reason !== undefined)
  @Trim()
  @IsString({ message: REVIEW_REASON_MESSAGE })
  @Length(2, OBJECTION_REVIEW_REASON_MAX, { message: REVIEW_REASON_MESSAGE })
  reason?: string;
}

export class OpinionDto {
  @ApiProperty()
  @Trim()
  @IsString({ message: '请填写监督意见' })
  @Length(1, MATTER_OPINION_TEXT_MAX, { message: `监督意见应为 1–${MATTER_OPINION_TEXT_MAX} 个字` })
  text: string;

  @ApiProperty({ description: '要求纠正：答复并解除前事项暂停' })
  @IsBoolean({ message: '请说明是否要求纠正（blocking）' })
  blocking: boolean;
}

export class LiftOpinionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MATTER_REASON_MAX, { message: `说明最多 ${MATTER_REASON_MAX} 个字` })
  note?: string;
}

export class SendBackDto extends VersionDto {
  @ApiProperty({ enum: SEND_BACK_TARGETS })
  @IsIn(SEND_BACK_TARGETS, { message: '只能退回到会议阶段或公开阶段' })
  toStage: SendBackTarget;

  @ApiProperty()
  @IsString({ message: '请说明退回的原因' })
  @MaxLength(MATTER_REASON_MAX, { message: `原因最多 ${MATTER_REASON_MAX} 个字` })
  reason: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID(undefined, { message: '监督意见编号不对' })
  opinionId?: string | null;
}

export class PatchMeetingDto {
  @ApiPropertyOptional({ description: 'ISO 时间' })
  @IsOptional()
  @IsDateString({}, { message: '会议时间格式不对' })
  scheduledAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString({ message: '请填写会议地点' })
  @Length(1, MATTER_PLACE_MAX, { message: `会议地点应为 1–${MATTER_PLACE_MAX} 个字` })
  place?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate({ message: '通知日期应为 YYYY-MM-DD' })
  noticeGivenOn?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID(undefined, { message: '表决编号不对' })
  ballotId?: string | null;
}

export class CancelMeetingDto {
  @ApiProperty()
  @Trim()
  @IsString({ message: '请说明取消的原因' })
  @Length(1, MATTER_REASON_MAX, { message: `取消原因应为 1–${MATTER_REASON_MAX} 个字` })
  reason: string;
}
