import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, type ApiErrorBody, type NoticeDetail } from '@village/shared';
import * as taro from '../__mocks__/taro';
import ComposePage from '../src/packages/notices/pages/compose/index';
import {
  correctionForm,
  draftInput,
  earliestEnd,
  emptyForm,
  localDraftKey,
  minDaysFor,
  serverFieldErrors,
  validateForm,
  withStart,
} from '../src/packages/notices/utils/composeForm';
import { nextUpload, room, uploadReducer, type UploadItem } from '../src/packages/notices/utils/uploadQueue';
import { beijingToday } from '../src/services/dates';
import { saveTokens } from '../src/services/session';
import { makeMe } from './factories/me';
import { makeNoticeDetail } from './factories/notices';
import { renderPage, routeRequests } from './render';

const TODAY = '2026-11-25';

describe('compose form rules', () => {
  it('a new notice starts today and runs to a week later; the minimum comes from the village', () => {
    expect(emptyForm(TODAY)).toMatchObject({ kind: null, startsOn: '2026-11-25', endsOn: '2026-12-02', pinned: false, audience: 'all' });
    expect(emptyForm(TODAY, 'finance').kind).toBe('finance');
    expect(minDaysFor(null, 'finance')).toBe(7);
    expect(minDaysFor({ financeCadence: 'monthly', minWindowDays: { party: 7, village: 7, finance: 10 } }, 'finance')).toBe(10);
    expect(earliestEnd(TODAY, 7)).toBe('2026-12-01');
  });

  it('says what is missing, field by field; the window check is the shared rule in its words', () => {
    const errors = validateForm({ ...emptyForm(TODAY), endsOn: '2026-11-28' }, TODAY, 7);
    expect(errors.kind).toBe('请填写公开类别');
    expect(errors.title).toBe('请填写标题');
    expect(errors.body).toBe('请填写正文');
    expect(errors.window).toBe('公开期至少 7 天：2026-11-25 至 2026-11-28 只有 4 天，请把结束日期往后改');
    expect(validateForm({ ...emptyForm(TODAY, 'village'), title: '修路', body: '正文' }, TODAY, 7)).toEqual({});
    expect(validateForm({ ...emptyForm(TODAY, 'village'), title: 'x'.repeat(61), body: '正文' }, TODAY, 7).title).toBe('最多写 60 字，请删短一些。');
  });

  it('moving the start keeps the window at least the minimum', () => {
    const f = emptyForm(TODAY, 'village');
    expect(withStart(f, '2026-12-01', 7)).toMatchObject({ startsOn: '2026-12-01', endsOn: '2026-12-07' });
    expect(withStart({ ...f, endsOn: '2026-12-31' }, '2026-12-01', 7).endsOn).toBe('2026-12-31');
  });

  it('仅党员 is sent only for 党务', () => {
    const f = { ...emptyForm(TODAY, 'village'), title: ' 修路 ', body: 'x', audience: 'party_members' as const };
    expect(draftInput(f)).toEqual({ kind: 'village', title: '修路', body: 'x', window: { startsOn: TODAY, endsOn: '2026-12-02' }, pinned: false, audience: 'all' });
    expect(draftInput({ ...f, kind: 'party' }).audience).toBe('party_members');
  });

  it('a correction keeps category and text, is titled 更正：…, and gets a fresh window', () => {
    const original = makeNoticeDetail({ window: { startsOn: '2026-10-01', endsOn: '2026-10-08' }, pinned: true });
    expect(correctionForm(original, TODAY, 7)).toMatchObject({
      kind: 'finance',
      title: '更正：2026年10月财务收支公开',
      body: original.body,
      startsOn: TODAY,
      endsOn: '2026-12-02',
      pinned: true,
    });
  });

  it('places the server’s problems next to their fields', () => {
    const validation: ApiErrorBody = {
      code: 'VALIDATION_FAILED',
      message: '有几处要改',
      correlationId: 'c',
      details: [
        { field: 'title', messages: ['标题不能超过 60 字'] },
        { field: 'window.endsOn', messages: ['结束日期不对'] },
        { field: 'somethingElse', messages: ['?'] },
      ],
    };
    expect(serverFieldErrors(validation)).toEqual({ title: '标题不能超过 60 字', window: '结束日期不对' });
    expect(serverFieldErrors({ code: 'NOTICE_WINDOW_TOO_SHORT', message: '公开期至少 10 天', correlationId: 'c', details: { field: 'window' } })).toEqual({
      window: '公开期至少 10 天',
    });
    expect(serverFieldErrors({ code: 'X', message: 'y', correlationId: 'c' })).toEqual({});
  });
});

describe('upload queue', () => {
  const file = (n: number) => ({ path: `blob:${n}`, name: `照片${n}.jpg`, type: 'image/jpeg' as const });
  let k = 0;
  const keyOf = () => `k${(k += 1)}`;

  it('sends one file at a time, in order; progress only goes up; at most 9 files', () => {
    let items: UploadItem[] = uploadReducer([], { type: 'reset', attachments: makeNoticeDetail().attachments });
    expect(room(items)).toBe(7);
    items = uploadReducer(items, { type: 'add', files: Array.from({ length: 10 }, (_, i) => file(i)), keyOf });
    expect(items).toHaveLength(9);
    const first = nextUpload(items) as UploadItem;
    expect(first.name).toBe('照片0.jpg');
    items = uploadReducer(items, { type: 'start', key: first.key });
    expect(nextUpload(items)).toBeNull();
    items = uploadReducer(items, { type: 'progress', key: first.key, percent: 40 });
    items = uploadReducer(items, { type: 'progress', key: first.key, percent: 30 });
    expect(items.find((i) => i.key === first.key)?.progress).toBe(40);
    items = uploadReducer(items, { type: 'failed', key: first.key, error: { code: 'NOT_A_PDF', message: '这不是 PDF', correlationId: 'c' } });
    expect(nextUpload(items)?.name).toBe('照片1.jpg');
    items = uploadReducer(items, { type: 'retry', key: first.key });
    expect(items.find((i) => i.key === first.key)).toMatchObject({ status: 'waiting', progress: 0, error: null });
    items = uploadReducer(items, { type: 'remove', key: first.key });
    expect(items).toHaveLength(8);
  });
});

function openCompose(params: Record<string, string>, routes: Parameters<typeof routeRequests>[1]) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  taro.setRouterParams(params);
  routeRequests(taro.request, {
    'GET /api/me': { statusCode: 200, data: makeMe({ roles: ['villager', 'secretary'] }) },
    'GET /api/notices/policy': { statusCode: 200, data: { financeCadence: 'quarterly', minWindowDays: { party: 7, village: 7, finance: 7 } } },
    ...routes,
  });
  renderPage(<ComposePage />);
}

function draftFrom(body: unknown, over: Partial<NoticeDetail> = {}): NoticeDetail {
  const b = body as { kind: 'village'; title: string; body: string; window: { startsOn: string; endsOn: string }; pinned: boolean; audience: 'all' };
  return makeNoticeDetail({
    id: 'n-new',
    status: 'draft',
    publishedAt: null,
    read: true,
    attachments: [],
    kind: b.kind,
    title: b.title,
    body: b.body,
    window: b.window,
    pinned: b.pinned,
    audience: b.audience,
    can: { edit: true, publish: true, signoff: false, archive: false, correct: false, ask: false, viewAwareness: false },
    ...over,
  });
}

describe('写公告', () => {
  beforeEach(() => taro.resetTaroMock());

  it('previews the body as villagers will see it while the clerk types', async () => {
    openCompose({}, {});
    const body = await screen.findByTestId('compose-body-input');
    expect(screen.getByTestId('compose-preview').textContent).toBe('写了正文以后，这里显示村民看到的样子。');
    fireEvent.change(body, { target: { value: '# 收入\n\n合计 **12000 元**\n\n| 项目 | 金额 |\n|---|---|\n| 修路 | 3000 |' } });
    const preview = screen.getByTestId('compose-preview-body');
    expect(within(preview).getByRole('heading').textContent).toBe('收入');
    expect(within(preview).getByText('12000 元').className).toBe('nb-bold');
    expect(within(preview).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['项目', '金额']);

    fireEvent.click(screen.getByTestId('compose-format-toggle'));
    expect(screen.getByTestId('compose-format').textContent).toContain('| 项目 | 金额 |');
    expect(screen.getByTestId('compose-window-min').textContent).toMatch(/^至少公示 7 天：结束日期最早选 /);
  });

  it('checks before sending, then saves the draft; the server’s field problem shows next to the field', async () => {
    const today = beijingToday();
    const sent: unknown[] = [];
    let refuse = true;
    openCompose(
      {},
      {
        'POST /api/notices': (req) => {
          sent.push(req.data);
          if (refuse) {
            refuse = false;
            return {
              statusCode: 400,
              data: { code: 'VALIDATION_FAILED', message: '请检查', correlationId: 'c', details: [{ field: 'title', messages: ['标题里有不能用的字'] }] },
            };
          }
          return { statusCode: 201, data: draftFrom(req.data) };
        },
      },
    );
    fireEvent.click(await screen.findByTestId('compose-save'));
    expect(screen.getByTestId('compose-problems').textContent).toBe('有几处要改一下，请看上面的红字。');
    expect(screen.getByTestId('compose-title-error').textContent).toBe('请填写标题');
    expect(sent).toEqual([]);

    fireEvent.click(screen.getByTestId('compose-kind-village'));
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '修路公示' } });
    fireEvent.change(screen.getByTestId('compose-body-input'), { target: { value: '村东头修路。' } });
    fireEvent.click(screen.getByTestId('compose-save'));
    expect((await screen.findByTestId('compose-title-error')).textContent).toBe('标题里有不能用的字');
    expect(screen.queryByTestId('error-state')).toBeNull();

    fireEvent.click(screen.getByTestId('compose-save'));
    expect((await screen.findByTestId('compose-saved')).textContent).toContain('草稿已保存');
    expect(sent[1]).toEqual({
      kind: 'village',
      title: '修路公示',
      body: '村东头修路。',
      window: { startsOn: today, endsOn: addDays(today, 7) },
      pinned: false,
      audience: 'all',
    });
    // the phone forgets the local copy once the server has it
    expect(taro.getStorageSync(localDraftKey('edit', 'n-new'))).toBe('');
    fireEvent.click(screen.getByTestId('compose-go-publish'));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/detail/index?id=n-new' });
  });

  it('attachments: after the first save, a photo goes up with its progress in numbers', async () => {
    openCompose({}, { 'POST /api/notices': (req) => ({ statusCode: 201, data: draftFrom(req.data) }) });
    expect((await screen.findByTestId('compose-attachments-save-first')).textContent).toContain('先点下面的“保存草稿”');
    fireEvent.click(screen.getByTestId('compose-kind-village'));
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '修路公示' } });
    fireEvent.change(screen.getByTestId('compose-body-input'), { target: { value: '村东头修路。' } });
    fireEvent.click(screen.getByTestId('compose-save'));
    await screen.findByTestId('compose-saved');

    let progress: ((p: { progress: number }) => void) | null = null;
    let finish: ((r: { statusCode: number; data: string }) => void) | null = null;
    taro.uploadFile.mockImplementation(() => {
      const p = new Promise((resolve) => {
        finish = resolve;
      }) as Promise<unknown> & { progress: (cb: (p: { progress: number }) => void) => void };
      p.progress = (cb) => {
        progress = cb;
      };
      return p;
    });
    taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['wxfile://tmp/road.jpg'], tempFiles: [{ path: 'wxfile://tmp/road.jpg', size: 1000 }] });
    fireEvent.click(screen.getByTestId('compose-add-photo'));
    await waitFor(() => expect(taro.uploadFile).toHaveBeenCalledTimes(1));
    expect(taro.uploadFile.mock.calls[0][0]).toMatchObject({ url: '/api/notices/n-new/attachments', name: 'file', filePath: 'wxfile://tmp/road.jpg', fileName: 'road.jpg' });
    act(() => progress?.({ progress: 45 }));
    const row = screen.getByTestId('compose-upload-road.jpg');
    expect(within(row).getByTestId('compose-upload-state').textContent).toBe('正在上传 45%');
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('45');
    await act(async () => {
      finish?.({
        statusCode: 201,
        data: JSON.stringify({ id: 'a-9', fileName: 'road.jpg', contentType: 'image/jpeg', sizeBytes: 51200, url: 'https://files.test/a-9.jpg' }),
      });
    });
    await waitFor(() => expect(within(row).getByTestId('compose-upload-state').textContent).toBe('已上传 · 50 KB'));
  });

  it('a file that is neither a photo nor a PDF is refused in words before sending', async () => {
    openCompose({ id: 'n-1' }, { 'GET /api/notices/n-1': { statusCode: 200, data: makeNoticeDetail({ status: 'draft', attachments: [], can: { ...makeNoticeDetail().can, edit: true } }) } });
    await screen.findByTestId('compose-add-pdf');
    taro.chooseMessageFile.mockResolvedValueOnce({ tempFiles: [{ path: 'wxfile://tmp/a.docx', name: '说明.docx', size: 10 }] });
    fireEvent.click(screen.getByTestId('compose-add-pdf'));
    expect((await screen.findByTestId('compose-attachments-problem')).textContent).toBe('“说明.docx”不是图片或 PDF，不能添加。');
    expect(taro.uploadFile).not.toHaveBeenCalled();
  });

  it('a published notice cannot be edited: says so and points to a correction', async () => {
    openCompose({ id: 'n-1' }, { 'GET /api/notices/n-1': { statusCode: 200, data: makeNoticeDetail() } });
    expect((await screen.findByTestId('compose-not-editable')).textContent).toContain('请发布更正公告');
  });

  it('keeps what was typed on the phone and offers it again next time', async () => {
    jest.useFakeTimers();
    try {
      openCompose({}, {});
      fireEvent.change(await screen.findByTestId('compose-body-input'), { target: { value: '没保存的内容' } });
      act(() => {
        jest.advanceTimersByTime(500);
      });
      expect(JSON.parse(String(taro.getStorageSync(localDraftKey('new', null)))).body).toBe('没保存的内容');
    } finally {
      jest.useRealTimers();
    }
    cleanup();
    renderPage(<ComposePage />);
    expect((await screen.findByTestId('compose-restored')).textContent).toContain('已恢复您上次没有保存的内容。');
    expect((screen.getByTestId('compose-body-input') as HTMLTextAreaElement).value).toBe('没保存的内容');
    fireEvent.click(screen.getByText('不要了，用保存过的'));
    expect((screen.getByTestId('compose-body-input') as HTMLTextAreaElement).value).toBe('');
    expect(taro.getStorageSync(localDraftKey('new', null))).toBe('');
  });

  it('a correction starts from the published notice and is sent as a correction', async () => {
    const original = makeNoticeDetail();
    const sent: unknown[] = [];
    openCompose(
      { correct: 'n-1' },
      {
        'GET /api/notices/n-1': { statusCode: 200, data: original },
        'POST /api/notices/n-1/corrections': (req) => {
          sent.push(req.data);
          return { statusCode: 201, data: { ...makeNoticeDetail({ id: 'n-2', status: 'draft', title: '更正：2026年10月财务收支公开' }) } };
        },
      },
    );
    expect(((await screen.findByLabelText('标题')) as HTMLInputElement).value).toBe('更正：2026年10月财务收支公开');
    expect(screen.getByTestId('notice-compose-page').textContent).toContain('公开类别：财务公开');
    fireEvent.click(screen.getByTestId('compose-save'));
    await screen.findByTestId('compose-saved');
    expect(sent).toEqual([{ title: '更正：2026年10月财务收支公开', body: original.body, window: expect.objectContaining({ startsOn: beijingToday() }) }]);
  });
});
