import {
  BALLOT_OUTCOME_LABELS,
  BALLOT_SECRECY_LABELS,
  DECISION_BODY_LABELS,
  ELECTORATE_LABELS,
  NOTICE_TITLE_MAX,
  tallyBallot,
  VOTER_UNIT_LABELS,
  voterUnitOf,
  type BallotChoice,
  type BallotSecrecy,
  type BallotTally,
  type ChoiceCount,
  type ChoiceKind,
  type DecisionRule,
  type Electorate,
  type Turnout,
} from '@village/shared';

export interface ResultInput {
  rule: DecisionRule;
  electorate: Electorate;
  choiceKind: ChoiceKind;
  choices: BallotChoice[];
  eligible: number;
  online: number;
  inPerson: number;
  /** 村民会议 of adults: households whose representative took part. */
  householdTurnout: Turnout | null;
  /** Online choices per key (open votes, or secret receipts). */
  onlineCounts: Record<string, number>;
  /** From the confirmed paper count; zeros without one. */
  paperCounts: Record<string, number>;
}

export interface ComputedResult {
  tally: BallotTally;
  counts: ChoiceCount[];
}

/** Online plus paper per choice, and the shared rules' verdict on them. */
export function computeResult(input: ResultInput): ComputedResult {
  const counts: ChoiceCount[] = input.choices.map((c) => {
    const online = input.onlineCounts[c.key] ?? 0;
    const inPerson = input.paperCounts[c.key] ?? 0;
    return { key: c.key, label: c.label, online, inPerson, total: online + inPerson };
  });
  const total = (key: string): number => counts.find((c) => c.key === key)?.total ?? 0;
  const tally = tallyBallot({
    rule: input.rule,
    electorate: input.electorate,
    turnout: { eligible: input.eligible, participated: input.online + input.inPerson },
    householdTurnout: input.householdTurnout,
    counts:
      input.choiceKind === 'motion'
        ? { kind: 'motion', counts: { for: total('for'), against: total('against'), abstain: total('abstain') } }
        : { kind: 'options', options: counts.map((c) => ({ key: c.key, label: c.label, count: c.total })) },
  });
  return { tally, counts };
}

export interface ResultNoticeInput {
  title: string;
  rule: DecisionRule;
  electorate: Electorate;
  secrecy: BallotSecrecy;
  opensAt: string;
  closesAt: string;
  closedAt: string;
  eligible: number;
  online: number;
  inPerson: number;
  papers: number;
  tally: BallotTally;
  counts: ChoiceCount[];
  receiptCount: number | null;
}

/** The result notice (村务公开), in the notice body's Markdown subset: headline, table, every step. */
export function resultNotice(input: ResultNoticeInput): { title: string; body: string } {
  const prefix = '表决结果：';
  const room = NOTICE_TITLE_MAX - prefix.length;
  const title = prefix + (input.title.length > room ? `${input.title.slice(0, room - 1)}…` : input.title);
  const unit = VOTER_UNIT_LABELS[voterUnitOf(input.electorate)];
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const lines = [
    `# ${input.title}`,
    '',
    `**结论：${BALLOT_OUTCOME_LABELS[input.tally.outcome]}**`,
    '',
    input.tally.explanation,
    '',
    `表决方式：${DECISION_BODY_LABELS[input.rule.body]}，${ELECTORATE_LABELS[input.electorate]}，${BALLOT_SECRECY_LABELS[input.secrecy]}。`,
    `投票时间：${input.opensAt} 至 ${input.closesAt}（北京时间），${input.closedAt} 计票。`,
    `应参与 ${input.eligible} ${unit}，实际参与 ${input.online + input.inPerson} ${unit}：线上 ${input.online} ${unit}，现场 ${input.inPerson} ${unit}${input.inPerson > 0 ? `（交回纸质票 ${input.papers} 张）` : ''}。`,
    '',
    '| 选项 | 线上 | 现场 | 合计 |',
    '|---|---|---|---|',
    ...input.counts.map((c) => `| ${cell(c.label)} | ${c.online} | ${c.inPerson} | ${c.total} |`),
    '',
    '## 计票说明',
    '',
    ...input.tally.lines.map((line, i) => `${i + 1}. ${line}`),
  ];
  if (input.receiptCount !== null) {
    lines.push(
      '',
      `本次为无记名投票，共有 ${input.receiptCount} 张线上回执。每张回执码和它所投的选项都已在小程序“表决”中公开：投票人可以查到自己的回执，任何人都可以重新合计。`,
    );
  }
  return { title, body: lines.join('\n') };
}
