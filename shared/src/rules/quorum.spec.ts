import {
  assessQuorum,
  checkDecisionRule,
  describeRule,
  neededFor,
  tallyBallot,
  TWO_THIRDS,
  HALF,
  type DecisionRule,
  type Electorate,
  type MotionCounts,
  type TallyInput,
} from './quorum';

const rule = (body: DecisionRule['body'], override: DecisionRule['override'] = null): DecisionRule => ({ body, override });
const motion = (f: number, a = 0, ab = 0): TallyInput['counts'] => ({ kind: 'motion', counts: { for: f, against: a, abstain: ab } satisfies MotionCounts });

describe('neededFor', () => {
  it.each([
    // whole, threshold, strict, needed
    [85, TWO_THIRDS, false, 57], // 56.67 → 57
    [60, TWO_THIRDS, false, 40], // exactly 40
    [15, TWO_THIRDS, false, 10],
    [60, HALF, true, 31], // more than 30
    [61, HALF, true, 31], // more than 30.5
    [6, HALF, false, 3], // half or more
    [0, HALF, true, 1],
  ])('%i × %o (strict %s) → %i', (whole, threshold, strict, needed) => {
    expect(neededFor(whole, threshold, strict)).toBe(needed);
  });
});

describe('assessQuorum', () => {
  type Row = [string, DecisionRule, Electorate, number, number, boolean, string];
  const table: Row[] = [
    // name, rule, electorate, eligible, participated, met, explanation contains
    ['households: 2/3 boundary below', rule('villager_assembly'), 'households', 85, 56, false, '参与 56/85 户（66%），达到三分之二？否，还差 1 户'],
    ['households: 2/3 boundary reached', rule('villager_assembly'), 'households', 85, 57, true, '参与 57/85 户（67%），达到三分之二？是'],
    ['households: the issue example', rule('villager_assembly'), 'households', 85, 43, false, '参与 43/85 户（51%），达到三分之二？否，还差 14 户'],
    ['households: exactly two thirds', rule('villager_assembly'), 'households', 60, 40, true, '达到三分之二？是'],
    ['households: one short of two thirds', rule('villager_assembly'), 'households', 60, 39, false, '还差 1 户'],
    ['adults: exactly half fails', rule('villager_assembly'), 'adult_residents', 200, 100, false, '参与 100/200 名成年村民（50%），超过半数？否，还差 1 人'],
    ['adults: one over half', rule('villager_assembly'), 'adult_residents', 200, 101, true, '超过半数？是'],
    ['adults: odd whole', rule('villager_assembly'), 'adult_residents', 203, 102, true, '超过半数？是'],
    ['representatives: exactly two thirds by person', rule('representative_assembly'), 'villager_reps', 15, 10, true, '参与 10/15 人（67%），达到三分之二？是'],
    ['representatives: one short', rule('representative_assembly'), 'villager_reps', 15, 9, false, '还差 1 人'],
    ['party: two thirds present', rule('party_assembly'), 'party_members', 15, 10, true, '达到三分之二？是'],
    ['committee: exactly half present counts (半数以上)', rule('committee_meeting'), 'committee_members', 6, 3, true, '达到半数？是'],
    ['committee: under half', rule('committee_meeting'), 'committee_members', 6, 2, false, '还差 1 人'],
    ['zero participation', rule('villager_assembly'), 'households', 85, 0, false, '参与 0/85 户（0%），达到三分之二？否，还差 57 户'],
    ['empty electorate', rule('representative_assembly'), 'villager_reps', 0, 0, false, '表决名单里没有人'],
    ['poll: no quorum at all', rule('poll'), 'households', 85, 1, true, '民意征询不设参与人数要求'],
  ];
  it.each(table)('%s', (_name, r, electorate, eligible, participated, met, text) => {
    const q = assessQuorum({ rule: r, electorate, turnout: { eligible, participated } });
    expect(q.met).toBe(met);
    expect(q.explanation).toContain(text);
  });

  it('accepts a 村民会议 of adults through either basis (OL art. 22)', () => {
    const byHouseholds = assessQuorum({
      rule: rule('villager_assembly'),
      electorate: 'adult_residents',
      turnout: { eligible: 200, participated: 90 },
      householdTurnout: { eligible: 85, participated: 57 },
    });
    expect(byHouseholds.met).toBe(true);
    expect(byHouseholds.checks.map((c) => [c.basis, c.met])).toEqual([
      ['adults', false],
      ['households', true],
    ]);
    expect(byHouseholds.explanation).toContain('户代表参与 57/85 户（67%），达到三分之二？是');
    expect(byHouseholds.explanation).toContain('满足其一即可');

    const neither = assessQuorum({
      rule: rule('villager_assembly'),
      electorate: 'adult_residents',
      turnout: { eligible: 200, participated: 100 },
      householdTurnout: { eligible: 85, participated: 56 },
    });
    expect(neither.met).toBe(false);
    expect(neither.explanation).toMatch(/^村民会议人数不够/);
  });

  it('refuses impossible counts', () => {
    expect(() => assessQuorum({ rule: rule('poll'), electorate: 'households', turnout: { eligible: 3, participated: 4 } })).toThrow(RangeError);
    expect(() => assessQuorum({ rule: rule('poll'), electorate: 'households', turnout: { eligible: 3, participated: -1 } })).toThrow(RangeError);
    expect(() => assessQuorum({ rule: rule('poll'), electorate: 'households', turnout: { eligible: 3.5, participated: 1 } })).toThrow(RangeError);
  });
});

describe('tallyBallot', () => {
  type Row = [string, DecisionRule, Electorate, number, number, TallyInput['counts'], string, string];
  const table: Row[] = [
    // name, rule, electorate, eligible, participated, counts, outcome, explanation contains
    ['村民会议 passes with one over half', rule('villager_assembly'), 'households', 85, 60, motion(31, 20, 9), 'passed', '同意 31/60 户（52%），超过参与户数的半数？是'],
    ['exactly half of participants fails', rule('villager_assembly'), 'households', 85, 60, motion(30, 20, 10), 'rejected', '同意 30/60 户（50%），超过参与户数的半数？否（至少要 31 户同意）'],
    ['blank papers count as taking part', rule('villager_assembly'), 'households', 85, 60, motion(30, 0, 0), 'rejected', '至少要 31 户同意'],
    ['quorum not met makes it invalid whatever the votes', rule('villager_assembly'), 'households', 85, 56, motion(56), 'invalid', '表决无效'],
    ['zero participation is invalid', rule('representative_assembly'), 'villager_reps', 15, 0, motion(0), 'invalid', '还差 10 人'],
    ['empty electorate is invalid', rule('villager_assembly'), 'households', 0, 0, motion(0), 'invalid', '表决名单里没有人'],
    ['村民代表会议 passes with a majority of those present', rule('representative_assembly'), 'villager_reps', 15, 10, motion(6, 4), 'passed', '同意 6/10 人'],
    ['党员大会: a majority of those present is not enough', rule('party_assembly'), 'party_members', 15, 10, motion(7, 3), 'rejected', '同意 7/15 人（47%），超过全体党员的半数？否（至少要 8 人同意）'],
    ['党员大会: more than half of all members passes', rule('party_assembly'), 'party_members', 15, 10, motion(8, 2), 'passed', '超过全体党员的半数？是'],
    ['党员大会: exactly half of all members fails', rule('party_assembly'), 'party_members', 16, 12, motion(8, 4), 'rejected', '同意 8/16 人（50%）'],
    ['委员会: more than half of all members', rule('committee_meeting'), 'committee_members', 7, 4, motion(4), 'passed', '同意 4/7 人'],
    ['委员会: majority of the present but not of all', rule('committee_meeting'), 'committee_members', 7, 4, motion(3, 1), 'rejected', '至少要 4 人同意'],
    ['override: 2/3 of all households agree', rule('villager_assembly', 'land_contracting_plan'), 'households', 85, 60, motion(57, 3), 'passed', '同意 57/85 户（67%），达到全村户数的三分之二？是'],
    ['override: 56/60 is a majority but not 2/3 of all', rule('villager_assembly', 'land_adjustment'), 'households', 85, 60, motion(56, 4), 'rejected', '《农村土地承包法》第二十八条'],
    ['override: representatives exactly two thirds', rule('representative_assembly', 'outside_contracting'), 'villager_reps', 15, 12, motion(10, 2), 'passed', '同意 10/15 人（67%），达到全体组成人员的三分之二？是'],
    ['override: representatives one short', rule('representative_assembly', 'outside_contracting'), 'villager_reps', 15, 15, motion(9, 6), 'rejected', '至少要 10 人同意'],
    ['override still needs the quorum', rule('villager_assembly', 'land_contracting_plan'), 'households', 85, 56, motion(56), 'invalid', '还差 1 户'],
  ];
  it.each(table)('%s', (_name, r, electorate, eligible, participated, counts, outcome, text) => {
    const tally = tallyBallot({ rule: r, electorate, turnout: { eligible, participated }, counts });
    expect(tally.outcome).toBe(outcome);
    expect(tally.explanation + tally.lines.join('\n')).toContain(text);
  });

  it('lists every step for the result page', () => {
    const tally = tallyBallot({ rule: rule('villager_assembly'), electorate: 'households', turnout: { eligible: 85, participated: 60 }, counts: motion(41, 12, 5) });
    expect(tally.lines).toEqual([
      `表决规则：${describeRule(rule('villager_assembly'))}`,
      '应参与 85 户，实际参与 60 户',
      '村民会议有效：参与 60/85 户（71%），达到三分之二？是',
      '同意 41，反对 12，弃权 5，未投或废票 2',
      '同意 41/60 户（68%），超过参与户数的半数？是',
      '结论：通过',
    ]);
    expect(tally.decision).toMatchObject({ basis: 'participants', votesFor: 41, of: 60, needed: 31, met: true });
  });

  describe('polls (民意征询)', () => {
    const options = (...counts: number[]): TallyInput['counts'] => ({
      kind: 'options',
      options: counts.map((count, i) => ({ key: `o${i + 1}`, label: ['修路', '装路灯', '建广场'][i], count })),
    });
    const poll = (participated: number, counts: TallyInput['counts'], eligible = 85) =>
      tallyBallot({ rule: rule('poll'), electorate: 'households', turnout: { eligible, participated }, counts });

    it('names the option with most votes, whatever the turnout', () => {
      const t = poll(3, options(2, 1, 0));
      expect(t).toMatchObject({ outcome: 'polled', leaders: ['o1'], decision: null });
      expect(t.explanation).toBe('征询结束：“修路”得票最多（2 票）');
    });

    it('reports a tie as a tie', () => {
      const t = poll(40, options(20, 20, 0));
      expect(t.leaders).toEqual(['o1', 'o2']);
      expect(t.explanation).toBe('征询结束：“修路”、“装路灯”并列得票最多（各 20 票）');
    });

    it('says so when nobody answered', () => {
      expect(poll(0, options(0, 0, 0))).toMatchObject({ outcome: 'polled', leaders: [], explanation: '征询结束：没有人作答' });
    });

    it('lets a multiple-choice poll count more selections than people', () => {
      expect(poll(10, options(9, 8, 7)).leaders).toEqual(['o1']);
    });

    it('is invalid with nobody on the list', () => {
      expect(poll(0, options(0, 0, 0), 0).outcome).toBe('invalid');
    });
  });

  it('refuses counts that cannot be', () => {
    const base = { rule: rule('villager_assembly'), electorate: 'households' as const, turnout: { eligible: 85, participated: 60 } };
    expect(() => tallyBallot({ ...base, counts: motion(40, 20, 1) })).toThrow(RangeError);
    expect(() => tallyBallot({ ...base, counts: motion(-1) })).toThrow(RangeError);
    expect(() => tallyBallot({ ...base, counts: { kind: 'options', options: [{ key: 'a', label: 'A', count: 1 }] } })).toThrow(RangeError);
  });
});

describe('checkDecisionRule', () => {
  it.each([
    [rule('villager_assembly'), 'households', true, null],
    [rule('villager_assembly'), 'adult_residents', true, null],
    [rule('villager_assembly'), 'party_members', true, '村民会议的表决人应是'],
    [rule('representative_assembly', 'land_adjustment'), 'villager_reps', true, null],
    [rule('party_assembly', 'land_adjustment'), 'party_members', true, '须由村民会议或村民代表会议表决'],
    [rule('committee_meeting'), 'committee_members', false, '多个选项的问题请用民意征询'],
    [rule('poll'), 'adult_residents', false, null],
    [rule('poll'), 'party_members', true, null],
  ] as [DecisionRule, Electorate, boolean, string | null][])('%o with %s (motion %s)', (r, electorate, isMotion, problem) => {
    const result = checkDecisionRule(r, electorate, isMotion);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });
});
