import type { AuditEventDetail, AuditEventFilter as SharedAuditEventFilter, AuditEventSummary } from '@village/shared';
import { ROLE_LABELS, isRole } from '@village/shared';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';
import type { AuditEventFilter, AuditEventRecord, AuditRepository } from './audit.repository';
import { AuditException } from './audit.exception';
import { asDisplayText, csvLine, UTF8_BOM } from './audit-csv.util';
import { chinaDayRange, formatChinaTime } from './audit-dates.util';
import type { ConsistentRead } from './audit-verification.service';

export type { AuditEventDetail, AuditEventSummary } from '@village/shared';
export type AuditEventFilterInput = SharedAuditEventFilter;

export interface AuditEventPage {
  items: AuditEventSummary[];
  total: number;
  page: number;
  pageSize: number;
}

const EXPORT_PAGE = 500;

/** Column headers: Chinese for people, and the hashed fields under their exact names for verifiers. */
const CSV_HEADER = [
  '序号 seq',
  '时间（北京时间）',
  '操作人',
  '身份',
  'occurredAt',
  'actorId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'correlationId',
  'prevHash',
  'hash',
  'villageId',
];

/** Supervisors' view of the trail: filter, page, open one event, export a range. Reads only. */
export class AuditEventsService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly consistentRead: ConsistentRead,
  ) {}

  async list(villageId: string, input: AuditEventFilterInput, page: number, pageSize: number): Promise<AuditEventPage> {
    const [rows, total] = await this.repo.browse(toFilter(villageId, input), (page - 1) * pageSize, pageSize);
    return { items: rows.map(summary), total, page, pageSize };
  }

  async detail(villageId: string, seq: number): Promise<AuditEventDetail> {
    const row = await this.repo.eventAt(villageId, seq);
    if (!row) throw AuditException.eventNotFound(seq);
    return { ...summary(row), villageId: row.villageId, before: parseSnapshot(row.beforeJson), after: parseSnapshot(row.afterJson) };
  }

  /**
   * The filtered events, oldest first, as CSV text chunks; pulled one page at a time, so a slow
   * download holds one page in memory. Only events up to the head at the start are exported, so the
   * file is one consistent range even while new events arrive.
   */
  csv(villageId: string, input: AuditEventFilterInput): AsyncIterable<string> {
    // Filters are checked here, before the response starts, so a bad one is still a 400.
    return this.csvChunks(villageId, toFilter(villageId, input));
  }

  private async *csvChunks(villageId: string, filter: AuditEventFilter): AsyncGenerator<string> {
    const upTo = (await this.consistentRead(() => this.repo.head(villageId)))?.lastSeq ?? 0;
    yield UTF8_BOM + csvLine(CSV_HEADER);
    let afterSeq = 0;
    for (;;) {
      const rows = await this.repo.exportPage(filter, { afterSeq, upToSeq: upTo, limit: EXPORT_PAGE });
      if (rows.length > 0) yield rows.map(csvRow).join('');
      if (rows.length < EXPORT_PAGE) return;
      afterSeq = rows[rows.length - 1].seq;
    }
  }
}

function toFilter(villageId: string, input: AuditEventFilterInput): AuditEventFilter {
  if (input.from && input.to && input.from > input.to) {
    throw new CommonException(CommonErrorCode.ValidationFailed, '填写的内容有误：开始日期不能晚于结束日期', [
      { field: 'from', messages: ['开始日期不能晚于结束日期'] },
    ]);
  }
  return {
    villageId,
    actorId: input.actor,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    ...chinaDayRange(input.from, input.to),
  };
}

function summary(row: AuditEventRecord): AuditEventSummary {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt,
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    correlationId: row.correlationId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Stored as canonical JSON; text that does not parse (changed outside the app) is shown as it is. */
function parseSnapshot(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function roleLabel(role: string | null): string | null {
  if (role === null) return null;
  if (role === 'system') return '系统';
  return isRole(role) ? ROLE_LABELS[role] : role;
}

function csvRow(row: AuditEventRecord): string {
  return csvLine([
    row.seq,
    formatChinaTime(row.occurredAt),
    asDisplayText(row.actorName ?? (row.actorId ? null : '系统')),
    roleLabel(row.actorRole),
    row.occurredAt,
    row.actorId,
    row.actorRole,
    row.action,
    row.entityType,
    row.entityId,
    row.beforeJson,
    row.afterJson,
    row.correlationId,
    row.prevHash,
    row.hash,
    row.villageId,
  ]);
}
