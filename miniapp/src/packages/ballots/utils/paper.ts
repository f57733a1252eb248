/**
 * The paper count form (计票人 / 监票人) as pure checks: whole numbers only, no more papers than
 * people recorded present, no choice above the papers, and on a motion or single choice the choices
 * together no more than the papers (the rest are blank or spoiled, shown as such).
 */
import type { BallotChoice, ChoiceKind, PaperCountRequest } from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.ballots;

export interface PaperForm {
  papers: string;
  counts: Record<string, string>;
}

export interface PaperCheck {
  /** Problems by field: `papers`, a choice key, or `sum`. */
  errors: Record<string, string>;
  /** The request, when there are no problems. */
  request: PaperCountRequest | null;
  /** Blank or spoiled papers (motion / single), when the numbers are whole. */
  blank: number | null;
}

export function emptyPaperForm(choices: readonly BallotChoice[]): PaperForm {
  return { papers: '', counts: Object.fromEntries(choices.map((c) => [c.key, ''])) };
}

export function paperFormOf(counts: { papers: number; counts: Record<string, number> }, choices: readonly BallotChoice[]): PaperForm {
  return { papers: String(counts.papers), counts: Object.fromEntries(choices.map((c) => [c.key, String(counts.counts[c.key] ?? 0)])) };
}

function whole(text: string): number | null {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

export function checkPaperForm(form: PaperForm, choices: readonly BallotChoice[], kind: ChoiceKind, inPerson: number): PaperCheck {
  const errors: Record<string, string> = {};
  const papers = whole(form.papers);
  if (papers === null) errors.papers = m.notNumber;
  else if (papers > inPerson) errors.papers = m.papersTooMany(inPerson);
  const counts: Record<string, number> = {};
  for (const c of choices) {
    const n = whole(form.counts[c.key] ?? '');
    if (n === null) errors[c.key] = m.notNumber;
    else {
      counts[c.key] = n;
      if (papers !== null && n > papers) errors[c.key] = m.countTooBig;
    }
  }
  const allWhole = papers !== null && choices.every((c) => counts[c.key] !== undefined);
  const sum = choices.reduce((a, c) => a + (counts[c.key] ?? 0), 0);
  let blank: number | null = null;
  if (allWhole && kind !== 'multiple') {
    if (sum > papers) errors.sum = m.sumTooBig;
    else blank = papers - sum;
  }
  const ok = Object.keys(errors).length === 0 && papers !== null;
  return { errors, request: ok ? { papers, counts } : null, blank };
}
