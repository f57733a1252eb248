import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { IDEMPOTENCY_HEADER } from '@village/shared';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource, Repository } from 'typeorm';
import type { RequestWithActor } from '../auth/actor';
import { UnitOfWork } from '../../modules/audit/unit-of-work';
import { Clock } from '../clock';
import { FieldCipher } from '../crypto/field-cipher';
import { IdempotencyRecord } from './idempotency-record.entity';
import { IdempotencyErrorCode, IdempotencyException } from './idempotency.exception';
import { SEALED_REPLAY } from './sealed-replay.decorator';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/;
/** A villager's retry comes within minutes; a day covers a phone that lost signal overnight. */
const KEEP_MS = 24 * 3_600_000;

export const REPLAY_HEADER = 'idempotent-replayed';
const SEALED_PREFIX = 'sealed:';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** AES-256-GCM under a key only the client's raw Idempotency-Key (never stored) can rebuild. */
function replayCipher(scope: string, key: string): FieldCipher {
  return new FieldCipher(createHash('sha256').update(`sealed-replay\n${scope}\n${key}`).digest());
}

/**
 * On weak networks the mini-program retries writes with the same Idempotency-Key. The first request
 * claims the key (a primary-key insert, so two at once cannot both run); later ones get the stored
 * answer. A write that fails releases the key so the retry can run it again.
 *
 * On SQLite every query shares one connection, so the key's own reads and writes wait for any unit of
 * work in flight (UnitOfWork.exclusive): otherwise a claim could land inside another request's
 * transaction and vanish with its rollback, and the retry would run the write a second time.
 * Routes marked @SealedReplay store their answer encrypted (see sealed-replay.decorator.ts).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
    private readonly uow: UnitOfWork,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (!WRITE_METHODS.has(request.method) || typeof key !== 'string') return next.handle();
    // File uploads are parsed after this runs, so their content cannot be part of the request hash.
    // The one upload (roster import) is safe to repeat: dry-run writes nothing, and a repeated commit
    // matches every row to what the first one wrote.
    if (request.is('multipart/form-data')) return next.handle();
    return from(this.handle(context, next, request, key));
  }

  private async handle(
    context: ExecutionContext,
    next: CallHandler,
    request: RequestWithActor,
    key: string,
    attempt = 1,
  ): Promise<unknown> {
    if (!KEY_FORMAT.test(key)) throw new IdempotencyException(IdempotencyErrorCode.KeyInvalid);
    const response = context.switchToHttp().getResponse<Response>();
    const scope = request.actor?.accountId ?? `ip:${request.ip}`;
    const keyHash = sha256(`${scope}\n${key}`);
    const requestHash = sha256(`${request.method}\n${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`);
    const repo = this.dataSource.getRepository(IdempotencyRecord);
    const now = this.clock.now();
    const db = <T>(task: () => Promise<T>): Promise<T> => this.uow.exclusive(task);
    const cipher = this.reflector.get<boolean | undefined>(SEALED_REPLAY, context.getHandler()) ? replayCipher(scope, key) : null;

    const claimed = await db(() => this.claim(repo, keyHash, requestHash, now));
    if (!claimed) {
      const existing = await db(() => repo.findOneBy({ keyHash }));
      // An expired record, or one released between our insert and read: claim the key afresh.
      if (!existing || now.getTime() - existing.createdAt.getTime() > KEEP_MS) {
        if (attempt >= 3) throw new IdempotencyException(IdempotencyErrorCode.InProgress);
        if (existing) await db(() => repo.delete({ keyHash }));
        return this.handle(context, next, request, key, attempt + 1);
      }
      if (existing.requestHash !== requestHash) throw new IdempotencyException(IdempotencyErrorCode.KeyReused);
      if (!existing.completedAt || existing.statusCode === null) throw new IdempotencyException(IdempotencyErrorCode.InProgress);
      response.status(existing.statusCode);
      response.setHeader(REPLAY_HEADER, 'true');
      if (existing.responseBody === null) return undefined;
      const stored = existing.responseBody.startsWith(SEALED_PREFIX) && cipher ? cipher.decrypt(existing.responseBody.slice(SEALED_PREFIX.length)) : existing.responseBody;
      return JSON.parse(stored);
    }

    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const json = body === undefined ? null : JSON.stringify(body);
      await db(() =>
        repo.update(
          { keyHash },
          {
            statusCode: response.statusCode,
            responseBody: json !== null && cipher ? SEALED_PREFIX + cipher.encrypt(json) : json,
            completedAt: this.clock.now(),
          },
        ),
      );
      return body;
    } catch (error) {
      await db(() => repo.delete({ keyHash }));
      throw error;
    }
  }

  private async claim(repo: Repository<IdempotencyRecord>, keyHash: string, requestHash: string, now: Date): Promise<boolean> {
    try {
      await repo.insert({ keyHash, requestHash, statusCode: null, responseBody: null, createdAt: now, completedAt: null });
      return true;
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || String(code).startsWith('SQLITE_CONSTRAINT')) return false;
      throw error;
    }
  }
}
