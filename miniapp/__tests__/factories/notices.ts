import type { NoticeAwareness, NoticeDetail, NoticeListItem, NoticeQueryView, Page, UnreachedHousehold } from '@village/shared';

/** A published 村务 notice, in its window, not yet read. Override what a test cares about. */
export function makeNoticeItem(n: number, overrides: Partial<NoticeListItem> = {}): NoticeListItem {
  return {
    id: `n-${n}`,
    kind: 'village',
    title: `公告 ${n}`,
    status: 'published',
    pinned: false,
    audience: 'all',
    window: { startsOn: '2026-11-20', endsOn: '2026-11-30' },
    inWindow: true,
    publishedAt: '2026-11-20T02:00:00.000Z',
    read: false,
    attachmentCount: 0,
    openQueryCount: 0,
    supersededBy: null,
    supersedes: null,
    ...overrides,
  };
}

export function makeNoticePage(items: NoticeListItem[], total = items.length, page = 1, pageSize = 20): Page<NoticeListItem> {
  return { items, total, page, pageSize };
}

const noAction = { edit: false, publish: false, signoff: false, archive: false, correct: false, ask: true, viewAwareness: false };

/** 2026年10月财务收支公开, published, with a table and a PDF and a photo. */
export function makeNoticeDetail(overrides: Partial<NoticeDetail> = {}): NoticeDetail {
  return {
    ...makeNoticeItem(1, { kind: 'finance', title: '2026年10月财务收支公开', attachmentCount: 2 }),
    villageId: 'v-1',
    body: '# 一、收入\n\n| 项目 | 金额 |\n|---|---|\n| 上级拨款 | 12000 |',
    blocks: [
      { type: 'heading', level: 1, spans: [{ text: '一、收入' }] },
      { type: 'paragraph', spans: [{ text: '本月收入合计' }, { text: '12000 元', bold: true }, { text: '。' }] },
      { type: 'table', header: ['项目', '金额', '备注'], rows: [['上级拨款', '12000', '']] },
    ],
    attachments: [
      { id: 'a-1', fileName: '收据.jpg', contentType: 'image/jpeg', sizeBytes: 204800, url: 'https://files.test/a-1.jpg' },
      { id: 'a-2', fileName: '明细.pdf', contentType: 'application/pdf', sizeBytes: 3 * 1024 * 1024, url: 'https://files.test/a-2.pdf' },
    ],
    author: { id: 'r-9', name: '任晋生' },
    createdAt: '2026-11-19T02:00:00.000Z',
    signoff: null,
    can: { ...noAction },
    shareUrl: 'https://village.test/packages/notices/pages/detail/index?id=n-1',
    ...overrides,
  };
}

export function makeQuery(overrides: Partial<NoticeQueryView> = {}): NoticeQueryView {
  return {
    id: 'q-1',
    noticeId: 'n-1',
    noticeTitle: '2026年10月财务收支公开',
    status: 'open',
    text: '修路的钱怎么算的？',
    askedBy: { id: 'r-2', name: '李*兰' },
    askedAt: '2026-11-21T02:00:00.000Z',
    statusReason: null,
    answer: null,
    overdue: false,
    mine: false,
    ...overrides,
  };
}

export function makeAwareness(overrides: Partial<NoticeAwareness> = {}): NoticeAwareness {
  return {
    noticeId: 'n-1',
    unit: 'household',
    total: 85,
    reached: 61,
    toldInPerson: 3,
    rate: { numerator: 61, denominator: 85 },
    byGrid: [
      { grid: { id: 'g-1', name: '第一网格' }, total: 28, reached: 25, toldInPerson: 1 },
      { grid: { id: 'g-2', name: '第二网格' }, total: 28, reached: 20, toldInPerson: 2 },
      { grid: { id: 'g-3', name: '第三网格' }, total: 29, reached: 16, toldInPerson: 0 },
    ],
    ...overrides,
  };
}

export function makeUnreached(n: number, overrides: Partial<UnreachedHousehold> = {}): UnreachedHousehold {
  const number = String(n).padStart(4, '0');
  return {
    householdId: `h-${number}`,
    number,
    address: `土岭底村${n}号`,
    grid: { id: 'g-3', name: '第三网格' },
    representativeName: `户代表${n}`,
    phoneMasked: '138****0000',
    person: null,
    ...overrides,
  };
}
