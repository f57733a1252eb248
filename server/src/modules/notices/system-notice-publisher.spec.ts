import { Clock } from '../../common/clock';
import type { Work } from '../audit/unit-of-work';
import type { Notice } from './entities';
import { SystemNoticePublisher } from './system-notice-publisher';

function fakeWork(villageId = 'v-1') {
  const rows: Notice[] = [];
  const events: { action: string; entityId: string; after?: unknown }[] = [];
  const manager = {
    getRepository: () => ({
      findOneBy: async (where: Partial<Notice>) =>
        rows.find((r) => r.villageId === where.villageId && r.sourceEntityType === where.sourceEntityType && r.sourceEntityId === where.sourceEntityId) ?? null,
    }),
    insert: async (_: unknown, row: Notice) => {
      rows.push(row);
    },
  };
  const work = {
    manager,
    actor: { villageId, actorId: null, actorRole: 'system', correlationId: null },
    record: async (change: { action: string; entityId: string; after?: unknown }) => {
      events.push(change);
    },
  } as unknown as Work;
  return { work, rows, events };
}

describe('SystemNoticePublisher', () => {
  const clock = { now: () => new Date('2026-11-25T08:00:00Z') } as Clock;
  const publisher = new SystemNoticePublisher(clock);
  const request = {
    villageId: 'v-1',
    kind: 'result' as const,
    title: '关于村道硬化工程的表决结果',
    body: '同意 52 户，反对 3 户。',
    windowDays: 10,
    source: { entityType: 'ballot', entityId: 'b-1' },
  };

  it('publishes at once, from today (Beijing) for the given days, with its own audit event', async () => {
    const { work, rows, events } = fakeWork();
    const { id } = await publisher.publish(work, request);
    expect(rows).toEqual([
      expect.objectContaining({
        id,
        kind: 'result',
        status: 'published',
        audience: 'all',
        startsOn: '2026-11-25',
        endsOn: '2026-12-04',
        authorResidentId: null,
        publishedAt: clock.now(),
        sourceEntityType: 'ballot',
        sourceEntityId: 'b-1',
      }),
    ]);
    expect(events).toEqual([expect.objectContaining({ action: 'notice.published', entityId: id, after: expect.objectContaining({ kind: 'result', status: 'published' }) })]);
  });

  it('publishes one notice per source: a second call returns the first', async () => {
    const { work, rows, events } = fakeWork();
    const first = await publisher.publish(work, request);
    const second = await publisher.publish(work, { ...request, title: '重复' });
    expect(second.id).toBe(first.id);
    expect(rows).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('refuses another village’s unit of work, hand-written kinds and bad sizes', async () => {
    const { work } = fakeWork('v-2');
    await expect(publisher.publish(work, request)).rejects.toThrow('its own village');
    const own = fakeWork().work;
    await expect(publisher.publish(own, { ...request, kind: 'village' as never })).rejects.toThrow('not a system notice kind');
    await expect(publisher.publish(own, { ...request, title: '长'.repeat(61) })).rejects.toThrow('title');
    await expect(publisher.publish(own, { ...request, windowDays: 0 })).rejects.toThrow('windowDays');
  });
});
