import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  POINTS_APPEAL_STATUS_LABELS,
  POINTS_NOTE_MAX,
  POINTS_PHOTOS_MAX,
  POINTS_REASON_MAX,
  POINTS_RECORD_STATUSES,
  QUARTER_PATTERN,
  RULE_ITEM_CODE_PATTERN,
  RULE_ITEM_POINTS_MAX_TENTHS,
  RULE_ITEM_POINTS_MIN_TENTHS,
  type AppealPointsInput,
  type DecideAppealInput,
  type PointsAppealStatus,
  type PointsRecordStatus,
  type PublishPointsInput,
  type RecordPointsInput,
  type ReviewPointsInput,
} from '@village/shared';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Trim } from '../../../roster/dto/validators';
import { PointsPageQueryDto } from '../../dto/points-page-query.dto';

/** One review covers at most a grid's month or so; a larger batch is split by the page. */
export const POINTS_REVIEW_BATCH_MAX = 200;

export class RecordPointsDto implements RecordPointsInput {
  @ApiProperty({ description: '哪一户' })
  @IsUUID(undefined, { message: '请选择是哪一户' })
  householdId: string;

  @ApiPropertyOptional({ description: '这户的哪一位；不填表示全户' })
  @IsOptional()
  @IsUUID(undefined, { message: '请从这户的成员里选择是哪一位' })
  residentId?: string;

  @ApiProperty({ example: 'A03', description: '正在执行的积分细则里的事项编号' })
  @IsString({ message: '请选择积分事项' })
  @Matches(RULE_ITEM_CODE_PATTERN, { message: '积分事项编号不对，请从细则里选择' })
  itemCode: string;

  @ApiProperty({ example: '2026-11-20', description: '发生的日子（北京时间，年-月-日）：不晚于今天，本季度或上季度，且该季度还没有公示' })
  @IsString({ message: '请选择发生的日子' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期请按“年-月-日”填写，例如 2026-11-20' })
  occurredOn: string;

  @ApiPropertyOptional({ maxLength: POINTS_NOTE_MAX, description: '补充说明；群众申报的说明先经微信内容安全检查，手机号、身份证号会被打码' })
  @IsOptional()
  @Trim()
  @IsString({ message: '说明必须是文字' })
  @Length(0, POINTS_NOTE_MAX, { message: `说明最多 ${POINTS_NOTE_MAX} 个字` })
  note?: string;

  @ApiProperty({ type: [String], description: `先上传的照片（POST /api/points/files），最多 ${POINTS_PHOTOS_MAX} 张；需要证明的事项至少 1 张` })
  @IsArray({ message: '照片 photoIds 应是编号的列表（没有照片时传空列表）' })
  @ArrayMaxSize(POINTS_PHOTOS_MAX, { message: `最多 ${POINTS_PHOTOS_MAX} 张照片` })
  @ArrayUnique({ message: '同一张照片传了两次，请检查' })
  @IsUUID(undefined, { each: true, message: '照片编号不对，请重新上传' })
  photoIds: string[];
}

export class ListPointsRecordsQueryDto extends PointsPageQueryDto {
  @ApiPropertyOptional({ enum: POINTS_RECORD_STATUSES })
  @IsOptional()
  @IsIn(POINTS_RECORD_STATUSES, { message: '没有这个状态' })
  status?: PointsRecordStatus;

  @ApiPropertyOptional({ description: '只看这个网格' })
  @IsOptional()
  @IsUUID(undefined, { message: '网格编号不对，请从列表里选择' })
  gridId?: string;

  @ApiPropertyOptional({ example: '2026-11', description: '发生在这个月（年-月）' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份请按“年-月”填写，例如 2026-11' })
  month?: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: '发生在这个季度' })
  @IsOptional()
  @Matches(QUARTER_PATTERN, { message: '季度请按“2026-Q4”这样填写' })
  quarter?: string;

  @ApiPropertyOptional({ description: '只看这一户' })
  @IsOptional()
  @IsUUID(undefined, { message: '户编号不对，请从列表里选择' })
  householdId?: string;
}

export class ReviewPointsDto implements ReviewPointsInput {
  @ApiProperty({ type: [String], description: `要评议的记录（都须是待评议的），最多 ${POINTS_REVIEW_BATCH_MAX} 条；有一条不行就一条都不改` })
  @IsArray({ message: '请选择要评议的记录' })
  @ArrayMinSize(1, { message: '请至少选择一条记录' })
  @ArrayMaxSize(POINTS_REVIEW_BATCH_MAX, { message: `一次最多评议 ${POINTS_REVIEW_BATCH_MAX} 条，请分几次` })
  @ArrayUnique({ message: '同一条记录选了两次，请检查' })
  @IsUUID(undefined, { each: true, message: '记录编号不对，请刷新后重新选择' })
  recordIds: string[];

  @ApiProperty({ enum: ['approve', 'reject'], description: 'approve 通过（待公示）；reject 不通过（须写理由，这户能看到）' })
  @IsIn(['approve', 'reject'], { message: '评议结果只能是 approve（通过）或 reject（不通过）' })
  decision: 'approve' | 'reject';

  @ApiPropertyOptional({ example: '照片看不出是本户参加的，请补充后重新申报。', maxLength: POINTS_REASON_MAX })
  @IsOptional()
  @Trim()
  @IsString({ message: '理由必须是文字' })
  @Length(2, POINTS_REASON_MAX, { message: `理由应为 2–${POINTS_REASON_MAX} 个字` })
  reason?: string;
}

export class PublishPointsDto implements PublishPointsInput {
  @ApiProperty({ example: '2026-Q4' })
  @IsString({ message: '请选择要公示的季度' })
  @Matches(QUARTER_PATTERN, { message: '季度请按“2026-Q4”这样填写' })
  quarter: string;
}

export class AppealPointsDto implements AppealPointsInput {
  @ApiProperty({ example: '那天我家是去帮忙修水渠，不是占道堆放，有邻居可以作证。', maxLength: POINTS_REASON_MAX })
  @Trim()
  @IsString({ message: '请写明为什么对这条积分有异议' })
  @Length(2, POINTS_REASON_MAX, { message: `复议理由应为 2–${POINTS_REASON_MAX} 个字` })
  reason: string;
}

const APPEAL_STATUSES = Object.keys(POINTS_APPEAL_STATUS_LABELS) as PointsAppealStatus[];

export class ListPointsAppealsQueryDto extends PointsPageQueryDto {
  @ApiPropertyOptional({ enum: APPEAL_STATUSES, description: 'open 复议中；upheld 维持原分；adjusted 已调整' })
  @IsOptional()
  @IsIn(APPEAL_STATUSES, { message: '没有这个复议状态' })
  status?: PointsAppealStatus;
}

export class DecideAppealDto implements DecideAppealInput {
  @ApiProperty({ enum: ['uphold', 'adjust'], description: 'uphold 维持原分；adjust 调整（差额记一笔新的积分，原记录和原账目都不改）' })
  @IsIn(['uphold', 'adjust'], { message: '复议结果只能是 uphold（维持原分）或 adjust（调整）' })
  decision: 'uphold' | 'adjust';

  @ApiPropertyOptional({ example: 0, description: 'adjust 时必填：调整后这条记录应得的分（以 0.1 分为单位的整数，例如 0.4 分填 4）' })
  @IsOptional()
  @IsInt({ message: '调整后的分数以 0.1 分为单位，须是整数（例如 0.4 分填 4）' })
  @Min(RULE_ITEM_POINTS_MIN_TENTHS, { message: '调整后的分数太低了，请核对' })
  @Max(RULE_ITEM_POINTS_MAX_TENTHS, { message: '调整后的分数太高了，请核对' })
  adjustedPointsTenths?: number;

  @ApiProperty({ example: '经走访核实，当天是在帮忙修水渠，撤销扣分。', maxLength: POINTS_REASON_MAX })
  @Trim()
  @IsString({ message: '请写明复议的结论和理由' })
  @Length(2, POINTS_REASON_MAX, { message: `理由应为 2–${POINTS_REASON_MAX} 个字` })
  reason: string;
}
