import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER } from '@village/shared';
import type { NextFunction, Request, Response } from 'express';

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type RequestWithId = Request & { id?: string };

/**
 * Gives every request a correlation id before anything else runs (body parsing included), so even a
 * malformed request's error names it. A client-supplied id is kept when it looks like one, so a
 * villager's report can be traced from the phone to the server log.
 */
export function correlationId(req: RequestWithId, res: Response, next: NextFunction): void {
  const given = req.headers[CORRELATION_HEADER];
  req.id = typeof given === 'string' && SAFE_CORRELATION_ID.test(given) ? given : randomUUID();
  res.setHeader(CORRELATION_HEADER, req.id);
  next();
}
