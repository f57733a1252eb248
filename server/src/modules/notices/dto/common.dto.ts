import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isCalendarDay, NOTICE_PAGE_SIZE_DEFAULT, NOTICE_PAGE_SIZE_MAX, type Fraction, type NoticeWindow } from '@village/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';

export { NamedRefDto } from '../../roster/dto/common.dto';

/** YYYY-MM-DD, a day that exists. */
export function IsDay(what: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDay',
      validator: {
        validate: (value: unknown) => isCalendarDay(value),
        defaultMessage: () => `${what}应写成 2026-11-25 这样的格式，且是日历上存在的日期`,
      },
    },
    options,
  );
}

/** Text whose UTF-8 form fits a MySQL TEXT column (65 535 bytes), with room to spare. */
export function MaxUtf8Bytes(bytes: number, message: string): PropertyDecorator {
  return ValidateBy({
    name: 'maxUtf8Bytes',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || Buffer.byteLength(value, 'utf8') <= bytes,
      defaultMessage: () => message,
    },
  });
}

export class NoticeWindowDto implements NoticeWindow {
  @ApiProperty({ example: '2026-11-25', description: '公开开始日期（北京时间，含当天），不能早于今天' })
  @IsDay('公开开始日期')
  startsOn: string;

  @ApiProperty({ example: '2026-12-01', description: '公开结束日期（含当天）；公开期不少于本村为该类别设定的天数（默认 7 天）' })
  @IsDay('公开结束日期')
  endsOn: string;
}

export class NoticePageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码 page 必须是整数' })
  @Min(1, { message: '页码 page 从 1 开始' })
  @Max(100_000, { message: '页码太大了' })
  page?: number;

  @ApiPropertyOptional({ default: NOTICE_PAGE_SIZE_DEFAULT, minimum: 1, maximum: NOTICE_PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数 pageSize 必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(NOTICE_PAGE_SIZE_MAX, { message: `每页最多 ${NOTICE_PAGE_SIZE_MAX} 条` })
  pageSize?: number;
}

export class NoticeFractionDto implements Fraction {
  @ApiProperty({ example: 41 }) numerator: number;
  @ApiProperty({ example: 60 }) denominator: number;
}
