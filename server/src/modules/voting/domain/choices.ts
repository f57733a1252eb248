import { MOTION_CHOICE_LABELS, MOTION_CHOICES, type BallotChoice, type ChoiceKind } from '@village/shared';

/** The choices a ballot offers: 同意/反对/弃权 for a motion, or the options as `o1`, `o2`, … */
export function buildChoices(kind: ChoiceKind, options: readonly string[] = []): BallotChoice[] {
  if (kind === 'motion') return MOTION_CHOICES.map((key) => ({ key, label: MOTION_CHOICE_LABELS[key] }));
  return options.map((label, i) => ({ key: `o${i + 1}`, label }));
}

export function parseChoices(json: string): BallotChoice[] {
  return JSON.parse(json) as BallotChoice[];
}

export interface SelectionRules {
  choiceKind: ChoiceKind;
  choices: BallotChoice[];
  maxSelections: number;
}

export type SelectionCheck = { ok: true; keys: string[] } | { ok: false; message: string };

/** Whether `selected` is a valid vote on this ballot; the keys come back in ballot order, once each. */
export function checkSelection(rules: SelectionRules, selected: readonly string[]): SelectionCheck {
  const known = new Set(rules.choices.map((c) => c.key));
  const unknown = selected.filter((k) => !known.has(k));
  if (unknown.length > 0) return { ok: false, message: `没有“${unknown[0]}”这个选项，请刷新后重新选择` };
  const distinct = new Set(selected);
  if (distinct.size !== selected.length) return { ok: false, message: '同一个选项只能选一次' };
  if (distinct.size === 0) return { ok: false, message: '请先选择再提交' };
  if (rules.choiceKind !== 'multiple' && distinct.size > 1) {
    return { ok: false, message: rules.choiceKind === 'motion' ? '同意、反对、弃权只能选一个' : '这是单选题，只能选一个' };
  }
  if (distinct.size > rules.maxSelections) return { ok: false, message: `最多只能选 ${rules.maxSelections} 项` };
  return { ok: true, keys: rules.choices.map((c) => c.key).filter((k) => distinct.has(k)) };
}

export function joinKeys(keys: readonly string[]): string {
  return keys.join(',');
}

export function splitKeys(joined: string): string[] {
  return joined === '' ? [] : joined.split(',');
}

export function labelsOf(choices: BallotChoice[], keys: readonly string[]): string {
  return keys.map((k) => choices.find((c) => c.key === k)?.label ?? k).join('、');
}
