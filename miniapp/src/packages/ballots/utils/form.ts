/**
 * The committee's ballot form as plain data and pure rules: defaults, what each choice allows
 * (a 村民会议 votes by household or by adult; only a poll may have options), checks in words before
 * anything is sent, and the request body. Times are Beijing wall-clock ("2026-11-30" + "18:00"),
 * sent as ISO with +08:00 whatever zone the phone is in. The server checks everything again.
 */
import {
  BALLOT_DESCRIPTION_MAX,
  BALLOT_OPTION_LABEL_MAX,
  BALLOT_OPTIONS_MAX,
  BALLOT_OPTIONS_MIN,
  BALLOT_TITLE_MAX,
  ELECTORATES_BY_BODY,
  checkDecisionRule,
  type BallotDetail,
  type BallotDraftInput,
  type BallotSecrecy,
  type ChoiceKind,
  type DecisionBody,
  type Electorate,
  type MatterOverride,
} from '@village/shared';
import { messages } from '../../../constants/messages';

const m = messages.ballots;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface PersonRef {
  id: string;
  name: string;
  householdNumber: string | null;
}

export interface BallotForm {
  title: string;
  description: string;
  body: DecisionBody;
  electorate: Electorate;
  override: MatterOverride | null;
  secrecy: BallotSecrecy;
  choiceKind: ChoiceKind;
  /** single / multiple only. */
  options: string[];
  maxSelections: number;
  opensDay: string;
  opensTime: string;
  closesDay: string;
  closesTime: string;
  teller: PersonRef | null;
  scrutineer: PersonRef | null;
}

export type FormField = 'title' | 'description' | 'rule' | 'options' | 'maxSelections' | 'opens' | 'closes' | 'tellers';
export type FormErrors = Partial<Record<FormField, string>>;

/** Bodies whose law may raise the bar (农村土地承包法). */
export function allowsOverride(body: DecisionBody): boolean {
  return body === 'villager_assembly' || body === 'representative_assembly';
}

/** Only polls (民意征询) may ask with options; decisions are 同意/反对/弃权. */
export function choiceKindsFor(body: DecisionBody): ChoiceKind[] {
  return body === 'poll' ? ['motion', 'single', 'multiple'] : ['motion'];
}

function beijing(ms: number): { day: string; time: string } {
  const iso = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** "2026-11-30" → "11月30日", with the year when it is not this (Beijing) year. */
export function dayWords(day: string, nowMs: number = Date.now()): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const md = `${Number(match[2])}月${Number(match[3])}日`;
  return match[1] === beijing(nowMs).day.slice(0, 4) ? md : `${match[1]}年${md}`;
}

/** Beijing wall clock → ISO with the +08:00 offset the server expects. */
export function toIso(day: string, time: string): string {
  return `${day}T${time}:00+08:00`;
}

export function instantOf(day: string, time: string): number {
  return Date.parse(toIso(day, time));
}

/**
 * A new ballot: 村民会议 by household, 无记名, 同意/反对/弃权, from now (voting starts when it is
 * published: the server moves a past opening time to the moment of publishing) until 18:00 seven
 * days later.
 */
export function emptyForm(nowMs: number): BallotForm {
  const opens = beijing(nowMs);
  const closes = beijing(nowMs + 7 * 24 * 3_600_000);
  return {
    title: '',
    description: '',
    body: 'villager_assembly',
    electorate: 'households',
    override: null,
    secrecy: 'secret',
    choiceKind: 'motion',
    options: [],
    maxSelections: 1,
    opensDay: opens.day,
    opensTime: opens.time,
    closesDay: closes.day,
    closesTime: '18:00',
    teller: null,
    scrutineer: null,
  };
}

/** A draft as the form shows it. */
export function formFromBallot(b: BallotDetail): BallotForm {
  const opens = beijing(Date.parse(b.opensAt));
  const closes = beijing(Date.parse(b.closesAt));
  const options = b.choiceKind === 'motion' ? [] : b.choices.map((c) => c.label);
  return {
    title: b.title,
    description: b.description,
    body: b.rule.body,
    electorate: b.electorate,
    override: b.rule.override,
    secrecy: b.secrecy,
    choiceKind: b.choiceKind,
    options,
    maxSelections: b.maxSelections,
    opensDay: opens.day,
    opensTime: opens.time,
    closesDay: closes.day,
    closesTime: closes.time,
    teller: b.teller ? { id: b.teller.id, name: b.teller.name, householdNumber: null } : null,
    scrutineer: b.scrutineer ? { id: b.scrutineer.id, name: b.scrutineer.name, householdNumber: null } : null,
  };
}

/** Another body: keep what still fits, otherwise take its first electorate, no override, 同意/反对/弃权. */
export function withBody(form: BallotForm, body: DecisionBody): BallotForm {
  const electorates = ELECTORATES_BY_BODY[body];
  const kinds = choiceKindsFor(body);
  return {
    ...form,
    body,
    electorate: electorates.includes(form.electorate) ? form.electorate : electorates[0],
    override: allowsOverride(body) ? form.override : null,
    ...(kinds.includes(form.choiceKind) ? {} : { choiceKind: 'motion' as const, options: [], maxSelections: 1 }),
  };
}

/** Another choice kind: options start with two empty lines; at most as many selections as options. */
export function withChoiceKind(form: BallotForm, kind: ChoiceKind): BallotForm {
  if (kind === 'motion') return { ...form, choiceKind: kind, options: [], maxSelections: 1 };
  const options = form.options.length >= BALLOT_OPTIONS_MIN ? form.options : [...form.options, ...Array(BALLOT_OPTIONS_MIN - form.options.length).fill('')];
  const maxSelections = kind === 'single' ? 1 : Math.min(Math.max(form.maxSelections, 1), options.length);
  return { ...form, choiceKind: kind, options, maxSelections: kind === 'multiple' && form.choiceKind !== 'multiple' ? options.length : maxSelections };
}

export function withOptions(form: BallotForm, options: string[]): BallotForm {
  const max = form.choiceKind === 'multiple' ? Math.min(Math.max(1, form.maxSelections), Math.max(1, options.length)) : 1;
  return { ...form, options, maxSelections: max };
}

const length = (s: string) => Array.from(s).length;

/** Every problem, in words, by field; empty when the form may be sent. */
export function validateForm(form: BallotForm, nowMs: number): FormErrors {
  const errors: FormErrors = {};
  const title = form.title.trim();
  if (title === '') errors.title = m.titleMissing;
  else if (length(title) > BALLOT_TITLE_MAX) errors.title = m.titleHint(BALLOT_TITLE_MAX);
  if (length(form.description) > BALLOT_DESCRIPTION_MAX) errors.description = m.descriptionHint(BALLOT_DESCRIPTION_MAX);
  const rule = checkDecisionRule({ body: form.body, override: form.override }, form.electorate, form.choiceKind === 'motion');
  if (rule) errors.rule = rule;
  if (form.choiceKind !== 'motion') {
    const options = form.options.map((o) => o.trim());
    if (options.length < BALLOT_OPTIONS_MIN) errors.options = m.optionsTooFew(BALLOT_OPTIONS_MIN);
    else if (options.some((o) => o === '')) errors.options = m.optionEmpty;
    else if (options.some((o) => length(o) > BALLOT_OPTION_LABEL_MAX)) errors.options = m.optionHint(BALLOT_OPTION_LABEL_MAX);
    else if (new Set(options).size !== options.length) errors.options = m.optionsSame;
    else if (options.length > BALLOT_OPTIONS_MAX) errors.options = m.optionsTooMany(BALLOT_OPTIONS_MAX);
    if (form.choiceKind === 'multiple' && (form.maxSelections < 1 || form.maxSelections > options.length)) errors.maxSelections = m.maxSelectionsWrong(options.length);
  }
  const opens = instantOf(form.opensDay, form.opensTime);
  const closes = instantOf(form.closesDay, form.closesTime);
  if (Number.isNaN(opens)) errors.opens = m.timeMissing;
  if (Number.isNaN(closes)) errors.closes = m.timeMissing;
  else if (closes <= nowMs) errors.closes = m.closesPassed;
  else if (!Number.isNaN(opens) && closes <= opens) errors.closes = m.timesWrong;
  if (Boolean(form.teller) !== Boolean(form.scrutineer)) errors.tellers = m.tellersBoth;
  else if (form.teller && form.scrutineer && form.teller.id === form.scrutineer.id) errors.tellers = m.samePerson;
  return errors;
}

/**
 * The request body (create, or the fields of a patch). Options and maxSelections are always sent
 * (none and 1 for 同意/反对/弃权), so a patch from a poll back to a motion clears the old options.
 */
export function toInput(form: BallotForm): BallotDraftInput {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    electorate: form.electorate,
    rule: { body: form.body, override: allowsOverride(form.body) ? form.override : null },
    secrecy: form.secrecy,
    choiceKind: form.choiceKind,
    options: form.choiceKind === 'motion' ? [] : form.options.map((o) => o.trim()),
    maxSelections: form.choiceKind === 'multiple' ? form.maxSelections : 1,
    opensAt: toIso(form.opensDay, form.opensTime),
    closesAt: toIso(form.closesDay, form.closesTime),
    tellerResidentId: form.teller?.id ?? null,
    scrutineerResidentId: form.scrutineer?.id ?? null,
  };
}

/** Server field names → the form's fields, for VALIDATION_FAILED details. */
export function formFieldOf(serverField: string): FormField | null {
  const key = serverField.split('.')[0];
  switch (key) {
    case 'title':
    case 'description':
    case 'options':
    case 'maxSelections':
      return key;
    case 'rule':
    case 'electorate':
    case 'choiceKind':
      return 'rule';
    case 'opensAt':
      return 'opens';
    case 'closesAt':
      return 'closes';
    case 'tellerResidentId':
    case 'scrutineerResidentId':
      return 'tellers';
    default:
      return null;
  }
}
