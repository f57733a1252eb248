import type { NoticeQueryView } from '@village/shared';

/** Overdue unanswered queries first (超期未答复), otherwise in the server's order. */
export function overdueFirst(queries: readonly NoticeQueryView[]): NoticeQueryView[] {
  return queries
    .map((q, index) => ({ q, index }))
    .sort((a, b) => Number(b.q.overdue && b.q.status === 'open') - Number(a.q.overdue && a.q.status === 'open') || a.index - b.index)
    .map((x) => x.q);
}

/** A query after an answer or review replaces its old copy; a new one (just asked) goes last. */
export function upsertQuery(queries: readonly NoticeQueryView[], next: NoticeQueryView): NoticeQueryView[] {
  return queries.some((q) => q.id === next.id) ? queries.map((q) => (q.id === next.id ? next : q)) : [...queries, next];
}

/** At least 2 characters of real text (not only spaces). */
export function hasText(value: string, min = 2): boolean {
  return Array.from(value.trim()).length >= min;
}
