import { parseNoticeBody } from '@village/shared';
import { buildChoices } from './choices';
import { computeResult, resultNotice } from './ballot-result';

describe('ballot results', () => {
  const base = {
    rule: { body: 'villager_assembly' as const, override: null },
    electorate: 'households' as const,
    choiceKind: 'motion' as const,
    choices: buildChoices('motion'),
    eligible: 85,
    householdTurnout: null,
  };

  it('adds online and paper votes per choice and applies the shared rule', () => {
    const { tally, counts } = computeResult({
      ...base,
      online: 41,
      inPerson: 19,
      onlineCounts: { for: 30, against: 8, abstain: 3 },
      paperCounts: { for: 11, against: 4, abstain: 2 },
    });
    expect(counts).toEqual([
      { key: 'for', label: '同意', online: 30, inPerson: 11, total: 41 },
      { key: 'against', label: '反对', online: 8, inPerson: 4, total: 12 },
      { key: 'abstain', label: '弃权', online: 3, inPerson: 2, total: 5 },
    ]);
    expect(tally.outcome).toBe('passed');
    expect(tally.lines).toContain('村民会议有效：参与 60/85 户（71%），达到三分之二？是');
  });

  it('is invalid when too few households take part', () => {
    const { tally } = computeResult({ ...base, online: 43, inPerson: 0, onlineCounts: { for: 43 }, paperCounts: {} });
    expect(tally.outcome).toBe('invalid');
    expect(tally.explanation).toContain('参与 43/85 户（51%），达到三分之二？否，还差 14 户');
  });

  it('writes a notice the notice parser reads as headline, table and numbered steps', () => {
    const result = computeResult({ ...base, online: 41, inPerson: 19, onlineCounts: { for: 30, against: 8, abstain: 3 }, paperCounts: { for: 11, against: 4, abstain: 2 } });
    const notice = resultNotice({
      title: '村道硬化工程筹资筹劳方案|一事一议',
      rule: base.rule,
      electorate: base.electorate,
      secrecy: 'secret',
      opensAt: '11月20日 08:00',
      closesAt: '11月27日 18:00',
      closedAt: '11月27日 18:00',
      eligible: 85,
      online: 41,
      inPerson: 19,
      papers: 19,
      receiptCount: 41,
      ...result,
    });
    expect(notice.title).toBe('表决结果：村道硬化工程筹资筹劳方案|一事一议');
    const blocks = parseNoticeBody(notice.body);
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, spans: [{ text: '村道硬化工程筹资筹劳方案|一事一议' }] });
    expect(blocks.find((b) => b.type === 'table')).toEqual({
      type: 'table',
      header: ['选项', '线上', '现场', '合计'],
      rows: [
        ['同意', '30', '11', '41'],
        ['反对', '8', '4', '12'],
        ['弃权', '3', '2', '5'],
      ],
    });
    expect(blocks.some((b) => b.type === 'list' && b.ordered)).toBe(true);
    expect(notice.body).toContain('共有 41 张线上回执');
  });

  it('keeps the notice title within the notice limit', () => {
    const { title } = resultNotice({
      title: '很'.repeat(60),
      rule: base.rule,
      electorate: base.electorate,
      secrecy: 'open',
      opensAt: '',
      closesAt: '',
      closedAt: '',
      eligible: 1,
      online: 0,
      inPerson: 0,
      papers: 0,
      receiptCount: null,
      ...computeResult({ ...base, eligible: 1, online: 0, inPerson: 0, onlineCounts: {}, paperCounts: {} }),
    });
    expect(title).toHaveLength(60);
    expect(title.endsWith('…')).toBe(true);
  });
});
