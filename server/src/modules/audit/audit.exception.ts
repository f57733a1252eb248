import { HttpStatus } from '@nestjs/common';
import { assertNever, DomainException } from '../../common/errors/domain.exception';
import type { AuditProblem } from './audit-verification.service';

export enum AuditErrorCode {
  EventNotFound = 'AUDIT_EVENT_NOT_FOUND',
  VillageNotFound = 'AUDIT_VILLAGE_NOT_FOUND',
  NothingToCheckpoint = 'AUDIT_NOTHING_TO_CHECKPOINT',
  ChainBroken = 'AUDIT_CHAIN_BROKEN',
  TreeSizeOutOfRange = 'AUDIT_TREE_SIZE_OUT_OF_RANGE',
  ChainIncomplete = 'AUDIT_CHAIN_INCOMPLETE',
}

export class AuditException extends DomainException<AuditErrorCode> {
  constructor(code: AuditErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static eventNotFound(seq: number): AuditException {
    return new AuditException(AuditErrorCode.EventNotFound, `本村没有第 ${seq} 条审计记录`, { seq });
  }

  static villageNotFound(idOrCode: string): AuditException {
    return new AuditException(AuditErrorCode.VillageNotFound, `没有找到村：${idOrCode}（请用村的编号或 12 位村代码）`);
  }

  static nothingToCheckpoint(): AuditException {
    return new AuditException(AuditErrorCode.NothingToCheckpoint, '本村还没有任何审计记录，不需要生成检查点');
  }

  /** A checkpoint is never signed over a chain that does not verify: that would vouch for the tampering. */
  static chainBroken(problem: AuditProblem): AuditException {
    return new AuditException(
      AuditErrorCode.ChainBroken,
      `审计记录校验未通过：${problem.message}。查明之前不能生成新的检查点，请联系村务监督委员会。`,
      { problem },
    );
  }

  static treeSizeOutOfRange(name: string, min: number, max: number): AuditException {
    const message =
      max < min ? `本村的审计记录还不够，无法按 ${name} 计算证明` : `${name} 必须在 ${min} 到 ${max} 之间（本村目前共有 ${max} 条记录）`;
    return new AuditException(AuditErrorCode.TreeSizeOutOfRange, message, { [name]: { min, max } });
  }

  static chainIncomplete(expectedSeq: number): AuditException {
    return new AuditException(
      AuditErrorCode.ChainIncomplete,
      `审计记录在第 ${expectedSeq} 条处有缺失或错乱，无法计算证明。请先校验记录链。`,
      { seq: expectedSeq },
    );
  }

  httpStatus(): HttpStatus {
    switch (this.code) {
      case AuditErrorCode.EventNotFound:
      case AuditErrorCode.VillageNotFound:
        return HttpStatus.NOT_FOUND;
      case AuditErrorCode.TreeSizeOutOfRange:
        return HttpStatus.BAD_REQUEST;
      case AuditErrorCode.NothingToCheckpoint:
      case AuditErrorCode.ChainBroken:
      case AuditErrorCode.ChainIncomplete:
        return HttpStatus.CONFLICT;
      default:
        return assertNever(this.code);
    }
  }
}
