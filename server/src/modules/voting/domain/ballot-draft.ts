import {
  BALLOT_OPTION_LABEL_MAX,
  BALLOT_OPTIONS_MAX,
  BALLOT_OPTIONS_MIN,
  checkDecisionRule,
  type BallotChoice,
  type BallotSecrecy,
  type ChoiceKind,
  type DecisionRule,
  type Electorate,
} from '@village/shared';
import { buildChoices } from './choices';

/** A draft as the committee wants it, all fields known (a create, or a patch applied to the stored draft). */
export interface DraftFields {
  electorate: Electorate;
  rule: DecisionRule;
  secrecy: BallotSecrecy;
  choiceKind: ChoiceKind;
  /** Option texts for single/multiple; ignored (must be empty) for a motion. */
  options: string[];
  maxSelections: number | null;
  opensAt: Date;
  closesAt: Date;
  tellerResidentId: string | null;
  scrutineerResidentId: string | null;
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

export type DraftCheck = { ok: true; choices: BallotChoice[]; maxSelections: number } | { ok: false; problems: FieldProblem[] };

/** The rules across fields that a DTO cannot express; every problem at once, by field. */
export function checkDraft(draft: DraftFields): DraftCheck {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string): void => {
    const existing = problems.find((p) => p.field === field);
    if (existing) existing.messages.push(message);
    else problems.push({ field, messages: [message] });
  };
  const motion = draft.choiceKind === 'motion';
  const ruleProblem = checkDecisionRule(draft.rule, draft.electorate, motion);
  if (ruleProblem) add('rule', ruleProblem);

  const options = draft.options.map((o) => o.trim());
  if (motion) {
    if (options.length > 0) add('options', '同意/反对/弃权的表决不需要填写选项');
  } else {
    if (options.length < BALLOT_OPTIONS_MIN || options.length > BALLOT_OPTIONS_MAX) {
      add('options', `请填写 ${BALLOT_OPTIONS_MIN}–${BALLOT_OPTIONS_MAX} 个选项`);
    }
    if (options.some((o) => o.length === 0 || o.length > BALLOT_OPTION_LABEL_MAX)) add('options', `每个选项 1–${BALLOT_OPTION_LABEL_MAX} 个字`);
    if (new Set(options).size !== options.length) add('options', '选项不能重复');
  }
  let maxSelections = 1;
  if (draft.choiceKind === 'multiple') {
    maxSelections = draft.maxSelections ?? options.length;
    if (maxSelections < 1 || maxSelections > Math.max(1, options.length)) add('maxSelections', `最多可选几项应在 1 到 ${options.length} 之间`);
  } else if (draft.maxSelections !== null && draft.maxSelections !== 1) {
    add('maxSelections', '只有多选题可以设置最多选几项');
  }

  if (draft.closesAt.getTime() <= draft.opensAt.getTime()) add('closesAt', '截止时间必须晚于开始时间');

  const tellers = [draft.tellerResidentId, draft.scrutineerResidentId];
  if (tellers.filter(Boolean).length === 1) add('scrutineerResidentId', '计票人和监票人要同时指定（只在网上投票时都不用指定）');
  if (draft.tellerResidentId && draft.tellerResidentId === draft.scrutineerResidentId) {
    add('scrutineerResidentId', '计票人和监票人必须是两个不同的人');
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, choices: buildChoices(draft.choiceKind, options), maxSelections };
}
