import { render, screen } from '@testing-library/react';
import type { VillageCadence } from '@village/shared';
import * as taro from '../__mocks__/taro';
import { TownshipCadence, villageCadenceLine } from '../src/pages/index/TownshipCadence';

const onTime: VillageCadence = {
  village: { id: 'v2', name: '东坡村' },
  overdueCount: 0,
  categories: (['party', 'village', 'finance'] as const).map((category) => ({
    category,
    period: category === 'finance' ? 'monthly' : 'quarterly',
    lastPublishedAt: '2026-11-20T02:00:00.000Z',
    dueBy: '2026-12-31',
    overdue: false,
    explanation: '按时',
  })),
};

const late: VillageCadence = {
  village: { id: 'v1', name: '土岭底村' },
  overdueCount: 2,
  categories: [
    { category: 'party', period: 'quarterly', lastPublishedAt: null, dueBy: '2026-09-30', overdue: true, explanation: '党务公开每季度一次，还没有公开过' },
    { category: 'village', period: 'quarterly', lastPublishedAt: '2026-10-01T02:00:00.000Z', dueBy: '2026-12-31', overdue: false, explanation: '按时' },
    { category: 'finance', period: 'monthly', lastPublishedAt: '2026-09-30T02:00:00.000Z', dueBy: '2026-10-31', overdue: true, explanation: '逾期' },
  ],
};

beforeEach(() => taro.resetTaroMock());

describe('乡镇干部 首页: 各村村务公开', () => {
  it('names each overdue category with its days late, and says when a village is on time', () => {
    expect(villageCadenceLine(late, '2026-11-25')).toBe('党务公开已逾期 56 天；财务公开已逾期 25 天');
    expect(villageCadenceLine(onTime, '2026-11-25')).toBe('党务、村务、财务公开都按时');
  });

  it('lists the villages as the server sorts them, late ones marked in words, not colour only', async () => {
    taro.request.mockResolvedValueOnce({ statusCode: 200, data: [late, onTime], header: {} });
    render(<TownshipCadence />);
    const first = await screen.findByTestId('home-township-village-v1');
    expect(first.textContent).toContain('⚠ 逾期：土岭底村');
    expect(first.textContent).toContain('财务公开已逾期');
    expect(screen.getByTestId('home-township-village-v2').textContent).toContain('✓ 按时：东坡村');
    expect(taro.request.mock.calls[0][0].url).toBe('/api/township/notice-cadence');
  });

  it('shows the server’s words and a retry when the list cannot be loaded', async () => {
    taro.request.mockResolvedValueOnce({ statusCode: 403, data: { code: 'FORBIDDEN', message: '只有乡镇干部可以查看', correlationId: 'x' }, header: {} });
    render(<TownshipCadence />);
    expect((await screen.findByTestId('error-state')).textContent).toContain('只有乡镇干部可以查看');
  });
});
