import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@village/shared';
import type { Request, Response } from 'express';
import { RequestWithId } from '../http/correlation-id';
import { DomainException } from './domain.exception';

/** Chinese wording for framework errors that carry no domain code. */
const HTTP_DEFAULTS: Partial<Record<number, { code: string; message: string }>> = {
  400: { code: 'BAD_REQUEST', message: '请求的格式不对，请检查后再试' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '您没有权限做这件事' },
  404: { code: 'NOT_FOUND', message: '没有找到您要的内容' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持这种操作' },
  409: { code: 'CONFLICT', message: '内容已被别人修改，请刷新后再试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大了，请缩小后再试' },
  429: { code: 'TOO_MANY_REQUESTS', message: '操作太频繁了，请稍等一会儿再试' },
  503: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
};
const INTERNAL = { code: 'INTERNAL', message: '服务器出了点问题，请稍后再试。如果一直这样，请联系村委会。' };

/** The one error shape: `{ code, message, details?, correlationId }`, whatever was thrown. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<RequestWithId>();
    const response = http.getResponse<Response>();
    const correlationId = String(request.id ?? '');
    const { status, body } = this.toBody(exception, correlationId, request);

    if (status >= 500) {
      this.logger.error({ err: exception, correlationId, path: request.path }, 'request failed');
    }
    response.status(status).json(body);
  }

  private toBody(exception: unknown, correlationId: string, request: Request): { status: number; body: ApiErrorBody } {
    if (exception instanceof DomainException) {
      const body: ApiErrorBody = { code: exception.code, message: exception.message, correlationId };
      if (exception.details !== undefined) body.details = exception.details;
      return { status: exception.httpStatus(), body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = HTTP_DEFAULTS[status] ?? (status >= 500 ? INTERNAL : { code: 'ERROR', message: '请求没有成功' });
      const body: ApiErrorBody = { ...known, correlationId };
      // Nest's own 404 for a path no controller serves reads "Cannot GET /api/…"; ours are DomainExceptions.
      if (status === HttpStatus.NOT_FOUND && exception.message.startsWith('Cannot ')) {
        body.code = 'ROUTE_NOT_FOUND';
        body.message = `没有这个接口：${request.method} ${request.path}`;
      }
      const raw = exception.getResponse();
      // Framework payloads such as the health check's per-indicator status are worth passing on.
      if (typeof raw === 'object' && raw !== null && !('statusCode' in raw)) body.details = raw;
      return { status, body };
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { ...INTERNAL, correlationId } };
  }
}
