import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MATTER_TITLE_MAX,
  RULE_BOOK_ITEMS_MAX,
  RULE_BOOK_TITLE_MAX,
  type PointsSettings,
  type ProposeRuleBookInput,
  type CopyRuleBookInput,
  type RuleBookInput,
  type RuleItemInput,
} from '@village/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Trim } from '../../../roster/dto/validators';

/** Shapes only: the rules of a good book (codes, lengths, points) are shared/rules/points-rule-book.ts, which names every row. */
export class RuleItemDto implements RuleItemInput {
  @ApiProperty({ example: 'A01', description: '编号：字母、数字、“-”，最多 12 个' })
  @IsString({ message: '每一条都要有编号 code' })
  @MaxLength(40, { message: '编号太长了，最多 12 个字符' })
  code: string;

  @ApiProperty({ example: '村务参与' })
  @IsString({ message: '每一条都要有类别 category' })
  @MaxLength(100, { message: '类别太长了，最多 20 个字' })
  category: string;

  @ApiProperty({ example: '参加村里组织的义务劳动一次' })
  @IsString({ message: '每一条都要有内容 description' })
  @MaxLength(500, { message: '内容太长了，最多 120 个字' })
  description: string;

  @ApiProperty({ example: 10, description: '分值，单位 0.1 分：1 分写 10，0.4 分写 4，负面清单 −5 分写 −50' })
  @IsNumber({}, { message: '每一条都要有分值 pointsTenths（数字）' })
  pointsTenths: number;

  @ApiProperty({ example: false, description: '记录时是否必须有证明照片' })
  @IsBoolean({ message: '每一条都要说明是否需要证明（evidenceRequired：true 或 false）' })
  evidenceRequired: boolean;
}

export class RuleBookDto implements Omit<RuleBookInput, 'copyFrom'>, Partial<CopyRuleBookInput> {
  @ApiPropertyOptional({ description: '只用于新建：从这个版本复制全部条目开始写新版本（这时 items 可省略）' })
  @IsOptional()
  @IsUUID('all', { message: '要复制的版本编号不对，请从列表里重新选择' })
  copyFrom?: string;

  @ApiProperty({ example: '安家村村民积分细则（2027 年版）', maxLength: RULE_BOOK_TITLE_MAX })
  @ValidateIf((o: RuleBookDto) => o.copyFrom === undefined || o.title !== undefined)
  @Trim()
  @IsString({ message: '请填写积分细则的名称 title' })
  @Length(1, RULE_BOOK_TITLE_MAX, { message: `积分细则的名称应为 1–${RULE_BOOK_TITLE_MAX} 个字` })
  title: string;

  @ApiProperty({ type: [RuleItemDto], description: `全部条目（整体替换），最多 ${RULE_BOOK_ITEMS_MAX} 条` })
  @ValidateIf((o: RuleBookDto) => o.copyFrom === undefined || o.items !== undefined)
  @IsArray({ message: '条目 items 应是列表' })
  @ArrayMaxSize(RULE_BOOK_ITEMS_MAX, { message: `一本积分细则最多 ${RULE_BOOK_ITEMS_MAX} 条` })
  @ValidateNested({ each: true })
  @Type(() => RuleItemDto)
  items: RuleItemDto[];

  @ApiPropertyOptional({ description: '只用于修改：读取时的版本号；别人先改过时返回 409' })
  @IsOptional()
  @IsInt({ message: '版本号 version 不对，请刷新后再改' })
  @Min(1, { message: '版本号 version 不对，请刷新后再改' })
  version?: number;
}

export class ProposeRuleBookDto implements ProposeRuleBookInput {
  @ApiPropertyOptional({ maxLength: MATTER_TITLE_MAX, description: '事项标题，默认用积分细则的名称' })
  @IsOptional()
  @Trim()
  @IsString({ message: '事项标题应是文字' })
  @Length(2, MATTER_TITLE_MAX, { message: `事项标题应为 2–${MATTER_TITLE_MAX} 个字` })
  matterTitle?: string;

  @ApiProperty({ example: '为推进乡村治理积分制，经两委商议，拟定本村村民积分细则，提请村民会议表决。', description: '提请说明；全部条目会附在后面' })
  @Trim()
  @IsString({ message: '请填写提请说明 body' })
  @Length(2, 2000, { message: '提请说明应为 2–2000 个字' })
  body: string;
}

/** The import's form fields besides `file`. */
export class ImportRuleBookDto {
  @ApiPropertyOptional({ maxLength: RULE_BOOK_TITLE_MAX, description: '新草稿的名称；不填则为“积分细则（第 N 版）”' })
  @IsOptional()
  @Trim()
  @IsString({ message: '名称应是文字' })
  @Length(1, RULE_BOOK_TITLE_MAX, { message: `积分细则的名称应为 1–${RULE_BOOK_TITLE_MAX} 个字` })
  title?: string;
}

export class PointsSettingsDto implements PointsSettings {
  @ApiProperty({ example: [10, 30, 50, 80, 120], description: '每季授星分数线（单位 0.1 分），从低到高' })
  @IsArray({ message: '授星分数线 starThresholdsTenths 应是数字列表' })
  @ArrayMaxSize(10, { message: '授星分数线最多 10 档' })
  @IsNumber({}, { each: true, message: '授星分数线每一档都应是数字' })
  starThresholdsTenths: number[];

  @ApiProperty({ example: 10, description: '红榜：本季总分前百分之几的户' })
  @IsNumber({}, { message: '请填写红榜比例 redSharePercent' })
  redSharePercent: number;

  @ApiProperty({ example: 0, description: '黑榜：本季总分后百分之几的户（0 为不按比例）' })
  @IsNumber({}, { message: '请填写黑榜比例 blackSharePercent' })
  blackSharePercent: number;

  @ApiProperty({ example: 70, nullable: true, type: Number, description: '本季总分低于多少上黑榜（单位 0.1 分），null 为不用' })
  @ValidateIf((o: PointsSettingsDto) => o.blackBelowTenths !== null)
  @IsNumber({}, { message: '“低于多少分上黑榜”应是数字，不用请填 null' })
  blackBelowTenths: number | null;

  @ApiProperty({ example: true, description: '本季有负面清单记录的户上黑榜' })
  @IsBoolean({ message: '请说明有负面清单记录是否上黑榜（blackOnNegativeItem）' })
  blackOnNegativeItem: boolean;

  @ApiProperty({ example: 7, description: '公示期（天），期间可以申请复议' })
  @IsNumber({}, { message: '请填写公示期天数 publicationWindowDays' })
  publicationWindowDays: number;

  @ApiProperty({ enum: ['representative', 'adult_member'], description: '谁可以在积分超市兑换：户代表，或家里的成年人' })
  @IsIn(['representative', 'adult_member'], { message: '请选择谁可以兑换：representative（户代表）或 adult_member（成年家庭成员）' })
  redeemers: 'representative' | 'adult_member';

  @ApiProperty({ example: 0, description: '读取时的版本号（从没保存过是 0）；别人先改过时返回 409' })
  @IsInt({ message: '缺少版本号 version（整数），请刷新后再改' })
  @Min(0, { message: '版本号 version 不对，请刷新后再改' })
  version: number;
}
