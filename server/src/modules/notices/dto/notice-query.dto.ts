import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOTICE_ANSWER_TEXT_MAX,
  NOTICE_QUERY_STATUSES,
  NOTICE_QUERY_TEXT_MAX,
  type NoticeAnswerInput,
  type NoticeQueryInput,
  type NoticeQueryReviewInput,
  type NoticeQueryStatus,
  type NoticeQueryView,
  type Page,
} from '@village/shared';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Trim } from '../../roster/dto/validators';
import { NamedRefDto, NoticePageQueryDto } from './common.dto';
import { QueryFlag } from './notice.dto';

/** What the committee and supervisors may filter by: held queries are only ever the author's. */
export const LISTED_QUERY_STATUSES = ['pending_review', 'open', 'answered', 'rejected'] as const satisfies readonly NoticeQueryStatus[];

export class NoticeQueryInputDto implements NoticeQueryInput {
  @ApiProperty({ example: '请问村道硬化工程的中标价是多少？什么时候开工？', description: '先经微信内容安全检查；手机号、身份证号会被打码' })
  @Trim()
  @IsString({ message: '请写下您想问的' })
  @Length(2, NOTICE_QUERY_TEXT_MAX, { message: `询问应为 2–${NOTICE_QUERY_TEXT_MAX} 个字` })
  text: string;
}

export class NoticeAnswerDto implements NoticeAnswerInput {
  @ApiProperty({ example: '中标价为 38.6 万元，预计 12 月 1 日开工，工期 45 天。' })
  @Trim()
  @IsString({ message: '请填写答复' })
  @Length(2, NOTICE_ANSWER_TEXT_MAX, { message: `答复应为 2–${NOTICE_ANSWER_TEXT_MAX} 个字` })
  text: string;
}

export class NoticeQueryReviewDto implements NoticeQueryReviewInput {
  @ApiProperty({ enum: ['release', 'reject'], description: 'release 公开（待答复）；reject 不公开（须说明理由，提问人可见）' })
  @IsIn(['release', 'reject'], { message: '审核结果只能是 release（公开）或 reject（不公开）' })
  decision: 'release' | 'reject';

  @ApiPropertyOptional({ example: '与本条公开无关，请直接联系村委会。' })
  @IsOptional()
  @Trim()
  @IsString({ message: '理由必须是文字' })
  @Length(2, 200, { message: '理由应为 2–200 个字' })
  reason?: string;
}

export class NoticeQueryListQueryDto extends NoticePageQueryDto {
  @ApiPropertyOptional({ enum: LISTED_QUERY_STATUSES })
  @IsOptional()
  @IsIn(LISTED_QUERY_STATUSES, { message: '状态只能是 pending_review、open、answered 或 rejected' })
  status?: (typeof LISTED_QUERY_STATUSES)[number];

  @ApiPropertyOptional({ description: 'true：只看超过期限还没答复的（监委会督办）' })
  @IsOptional()
  @QueryFlag()
  @IsBoolean({ message: 'overdue 只能是 true 或 false' })
  overdue?: boolean;
}

class NoticeAnswerViewDto {
  @ApiProperty() text: string;
  @ApiProperty({ type: NamedRefDto }) by: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class NoticeQueryViewDto implements NoticeQueryView {
  @ApiProperty() id: string;
  @ApiProperty() noticeId: string;
  @ApiProperty() noticeTitle: string;
  @ApiProperty({ enum: NOTICE_QUERY_STATUSES }) status: NoticeQueryStatus;
  @ApiProperty() text: string;
  @ApiProperty({ type: NamedRefDto, description: '别人看到的姓名已打码（张*明）；本人和村委会看到全名' }) askedBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) askedAt: string;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: NoticeAnswerViewDto, nullable: true }) answer: NoticeAnswerViewDto | null;
  @ApiProperty({ description: '超过期限（默认 10 天）还没答复' }) overdue: boolean;
  @ApiProperty() mine: boolean;
}

export class NoticeQueryPageDto implements Page<NoticeQueryView> {
  @ApiProperty({ type: [NoticeQueryViewDto] }) items: NoticeQueryViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
