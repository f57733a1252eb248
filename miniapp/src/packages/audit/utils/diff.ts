/**
 * Before/after of one audit event as rows a person can read: one row per field, with the field's
 * Chinese name, the value before and after in words (是/否, （空）, （没有）), and whether it changed.
 * Changed rows come first; the page says how many others stayed the same.
 */
import { messages } from '../../../constants/messages';

const m = messages.audit;

export type DiffChange = 'changed' | 'added' | 'removed' | 'same';

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
  change: DiffChange;
}

export type DiffKind = 'created' | 'deleted' | 'updated' | 'empty';

export interface Diff {
  kind: DiffKind;
  /** Rows whose value differs (added, removed or changed), in the fields' order. */
  changed: DiffRow[];
  /** Rows with the same value before and after. */
  same: DiffRow[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Fields whose stored codes have a Chinese word (性别 male → 男, 状态 active → 在册). */
const CODED_FIELDS = ['gender', 'status', 'method', 'outcome'];

/** A value in words: 是/否 for true/false, （空） for null or "", JSON for lists and objects. */
export function showValue(v: unknown, key?: string): string {
  if (key && CODED_FIELDS.includes(key) && typeof v === 'string' && m.values[v]) return m.values[v];
  if (v === undefined) return m.diffNone;
  if (v === null || v === '') return m.diffEmpty;
  if (v === true) return m.diffYes;
  if (v === false) return m.diffNo;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

export function fieldLabel(key: string): string {
  return m.fields[key] ?? key;
}

/** Deep equality for JSON values (key order does not matter). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  }
  return false;
}

export function buildDiff(before: unknown, after: unknown): Diff {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const kind: DiffKind = !hasBefore && !hasAfter ? 'empty' : !hasBefore ? 'created' : !hasAfter ? 'deleted' : 'updated';
  if (kind === 'empty') return { kind, changed: [], same: [] };

  // Non-object snapshots are shown as one field, 内容.
  const b: Record<string, unknown> = !hasBefore ? {} : isPlainObject(before) ? before : { value: before };
  const a: Record<string, unknown> = !hasAfter ? {} : isPlainObject(after) ? after : { value: after };

  const keys: string[] = [];
  for (const k of [...Object.keys(b), ...Object.keys(a)]) if (!keys.includes(k)) keys.push(k);

  const changed: DiffRow[] = [];
  const unchanged: DiffRow[] = [];
  for (const key of keys) {
    const inB = Object.prototype.hasOwnProperty.call(b, key);
    const inA = Object.prototype.hasOwnProperty.call(a, key);
    const change: DiffChange = inB && inA ? (same(b[key], a[key]) ? 'same' : 'changed') : inA ? 'added' : 'removed';
    const row: DiffRow = {
      key,
      label: fieldLabel(key),
      before: inB ? showValue(b[key], key) : m.diffNone,
      after: inA ? showValue(a[key], key) : m.diffNone,
      change,
    };
    (change === 'same' ? unchanged : changed).push(row);
  }
  // Of the unchanged fields, the long internal 编号 go last.
  const isId = (r: DiffRow) => /Id$/.test(r.key);
  unchanged.sort((x, y) => Number(isId(x)) - Number(isId(y)));
  return { kind, changed, same: unchanged };
}
