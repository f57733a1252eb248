import { Clock } from './clock';

describe('Clock', () => {
  afterEach(() => jest.useRealTimers());

  it('is the real time without an offset, and whole days ahead or behind with one', () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T04:00:00Z') });
    expect(new Clock().now().toISOString()).toBe('2026-11-25T04:00:00.000Z');
    expect(new Clock(8).now().toISOString()).toBe('2026-12-03T04:00:00.000Z');
    expect(new Clock(-1).now().toISOString()).toBe('2026-11-24T04:00:00.000Z');
  });
});
