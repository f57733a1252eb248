import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AwarenessUnit, GridAwareness, InPersonNoticeInput, InPersonNoticeRecord, NoticeAwareness, Page, UnreachedHousehold } from '@village/shared';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Trim } from '../../roster/dto/validators';
import { NamedRefDto, NoticeFractionDto, NoticePageQueryDto } from './common.dto';

export class GridAwarenessDto implements GridAwareness {
  @ApiProperty({ type: NamedRefDto }) grid: NamedRefDto;
  @ApiProperty() total: number;
  @ApiProperty() reached: number;
  @ApiProperty({ description: '其中上门告知的' }) toldInPerson: number;
}

export class NoticeAwarenessDto implements NoticeAwareness {
  @ApiProperty() noticeId: string;
  @ApiProperty({ enum: ['household', 'party_member'], description: 'household 按户（全体村民）；party_member 按党员（仅党员可见的党务）' })
  unit: AwarenessUnit;
  @ApiProperty({ description: '在册的户（或党员）数' }) total: number;
  @ApiProperty({ description: '至少一人已读，或已上门告知' }) reached: number;
  @ApiProperty() toldInPerson: number;
  @ApiProperty({ type: NoticeFractionDto, description: '知晓率 = reached / total（精确分数）' }) rate: NoticeFractionDto;
  @ApiProperty({ type: [GridAwarenessDto] }) byGrid: GridAwarenessDto[];
}

export class UnreachedQueryDto extends NoticePageQueryDto {
  @ApiPropertyOptional({ description: '只看某个网格；网格员只能看自己负责的网格' })
  @IsOptional()
  @IsUUID('all', { message: '网格编号的格式不对' })
  gridId?: string;
}

export class UnreachedHouseholdDto implements UnreachedHousehold {
  @ApiProperty() householdId: string;
  @ApiProperty({ example: '0012' }) number: string;
  @ApiProperty() address: string;
  @ApiProperty({ type: NamedRefDto }) grid: NamedRefDto;
  @ApiProperty({ type: String, nullable: true }) representativeName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' }) phoneMasked: string | null;
  @ApiProperty({ type: NamedRefDto, nullable: true, description: '仅党员可见的公开：还没知晓的那位党员' }) person: NamedRefDto | null;
}

export class UnreachedPageDto implements Page<UnreachedHousehold> {
  @ApiProperty({ type: [UnreachedHouseholdDto] }) items: UnreachedHouseholdDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class InPersonNoticeDto implements InPersonNoticeInput {
  @ApiProperty({ description: '告知的户' })
  @IsUUID('all', { message: '户编号的格式不对，请从“未知晓”名单里选择' })
  householdId: string;

  @ApiPropertyOptional({ description: '仅党员可见的党务必填：告知的是这一户的哪位党员' })
  @IsOptional()
  @IsUUID('all', { message: '党员编号的格式不对，请从名单里选择' })
  residentId?: string;

  @ApiPropertyOptional({ example: '已当面念给户主听，户主表示知晓。', description: '最多 200 字；手机号、身份证号会被打码' })
  @IsOptional()
  @Trim()
  @IsString({ message: '备注必须是文字' })
  @Length(1, 200, { message: '备注最多 200 字' })
  note?: string;
}

export class InPersonNoticeRecordDto implements InPersonNoticeRecord {
  @ApiProperty() noticeId: string;
  @ApiProperty() householdId: string;
  @ApiProperty({ type: String, nullable: true }) residentId: string | null;
  @ApiProperty({ type: NamedRefDto }) recordedBy: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) toldAt: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}
