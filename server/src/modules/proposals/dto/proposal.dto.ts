import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MATTER_BODY_MAX,
  MATTER_TITLE_MAX,
  PROPOSAL_BODY_MAX,
  PROPOSAL_PAGE_SIZE_MAX,
  PROPOSAL_PHOTOS_MAX,
  PROPOSAL_REASON_MAX,
  PROPOSAL_REPLY_DAYS_MAX,
  PROPOSAL_REPLY_DAYS_MIN,
  PROPOSAL_REPLY_MAX,
  PROPOSAL_STATUSES,
  PROPOSAL_STEPS,
  PROPOSAL_TITLE_MAX,
  type AdvanceProposalInput,
  type ConvertProposalInput,
  type CreateProposalInput,
  type DeclineProposalInput,
  type MergeProposalInput,
  type ProposalListQuery,
  type ProposalReplyInput,
  type ProposalReviewInput,
  type ProposalSettings,
  type ProposalSort,
  type ProposalStatus,
  type ProposalStep,
} from '@village/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { VersionDto } from '../../roster/dto/common.dto';
import { QueryBoolean, Trim } from '../../roster/dto/validators';

const FEN_MAX = 100_000_000_000; // 10 亿元

export class CreateProposalDto implements CreateProposalInput {
  @ApiProperty({ example: '三组到村委会的路该硬化了', maxLength: PROPOSAL_TITLE_MAX })
  @Trim()
  @IsString({ message: '请填写提议标题' })
  @Length(2, PROPOSAL_TITLE_MAX, { message: `提议标题应为 2–${PROPOSAL_TITLE_MAX} 个字` })
  title: string;

  @ApiProperty({ description: '想说的事、理由和建议；先经微信内容安全检查，手机号、身份证号会被打码', maxLength: PROPOSAL_BODY_MAX })
  @Trim()
  @IsString({ message: '请写下提议的内容' })
  @Length(5, PROPOSAL_BODY_MAX, { message: `提议内容应为 5–${PROPOSAL_BODY_MAX} 个字` })
  body: string;

  @ApiProperty({ example: 'road', description: '类别代码（GET /api/proposal-settings 列出本村启用的类别）' })
  @IsString({ message: '请选择类别' })
  @Length(1, 32, { message: '请选择类别' })
  categoryCode: string;

  @ApiProperty({ type: [String], description: `先上传的照片（POST /api/proposal-files），最多 ${PROPOSAL_PHOTOS_MAX} 张` })
  @IsArray({ message: '照片 photoIds 应是编号的列表' })
  @ArrayMaxSize(PROPOSAL_PHOTOS_MAX, { message: `最多 ${PROPOSAL_PHOTOS_MAX} 张照片` })
  @IsUUID(undefined, { each: true, message: '照片编号不对，请重新上传' })
  photoIds: string[];
}

export class ListProposalsQueryDto implements ProposalListQuery {
  @ApiPropertyOptional({ enum: ['hot', 'new'], default: 'new', description: 'hot：附议多的在前；new：最新的在前' })
  @IsOptional()
  @IsIn(['hot', 'new'], { message: '排序只能是 hot（最热）或 new（最新）' })
  sort?: ProposalSort;

  @ApiPropertyOptional({ description: 'true：只看我提的（包括审核中、未公开的）' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'mine 只能是 true 或 false' })
  mine?: boolean;

  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES })
  @IsOptional()
  @IsIn(PROPOSAL_STATUSES, { message: '没有这个状态' })
  status?: ProposalStatus;

  @ApiPropertyOptional({ description: 'true：两委的待办（超期未答复的在前，再是待审核的，再按答复期限）' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean({ message: 'queue 只能是 true 或 false' })
  queue?: boolean;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码 page 必须是整数' })
  @Min(1, { message: '页码 page 从 1 开始' })
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: PROPOSAL_PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数 pageSize 必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(PROPOSAL_PAGE_SIZE_MAX, { message: `每页最多 ${PROPOSAL_PAGE_SIZE_MAX} 条` })
  pageSize?: number;
}

const ADVANCE_TARGETS = [...PROPOSAL_STEPS, 'completed'] as const;

export class AdvanceProposalDto extends VersionDto implements AdvanceProposalInput {
  @ApiProperty({ enum: ADVANCE_TARGETS, description: '下一步（六个步骤依次进行）；研究落实之后是 completed（办结）' })
  @IsIn(ADVANCE_TARGETS, { message: '没有这个步骤' })
  to: ProposalStep | 'completed';

  @ApiProperty({ example: '两委会议研究，确定为本季度议题。', description: '这一步定了什么（公开）' })
  @Trim()
  @IsString({ message: '请写明这一步定了什么' })
  @Length(2, PROPOSAL_REPLY_MAX, { message: `说明应为 2–${PROPOSAL_REPLY_MAX} 个字` })
  note: string;
}

export class ProposalReplyDto implements ProposalReplyInput {
  @ApiProperty({ example: '已收到，两委将在下周例会上研究。' })
  @Trim()
  @IsString({ message: '请填写答复' })
  @Length(2, PROPOSAL_REPLY_MAX, { message: `答复应为 2–${PROPOSAL_REPLY_MAX} 个字` })
  text: string;
}

export class DeclineProposalDto extends VersionDto implements DeclineProposalInput {
  @ApiProperty({ example: '该路段属县道，已转交镇交通办。', description: '公开的理由' })
  @Trim()
  @IsString({ message: '请写明不予采纳的理由' })
  @Length(2, PROPOSAL_REASON_MAX, { message: `理由应为 2–${PROPOSAL_REASON_MAX} 个字` })
  reason: string;
}

export class MergeProposalDto extends VersionDto implements MergeProposalInput {
  @ApiProperty()
  @IsUUID(undefined, { message: '请选择要合并到的提议' })
  intoProposalId: string;

  @ApiProperty({ example: '与《三组道路硬化》是同一件事，一并办理。' })
  @Trim()
  @IsString({ message: '请写明合并的理由' })
  @Length(2, PROPOSAL_REASON_MAX, { message: `理由应为 2–${PROPOSAL_REASON_MAX} 个字` })
  reason: string;
}

export class ConvertProposalDto extends VersionDto implements ConvertProposalInput {
  @ApiProperty({ example: 'general' })
  @IsString({ message: '请选择事项类型' })
  @Length(1, 40, { message: '请选择事项类型' })
  typeCode: string;

  @ApiProperty()
  @Trim()
  @IsString({ message: '请填写事项名称' })
  @Length(1, MATTER_TITLE_MAX, { message: `事项名称应为 1–${MATTER_TITLE_MAX} 个字` })
  title: string;

  @ApiProperty()
  @IsString({ message: '请填写方案内容' })
  @Length(1, MATTER_BODY_MAX, { message: `方案内容应为 1–${MATTER_BODY_MAX} 个字` })
  body: string;

  @ApiProperty({ nullable: true, description: '预算，单位：分（整数）' })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: '预算以分为单位，须是整数' })
  @Min(0, { message: '预算不能是负数' })
  @Max(FEN_MAX, { message: '预算太大了，请核对' })
  budgetFen: number | null;
}

export class ProposalReviewDto implements ProposalReviewInput {
  @ApiProperty({ enum: ['release', 'reject'], description: 'release 公开（进入“提出议题”，开始计算答复期限）；reject 不公开（须说明理由，提议人可见）' })
  @IsIn(['release', 'reject'], { message: '审核结果只能是 release（公开）或 reject（不公开）' })
  decision: 'release' | 'reject';

  @ApiPropertyOptional({ example: '含有他人隐私，请修改后重新提交。' })
  @IsOptional()
  @Trim()
  @IsString({ message: '理由必须是文字' })
  @Length(2, 200, { message: '理由应为 2–200 个字' })
  reason?: string;
}

export class ProposalCategoryDto {
  @ApiProperty({ example: 'sanitation', description: '小写字母、数字、下划线，字母开头' })
  @IsString({ message: '类别代码必须是文字' })
  @Matches(/^[a-z][a-z0-9_]{1,31}$/, { message: '类别代码应为 2–32 位小写字母、数字或下划线，字母开头' })
  code: string;

  @ApiProperty({ example: '卫生保洁' })
  @Trim()
  @IsString({ message: '请填写类别名称' })
  @Length(1, 10, { message: '类别名称应为 1–10 个字' })
  label: string;

  @ApiPropertyOptional({ description: '读取时给出；保存时忽略' })
  @IsOptional()
  @IsBoolean({ message: 'builtin 只能是 true 或 false' })
  builtin?: boolean;

  @ApiProperty()
  @IsBoolean({ message: '请说明类别是否启用（enabled）' })
  enabled: boolean;
}

export class ProposalSettingsDto implements Omit<ProposalSettings, 'categories'> {
  @ApiProperty({ minimum: PROPOSAL_REPLY_DAYS_MIN, maximum: PROPOSAL_REPLY_DAYS_MAX, example: 10 })
  @IsInt({ message: `答复期限应为 ${PROPOSAL_REPLY_DAYS_MIN}–${PROPOSAL_REPLY_DAYS_MAX} 天` })
  @Min(PROPOSAL_REPLY_DAYS_MIN, { message: `答复期限应为 ${PROPOSAL_REPLY_DAYS_MIN}–${PROPOSAL_REPLY_DAYS_MAX} 天` })
  @Max(PROPOSAL_REPLY_DAYS_MAX, { message: `答复期限应为 ${PROPOSAL_REPLY_DAYS_MIN}–${PROPOSAL_REPLY_DAYS_MAX} 天` })
  replyDays: number;

  @ApiProperty({ type: [ProposalCategoryDto], description: '内置类别（可停用，“其他”除外）和本村自己的类别' })
  @IsArray({ message: '类别 categories 应是列表' })
  @ArrayMaxSize(30, { message: '类别最多 30 个' })
  @ValidateNested({ each: true })
  @Type(() => ProposalCategoryDto)
  categories: ProposalCategoryDto[];
}
