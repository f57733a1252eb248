import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

/** The unit of work in progress on this async path: which transaction, and what it has written. */
export interface AuditScope {
  queryRunner: QueryRunner | undefined;
  writes: number;
  events: number;
}

export const auditScope = new AsyncLocalStorage<AuditScope>();
