import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as taro from '../__mocks__/taro';
import { NoticeBody } from '../src/packages/notices/components/NoticeBody';
import NoticeDetailPage from '../src/packages/notices/pages/detail/index';
import { noteNoticesChanged, noticeEventPosition, noticeEventsSince } from '../src/services/noticeEvents';
import { saveTokens } from '../src/services/session';
import { makeMe } from './factories/me';
import { makeNoticeDetail, makeQuery } from './factories/notices';
import { renderPage, routeRequests } from './render';

beforeEach(() => {
  taro.resetTaroMock();
});

describe('NoticeBody (blocks → what villagers read)', () => {
  it('renders headings, bold spans, kept line breaks, both kinds of list and a table in its own scroll box', () => {
    render(
      <NoticeBody
        blocks={[
          { type: 'heading', level: 1, spans: [{ text: '一、收入' }] },
          { type: 'heading', level: 2, spans: [{ text: '1. 上级拨款' }] },
          { type: 'paragraph', spans: [{ text: '合计 ' }, { text: '12000 元', bold: true }, { text: '\n下月再公布' }] },
          { type: 'list', ordered: false, items: [[{ text: '修路' }], [{ text: '路灯' }]] },
          { type: 'list', ordered: true, items: [[{ text: '第一项' }], [{ text: '第二项', bold: true }]] },
          { type: 'table', header: ['项目', '金额', '经手人', '日期'], rows: [['修路', '3000', '王建国', '11月3日'], ['路灯', '800', '', '']] },
        ]}
      />,
    );
    const headings = screen.getAllByRole('heading');
    expect(headings.map((h) => [h.textContent, h.getAttribute('aria-level')])).toEqual([
      ['一、收入', '2'],
      ['1. 上级拨款', '3'],
    ]);
    const bold = screen.getByText('12000 元');
    expect(bold.className).toBe('nb-bold');
    expect(screen.getByText(/下月再公布/).textContent).toBe('\n下月再公布');
    const lists = screen.getAllByRole('list');
    expect(within(lists[0]).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['•修路', '•路灯']);
    expect(within(lists[1]).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1.第一项', '2.第二项']);

    const box = screen.getByTestId('notice-body-table-5');
    const scroller = box.querySelector('.nb-table-scroll') as HTMLElement;
    expect(scroller.getAttribute('role')).toBe('region');
    expect(within(scroller).getByRole('table').getAttribute('aria-label')).toBe('表格，4 列');
    expect(within(scroller).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['项目', '金额', '经手人', '日期']);
    expect(within(scroller).getAllByRole('row')).toHaveLength(3);
    expect(box.textContent).toContain('表格较宽，可以左右滑动');
  });

  it('a narrow table needs no hint', () => {
    render(<NoticeBody blocks={[{ type: 'table', header: ['项目', '金额', '备注'], rows: [] }]} />);
    expect(screen.getByTestId('notice-body-table-0').textContent).not.toContain('左右滑动');
  });
});

function signIn(roles = makeMe().roles) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return makeMe({ roles });
}

type Routes = Parameters<typeof routeRequests>[1];

function openDetail(detail = makeNoticeDetail(), extra: Routes = {}, roles = makeMe().roles) {
  const me = signIn(roles);
  taro.setRouterParams({ id: detail.id });
  const reads: string[] = [];
  routeRequests(taro.request, {
    'GET /api/me': { statusCode: 200, data: me },
    [`GET /api/notices/${detail.id}`]: { statusCode: 200, data: detail },
    [`GET /api/notices/${detail.id}/queries`]: { statusCode: 200, data: [] },
    [`POST /api/notices/${detail.id}/read`]: (req) => {
      reads.push(req.url);
      return { statusCode: 200, data: { firstRead: true } };
    },
    ...extra,
  });
  renderPage(<NoticeDetailPage />);
  return { reads };
}

describe('a notice', () => {
  it('shows what it is, its window and body, and records 已读 once, silently', async () => {
    const position = noticeEventPosition();
    const { reads } = openDetail();
    expect((await screen.findByTestId('notice-title')).textContent).toBe('2026年10月财务收支公开');
    expect(screen.getByTestId('notice-tags').textContent).toContain('财务公开');
    expect(screen.getByTestId('notice-tags').textContent).toContain('公开中');
    expect(screen.getByTestId('notice-window').textContent).toMatch(/^公示期：.*11月20日 至 .*11月30日$/);
    expect(screen.getByTestId('notice-body').textContent).toContain('本月收入合计12000 元。');
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '财务公开' });

    await waitFor(() => expect(reads).toEqual(['/api/notices/n-1/read']));
    expect(noticeEventsSince(position).readIds).toEqual(['n-1']);
    // Coming back after something changed reloads the notice (still unread on the server): no second read.
    noteNoticesChanged();
    act(() => (taro.useDidShow.mock.calls.at(-1)?.[0] as () => void)());
    await waitFor(() => expect(taro.request.mock.calls.filter((c) => c[0].url === '/api/notices/n-1')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toHaveLength(1);
  });

  it('does not record a read for a notice already read, nor say anything when recording fails', async () => {
    const { reads } = openDetail(makeNoticeDetail({ read: true }));
    await screen.findByTestId('notice-title');
    await new Promise((r) => setTimeout(r, 20));
    expect(reads).toEqual([]);

    taro.resetTaroMock();
    const failing = makeNoticeDetail({ id: 'n-2' });
    openDetail(failing, {
      'POST /api/notices/n-2/read': { statusCode: 400, data: { code: 'X', message: '不能记录', correlationId: 'c' } },
    });
    await screen.findAllByTestId('notice-title');
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByTestId('error-state')).toBeNull();
  });

  it('shares to the village group as 【财务公开】标题 with the way back to this notice', async () => {
    openDetail();
    await screen.findByTestId('notice-title');
    const share = taro.useShareAppMessage.mock.calls.at(-1)?.[0] as () => { title: string; path: string };
    expect(share()).toEqual({ title: '【财务公开】2026年10月财务收支公开', path: '/packages/notices/pages/detail/index?id=n-1' });
  });

  it('photos open in the viewer with every photo; a PDF has an 打开 button', async () => {
    openDetail();
    const photo = await screen.findByTestId('notice-image-a-1');
    fireEvent.click(photo);
    expect(taro.previewImage).toHaveBeenCalledWith({ urls: ['https://files.test/a-1.jpg'], current: 'https://files.test/a-1.jpg' });
    const pdf = screen.getByTestId('notice-pdf-a-2');
    expect(pdf.textContent).toContain('明细.pdf');
    expect(pdf.textContent).toContain('PDF · 3.0 MB');
    taro.downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: '/tmp/a-2.pdf' });
    fireEvent.click(within(pdf).getByText('打开'));
    await waitFor(() => expect(taro.openDocument).toHaveBeenCalledWith({ filePath: '/tmp/a-2.pdf', fileType: 'pdf', showMenu: true }));
  });

  it('a villager has no committee buttons', async () => {
    openDetail();
    await screen.findByTestId('notice-title');
    expect(screen.queryByTestId('notice-actions')).toBeNull();
    expect(screen.queryByTestId('notice-signoff')).toBeNull();
  });

  it('publishing asks first, saying a published notice cannot be changed; then says it is public', async () => {
    const draft = makeNoticeDetail({ kind: 'village', status: 'draft', publishedAt: null, read: true, can: { ...makeNoticeDetail().can, edit: true, publish: true, ask: false } });
    const published = makeNoticeDetail({ kind: 'village', status: 'published', can: { ...makeNoticeDetail().can, correct: true, archive: true, viewAwareness: true } });
    const position = noticeEventPosition();
    openDetail(draft, { 'POST /api/notices/n-1/publish': { statusCode: 200, data: published } }, ['villager', 'secretary']);
    await screen.findByTestId('notice-title');
    expect(screen.getByText('这是草稿，村民还看不到。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('notice-publish'));
    const dialog = screen.getByTestId('notice-dialog');
    expect(dialog.textContent).toContain('现在公开？');
    expect(dialog.textContent).toContain('公开后不能修改，如需更正只能发布更正公告');
    fireEvent.click(within(dialog).getByText('确认公开'));
    expect((await screen.findByTestId('notice-flash')).textContent).toBe('已公开，全村村民现在都能看到。');
    expect(screen.queryByTestId('notice-publish')).toBeNull();
    expect(screen.getByTestId('notice-correct')).toBeTruthy();
    expect(screen.getByTestId('notice-awareness').textContent).toContain('知晓率');
    expect(screen.getByTestId('notice-sheet').textContent).toContain('打印公开栏');
    expect(noticeEventsSince(position).changed).toBe(true);

    fireEvent.click(screen.getByTestId('notice-correct'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/compose/index?correct=n-1' });
  });

  it('a finance draft goes to the 监委会: the button and the confirmation say so', async () => {
    const draft = makeNoticeDetail({ status: 'draft', publishedAt: null, can: { ...makeNoticeDetail().can, edit: true, publish: true } });
    openDetail(draft, { 'POST /api/notices/n-1/publish': { statusCode: 200, data: { ...draft, status: 'pending_signoff', can: { ...draft.can, edit: false, publish: false } } } }, ['villager', 'secretary']);
    fireEvent.click(await screen.findByTestId('notice-publish'));
    const dialog = screen.getByTestId('notice-dialog');
    expect(screen.getByTestId('notice-publish').textContent).toBe('提交监委会审核');
    expect(dialog.textContent).toContain('财务公开要监委会成员审核签字');
    fireEvent.click(within(dialog).getByText('确认提交'));
    expect((await screen.findByTestId('notice-flash')).textContent).toBe('已提交监委会审核。审核签字后会自动公开。');
    expect(screen.getByTestId('notice-pending')).toBeTruthy();
  });

  it('a server refusal of an action stays on the page in its own words', async () => {
    const draft = makeNoticeDetail({ kind: 'village', status: 'draft', can: { ...makeNoticeDetail().can, publish: true } });
    openDetail(
      draft,
      { 'POST /api/notices/n-1/publish': { statusCode: 409, data: { code: 'NOTICE_WINDOW_PAST', message: '公开开始日期已经过去，请先修改草稿', correlationId: 'c-9' } } },
      ['villager', 'secretary'],
    );
    fireEvent.click(await screen.findByTestId('notice-publish'));
    fireEvent.click(within(screen.getByTestId('notice-dialog')).getByText('确认公开'));
    const err = await screen.findByTestId('error-state');
    expect(err.textContent).toContain('没有办成');
    expect(err.textContent).toContain('公开开始日期已经过去，请先修改草稿');
  });

  it('a supervisor refuses with a reason, after confirming', async () => {
    const pending = makeNoticeDetail({ status: 'pending_signoff', publishedAt: null, can: { ...makeNoticeDetail().can, signoff: true, ask: false } });
    const sent: unknown[] = [];
    openDetail(
      pending,
      {
        'POST /api/notices/n-1/signoff': (req) => {
          sent.push(req.data);
          return { statusCode: 200, data: { ...pending, status: 'draft', can: { ...pending.can, signoff: false } } };
        },
      },
      ['villager', 'supervisor'],
    );
    fireEvent.click(await screen.findByTestId('signoff-refuse'));
    fireEvent.click(screen.getByTestId('signoff-refuse-next'));
    expect(screen.getByTestId('signoff-reason-error').textContent).toBe('请写明不通过的原因（至少 2 个字）。');
    fireEvent.change(screen.getByTestId('signoff-reason-input'), { target: { value: '第 3 项缺发票' } });
    fireEvent.click(screen.getByTestId('signoff-refuse-next'));
    fireEvent.click(within(screen.getByTestId('signoff-dialog')).getByText('确认退回'));
    expect((await screen.findByTestId('notice-flash')).textContent).toBe('已退回村委会修改。');
    expect(sent).toEqual([{ decision: 'refused', reason: '第 3 项缺发票' }]);
  });

  it('shows queries with answers; asking one that is held tells the asker why', async () => {
    openDetail(makeNoticeDetail(), {
      'GET /api/notices/n-1/queries': {
        statusCode: 200,
        data: [makeQuery({ status: 'answered', answer: { text: '按实际里程算。', by: { id: 'r-9', name: '任晋生' }, at: '2026-11-22T02:00:00.000Z' } })],
      },
      'POST /api/notices/n-1/queries': {
        statusCode: 201,
        data: makeQuery({ id: 'q-2', status: 'held', text: '我的问题', mine: true, statusReason: '内容可能含有不当信息' }),
      },
    });
    const answered = await screen.findByTestId('query-q-1');
    expect(answered.textContent).toContain('已答复');
    expect(within(answered).getByTestId('query-q-1-answer').textContent).toContain('按实际里程算。');

    fireEvent.click(screen.getByTestId('ask-submit'));
    expect(screen.getByTestId('ask-text-error').textContent).toBe('请写一下您的问题（至少 2 个字）。');
    fireEvent.change(screen.getByTestId('ask-text-input'), { target: { value: '我的问题' } });
    expect(screen.getByTestId('ask-text').textContent).toContain('已写 4 字，最多 500 字');
    fireEvent.click(screen.getByTestId('ask-submit'));
    const outcome = await screen.findByTestId('ask-outcome');
    expect(outcome.textContent).toContain('您的询问没有公开');
    expect(outcome.textContent).toContain('原因：内容可能含有不当信息');
    const held = screen.getByTestId('query-q-2');
    expect(held.textContent).toContain('未通过内容检查');
    expect(held.textContent).toContain('我问的');
    expect(within(held).getByTestId('query-q-2-reason').textContent).toBe('原因：内容可能含有不当信息');
  });

  it('links a superseded notice to its correction', async () => {
    openDetail(makeNoticeDetail({ supersededBy: { id: 'n-5', title: '更正：2026年10月财务收支公开' } }));
    const box = await screen.findByTestId('notice-superseded');
    expect(box.textContent).toContain('这份公告已经更正');
    expect(screen.getByTestId('notice-tags').textContent).toContain('已更正');
    fireEvent.click(screen.getByTestId('notice-superseded-link'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/detail/index?id=n-5' });
  });

  it('the committee answers a query after confirming; the answer shows at once', async () => {
    const sent: unknown[] = [];
    openDetail(
      makeNoticeDetail({ can: { ...makeNoticeDetail().can, correct: true } }),
      {
        'GET /api/notices/n-1/queries': { statusCode: 200, data: [makeQuery({ overdue: true })] },
        'POST /api/notice-queries/q-1/answer': (req) => {
          sent.push(req.data);
          return { statusCode: 200, data: makeQuery({ status: 'answered', answer: { text: '按里程算。', by: { id: 'r-9', name: '任晋生' }, at: '2026-11-22T02:00:00.000Z' } }) };
        },
      },
      ['villager', 'village_committee'],
    );
    const card = await screen.findByTestId('query-q-1');
    expect(within(card).getByTestId('query-q-1-overdue').textContent).toBe('超期未答复');
    fireEvent.click(within(card).getByTestId('query-q-1-answer-start'));
    fireEvent.change(within(card).getByTestId('query-q-1-form-input'), { target: { value: '按里程算。' } });
    fireEvent.click(within(card).getByTestId('query-q-1-next'));
    const dialog = screen.getByTestId('query-q-1-dialog');
    expect(dialog.textContent).toContain('全村都能看到');
    act(() => {
      fireEvent.click(within(dialog).getByText('发出答复'));
    });
    await waitFor(() => expect(screen.getByTestId('query-q-1-answer').textContent).toContain('按里程算。'));
    expect(sent).toEqual([{ text: '按里程算。' }]);
    expect(screen.queryByTestId('query-q-1-overdue')).toBeNull();
  });
});
