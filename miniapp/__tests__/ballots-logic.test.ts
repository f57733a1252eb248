/**
 * The rules behind the 表决 pages, without rendering: countdown wording on the server's clock,
 * choosing (max selections), receipts kept on the phone, ring and bar maths (shared `percent`),
 * the committee's form, the paper count, attendance ticks, and the 议事 list's order and paging.
 */
import { assessQuorum, type BallotChoice } from '@village/shared';
import * as taro from '../__mocks__/taro';
import { conflictsOf, toggleTick, withoutConflicts } from '../src/packages/ballots/utils/attendance';
import { barBase, barModels, blankCount, passMarker, ringModel, thresholdWords } from '../src/packages/ballots/utils/chart';
import { dayWords, emptyForm, formFieldOf, formFromBallot, toInput, validateForm, withBody, withChoiceKind, withOptions } from '../src/packages/ballots/utils/form';
import { checkPaperForm, emptyPaperForm } from '../src/packages/ballots/utils/paper';
import {
  PENDING_MAX_AGE_MS,
  clearPendingVote,
  findReceipt,
  normaliseReceiptCode,
  readPendingVote,
  readReceipt,
  savePendingVote,
  saveReceipt,
} from '../src/packages/ballots/utils/receipts';
import { choiceLabels, confirmSentence, picksOne, selectionProblem, toggleChoice } from '../src/packages/ballots/utils/selection';
import { ballotTags, ballotUrl, myStatusWord, participationLine } from '../src/pages/council/BallotRow';
import { INITIAL_BOARD, boardReducer, hasMoreClosed, splitOpen } from '../src/pages/council/board';
import {
  ballotTimeLine,
  currentPhase,
  formatMoment,
  noteServerNow,
  remainingText,
  remainingUntil,
  resetServerClock,
  serverNowMs,
} from '../src/services/ballotTime';
import { makeBallotDetail, makeBallotItem, makeBallotPage, makeResult } from './factories/ballots';

const T = (iso: string) => Date.parse(iso);

beforeEach(() => {
  taro.resetTaroMock();
  resetServerClock();
});

describe('countdown on the server clock', () => {
  const closes = '2026-11-30T10:00:00.000Z'; // 18:00 in Beijing

  it('says 还剩 N 天 M 小时, then 小时 and 分钟, rounding up to whole minutes, and 已截止 after', () => {
    expect(remainingText(closes, T('2026-11-28T05:00:00Z'))).toBe('还剩 2 天 5 小时');
    expect(remainingText(closes, T('2026-11-28T10:00:00Z'))).toBe('还剩 2 天');
    expect(remainingText(closes, T('2026-11-30T06:40:00Z'))).toBe('还剩 3 小时 20 分钟');
    expect(remainingText(closes, T('2026-11-30T07:00:00Z'))).toBe('还剩 3 小时');
    expect(remainingText(closes, T('2026-11-30T09:52:00Z'))).toBe('还剩 8 分钟');
    expect(remainingText(closes, T('2026-11-30T09:59:30Z'))).toBe('还剩 1 分钟');
    expect(remainingText(closes, T('2026-11-30T10:00:00Z'))).toBe('已截止');
    expect(remainingUntil(closes, T('2026-11-29T09:59:00Z'))).toEqual({ days: 1, hours: 0, minutes: 1 });
  });

  it('uses the difference between serverNow and the phone clock, so a wrong phone clock does not matter', () => {
    const phone = T('2026-11-28T04:50:00Z'); // the phone runs 10 minutes slow
    noteServerNow('2026-11-28T05:00:00.000Z', phone);
    expect(serverNowMs(phone)).toBe(T('2026-11-28T05:00:00Z'));
    expect(remainingText(closes, serverNowMs(phone))).toBe('还剩 2 天 5 小时');
    noteServerNow('not a time', phone);
    expect(serverNowMs(phone)).toBe(T('2026-11-28T05:00:00Z'));
  });

  it('writes Beijing time, with the year only when it is not this year', () => {
    expect(formatMoment(closes, T('2026-11-28T05:00:00Z'))).toBe('11月30日 18:00');
    expect(formatMoment('2026-12-31T16:30:00Z', T('2026-11-28T05:00:00Z'))).toBe('2027年1月1日 00:30');
  });

  it('moves the phase on with the clock and says the time that matters for it', () => {
    const item = makeBallotItem({ phase: 'upcoming', opensAt: '2026-11-29T00:00:00.000Z', closesAt: closes });
    expect(currentPhase(item, T('2026-11-28T05:00:00Z'))).toBe('upcoming');
    expect(ballotTimeLine(item, T('2026-11-28T05:00:00Z'))).toBe('11月29日 08:00 开始投票');
    expect(currentPhase(item, T('2026-11-29T00:00:00Z'))).toBe('voting');
    expect(ballotTimeLine(item, T('2026-11-29T00:00:00Z'))).toBe('还剩 1 天 10 小时（11月30日 18:00 截止）');
    expect(currentPhase(item, T('2026-11-30T10:00:00Z'))).toBe('counting');
    expect(ballotTimeLine(item, T('2026-11-30T11:00:00Z'))).toBe('11月30日 18:00 已截止，等待计票');
    expect(ballotTimeLine(makeBallotItem({ status: 'closed', phase: 'closed' }), T('2026-12-01T00:00:00Z'))).toBeNull();
    expect(ballotTimeLine(makeBallotItem({ status: 'draft', phase: 'draft' }), T('2026-11-20T00:00:00Z'))).toBe('计划 11月25日 08:00 至 11月30日 18:00');
    expect(currentPhase(makeBallotItem({ status: 'closed', phase: 'closed' }), T('2026-11-01T00:00:00Z'))).toBe('closed');
  });
});

describe('choosing', () => {
  const options: BallotChoice[] = [
    { key: 'o1', label: '修路' },
    { key: 'o2', label: '装路灯' },
    { key: 'o3', label: '建广场' },
  ];
  const motion: BallotChoice[] = [
    { key: 'for', label: '同意' },
    { key: 'against', label: '反对' },
    { key: 'abstain', label: '弃权' },
  ];

  it('one tap confirms on a motion or single choice; multiple choice collects taps', () => {
    expect(picksOne('motion')).toBe(true);
    expect(picksOne('single')).toBe(true);
    expect(picksOne('multiple')).toBe(false);
  });

  it('adds and removes in the ballot order, and refuses a tap beyond the maximum in words', () => {
    let t = toggleChoice(options, [], 'o3', 2);
    expect(t).toEqual({ selected: ['o3'], refused: null });
    t = toggleChoice(options, t.selected, 'o1', 2);
    expect(t.selected).toEqual(['o1', 'o3']);
    const refused = toggleChoice(options, t.selected, 'o2', 2);
    expect(refused.selected).toEqual(['o1', 'o3']);
    expect(refused.refused).toBe('最多只能选 2 项。要换一项，先点已选的一项取消。');
    expect(toggleChoice(options, t.selected, 'o1', 2)).toEqual({ selected: ['o3'], refused: null });
    expect(toggleChoice(options, ['o1'], 'zz', 2).selected).toEqual(['o1']);
  });

  it('says what is missing before sending, and repeats the choice in words to confirm', () => {
    expect(selectionProblem('multiple', [], 2)).toBe('请至少选一项');
    expect(selectionProblem('motion', ['for', 'against'], 1)).toBe('只能选一项');
    expect(selectionProblem('multiple', ['o1', 'o2', 'o3'], 2)).toBe('最多只能选 2 项。要换一项，先点已选的一项取消。');
    expect(selectionProblem('multiple', ['o1', 'o2'], 2)).toBeNull();
    expect(confirmSentence(motion, ['for'])).toBe('您选择：同意。投票后不能更改。');
    expect(choiceLabels(options, ['o3', 'o1'])).toBe('修路、建广场');
    expect(choiceLabels(options, null)).toBe('');
  });
});

describe('receipts on this phone', () => {
  it('keeps a receipt per ballot and reads back only well-formed ones', () => {
    expect(saveReceipt('b-1', { code: 'K7QX-3MZP-9DTA', at: '2026-11-28T05:01:00.000Z' })).toBe(true);
    expect(readReceipt('b-1')).toEqual({ code: 'K7QX-3MZP-9DTA', at: '2026-11-28T05:01:00.000Z' });
    expect(taro.setStorageSync).toHaveBeenCalledWith('village.ballots.receipt.b-1', expect.any(String));
    expect(readReceipt('b-2')).toBeNull();
    taro.setStorageSync('village.ballots.receipt.b-3', '{"code":"nope","at":"x"}');
    expect(readReceipt('b-3')).toBeNull();
    taro.setStorageSync('village.ballots.receipt.b-4', 'not json');
    expect(readReceipt('b-4')).toBeNull();
  });

  it('says so when the phone refuses to store it', () => {
    taro.setStorageSync.mockImplementationOnce(() => {
      throw new Error('full');
    });
    expect(saveReceipt('b-1', { code: 'K7QX-3MZP-9DTA', at: 'x' })).toBe(false);
  });

  it('keeps a pending vote (key and choice) for a day less an hour, then forgets it', () => {
    const at = '2026-11-28T05:00:00.000Z';
    savePendingVote('b-1', { key: 'k-1', choices: ['for'], at });
    expect(readPendingVote('b-1', T(at) + 60_000)).toEqual({ key: 'k-1', choices: ['for'], at });
    expect(readPendingVote('b-1', T(at) + PENDING_MAX_AGE_MS + 1)).toBeNull();
    expect(readPendingVote('b-1', T(at))).toBeNull(); // dropped for good
    savePendingVote('b-1', { key: 'k-2', choices: ['against'], at });
    clearPendingVote('b-1');
    expect(readPendingVote('b-1', T(at))).toBeNull();
  });

  it('reads a typed code the way people type it: any case, spaces, O for 0, I or L for 1', () => {
    expect(normaliseReceiptCode('k7qx 3mzp 9dta')).toBe('K7QX-3MZP-9DTA');
    expect(normaliseReceiptCode('K7QX-3MZP-9DTA')).toBe('K7QX-3MZP-9DTA');
    expect(normaliseReceiptCode('KOQX-3MZP-9DTL')).toBe('K0QX-3MZP-9DT1');
    expect(normaliseReceiptCode('K7QX—3MZP—9DTI')).toBe('K7QX-3MZP-9DT1');
    expect(normaliseReceiptCode('K7QX-3MZP-9DT')).toBeNull();
    expect(normaliseReceiptCode('K7QX-3MZP-9DTU')).toBeNull();
    expect(normaliseReceiptCode('')).toBeNull();
    const list = [{ code: 'AAAA-BBBB-CCCC' }, { code: 'K7QX-3MZP-9DTA' }];
    expect(findReceipt(list, 'K7QX-3MZP-9DTA')).toEqual({ index: 1, receipt: list[1] });
    expect(findReceipt(list, 'ZZZZ-ZZZZ-ZZZZ')).toBeNull();
  });
});

describe('ring and bars', () => {
  it('draws 43/85 households against the two-thirds line (57 户) and takes the verdict from the server', () => {
    const p = { unit: 'household' as const, unitLabel: '户', eligible: 85, online: 40, inPerson: 3, total: 43 };
    const quorum = assessQuorum({ rule: { body: 'villager_assembly', override: null }, electorate: 'households', turnout: { eligible: 85, participated: 43 } });
    const ring = ringModel(p, quorum);
    expect(ring.percent).toBe(51);
    expect(ring.rightDeg).toBe(180);
    expect(ring.leftDeg).toBeCloseTo((43 / 85 - 0.5) * 360, 6);
    expect(ring.marker).toEqual({ deg: 240, needed: 57, words: '法定人数：达到三分之二，即 57 户' });
    expect(ring.met).toBe(false);
  });

  it('a quarter fills only the right half; nobody and nobody entitled draw nothing', () => {
    const quarter = ringModel({ unit: 'person', unitLabel: '人', eligible: 20, online: 5, inPerson: 0, total: 5 }, null);
    expect([quarter.rightDeg, quarter.leftDeg, quarter.percent, quarter.marker, quarter.met]).toEqual([90, 0, 25, null, null]);
    expect(ringModel({ unit: 'person', unitLabel: '人', eligible: 0, online: 0, inPerson: 0, total: 0 }, null).rightDeg).toBe(0);
  });

  it('uses the adult-residents check of a 村民会议 for the line (> 1/2 of 120 is 61 人)', () => {
    const quorum = assessQuorum({
      rule: { body: 'villager_assembly', override: null },
      electorate: 'adult_residents',
      turnout: { eligible: 120, participated: 70 },
      householdTurnout: { eligible: 85, participated: 50 },
    });
    const ring = ringModel({ unit: 'person', unitLabel: '人', eligible: 120, online: 70, inPerson: 0, total: 70 }, quorum);
    expect(ring.marker?.words).toBe('法定人数：超过半数，即 61 人');
    expect(ring.marker?.deg).toBe(180);
    expect(ring.met).toBe(true);
  });

  it('bars use the shared whole percent of the decision base; the pass line sits at half', () => {
    const result = makeResult();
    expect(barBase(result)).toBe(60);
    const bars = barModels(result.counts, barBase(result));
    expect(bars.map((b) => [b.label, b.total, b.percent])).toEqual([
      ['同意', 41, 68],
      ['反对', 12, 20],
      ['弃权', 5, 8],
    ]);
    expect(bars[0].width).toBeCloseTo((41 / 60) * 100, 6);
    expect(passMarker(result.decision, '户')).toEqual({ at: 50, words: '通过线：超过半数，即至少 31 户同意' });
    expect(blankCount(result, false)).toBe(2);
    expect(blankCount(result, true)).toBe(0);
    expect(thresholdWords({ numerator: 2, denominator: 3 }, false)).toBe('达到三分之二');
    expect(thresholdWords({ numerator: 3, denominator: 4 }, true)).toBe('超过3/4');
  });

  it('an invalid ballot has no decision: bars measured against those who took part, no pass line', () => {
    const result = makeResult({}, { for: 30, against: 10, abstain: 0 }, 40);
    expect(result.outcome).toBe('invalid');
    expect(barBase(result)).toBe(40);
    expect(passMarker(result.decision, '户')).toBeNull();
  });
});

describe('the committee form', () => {
  const now = T('2026-11-25T01:20:00Z'); // 09:20 in Beijing

  it('starts as a 村民会议 by household, secret, from now until 18:00 seven days later (Beijing)', () => {
    const f = emptyForm(now);
    expect([f.body, f.electorate, f.secrecy, f.choiceKind]).toEqual(['villager_assembly', 'households', 'secret', 'motion']);
    expect([f.opensDay, f.opensTime, f.closesDay, f.closesTime]).toEqual(['2026-11-25', '09:20', '2026-12-02', '18:00']);
    expect(dayWords('2026-12-02', now)).toBe('12月2日');
    expect(dayWords('2027-01-02', now)).toBe('2027年1月2日');
  });

  it('another body keeps what fits and resets what does not', () => {
    const f = { ...emptyForm(now), override: 'land_adjustment' as const };
    const party = withBody(f, 'party_assembly');
    expect([party.electorate, party.override, party.choiceKind]).toEqual(['party_members', null, 'motion']);
    const reps = withBody(f, 'representative_assembly');
    expect([reps.electorate, reps.override]).toEqual(['villager_reps', 'land_adjustment']);
    const poll = withChoiceKind(withBody(f, 'poll'), 'multiple');
    expect([poll.electorate, poll.options, poll.maxSelections]).toEqual(['households', ['', ''], 2]);
    expect(withBody(poll, 'villager_assembly').choiceKind).toBe('motion');
    expect(withOptions(poll, ['a']).maxSelections).toBe(1);
  });

  it('says every problem in words before sending', () => {
    const f = { ...withChoiceKind(withBody(emptyForm(now), 'poll'), 'single'), closesDay: '2026-11-25', closesTime: '09:00' };
    const errors = validateForm({ ...f, teller: { id: 'r-1', name: '甲', householdNumber: '0001' } }, now);
    expect(errors).toEqual({
      title: '请填写表决事项',
      options: '选项不能空着，不要的请删去',
      closes: '截止时间已经过了，请改到以后',
      tellers: '计票人和监票人要两个都选，或者都不选',
    });
    const same = { id: 'r-1', name: '甲', householdNumber: '0001' };
    expect(validateForm({ ...emptyForm(now), title: '修路', teller: same, scrutineer: same }, now).tellers).toBe('计票人和监票人不能是同一个人');
    expect(validateForm({ ...emptyForm(now), title: '修路', opensTime: '11:00', closesDay: '2026-11-25', closesTime: '10:00' }, now).closes).toBe('截止时间要晚于开始时间');
    expect(validateForm({ ...emptyForm(now), title: '修路', electorate: 'party_members' }, now).rule).toContain('村民会议的表决人应是');
    expect(validateForm({ ...withChoiceKind(withBody(emptyForm(now), 'poll'), 'single'), title: '意见', options: ['甲', '甲'] }, now).options).toBe('有两个选项写得一样，请改一下');
    expect(validateForm({ ...emptyForm(now), title: '修路' }, now)).toEqual({});
  });

  it('sends Beijing wall-clock times as +08:00 and both tellers or none', () => {
    const input = toInput({ ...emptyForm(now), title: ' 修路 ', description: '' });
    expect(input).toMatchObject({
      title: '修路',
      rule: { body: 'villager_assembly', override: null },
      options: [],
      maxSelections: 1,
      opensAt: '2026-11-25T09:20:00+08:00',
      closesAt: '2026-12-02T18:00:00+08:00',
      tellerResidentId: null,
      scrutineerResidentId: null,
    });
    const poll = toInput({ ...withChoiceKind(withBody(emptyForm(now), 'poll'), 'multiple'), title: '意见', options: [' 甲 ', '乙'] });
    expect([poll.options, poll.maxSelections]).toEqual([['甲', '乙'], 2]);
    expect(formFieldOf('rule.body')).toBe('rule');
    expect(formFieldOf('closesAt')).toBe('closes');
    expect(formFieldOf('scrutineerResidentId')).toBe('tellers');
    expect(formFieldOf('version')).toBeNull();
  });

  it('reads a draft back into the form in Beijing time', () => {
    const f = formFromBallot(makeBallotDetail({ status: 'draft', phase: 'draft', teller: { id: 'r-5', name: '闫保平' }, scrutineer: { id: 'r-6', name: '刘凤英' } }));
    expect([f.opensDay, f.opensTime, f.closesDay, f.closesTime]).toEqual(['2026-11-25', '08:00', '2026-11-30', '18:00']);
    expect(f.teller).toEqual({ id: 'r-5', name: '闫保平', householdNumber: null });
    expect(f.options).toEqual([]);
  });
});

describe('paper count and attendance', () => {
  const choices: BallotChoice[] = [
    { key: 'for', label: '同意' },
    { key: 'against', label: '反对' },
    { key: 'abstain', label: '弃权' },
  ];

  it('accepts whole numbers within the papers and counts the blank ones', () => {
    const ok = checkPaperForm({ papers: '12', counts: { for: '8', against: '2', abstain: '1' } }, choices, 'motion', 15);
    expect(ok).toEqual({ errors: {}, request: { papers: 12, counts: { for: 8, against: 2, abstain: 1 } }, blank: 1 });
    const bad = checkPaperForm({ papers: '16', counts: { for: 'x', against: '17', abstain: '' } }, choices, 'motion', 15);
    expect(bad.errors).toEqual({ papers: '收回的选票不能多于现场到会的 15', for: '请填 0 或正整数', against: '这一项比收回的选票还多', abstain: '请填 0 或正整数' });
    expect(bad.request).toBeNull();
    const sum = checkPaperForm({ papers: '5', counts: { for: '3', against: '3', abstain: '0' } }, choices, 'motion', 15);
    expect(sum.errors).toEqual({ sum: '各选项合计比收回的选票还多，请再数一遍' });
    const many = checkPaperForm({ papers: '5', counts: { for: '3', against: '3', abstain: '0' } }, choices, 'multiple', 15);
    expect(many.request).not.toBeNull();
    expect(emptyPaperForm(choices)).toEqual({ papers: '', counts: { for: '', against: '', abstain: '' } });
  });

  it('ticks only people who have not taken part, keeps labels, and drops the conflicts of a 409', () => {
    const a = { voterKey: 'h-1', label: '0001 户（甲家）', householdNumber: '0001', participation: null };
    const b = { voterKey: 'h-2', label: '0002 户（乙家）', householdNumber: '0002', participation: { channel: 'online' as const, at: 'x', recordedBy: null } };
    let ticks = toggleTick(new Map(), a);
    ticks = toggleTick(ticks, b);
    expect(Array.from(ticks.entries())).toEqual([['h-1', '0001 户（甲家）']]);
    expect(toggleTick(ticks, a).size).toBe(0);
    const conflicts = conflictsOf({ conflicts: [{ voterKey: 'h-1', label: '0001 户（甲家）', reason: '已在线投票' }, { nope: 1 }] });
    expect(conflicts).toEqual([{ voterKey: 'h-1', label: '0001 户（甲家）', reason: '已在线投票' }]);
    expect(withoutConflicts(ticks, conflicts).size).toBe(0);
    expect(conflictsOf(undefined)).toEqual([]);
  });
});

describe('the 议事 list', () => {
  it('puts 待我投票 first and never shows a ballot twice; pages of closed ballots add up', () => {
    const mine = makeBallotItem({ id: 'b-1' });
    const other = makeBallotItem({ id: 'b-2', myParticipation: { channel: 'online', at: 'x', choices: null, castBy: null } });
    expect(splitOpen([mine], [other, mine])).toEqual({ awaiting: [mine], open: [other] });
    const closed = Array.from({ length: 20 }, (_, i) => makeBallotItem({ id: `c-${i}`, status: 'closed', phase: 'closed' }));
    let s = boardReducer(INITIAL_BOARD, {
      type: 'loaded',
      pages: { awaiting: makeBallotPage([mine]), open: makeBallotPage([other, mine]), drafts: null, closed: makeBallotPage(closed, 21) },
    });
    expect(s.awaiting.map((b) => b.id)).toEqual(['b-1']);
    expect(s.open.map((b) => b.id)).toEqual(['b-2']);
    expect(hasMoreClosed(s)).toBe(true);
    s = boardReducer(s, { type: 'more' });
    s = boardReducer(s, { type: 'moreLoaded', page: makeBallotPage([closed[19], makeBallotItem({ id: 'c-20', status: 'closed', phase: 'closed' })], 21, 2) });
    expect(s.closed).toHaveLength(21);
    expect(hasMoreClosed(s)).toBe(false);
    const err = { code: 'X', message: '网络不好', correlationId: 'c' };
    expect(boardReducer({ ...s, refreshing: true }, { type: 'failed', error: err }).closed).toHaveLength(21);
    expect(boardReducer(s, { type: 'failed', error: err }).status).toBe('error');
  });

  it('says my part in words with a sign, the turnout, and where a tap goes', () => {
    expect(myStatusWord(makeBallotItem())).toEqual({ text: '○ 本户未投票', done: false });
    expect(myStatusWord(makeBallotItem({ electorate: 'party_members' }))).toEqual({ text: '○ 未投票', done: false });
    expect(myStatusWord(makeBallotItem({ myParticipation: { channel: 'online', at: 'x', choices: null, castBy: null } }))).toEqual({ text: '✓ 本户已投票', done: true });
    expect(myStatusWord(makeBallotItem({ myParticipation: { channel: 'in_person', at: 'x', choices: null, castBy: null } }))?.text).toBe('✓ 本户已现场参加');
    expect(myStatusWord(makeBallotItem({ eligible: false }))).toBeNull();
    expect(participationLine(makeBallotItem())).toBe('已参与 43/85 户（51%）');
    expect(participationLine(makeBallotItem({ participation: null }))).toBeNull();
    expect(ballotTags(makeBallotItem({ status: 'closed', phase: 'closed', outcome: 'passed' }), T('2026-12-01T00:00:00Z')).map((t) => t.text)).toEqual([
      '已结束',
      '○ 本户未投票',
      '结果：通过',
      '无记名投票',
    ]);
    expect(ballotUrl(makeBallotItem())).toBe('/packages/ballots/pages/detail/index?id=b-1');
    expect(ballotUrl(makeBallotItem({ status: 'closed' }))).toBe('/packages/ballots/pages/result/index?id=b-1');
  });
});
