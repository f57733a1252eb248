import { exceeds, percent, reachesAtLeast, type Fraction } from './share';

/*
 * When a vote counts and when it passes (DOMAIN.md §3), as pure functions over counts, so the server
 * decides and the mini-program explains with the same words and the same exact integer maths.
 *
 * 村民会议 (OL art. 22): valid when more than half of the adult villagers, or at least two thirds of
 *   the households' representatives, take part; a decision passes with more than half of those taking part.
 * 村民代表会议 (OL art. 26): valid with at least two thirds of its members; passes with more than half
 *   of those taking part.
 * 党员大会 (四议两公开, DOMAIN.md §2 stage 3): valid with at least two thirds of party members
 *   present; passes with more than half of ALL party members.
 * 委员会会议 (两委/支委会; 《中国共产党支部工作条例》): valid with at least half of the members present
 *   (半数以上, which includes exactly half); passes with more than half of ALL members.
 * 民意征询 (poll): no quorum; the option with most votes leads (ties are reported as ties).
 * Matter overrides (农村土地承包法 art. 19, 28, 52): the plan passes only with the agreement of at
 *   least two thirds of the 村民会议's members or of the villager representatives — of everyone
 *   entitled, not of those who turned up.
 *
 * Chinese legal wording: "过半数" / "超过半数" is strictly more than half (exactly half fails);
 * "三分之二以上" / "半数以上" include the bound (以上包括本数).
 */

export const HALF: Fraction = { numerator: 1, denominator: 2 };
export const TWO_THIRDS: Fraction = { numerator: 2, denominator: 3 };

/** Who may vote on a ballot; frozen into an eligibility list when the ballot opens. */
export const ELECTORATES = ['households', 'adult_residents', 'villager_reps', 'party_members', 'committee_members'] as const;
export type Electorate = (typeof ELECTORATES)[number];
export const ELECTORATE_LABELS: Record<Electorate, string> = {
  households: '全村各户（一户一票，由户代表投）',
  adult_residents: '全村年满 18 周岁的村民',
  villager_reps: '村民代表会议组成人员',
  party_members: '全体党员',
  committee_members: '村“两委”委员',
};

/** The body whose rule decides the ballot. */
export const DECISION_BODIES = ['villager_assembly', 'representative_assembly', 'party_assembly', 'committee_meeting', 'poll'] as const;
export type DecisionBody = (typeof DECISION_BODIES)[number];
export const DECISION_BODY_LABELS: Record<DecisionBody, string> = {
  villager_assembly: '村民会议',
  representative_assembly: '村民代表会议',
  party_assembly: '党员大会',
  committee_meeting: '委员会会议',
  poll: '民意征询',
};

/** Matter types whose law raises the bar to two thirds of everyone entitled (农村土地承包法). */
export const MATTER_OVERRIDES = ['land_contracting_plan', 'land_adjustment', 'outside_contracting'] as const;
export type MatterOverride = (typeof MATTER_OVERRIDES)[number];
export const MATTER_OVERRIDE_LABELS: Record<MatterOverride, string> = {
  land_contracting_plan: '土地承包经营方案',
  land_adjustment: '调整承包地',
  outside_contracting: '发包给本集体经济组织以外的单位或个人',
};
export const MATTER_OVERRIDE_BASIS: Record<MatterOverride, string> = {
  land_contracting_plan: '《农村土地承包法》第十九条',
  land_adjustment: '《农村土地承包法》第二十八条',
  outside_contracting: '《农村土地承包法》第五十二条',
};

export interface DecisionRule {
  body: DecisionBody;
  /** Only with 村民会议 or 村民代表会议. */
  override: MatterOverride | null;
}

/** Households are counted in 户, everyone else in 人. */
export type VoterUnit = 'household' | 'person';
export const VOTER_UNIT_LABELS: Record<VoterUnit, string> = { household: '户', person: '人' };

export function voterUnitOf(electorate: Electorate): VoterUnit {
  return electorate === 'households' ? 'household' : 'person';
}

/** Which electorates each body votes with; polls may ask anyone. */
export const ELECTORATES_BY_BODY: Record<DecisionBody, readonly Electorate[]> = {
  villager_assembly: ['households', 'adult_residents'],
  representative_assembly: ['villager_reps'],
  party_assembly: ['party_members'],
  committee_meeting: ['committee_members'],
  poll: ELECTORATES,
};

/** Why this rule cannot be used with this electorate and choice kind; null when it can. */
export function checkDecisionRule(rule: DecisionRule, electorate: Electorate, motion: boolean): string | null {
  const body = DECISION_BODY_LABELS[rule.body];
  if (!ELECTORATES_BY_BODY[rule.body].includes(electorate)) {
    const allowed = ELECTORATES_BY_BODY[rule.body].map((e) => ELECTORATE_LABELS[e]).join('或');
    return `${body}的表决人应是${allowed}，不能选“${ELECTORATE_LABELS[electorate]}”`;
  }
  if (rule.override && rule.body !== 'villager_assembly' && rule.body !== 'representative_assembly') {
    return `“${MATTER_OVERRIDE_LABELS[rule.override]}”须由村民会议或村民代表会议表决，不能由${body}表决`;
  }
  if (rule.body === 'poll' && motion) return null;
  if (rule.body !== 'poll' && !motion) return `${body}表决只能用“同意、反对、弃权”，多个选项的问题请用民意征询`;
  return null;
}

// ---------------------------------------------------------------- counting helpers

/** How many took part out of how many were entitled, in one unit. */
export interface Turnout {
  eligible: number;
  participated: number;
}

function assertTurnout(t: Turnout): void {
  if (!Number.isInteger(t.eligible) || !Number.isInteger(t.participated) || t.eligible < 0 || t.participated < 0) {
    throw new RangeError('人数必须是非负整数');
  }
  if (t.participated > t.eligible) throw new RangeError(`参与 ${t.participated} 超过了应参与的 ${t.eligible}`);
}

/** The smallest part of `whole` that satisfies the threshold (≥ or, when strict, >). */
export function neededFor(whole: number, threshold: Fraction, strict: boolean): number {
  const floor = Math.floor((threshold.numerator * whole) / threshold.denominator);
  const exact = floor * threshold.denominator === threshold.numerator * whole;
  if (strict) return floor + 1;
  return exact ? floor : floor + 1;
}

function fractionName(threshold: Fraction): string {
  return threshold.numerator === 1 && threshold.denominator === 2 ? '半数' : fractionWords(threshold);
}

function thresholdWords(threshold: Fraction, strict: boolean): string {
  return `${strict ? '超过' : '达到'}${fractionName(threshold)}`;
}

function fractionWords(f: Fraction): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const n = (k: number): string => digits[k] ?? String(k);
  return `${n(f.denominator)}分之${n(f.numerator)}`;
}

function meets(part: number, whole: number, threshold: Fraction, strict: boolean): boolean {
  return strict ? exceeds(part, whole, threshold) : reachesAtLeast(part, whole, threshold);
}

const yesNo = (ok: boolean): string => (ok ? '是' : '否');

// ---------------------------------------------------------------- quorum

export type QuorumBasis = 'adults' | 'households' | 'members';

/** One way of reaching the quorum, e.g. "≥ 2/3 of households". */
export interface QuorumCheck {
  basis: QuorumBasis;
  unit: VoterUnit;
  eligible: number;
  participated: number;
  threshold: Fraction;
  /** true: strictly more than the threshold (过半数). */
  strict: boolean;
  met: boolean;
  /** How many more must take part; 0 once met. */
  shortfall: number;
  /** "参与 43/85 户（51%），达到三分之二？否，还差 14 户" */
  explanation: string;
}

export interface QuorumAssessment {
  /** false for polls: no quorum applies. */
  required: boolean;
  met: boolean;
  /** Any one check met is enough (村民会议 has two; the others one; polls none). */
  checks: QuorumCheck[];
  /** One sentence: "村民会议有效：参与 60/85 户（71%），达到三分之二". */
  explanation: string;
}

function quorumCheck(basis: QuorumBasis, unit: VoterUnit, turnout: Turnout, threshold: Fraction, strict: boolean, viaRepresentatives = false): QuorumCheck {
  assertTurnout(turnout);
  const { eligible, participated } = turnout;
  const met = eligible > 0 && meets(participated, eligible, threshold, strict);
  const needed = neededFor(eligible, threshold, strict);
  const shortfall = met ? 0 : Math.max(0, needed - participated);
  const u = VOTER_UNIT_LABELS[unit];
  const share = `${participated}/${eligible} ${basis === 'adults' ? '名成年村民' : u}（${percent(participated, eligible)}%）`;
  const base = `${viaRepresentatives ? '户代表参与' : '参与'} ${share}，${thresholdWords(threshold, strict)}？${yesNo(met)}`;
  const explanation = met || eligible === 0 ? base : `${base}，还差 ${shortfall} ${u}`;
  return { basis, unit, eligible, participated, threshold, strict, met, shortfall, explanation };
}

export interface QuorumInput {
  rule: DecisionRule;
  electorate: Electorate;
  /** In the electorate's unit: households for a household ballot, persons otherwise. */
  turnout: Turnout;
  /**
   * 村民会议 with adult residents voting: households whose representative (as frozen at opening)
   * took part, out of households with a representative — the other way to reach the quorum.
   */
  householdTurnout?: Turnout | null;
}

/** Whether enough took part for the ballot to count. */
export function assessQuorum(input: QuorumInput): QuorumAssessment {
  const { rule, electorate, turnout } = input;
  const unit = voterUnitOf(electorate);
  const body = DECISION_BODY_LABELS[rule.body];
  assertTurnout(turnout);
  if (turnout.eligible === 0) {
    return { required: true, met: false, checks: [], explanation: `${body}无效：表决名单里没有人（应参与 0 ${VOTER_UNIT_LABELS[unit]}）` };
  }
  let checks: QuorumCheck[];
  switch (rule.body) {
    case 'poll':
      return {
        required: false,
        met: true,
        checks: [],
        explanation: `民意征询不设参与人数要求：参与 ${turnout.participated}/${turnout.eligible} ${VOTER_UNIT_LABELS[unit]}（${percent(turnout.participated, turnout.eligible)}%）`,
      };
    case 'villager_assembly':
      checks =
        electorate === 'households'
          ? [quorumCheck('households', 'household', turnout, TWO_THIRDS, false)]
          : [
              quorumCheck('adults', 'person', turnout, HALF, true),
              ...(input.householdTurnout ? [quorumCheck('households', 'household', input.householdTurnout, TWO_THIRDS, false, true)] : []),
            ];
      break;
    case 'representative_assembly':
    case 'party_assembly':
      checks = [quorumCheck('members', unit, turnout, TWO_THIRDS, false)];
      break;
    case 'committee_meeting':
      checks = [quorumCheck('members', unit, turnout, HALF, false)];
      break;
    default:
      return assertNeverRule(rule.body);
  }
  const met = checks.some((c) => c.met);
  const chosen = checks.find((c) => c.met) ?? checks[0];
  const how = checks.length > 1 ? `${checks.map((c) => c.explanation).join('；')}（满足其一即可）` : chosen.explanation;
  return { required: true, met, checks, explanation: `${body}${met ? '有效' : '人数不够'}：${how}` };
}

function assertNeverRule(value: never): never {
  throw new Error(`未知的表决规则：${String(value)}`);
}

// ---------------------------------------------------------------- decision

export const MOTION_CHOICES = ['for', 'against', 'abstain'] as const;
export type MotionChoice = (typeof MOTION_CHOICES)[number];
export const MOTION_CHOICE_LABELS: Record<MotionChoice, string> = { for: '同意', against: '反对', abstain: '弃权' };

export interface MotionCounts {
  for: number;
  against: number;
  abstain: number;
}

export interface OptionCount {
  key: string;
  label: string;
  count: number;
}

export type TallyCounts = { kind: 'motion'; counts: MotionCounts } | { kind: 'options'; options: OptionCount[] };

/** Against whom "for" is measured: those who took part, or everyone entitled. */
export type DecisionBasis = 'participants' | 'members';

export interface DecisionAssessment {
  basis: DecisionBasis;
  threshold: Fraction;
  strict: boolean;
  /** Votes for. */
  votesFor: number;
  /** The denominator: participants, or everyone entitled. */
  of: number;
  /** The least number of votes for that would pass. */
  needed: number;
  met: boolean;
  /** "同意 45/60 户（75%），超过参与户数的半数？是" */
  explanation: string;
  /** The legal source of the bar, when it is an override. */
  legalBasis: string | null;
}

export const BALLOT_OUTCOMES = ['passed', 'rejected', 'invalid', 'polled'] as const;
export type BallotOutcome = (typeof BALLOT_OUTCOMES)[number];
export const BALLOT_OUTCOME_LABELS: Record<BallotOutcome, string> = {
  passed: '通过',
  rejected: '未通过',
  invalid: '无效（参与人数不够）',
  polled: '征询结束',
};

export interface TallyInput extends QuorumInput {
  counts: TallyCounts;
}

export interface BallotTally {
  outcome: BallotOutcome;
  quorum: QuorumAssessment;
  /** null for polls and when the quorum failed. */
  decision: DecisionAssessment | null;
  /** Polls: keys of the option(s) with most votes (several on a tie, none when nobody answered). */
  leaders: string[];
  /** The headline: "表决通过：…" */
  explanation: string;
  /** Every step in order, for the result page and the published notice. */
  lines: string[];
}

function assertCounts(counts: TallyCounts, participated: number): void {
  const values = counts.kind === 'motion' ? [counts.counts.for, counts.counts.against, counts.counts.abstain] : counts.options.map((o) => o.count);
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError('票数必须是非负整数');
  }
  if (counts.kind === 'motion') {
    const sum = values.reduce((a, b) => a + b, 0);
    if (sum > participated) throw new RangeError(`同意、反对、弃权合计 ${sum} 票，超过了参与的 ${participated}`);
  } else if (values.some((v) => v > participated)) {
    throw new RangeError(`某个选项的票数超过了参与的 ${participated}`);
  }
}

const MEMBERS_WORD: Partial<Record<DecisionBody, string>> = {
  party_assembly: '全体党员',
  committee_meeting: '全体委员',
  representative_assembly: '全体组成人员',
};

function decide(rule: DecisionRule, electorate: Electorate, turnout: Turnout, votesFor: number): DecisionAssessment {
  const unit = VOTER_UNIT_LABELS[voterUnitOf(electorate)];
  let basis: DecisionBasis;
  let threshold: Fraction;
  let strict: boolean;
  let legalBasis: string | null = null;
  if (rule.override) {
    basis = 'members';
    threshold = TWO_THIRDS;
    strict = false;
    legalBasis = MATTER_OVERRIDE_BASIS[rule.override];
  } else if (rule.body === 'party_assembly' || rule.body === 'committee_meeting') {
    basis = 'members';
    threshold = HALF;
    strict = true;
  } else {
    basis = 'participants';
    threshold = HALF;
    strict = true;
  }
  const of = basis === 'participants' ? turnout.participated : turnout.eligible;
  const met = of > 0 && meets(votesFor, of, threshold, strict);
  const needed = neededFor(of, threshold, strict);
  const whom = basis === 'participants' ? `参与${unit}数` : MEMBERS_WORD[rule.body] ?? (electorate === 'households' ? '全村户数' : '全体成员');
  let explanation = `同意 ${votesFor}/${of} ${unit}（${percent(votesFor, of)}%），${strict ? '超过' : '达到'}${whom}的${fractionName(threshold)}？${yesNo(met)}`;
  if (!met) explanation += `（至少要 ${needed} ${unit}同意）`;
  if (rule.override) {
    explanation += `。${MATTER_OVERRIDE_LABELS[rule.override]}须经三分之二以上成员或者三分之二以上村民代表同意（${legalBasis}）`;
  }
  return { basis, threshold, strict, votesFor, of, needed, met, explanation, legalBasis };
}

/** The outcome of a closed ballot, with every step explained in Chinese. */
export function tallyBallot(input: TallyInput): BallotTally {
  const { rule, electorate, turnout, counts } = input;
  const quorum = assessQuorum(input);
  assertCounts(counts, turnout.participated);
  const unit = VOTER_UNIT_LABELS[voterUnitOf(electorate)];
  const body = DECISION_BODY_LABELS[rule.body];
  const lines: string[] = [`表决规则：${describeRule(rule)}`, `应参与 ${turnout.eligible} ${unit}，实际参与 ${turnout.participated} ${unit}`, quorum.explanation];

  if (counts.kind === 'motion') {
    const c = counts.counts;
    const blank = turnout.participated - c.for - c.against - c.abstain;
    lines.push(`同意 ${c.for}，反对 ${c.against}，弃权 ${c.abstain}${blank > 0 ? `，未投或废票 ${blank}` : ''}`);
  } else {
    lines.push(counts.options.map((o) => `${o.label} ${o.count}`).join('，'));
  }

  if (rule.body === 'poll') {
    const options = counts.kind === 'options' ? counts.options : motionAsOptions(counts.counts);
    const top = Math.max(0, ...options.map((o) => o.count));
    const leaders = top === 0 ? [] : options.filter((o) => o.count === top).map((o) => o.key);
    const names = options.filter((o) => leaders.includes(o.key)).map((o) => o.label);
    const explanation =
      turnout.eligible === 0
        ? '征询无效：名单里没有人'
        : leaders.length === 0
          ? '征询结束：没有人作答'
          : leaders.length === 1
            ? `征询结束：“${names[0]}”得票最多（${top} 票）`
            : `征询结束：${names.map((n) => `“${n}”`).join('、')}并列得票最多（各 ${top} 票）`;
    lines.push(explanation);
    return { outcome: turnout.eligible === 0 ? 'invalid' : 'polled', quorum, decision: null, leaders, explanation, lines };
  }

  if (!quorum.met) {
    const explanation = `表决无效：${quorum.explanation}`;
    lines.push(explanation);
    return { outcome: 'invalid', quorum, decision: null, leaders: [], explanation, lines };
  }
  if (counts.kind !== 'motion') throw new RangeError(`${body}表决只能用同意、反对、弃权`);
  const decision = decide(rule, electorate, turnout, counts.counts.for);
  lines.push(decision.explanation);
  const explanation = decision.met ? `表决通过：${decision.explanation}` : `表决未通过：${decision.explanation}`;
  lines.push(decision.met ? '结论：通过' : '结论：未通过');
  return { outcome: decision.met ? 'passed' : 'rejected', quorum, decision, leaders: [], explanation, lines };
}

function motionAsOptions(c: MotionCounts): OptionCount[] {
  return MOTION_CHOICES.map((key) => ({ key, label: MOTION_CHOICE_LABELS[key], count: c[key] }));
}

/** "村民会议：过半数成年村民或三分之二以上户代表参加，参加者过半数同意" */
export function describeRule(rule: DecisionRule): string {
  const body = DECISION_BODY_LABELS[rule.body];
  let text: string;
  switch (rule.body) {
    case 'villager_assembly':
      text = `${body}：本村十八周岁以上村民过半数，或者三分之二以上的户的代表参加，经到会人员过半数同意`;
      break;
    case 'representative_assembly':
      text = `${body}：三分之二以上组成人员参加，经到会人员过半数同意`;
      break;
    case 'party_assembly':
      text = `${body}：三分之二以上党员到会，赞成票超过应到会党员的半数`;
      break;
    case 'committee_meeting':
      text = `${body}：半数以上委员到会，赞成票超过应到会委员的半数`;
      break;
    case 'poll':
      return `${body}：不设参与人数要求，得票最多的选项居首`;
    default:
      return assertNeverRule(rule.body);
  }
  if (rule.override) {
    text = `${text}；${MATTER_OVERRIDE_LABELS[rule.override]}须经三分之二以上成员（或村民代表）同意（${MATTER_OVERRIDE_BASIS[rule.override]}）`;
  }
  return text;
}
