import type { SelectionRules } from './choices';

export interface PaperCountInput {
  papers: number;
  counts: Record<string, number>;
}

/** Every choice key with its count (0 when not given), in ballot order. */
export function normaliseCounts(rules: SelectionRules, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(rules.choices.map((c) => [c.key, counts[c.key] ?? 0]));
}

/**
 * Why a paper count cannot be right, or null. Papers handed in cannot exceed the people recorded as
 * present; a motion or single-choice paper carries at most one mark (the rest are blank or spoiled);
 * a multiple-choice paper at most maxSelections.
 */
export function checkPaperCount(rules: SelectionRules, input: PaperCountInput, attendance: number): string | null {
  if (attendance === 0) return '还没有登记现场到会的人，不需要录入纸质票';
  if (input.papers > attendance) return `交回的纸质票 ${input.papers} 张，比登记到会的 ${attendance} 人还多，请核对`;
  const known = new Set(rules.choices.map((c) => c.key));
  const unknown = Object.keys(input.counts).filter((k) => !known.has(k));
  if (unknown.length > 0) return `没有“${unknown[0]}”这个选项`;
  const counts = normaliseCounts(rules, input.counts);
  for (const choice of rules.choices) {
    if (counts[choice.key] > input.papers) return `“${choice.label}” ${counts[choice.key]} 票，比交回的纸质票 ${input.papers} 张还多`;
  }
  const sum = Object.values(counts).reduce((a, b) => a + b, 0);
  const most = rules.choiceKind === 'multiple' ? input.papers * rules.maxSelections : input.papers;
  if (sum > most) {
    return rules.choiceKind === 'multiple'
      ? `各选项合计 ${sum} 票，超过了 ${input.papers} 张票每张最多选 ${rules.maxSelections} 项的 ${most} 票`
      : `各选项合计 ${sum} 票，比交回的纸质票 ${input.papers} 张还多`;
  }
  return null;
}

export function sameCount(a: PaperCountInput, b: PaperCountInput, rules: SelectionRules): boolean {
  const ca = normaliseCounts(rules, a.counts);
  const cb = normaliseCounts(rules, b.counts);
  return a.papers === b.papers && rules.choices.every((c) => ca[c.key] === cb[c.key]);
}
