/**
 * Choosing on a ballot, as pure rules the page and the tests share:
 *   - 同意/反对/弃权 and 单选: one tap picks one choice and asks to confirm it;
 *   - 多选: taps add or remove options, at most `maxSelections`; a tap beyond that changes nothing
 *     and says why (the person takes one back first: nothing is dropped behind their back).
 * The server checks the same again (400 for choices not on the ballot).
 */
import type { BallotChoice, ChoiceKind } from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.ballots;

/** One tap confirms (motion, single), or several taps and then 投票 (multiple). */
export function picksOne(kind: ChoiceKind): boolean {
  return kind !== 'multiple';
}

export interface Toggle {
  selected: string[];
  /** Set when the tap was refused: the words to show. */
  refused: string | null;
}

/** Adds or removes `key`; the result keeps the ballot's order of choices. */
export function toggleChoice(choices: readonly BallotChoice[], selected: readonly string[], key: string, maxSelections: number): Toggle {
  if (!choices.some((c) => c.key === key)) return { selected: [...selected], refused: null };
  if (selected.includes(key)) return { selected: selected.filter((k) => k !== key), refused: null };
  if (selected.length >= maxSelections) return { selected: [...selected], refused: m.maxReached(maxSelections) };
  const next = new Set([...selected, key]);
  return { selected: choices.filter((c) => next.has(c.key)).map((c) => c.key), refused: null };
}

/** Why this selection cannot be sent yet, or null. */
export function selectionProblem(kind: ChoiceKind, selected: readonly string[], maxSelections: number): string | null {
  if (selected.length === 0) return m.pickAtLeastOne;
  if (kind !== 'multiple' && selected.length !== 1) return m.pickExactlyOne;
  if (selected.length > maxSelections) return m.maxReached(maxSelections);
  return null;
}

/** "同意", or "修路、装路灯" — the labels of the chosen keys, in the ballot's order. */
export function choiceLabels(choices: readonly BallotChoice[], keys: readonly string[] | null | undefined): string {
  if (!keys || keys.length === 0) return '';
  return choices
    .filter((c) => keys.includes(c.key))
    .map((c) => c.label)
    .join('、');
}

/** "您选择：同意。投票后不能更改。" */
export function confirmSentence(choices: readonly BallotChoice[], keys: readonly string[]): string {
  return m.confirmBody(choiceLabels(choices, keys));
}

/** The sign beside each motion choice, so the buttons never differ by colour alone. */
export const CHOICE_ICONS: Record<string, string> = { for: '✓', against: '✗', abstain: '—' };

export function choiceIcon(key: string, index: number): string {
  return CHOICE_ICONS[key] ?? String(index + 1);
}
