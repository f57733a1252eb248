import { formatPoints, normalizeRuleItems, parsePoints, ruleBookProblems, type ApiErrorBody, type RuleBookDetail, type RuleBookProblem, type RuleItemInput } from '@village/shared';

/** One item as the editor holds it: the points as typed ("0.4", "-5"). */
export interface ItemRow {
  key: string;
  code: string;
  category: string;
  description: string;
  points: string;
  evidenceRequired: boolean;
}

/** What is wrong, by item (index 0-based) and for the book as a whole, in the shared rule's words. */
export interface EditorProblems {
  book: string[];
  rows: Record<number, string[]>;
}

export function rowsOf(book: RuleBookDetail, newKey: () => string): ItemRow[] {
  return book.categories.flatMap((c) =>
    c.items.map((i) => ({ key: newKey(), code: i.code, category: c.name, description: i.description, points: formatPoints(i.pointsTenths), evidenceRequired: i.evidenceRequired })),
  );
}

/** The items to send; points that are not a number stay NaN, so the shared check names them. */
export function inputsOf(rows: readonly ItemRow[]): RuleItemInput[] {
  return normalizeRuleItems(rows.map((r) => ({ code: r.code, category: r.category, description: r.description, pointsTenths: parsePoints(r.points) ?? Number.NaN, evidenceRequired: r.evidenceRequired })));
}

function byRow(problems: readonly RuleBookProblem[]): EditorProblems {
  const out: EditorProblems = { book: [], rows: {} };
  for (const p of problems) {
    if (p.row === null) out.book.push(p.message);
    else (out.rows[p.row - 1] ??= []).push(p.message);
  }
  return out;
}

/** The editor's problems before saving: the same rule the server applies (shared ruleBookProblems). */
export function checkEditor(title: string, rows: readonly ItemRow[]): EditorProblems {
  // The editor heads each row "第 N 项"; its problems say the same.
  return byRow(ruleBookProblems({ title, items: inputsOf(rows) }, { rowWord: '项' }));
}

/** A refused save lists every problem in `details.problems` (row = the item's number in the editor). */
export function serverProblems(error: ApiErrorBody): EditorProblems {
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems)) return { book: [], rows: {} };
  return byRow(problems.filter((p): p is RuleBookProblem => typeof p === 'object' && p !== null && typeof (p as RuleBookProblem).message === 'string'));
}

export const hasProblems = (p: EditorProblems): boolean => p.book.length > 0 || Object.keys(p.rows).length > 0;
