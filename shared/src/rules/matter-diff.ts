/*
 * What changed between two revisions of a matter's text (两委商议 amendments), as segments the
 * mini-program colours (inserted / deleted) and the server stores with each revision. Chinese has no
 * spaces, so the unit is the line first, then the character within changed lines; characters are
 * code points (a rare 𠮷 in a name is one character, not two halves).
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface TextDiff {
  segments: DiffSegment[];
  /** Characters inserted and deleted (code points). */
  inserted: number;
  deleted: number;
}

/** What a revision consists of. */
export interface RevisionContent {
  title: string;
  body: string;
  /** 预算 or 筹资 amount in fen; null when the matter has none. */
  budgetFen: number | null;
}

export interface RevisionDiff {
  /** null when unchanged. */
  title: TextDiff | null;
  body: TextDiff | null;
  budget: { fromFen: number | null; toFen: number | null } | null;
  changed: boolean;
}

/** Beyond this many LCS cells a block is shown as replaced wholesale (keeps the work bounded). */
const MAX_CELLS = 4_000_000;

function lcsOps<T>(a: readonly T[], b: readonly T[]): DiffOp[] | null {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return null;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push('equal');
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      ops.push('delete');
      i++;
    } else {
      ops.push('insert');
      j++;
    }
  }
  while (i++ < n) ops.push('delete');
  while (j++ < m) ops.push('insert');
  return ops;
}

function push(out: DiffSegment[], op: DiffOp, text: string): void {
  if (text.length === 0) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

function charDiff(before: string, after: string, out: DiffSegment[]): void {
  const a = Array.from(before);
  const b = Array.from(after);
  const ops = lcsOps(a, b);
  if (!ops) {
    push(out, 'delete', before);
    push(out, 'insert', after);
    return;
  }
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === 'equal') {
      push(out, 'equal', a[i]);
      i++;
      j++;
    } else if (op === 'delete') push(out, 'delete', a[i++]);
    else push(out, 'insert', b[j++]);
  }
}

function splitLines(text: string): string[] {
  return text.length === 0 ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

/** Line-then-character diff of two texts. */
export function diffText(before: string, after: string): TextDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  const segments: DiffSegment[] = [];
  const ops = lcsOps(a, b);
  if (!ops) {
    charDiff(before, after, segments);
  } else {
    let i = 0;
    let j = 0;
    let deleted = '';
    let inserted = '';
    const flush = (): void => {
      if (deleted && inserted) charDiff(deleted, inserted, segments);
      else {
        push(segments, 'delete', deleted);
        push(segments, 'insert', inserted);
      }
      deleted = '';
      inserted = '';
    };
    for (const op of ops) {
      if (op === 'equal') {
        flush();
        push(segments, 'equal', a[i]);
        i++;
        j++;
      } else if (op === 'delete') {
        deleted += a[i++];
      } else {
        inserted += b[j++];
      }
    }
    flush();
  }
  const count = (op: DiffOp): number => segments.filter((s) => s.op === op).reduce((n, s) => n + Array.from(s.text).length, 0);
  return { segments, inserted: count('insert'), deleted: count('delete') };
}

/** What an amendment changed: title, body and amount, each null when unchanged. */
export function diffRevisions(before: RevisionContent, after: RevisionContent): RevisionDiff {
  const title = before.title === after.title ? null : diffText(before.title, after.title);
  const body = before.body === after.body ? null : diffText(before.body, after.body);
  const budget = before.budgetFen === after.budgetFen ? null : { fromFen: before.budgetFen, toFen: after.budgetFen };
  return { title, body, budget, changed: Boolean(title || body || budget) };
}

/** The text as it was (equal + delete) or as it is (equal + insert): a check that a diff is faithful. */
export function applyDiff(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join('');
}
