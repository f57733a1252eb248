import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CORRECTION_FIELDS,
  type AnswerCorrectionRequest,
  type CorrectionField,
  type CorrectionOutcome,
  type CorrectionRequestView,
  type CorrectionStatus,
  type CreateCorrectionRequest,
  type Page,
} from '@village/shared';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { NamedRefDto, PageQueryDto, VersionDto } from './common.dto';
import { Trim } from './validators';

const OUTCOMES = ['corrected', 'declined'] as const;
const STATUSES = ['open', 'answered'] as const;

export class CreateCorrectionRequestDto implements CreateCorrectionRequest {
  @ApiProperty({ enum: CORRECTION_FIELDS, description: '哪一项信息有误' })
  @IsIn(CORRECTION_FIELDS, { message: '请选择哪一项信息有误' })
  field: CorrectionField;

  @ApiProperty({
    example: '我的出生日期应为 1968-03-12',
    description: '说明哪里不对、应该是什么。手机号、身份证号这样的长数字会被自动打码，村委会会联系您核对。',
  })
  @Trim()
  @IsString({ message: '请写明哪里不对' })
  @Length(2, 500, { message: '说明应为 2–500 个字' })
  message: string;
}

export class AnswerCorrectionRequestDto extends VersionDto implements AnswerCorrectionRequest {
  @ApiProperty({ enum: OUTCOMES, description: 'corrected 已更正；declined 不予更正（须说明理由）' })
  @IsIn(OUTCOMES, { message: '答复结果只能是 corrected（已更正）或 declined（不予更正）' })
  outcome: CorrectionOutcome;

  @ApiProperty({ example: '已按户口簿更正出生日期。' })
  @Trim()
  @IsString({ message: '请填写答复' })
  @Length(2, 500, { message: '答复应为 2–500 个字；不予更正时须说明理由' })
  answer: string;
}

export class CorrectionRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: '不填则全部' })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态只能是 open（待答复）或 answered（已答复）' })
  status?: CorrectionStatus;
}

class CorrectionResidentDto extends NamedRefDto {
  @ApiProperty({ example: '0012' }) householdNumber: string;
}

export class CorrectionRequestDto implements CorrectionRequestView {
  @ApiProperty() id: string;
  @ApiProperty({ type: CorrectionResidentDto }) resident: CorrectionResidentDto;
  @ApiProperty({ enum: CORRECTION_FIELDS }) field: CorrectionField;
  @ApiProperty() message: string;
  @ApiProperty({ enum: STATUSES }) status: CorrectionStatus;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome: CorrectionOutcome | null;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: NamedRefDto, nullable: true }) answeredBy: NamedRefDto | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty() version: number;
}

export class CorrectionRequestPageDto implements Page<CorrectionRequestView> {
  @ApiProperty({ type: [CorrectionRequestDto] }) items: CorrectionRequestDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
