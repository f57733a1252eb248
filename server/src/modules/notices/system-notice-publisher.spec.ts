import { Clock } from '../../common/clock';
import type { Work } from '../audit/unit-of-work';
import type { Notice } from './entities';
import { SystemNoticePublisher } from './system-notice-publisher';

const matches = (row: Notice, where: Partial<Notice>): boolean => Object.entries(where).every(([k, v]) => row[k as keyof Notice] === v);

function fakeWork(villageId = 'v-1') {
  const rows: Notice[] = [];
  const events: { action: string; entityId: string; after?: unknown }[] = [];
  const manager = {
    getRepository: () => ({
      findOneBy: async (where: Partial<Notice>) => rows.find((r) => matches(r, where)) ?? null,
    }),
    update: async (_: unknown, where: Partial<Notice>, changes: Partial<Notice>) => {
      const hit = rows.filter((r) => matches(r, where));
      for (const r of hit) Object.assign(r, changes);
      return { affected: hit.length };
    },
    insert: async (_: unknown, row: Notice) => {
      rows.push(row);
    },
  };
  const work = {
    manager,
    actor: { villageId, actorId: 'r-1', actorRole: 'system', correlationId: null },
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

  it('withdraws a notice sent back for re-disclosure: archived, linked to its replacement, never deleted', async () => {
    const { work, rows, events } = fakeWork();
    const { id } = await publisher.publish(work, request);
    const replacement = await publisher.publish(work, { ...request, source: { entityType: 'ballot', entityId: 'b-2' } });
    await publisher.withdraw(work, { villageId: 'v-1', noticeId: id, reason: '公示未张贴', replacedBy: replacement.id });
    expect(rows.find((r) => r.id === id)).toMatchObject({ status: 'archived', supersededById: replacement.id, archivedByResidentId: 'r-1' });
    expect(rows).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ action: 'notice.superseded', entityId: id });
    await publisher.withdraw(work, { villageId: 'v-1', noticeId: id, reason: '再来一次', replacedBy: replacement.id });
    expect(events).toHaveLength(3);
  });

  it('archives published notices only, once each', async () => {
    const { work, rows, events } = fakeWork();
    const { id } = await publisher.publish(work, request);
    await publisher.archive(work, { villageId: 'v-1', noticeIds: [id, 'missing'] });
    await publisher.archive(work, { villageId: 'v-1', noticeIds: [id] });
    expect(rows[0]).toMatchObject({ status: 'archived' });
    expect(events.map((e) => e.action)).toEqual(['notice.published', 'notice.archived']);
  });
});
