import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { RequestWithId } from './correlation-id';

/** The request's correlation id, for use cases that run before an actor exists (login). */
export const RequestId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  return context.switchToHttp().getRequest<RequestWithId>().id ?? '';
});
