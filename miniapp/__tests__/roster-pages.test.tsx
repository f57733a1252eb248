import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CompositionReport } from '@village/shared';
import * as taro from '../__mocks__/taro';
import CompositionPage from '../src/packages/roster/pages/composition/index';
import HouseholdPage from '../src/packages/roster/pages/household/index';
import HouseholdsPage from '../src/packages/roster/pages/households/index';
import ImportPage from '../src/packages/roster/pages/import/index';
import { saveTokens } from '../src/services/session';
import { makeMe } from './factories/me';
import { makeHousehold, makeHouseholdItem, makeImportReport, makePage } from './factories/roster';
import { makeVillageSummary } from './factories/village';
import { renderPage, routeRequests } from './render';

const secretary = makeMe({ roles: ['villager', 'secretary'] });

beforeEach(() => {
  taro.resetTaroMock();
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
});

describe('户籍名册 list', () => {
  function setup() {
    const queries: Array<Record<string, unknown>> = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: secretary },
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/roster/households': (req) => {
        const q = (req.data ?? {}) as Record<string, unknown>;
        queries.push(q);
        if (q.q === '没有') return { statusCode: 200, data: makePage([], 0) };
        if (q.q) return { statusCode: 200, data: makePage([makeHouseholdItem(2)], 1) };
        const page = Number(q.page ?? 1);
        return { statusCode: 200, data: makePage([makeHouseholdItem(page * 20 - 19), makeHouseholdItem(page * 20 - 18)], 85, page) };
      },
    });
    renderPage(<HouseholdsPage />);
    return queries;
  }

  it('shows the village total, rows with 户号 and 户代表, and pages 20 at a time', async () => {
    const queries = setup();
    expect((await screen.findByTestId('roster-summary')).textContent).toBe('全村在册 85 户');
    expect(screen.getByTestId('household-0001').textContent).toContain('0001 号户　户代表 户代表1');
    expect(screen.getByTestId('pager-label').textContent).toBe('第 1 页，共 5 页');
    expect(queries[0]).toEqual({ page: 1, pageSize: 20 });

    fireEvent.click(screen.getByTestId('pager-next'));
    await screen.findByTestId('household-0021');
    expect(screen.getByTestId('pager-label').textContent).toBe('第 2 页，共 5 页');
    expect(queries[queries.length - 1]).toEqual({ page: 2, pageSize: 20 });

    fireEvent.click(screen.getByTestId('household-0021'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/roster/pages/household/index?id=h-0021' });
  });

  it('searches from page 1, says what it found, and says so plainly when nothing matches', async () => {
    const queries = setup();
    await screen.findByTestId('roster-summary');
    fireEvent.click(screen.getByTestId('pager-next'));
    await screen.findByTestId('household-0021');

    fireEvent.change(within(screen.getByTestId('roster-search')).getByRole('textbox'), { target: { value: '任海军' } });
    fireEvent.click(screen.getByTestId('roster-search-button'));
    expect((await screen.findByText('查找“任海军”：找到 1 户')).textContent).toBeTruthy();
    expect(queries[queries.length - 1]).toEqual({ q: '任海军', page: 1, pageSize: 20 });

    fireEvent.change(within(screen.getByTestId('roster-search')).getByRole('textbox'), { target: { value: '没有' } });
    fireEvent.click(screen.getByTestId('roster-search-button'));
    const empty = await screen.findByTestId('roster-empty');
    expect(empty.textContent).toContain('没有找到“没有”');
    expect(empty.textContent).toContain('请核对户号或姓名');

    fireEvent.click(within(empty).getByText('清空查找'));
    expect((await screen.findByTestId('roster-summary')).textContent).toBe('全村在册 85 户');
  });

  it('narrows to one 网格, marked 已选 in words', async () => {
    const queries = setup();
    await screen.findByTestId('roster-summary');
    const filter = screen.getByTestId('roster-grid-filter');
    fireEvent.click(within(filter).getByText('第二网格'));
    await waitFor(() => expect(queries[queries.length - 1]).toEqual({ gridId: 'g-2', page: 1, pageSize: 20 }));
    expect(within(filter).getByText('✓ 第二网格').getAttribute('aria-checked')).toBe('true');
    expect((await screen.findByText('第二网格在册 85 户')).textContent).toBeTruthy();
  });
});

describe('户的详情', () => {
  it('changes the 户代表 only after a confirmation that says who votes now, sending the version read', async () => {
    const sent: unknown[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: secretary },
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/roster/households/h-0002': { statusCode: 200, data: makeHousehold() },
      'POST /api/roster/households/h-0002/representative': (req) => {
        sent.push(req.data);
        const after = makeHousehold({ representative: { id: 'r-2', name: '杨翠花' }, version: 3 });
        after.members = after.members.map((m) => ({ ...m, isRepresentative: m.id === 'r-2' }));
        return { statusCode: 200, data: after };
      },
    });
    taro.setRouterParams({ id: 'h-0002' });
    renderPage(<HouseholdPage />);

    expect((await screen.findByTestId('household-representative')).textContent).toBe('户代表：任海军');
    // 户代表 in words; a one-year-old cannot be chosen, and the page says why.
    expect(screen.getByTestId('member-任海军').textContent).toContain('户代表');
    expect(screen.getByTestId('member-任丽娟').textContent).toContain('女儿 · 女 · 1 岁');
    expect(screen.getByTestId('member-任丽娟').textContent).toContain('未满 18 岁，不能当户代表');
    expect(screen.queryByTestId('member-rep-任丽娟')).toBeNull();

    fireEvent.click(await screen.findByTestId('member-rep-杨翠花'));
    const dialog = screen.getByTestId('representative-dialog');
    expect(dialog.textContent).toContain('把户代表从 任海军 换成 杨翠花。');
    expect(dialog.textContent).toContain('这一户的票由 杨翠花 来投');
    expect(sent).toEqual([]);

    fireEvent.click(within(dialog).getByText('确认更换'));
    expect((await screen.findByTestId('household-done')).textContent).toBe('户代表已换成 杨翠花。');
    expect(sent).toEqual([{ version: 2, residentId: 'r-2' }]);
    expect(screen.getByTestId('household-representative').textContent).toBe('户代表：杨翠花');
  });

  it("shows a stale-version refusal in the server's words with 重试", async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: secretary },
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/roster/households/h-0002': { statusCode: 200, data: makeHousehold() },
      'POST /api/roster/households/h-0002/representative': {
        statusCode: 409,
        data: { code: 'VERSION_CONFLICT', message: '户号 0002已被别人修改，请刷新后再改', correlationId: 'v' },
      },
    });
    taro.setRouterParams({ id: 'h-0002' });
    renderPage(<HouseholdPage />);
    fireEvent.click(await screen.findByTestId('member-rep-杨翠花'));
    fireEvent.click(within(screen.getByTestId('representative-dialog')).getByText('确认更换'));
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('没有办成');
    expect(error.textContent).toContain('已被别人修改，请刷新后再改');
    expect(within(error).getByText('重试')).toBeTruthy();
  });
});

describe('导入名册 (weapp file picker in jsdom)', () => {
  it('previews with every row error and no 确认导入; a clean file is imported only after the confirmation', async () => {
    const withErrors = makeImportReport({
      households: { create: 0, update: 0, unchanged: 0 },
      residents: { create: 0, update: 0, unchanged: 0 },
      rows: [{ row: 2, householdNumber: '0099', name: '王秋菊', action: 'error', householdAction: 'error', changes: [] }],
      errors: [
        { row: 2, column: '出生日期', message: '第 2 行「出生日期」：“1968-13-40”不是日历上存在的日期' },
        { row: 3, column: '性别', message: '第 3 行「性别」：只能写 男 或 女' },
      ],
    });
    const clean = makeImportReport();
    const committed = makeImportReport({ mode: 'commit', committed: true });
    taro.chooseMessageFile.mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp/1.csv', name: '花名册.csv', size: 300 }] });
    taro.uploadFile
      .mockResolvedValueOnce({ statusCode: 200, data: JSON.stringify(withErrors) })
      .mockResolvedValueOnce({ statusCode: 200, data: JSON.stringify(clean) })
      .mockResolvedValueOnce({ statusCode: 200, data: JSON.stringify(committed) });
    routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: secretary } });
    renderPage(<ImportPage />);

    fireEvent.click(screen.getByTestId('import-pick-weapp'));
    const errors = await screen.findByTestId('import-errors');
    expect(errors.textContent).toContain('有 2 处错误，改好后才能导入');
    expect(screen.getAllByTestId('import-error').map((e) => e.textContent)).toEqual([
      '第 2 行「出生日期」：“1968-13-40”不是日历上存在的日期',
      '第 3 行「性别」：只能写 男 或 女',
    ]);
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    expect(taro.uploadFile.mock.calls[0][0].url).toBe('/api/roster/imports?mode=dry-run');
    expect(taro.uploadFile.mock.calls[0][0].name).toBe('file');

    fireEvent.click(screen.getByTestId('import-restart'));
    fireEvent.click(await screen.findByTestId('import-pick-weapp'));
    await screen.findByTestId('import-no-errors');
    expect(screen.getByTestId('import-households').textContent).toBe('户：新增 1，更新 0，不变 0');
    expect(screen.getByTestId('import-residents').textContent).toBe('人：新增 2，更新 0，不变 0');

    fireEvent.click(screen.getByTestId('import-confirm'));
    const dialog = screen.getByTestId('import-dialog');
    expect(dialog.textContent).toContain('将新增 1 户、2 人，更新 0 人。');
    expect(taro.uploadFile).toHaveBeenCalledTimes(2);
    await act(async () => {
      fireEvent.click(within(dialog).getByText('确认导入'));
    });
    expect((await screen.findByTestId('import-done')).textContent).toContain('新增 1 户、2 人，更新 0 人。');
    expect(taro.uploadFile.mock.calls[2][0].url).toBe('/api/roster/imports?mode=commit');
    expect(taro.uploadFile.mock.calls[2][0].filePath).toBe('wxfile://tmp/1.csv');
  });

  it('refuses a file of the wrong kind before sending it', async () => {
    taro.chooseMessageFile.mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp/1.xls', name: '花名册.xls', size: 300 }] });
    routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: secretary } });
    renderPage(<ImportPage />);
    fireEvent.click(screen.getByTestId('import-pick-weapp'));
    expect((await screen.findByTestId('import-problem')).textContent).toContain('只能导入 .xlsx 或 .csv 文件');
    expect(taro.uploadFile).not.toHaveBeenCalled();
  });
});

describe('村民代表构成', () => {
  it('says whether each share is met, and labels every problem 提醒 or 不符合规定 in words', async () => {
    const report: CompositionReport = {
      checkedOn: '2026-11-25',
      villagerAssembly: {
        figures: { members: 14, representatives: 10, womenRepresentatives: 3, households: 85 },
        issues: [
          {
            rule: 'assembly.representative_share',
            severity: 'warning',
            message: '村民代表应占村民代表会议组成人员的五分之四以上，现在是 10/14（71%）。请增加村民代表。',
            basis: '《村民委员会组织法》第二十五条',
            residentIds: [],
          },
        ],
      },
      supervisoryCommittee: {
        members: [],
        issues: [
          {
            rule: 'supervisory.too_few_members',
            severity: 'violation',
            message: '还没有村务监督委员会成员。',
            basis: '《村民委员会组织法》第三十二条',
            residentIds: [],
          },
        ],
      },
    };
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: secretary },
      'GET /api/roster/composition': { statusCode: 200, data: report },
    });
    renderPage(<CompositionPage />);
    expect((await screen.findByTestId('composition-reps')).textContent).toBe('村民代表 10/14（71%），应在五分之四以上：还不够');
    expect(screen.getByTestId('composition-women').textContent).toBe('妇女代表 3/14（21%），应在三分之一以上：还不够');
    const assembly = screen.getByTestId('composition-assembly');
    expect(assembly.textContent).toContain('提醒');
    expect(assembly.textContent).toContain('《村民委员会组织法》第二十五条');
    expect(screen.getByTestId('composition-supervisory').textContent).toContain('不符合规定');
  });
});
