import type { VillageOversightRow } from '@village/shared';
import { awarenessPercent, oversightCsv, sortOversightRows } from './oversight';

const row = (name: string, figures: Partial<VillageOversightRow> = {}): VillageOversightRow => ({
  village: { id: `id-${name}`, name },
  overdueDisclosures: 0,
  overdueProposalReplies: 0,
  openBlockingOpinions: 0,
  openConveningObligations: 0,
  overdueConveningObligations: 0,
  averageAwareness: null,
  ...figures,
});

describe('township oversight rows', () => {
  const rows = [
    row('土岭底村', { overdueDisclosures: 2, averageAwareness: 0.5 }),
    row('北村', { overdueDisclosures: 0, averageAwareness: 0.9 }),
    row('东村', { overdueDisclosures: 2, averageAwareness: null }),
  ];
  const names = (r: VillageOversightRow[]): string[] => r.map((x) => x.village.name);

  it('sorts counts worst first by default, ties by name', () => {
    expect(names(sortOversightRows(rows, 'overdueDisclosures'))).toEqual(['东村', '土岭底村', '北村']);
    expect(names(sortOversightRows(rows, 'overdueDisclosures', 'asc'))).toEqual(['北村', '东村', '土岭底村']);
  });

  it('sorts awareness lowest first by default, villages without a figure last', () => {
    expect(names(sortOversightRows(rows, 'averageAwareness'))).toEqual(['土岭底村', '北村', '东村']);
    expect(names(sortOversightRows(rows, 'averageAwareness', 'desc'))).toEqual(['北村', '土岭底村', '东村']);
  });

  it('sorts by village name in Chinese order', () => {
    expect(names(sortOversightRows(rows))).toEqual(['北村', '东村', '土岭底村']);
    expect(names(sortOversightRows(rows, 'village', 'desc'))).toEqual(['土岭底村', '东村', '北村']);
  });

  it('writes CSV with BOM, Chinese headers, CRLF and 知晓率 in percent', () => {
    const csv = oversightCsv([row('土岭底村', { overdueDisclosures: 1, openBlockingOpinions: 2, averageAwareness: 0.625 }), row('=HYPERLINK("x")')]);
    expect(csv.startsWith('\uFEFF村,逾期未公开类别数,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('土岭底村,1,0,2,0,0,62.5%');
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",0,0,0,0,0,`);
    expect(awarenessPercent(1)).toBe('100.0%');
    expect(awarenessPercent(0)).toBe('0.0%');
  });
});
