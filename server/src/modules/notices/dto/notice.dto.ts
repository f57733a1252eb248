import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTICE_ATTACHMENT_TYPES,
  NOTICE_AUDIENCES,
  NOTICE_BODY_MAX,
  NOTICE_CATEGORIES,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  NOTICE_TITLE_MAX,
  type NoticeAttachment,
  type NoticeAttachmentType,
  type NoticeAudience,
  type NoticeBlock,
  type NoticeCategory,
  type NoticeCorrectionInput,
  type NoticeDetail,
  type NoticeDraftInput,
  type NoticeKind,
  type NoticeListItem,
  type NoticeListQuery,
  type NoticePage,
  type NoticeReadResult,
  type NoticeSignoff,
  type NoticeSignoffInput,
  type NoticeStatus,
} from '@village/shared';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Trim } from '../../roster/dto/validators';
import { MaxUtf8Bytes, NamedRefDto, NoticePageQueryDto, NoticeWindowDto } from './common.dto';

/** A MySQL TEXT column holds 65 535 bytes; 20 000 Chinese characters are 60 000. */
const BODY_MAX_BYTES = 60_000;

const Body = (): PropertyDecorator => {
  const decorators = [
    IsString({ message: '正文必须是文字' }),
    Length(1, NOTICE_BODY_MAX, { message: `正文不能为空，最多 ${NOTICE_BODY_MAX} 字` }),
    MaxUtf8Bytes(BODY_MAX_BYTES, '正文太长了（表情符号等特殊字符占用更多空间），请删减后再保存'),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

const TitleText = (): PropertyDecorator => {
  const decorators = [Trim(), IsString({ message: '标题必须是文字' }), Length(2, NOTICE_TITLE_MAX, { message: `标题应为 2–${NOTICE_TITLE_MAX} 个字` })];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

const NOTICE_BODY_DESCRIPTION =
  '正文，支持简单格式：“# ”/“## ”标题、空行分段、“- ”或“1. ”列表、**加粗**，以及 | 项目 | 金额 | 这样的表格（财务收支明细）。不支持 HTML。';

export class CreateNoticeDto implements NoticeDraftInput {
  @ApiProperty({ enum: NOTICE_CATEGORIES, description: 'party 党务（书记、村党组织委员）；village 村务、finance 财务（书记、村委会委员）' })
  @IsIn(NOTICE_CATEGORIES, { message: '类别只能是 party（党务）、village（村务）或 finance（财务）' })
  kind: NoticeCategory;

  @ApiProperty({ example: '2026年第三季度财务收支公开', maxLength: NOTICE_TITLE_MAX })
  @TitleText()
  title: string;

  @ApiProperty({ description: NOTICE_BODY_DESCRIPTION, maxLength: NOTICE_BODY_MAX })
  @Body()
  body: string;

  @ApiProperty({ type: NoticeWindowDto })
  @IsDefined({ message: '请填写公开期（开始和结束日期）' })
  @IsObject({ message: '公开期应包含开始日期 startsOn 和结束日期 endsOn' })
  @ValidateNested()
  @Type(() => NoticeWindowDto)
  window: NoticeWindowDto;

  @ApiPropertyOptional({ default: false, description: '置顶：公开期内排在最前面' })
  @IsOptional()
  @IsBoolean({ message: '置顶 pinned 只能是 true 或 false' })
  pinned?: boolean;

  @ApiPropertyOptional({ enum: NOTICE_AUDIENCES, default: 'all', description: 'party_members 仅党员可见，只用于党务' })
  @IsOptional()
  @IsIn(NOTICE_AUDIENCES, { message: '公开范围只能是 all（全体村民）或 party_members（仅党员）' })
  audience?: NoticeAudience;
}

export class UpdateNoticeDto implements Partial<NoticeDraftInput> {
  @ApiPropertyOptional({ enum: NOTICE_CATEGORIES })
  @IsOptional()
  @IsIn(NOTICE_CATEGORIES, { message: '类别只能是 party（党务）、village（村务）或 finance（财务）' })
  kind?: NoticeCategory;

  @ApiPropertyOptional({ maxLength: NOTICE_TITLE_MAX })
  @IsOptional()
  @TitleText()
  title?: string;

  @ApiPropertyOptional({ description: NOTICE_BODY_DESCRIPTION, maxLength: NOTICE_BODY_MAX })
  @IsOptional()
  @Body()
  body?: string;

  @ApiPropertyOptional({ type: NoticeWindowDto })
  @IsOptional()
  @IsObject({ message: '公开期应包含开始日期 startsOn 和结束日期 endsOn' })
  @ValidateNested()
  @Type(() => NoticeWindowDto)
  window?: NoticeWindowDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: '置顶 pinned 只能是 true 或 false' })
  pinned?: boolean;

  @ApiPropertyOptional({ enum: NOTICE_AUDIENCES })
  @IsOptional()
  @IsIn(NOTICE_AUDIENCES, { message: '公开范围只能是 all（全体村民）或 party_members（仅党员）' })
  audience?: NoticeAudience;
}

export class NoticeCorrectionDto implements NoticeCorrectionInput {
  @ApiPropertyOptional({ description: '不填则沿用原标题' })
  @IsOptional()
  @TitleText()
  title?: string;

  @ApiPropertyOptional({ description: '不填则沿用原正文（在草稿里再改）' })
  @IsOptional()
  @Body()
  body?: string;

  @ApiPropertyOptional({ type: NoticeWindowDto, description: '不填则从今天起，公开期与原公告相同（不少于本村最短天数）' })
  @IsOptional()
  @IsObject({ message: '公开期应包含开始日期 startsOn 和结束日期 endsOn' })
  @ValidateNested()
  @Type(() => NoticeWindowDto)
  window?: NoticeWindowDto;
}

export class NoticeSignoffDto implements NoticeSignoffInput {
  @ApiProperty({ enum: ['approved', 'refused'], description: 'approved 同意公开（随即公开）；refused 退回（须写明理由）' })
  @IsIn(['approved', 'refused'], { message: '审核结果只能是 approved（同意）或 refused（退回）' })
  decision: 'approved' | 'refused';

  @ApiPropertyOptional({ example: '第 3 项支出缺少发票编号，请补充后再提交。', description: '退回时必填；同意时可写审核意见' })
  @IsOptional()
  @Trim()
  @IsString({ message: '理由必须是文字' })
  @Length(2, 500, { message: '理由应为 2–500 个字' })
  reason?: string;
}

export class NoticeListQueryDto extends NoticePageQueryDto implements NoticeListQuery {
  @ApiPropertyOptional({ enum: NOTICE_KINDS })
  @IsOptional()
  @IsIn(NOTICE_KINDS, { message: '类别不对' })
  kind?: NoticeKind;

  @ApiPropertyOptional({
    enum: NOTICE_STATUSES,
    description: '不填为已公开的。archived 已归档；draft、pending_signoff 只有能编写该类别的两委成员可看，pending_signoff 监委会也可看',
  })
  @IsOptional()
  @IsIn(NOTICE_STATUSES, { message: '状态只能是 draft、pending_signoff、published 或 archived' })
  status?: NoticeStatus;
}

// ---------------------------------------------------------------- responses

class NoticeRefDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
}

export class NoticeListItemDto implements NoticeListItem {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: NOTICE_STATUSES }) status: NoticeStatus;
  @ApiProperty() pinned: boolean;
  @ApiProperty({ enum: NOTICE_AUDIENCES }) audience: NoticeAudience;
  @ApiProperty({ type: NoticeWindowDto }) window: NoticeWindowDto;
  @ApiProperty({ description: '今天（北京时间）是否在公开期内' }) inWindow: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ description: '当前村民是否已读；草稿等未发布的总是 true' }) read: boolean;
  @ApiProperty() attachmentCount: number;
  @ApiProperty({ description: '待答复的询问数' }) openQueryCount: number;
  @ApiProperty({ type: NoticeRefDto, nullable: true, description: '替代它的更正公告' }) supersededBy: NoticeRefDto | null;
  @ApiProperty({ type: NoticeRefDto, nullable: true, description: '它更正的原公告' }) supersedes: NoticeRefDto | null;
}

export class NoticePageDto implements NoticePage {
  @ApiProperty({ type: [NoticeListItemDto] }) items: NoticeListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class NoticeAttachmentDto implements NoticeAttachment {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: NOTICE_ATTACHMENT_TYPES }) contentType: NoticeAttachmentType;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({
    example: '/api/notice-files/6f1c1b9e-2f7a-4c55-9a53-0d2b1b7f2a10?exp=1795600800&sig=…',
    description: '短时有效（约 30 分钟）的签名路径，在 API 的域名下；不需要登录头即可打开（小程序请加上 API 地址前缀）',
  })
  url: string;
}

class NoticeSignoffViewDto implements NoticeSignoff {
  @ApiProperty({ enum: ['approved', 'refused'] }) decision: 'approved' | 'refused';
  @ApiProperty({ type: NamedRefDto }) by: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

class NoticeCanDto {
  @ApiProperty() edit: boolean;
  @ApiProperty() publish: boolean;
  @ApiProperty() signoff: boolean;
  @ApiProperty() archive: boolean;
  @ApiProperty() correct: boolean;
  @ApiProperty() ask: boolean;
  @ApiProperty() viewAwareness: boolean;
}

export class NoticeDetailDto extends NoticeListItemDto implements NoticeDetail {
  @ApiProperty() villageId: string;
  @ApiProperty() body: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: '正文解析后的段落（heading、paragraph、list、table），按它显示，不要把正文当 HTML',
  })
  blocks: NoticeBlock[];
  @ApiProperty({ type: [NoticeAttachmentDto] }) attachments: NoticeAttachmentDto[];
  @ApiProperty({ type: NamedRefDto, description: '系统发布的为 { id: "system", name: "系统自动发布" }' }) author: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: NoticeSignoffViewDto, nullable: true }) signoff: NoticeSignoffViewDto | null;
  @ApiProperty({ type: NoticeCanDto }) can: NoticeCanDto;
  @ApiProperty({ description: '小程序里这条公开的链接（分享、打印的二维码）' }) shareUrl: string;
}

export class NoticeReadResultDto implements NoticeReadResult {
  @ApiProperty({ description: '这一次是否第一次记为已读' }) firstRead: boolean;
}

/** Booleans in query strings. */
export const QueryFlag = (): PropertyDecorator =>
  Transform(({ value }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });
