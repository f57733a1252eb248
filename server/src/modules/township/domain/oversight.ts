import type { VillageOversightRow } from '@village/shared';
import { csvLine, UTF8_BOM, asDisplayText } from '../../audit/audit-csv.util';

/** `sort=` of GET /api/township/oversight: a figure of the row, or `village` (by name). */
export const OVERSIGHT_SORT_COLUMNS = [
  'village',
  'overdueDisclosures',
  'overdueProposalReplies',
  'openBlockingOpinions',
  'openConveningObligations',
  'overdueConveningObligations',
  'averageAwareness',
] as const;
export type OversightSortColumn = (typeof OVERSIGHT_SORT_COLUMNS)[number];
export type SortOrder = 'asc' | 'desc';

/**
 * Sorted copy. Without `order`, figures sort worst first: counts descending, awareness ascending (the
 * least informed village first), names ascending. Villages without an awareness figure go last either
 * way; ties fall back to the village name (Chinese collation), so the order is stable.
 */
export function sortOversightRows(rows: readonly VillageOversightRow[], sort: OversightSortColumn = 'village', order?: SortOrder): VillageOversightRow[] {
  const direction = order ?? (sort === 'village' || sort === 'averageAwareness' ? 'asc' : 'desc');
  const sign = direction === 'asc' ? 1 : -1;
  const byName = (a: VillageOversightRow, b: VillageOversightRow): number => a.village.name.localeCompare(b.village.name, 'zh-Hans-CN') || a.village.id.localeCompare(b.village.id);
  return [...rows].sort((a, b) => {
    if (sort === 'village') return sign * byName(a, b);
    const x = a[sort];
    const y = b[sort];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

export const OVERSIGHT_CSV_HEADERS = ['村', '逾期未公开类别数', '超期未答复提议数', '未解除的要求纠正监督意见数', '待召开会议数（未到期）', '逾期未召开会议数', '近90天平均知晓率'] as const;

/** "62.5%": one decimal, for people; empty when there is no figure. */
export function awarenessPercent(rate: number | null): string {
  if (rate === null) return '';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The rows as CSV for Excel: UTF-8 with BOM, CRLF, Chinese headers, 知晓率 as a percentage. */
export function oversightCsv(rows: readonly VillageOversightRow[]): string {
  return (
    UTF8_BOM +
    csvLine(OVERSIGHT_CSV_HEADERS) +
    rows
      .map((r) =>
        csvLine([
          asDisplayText(r.village.name),
          r.overdueDisclosures,
          r.overdueProposalReplies,
          r.openBlockingOpinions,
          r.openConveningObligations,
          r.overdueConveningObligations,
          awarenessPercent(r.averageAwareness),
        ]),
      )
      .join('')
  );
}
