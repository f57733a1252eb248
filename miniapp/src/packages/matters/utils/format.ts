import { fenLabel, type DiffSegment, type MeetingPurpose, type StageStepStatus, type TextDiff } from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.matters;

/** ✓ done, ● current, ⚠ blocked, ○ upcoming, ✗ stopped, – not reached: a sign and a word, never colour alone. */
export function stepMark(status: StageStepStatus): string {
  return m.stepMark[status] ?? '○';
}

/** "1,234.50 元" from integer fen (the shared exact formatter); "—" for none. */
export function money(fen: number | null | undefined): string {
  return typeof fen === 'number' ? fenLabel(fen) : '—';
}

/**
 * What a person typed as yuan ("12345.5", "1,234.50", "30") → integer fen, exactly (no floating
 * point); '' → null; anything else → 'invalid'.
 */
export function parseYuan(text: string): number | null | 'invalid' {
  const t = text.replace(/[,，\s]/g, '').replace(/元$/, '');
  if (t === '') return null;
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!match) return 'invalid';
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** Fen → what the form shows for editing ("12345.50"), '' for none. */
export function yuanInput(fen: number | null): string {
  if (fen === null) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export interface DiffPart {
  op: DiffSegment['op'];
  /** The text as shown: additions in 【＋…】 and deletions in 【－…】, so the change reads without colour. */
  shown: string;
  /** For screen readers: "加上：…" / "删去：…". */
  label: string;
}

export function diffParts(diff: TextDiff): DiffPart[] {
  return diff.segments.map((s) => {
    if (s.op === 'insert') return { op: s.op, shown: `【${m.diffInsert}${s.text}】`, label: `加上：${s.text}` };
    if (s.op === 'delete') return { op: s.op, shown: `【${m.diffDelete}${s.text}】`, label: `删去：${s.text}` };
    return { op: s.op, shown: s.text, label: s.text };
  });
}

/** YYYY-MM-DD and a real day. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** "2026-12-05 09:00" (Beijing) → ISO instant, or null. */
export function parseBeijingTime(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match || !isDay(match[1])) return null;
  const h = Number(match[2]);
  const min = Number(match[3]);
  if (h > 23 || min > 59) return null;
  return new Date(`${match[1]}T${String(h).padStart(2, '0')}:${match[3]}:00+08:00`).toISOString();
}

/** Today in Beijing, YYYY-MM-DD. */
export function beijingToday(nowMs: number = Date.now()): string {
  return new Date(nowMs + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole non-negative number typed, or null. */
export function parseCount(text: string): number | null {
  return /^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The stepper stage(s) a meeting belongs to (the merged 1–2 meeting shows at both). */
export function meetingStages(purpose: MeetingPurpose): string[] {
  return purpose === 'merged_proposal' ? ['branch_proposal', 'committees_deliberation'] : [purpose];
}
