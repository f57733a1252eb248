import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiErrorBody } from '@village/shared';

/** OpenAPI description of the one error shape (see ApiExceptionFilter). */
export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: '稳定的错误代码，供程序判断' })
  code: string;

  @ApiProperty({ example: '填写的内容有误：户号不能为空', description: '给人看的中文说明，说清楚该怎么办' })
  message: string;

  @ApiPropertyOptional({ description: '补充信息，例如每个字段的问题' })
  details?: unknown;

  @ApiProperty({ example: '5f0c…', description: '请求编号，报告问题时请提供' })
  correlationId: string;
}
