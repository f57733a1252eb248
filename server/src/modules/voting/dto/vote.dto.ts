import { ApiProperty } from '@nestjs/swagger';
import {
  BALLOT_ATTENDANCE_BATCH_MAX,
  BALLOT_OPTIONS_MAX,
  type CastVoteRequest,
  type CastVoteResult,
  type PaperCountRequest,
  type ReceiptCheckRequest,
  type RecordAttendanceRequest,
} from '@village/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';

export class CastVoteDto implements CastVoteRequest {
  @ApiProperty({ type: [String], example: ['for'], description: '同意/反对/弃权：["for"]、["against"] 或 ["abstain"]；单选一个选项键，多选 1–maxSelections 个' })
  @IsArray({ message: '请选择后再提交' })
  @ArrayMinSize(1, { message: '请先选择再提交' })
  @ArrayMaxSize(BALLOT_OPTIONS_MAX, { message: '选得太多了' })
  @IsString({ each: true, message: '选项必须是文字' })
  @MaxLength(16, { each: true, message: '选项键太长了' })
  choices: string[];
}

export class CastVoteResultDto implements CastVoteResult {
  @ApiProperty() ballotId: string;
  @ApiProperty({ enum: ['online'] }) channel: 'online';
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [String], nullable: true, description: '记名投票：记录的选项；无记名投票：null' }) choices: string[] | null;
  @ApiProperty({ nullable: true, example: 'K7QX-3MZP-9DTA', description: '无记名投票的回执码，只在这次返回（重试时原样重放），请保存在手机上' })
  receiptCode: string | null;
  @ApiProperty({ example: '投票成功。' }) message: string;
}

export class RecordAttendanceDto implements RecordAttendanceRequest {
  @ApiProperty({ type: [String], description: `名单里的 voterKey（户表决为户的编号，其他为村民编号），一次最多 ${BALLOT_ATTENDANCE_BATCH_MAX} 个` })
  @IsArray({ message: '请选择到会的人' })
  @ArrayMinSize(1, { message: '请至少选择一位到会的人' })
  @ArrayMaxSize(BALLOT_ATTENDANCE_BATCH_MAX, { message: `一次最多登记 ${BALLOT_ATTENDANCE_BATCH_MAX} 位` })
  @IsUUID(undefined, { each: true, message: '名单编号不对，请刷新名单后再选' })
  voterKeys: string[];
}

/** Record<string, non-negative integer>, keys at most 16 characters. */
function IsCountRecord(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountRecord',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= BALLOT_OPTIONS_MAX &&
          Object.entries(value).every(([k, v]) => k.length <= 16 && Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000),
        defaultMessage: () => '各选项的票数应是 0 或正整数',
      },
    },
    options,
  );
}

export class PaperCountDto implements PaperCountRequest {
  @ApiProperty({ example: 19, description: '交回的纸质票张数（不超过登记到会的人数）' })
  @IsInt({ message: '纸质票张数必须是整数' })
  @Min(0, { message: '纸质票张数不能是负数' })
  @Max(100_000, { message: '纸质票张数太大了' })
  papers: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { for: 11, against: 5, abstain: 2 } })
  @IsObject({ message: '请填写各选项的票数' })
  @IsCountRecord()
  counts: Record<string, number>;
}

export class ReceiptCheckDto implements ReceiptCheckRequest {
  @ApiProperty({ example: 'K7QX-3MZP-9DTA' })
  @IsString({ message: '请填写回执码' })
  @MaxLength(32, { message: '回执码太长了' })
  receiptCode: string;
}
