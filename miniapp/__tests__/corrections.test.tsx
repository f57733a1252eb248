import { fireEvent, screen, within } from '@testing-library/react';
import type { CorrectionRequestView } from '@village/shared';
import * as taro from '../__mocks__/taro';
import CorrectionPage from '../src/packages/account/pages/correction/index';
import CorrectionsPage from '../src/packages/roster/pages/corrections/index';
import HouseholdPage from '../src/packages/roster/pages/household/index';
import { saveTokens } from '../src/services/session';
import { makeMe } from './factories/me';
import { makeHousehold, makePage } from './factories/roster';
import { makeVillageSummary } from './factories/village';
import { renderPage, routeRequests } from './render';

const villager = makeMe();
const secretary = makeMe({ roles: ['villager', 'secretary'] });

function makeRequest(overrides: Partial<CorrectionRequestView> = {}): CorrectionRequestView {
  return {
    id: 'cr-1',
    resident: { id: 'r-2', name: '李桂兰', householdNumber: '0012' },
    field: 'birth_date',
    message: '我的出生日期应为 1961-04-18',
    status: 'open',
    outcome: null,
    answer: null,
    answeredBy: null,
    requestedAt: '2026-11-20T02:00:00.000Z',
    answeredAt: null,
    version: 1,
    ...overrides,
  };
}

beforeEach(() => {
  taro.resetTaroMock();
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
});

describe('申请更正我的信息 (villager)', () => {
  it("shows the server's refusal inline and keeps what was typed", async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: villager },
      'GET /api/me/correction-requests': { statusCode: 200, data: makePage([], 0) },
      'POST /api/me/correction-requests': {
        statusCode: 409,
        data: { code: 'TOO_MANY_OPEN_REQUESTS', message: '您已有 5 条更正申请在等待答复，请等村委会答复后再提交。', correlationId: 'c-9' },
      },
    });
    renderPage(<CorrectionPage />);
    expect((await screen.findByText('您还没有提交过更正申请。')).textContent).toBeTruthy();

    // Nothing is sent before a field is chosen.
    fireEvent.click(screen.getByTestId('correction-submit'));
    expect(screen.getByTestId('correction-problem').textContent).toBe('请先选择哪一项信息有误。');

    fireEvent.click(screen.getByTestId('correction-field-birth_date'));
    fireEvent.change(within(screen.getByTestId('correction-message')).getByRole('textbox'), { target: { value: '应为 1961-04-18' } });
    fireEvent.click(screen.getByTestId('correction-submit'));
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('申请没有提交成功');
    expect(error.textContent).toContain('您已有 5 条更正申请在等待答复');
    expect((within(screen.getByTestId('correction-message')).getByRole('textbox') as HTMLInputElement).value).toBe('应为 1961-04-18');
    expect(screen.queryByTestId('correction-done')).toBeNull();
  });

  it('sends the field and message, says so, and lists the request with its status and the answer', async () => {
    const sent: unknown[] = [];
    let mine: CorrectionRequestView[] = [
      makeRequest({ id: 'cr-0', field: 'phone', message: '手机号换了', status: 'answered', outcome: 'declined', answer: '请本人到村委会核对。', answeredBy: { id: 's', name: '王书记' }, answeredAt: '2026-11-21T02:00:00.000Z' }),
    ];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: villager },
      'GET /api/me/correction-requests': () => ({ statusCode: 200, data: makePage(mine, mine.length) }),
      'POST /api/me/correction-requests': (req) => {
        sent.push(req.data);
        const created = makeRequest({ message: '应为 1961-04-18' });
        mine = [created, ...mine];
        return { statusCode: 201, data: created };
      },
    });
    renderPage(<CorrectionPage />);
    const old = await screen.findByTestId('correction-cr-0');
    expect(old.textContent).toContain('手机号');
    expect(old.textContent).toContain('不予更正：请本人到村委会核对。');
    expect(old.textContent).toContain('王书记答复于');

    fireEvent.click(screen.getByTestId('correction-field-birth_date'));
    fireEvent.change(within(screen.getByTestId('correction-message')).getByRole('textbox'), { target: { value: '  应为 1961-04-18 ' } });
    fireEvent.click(screen.getByTestId('correction-submit'));
    expect((await screen.findByTestId('correction-done')).textContent).toBe('申请已提交，村委会核对后会答复您。');
    expect(sent).toEqual([{ field: 'birth_date', message: '应为 1961-04-18' }]);
    const row = await screen.findByTestId('correction-cr-1');
    expect(row.textContent).toContain('出生日期');
    expect(row.textContent).toContain('待答复');
  });
});

describe('户的详情: 登记去世/迁出 and 解除微信绑定', () => {
  function setup(extra: Parameters<typeof routeRequests>[1]) {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: secretary },
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/roster/households/h-0002': { statusCode: 200, data: makeHousehold() },
      ...extra,
    });
    taro.setRouterParams({ id: 'h-0002' });
    renderPage(<HouseholdPage />);
  }

  it('asks for the next 户代表 from the adults the server lists, then sends again', async () => {
    const sent: Array<Record<string, unknown>> = [];
    setup({
      'POST /api/roster/residents/r-1/departure': (req) => {
        const body = req.data as Record<string, unknown>;
        sent.push(body);
        if (!body.newRepresentativeResidentId) {
          return {
            statusCode: 409,
            data: {
              code: 'REPRESENTATIVE_SUCCESSOR_REQUIRED',
              message: '任海军是户号 0002 的户代表，请同时指定新的户代表（可选：杨翠花）',
              correlationId: 'd',
              details: { candidates: [{ id: 'r-2', name: '杨翠花' }] },
            },
          };
        }
        return { statusCode: 200, data: { ...makeHousehold().members[0], status: 'deceased', departedOn: '2026-11-20' } };
      },
    });
    fireEvent.click(await screen.findByTestId('member-depart-任海军'));
    const form = screen.getByTestId('depart-form-任海军');
    fireEvent.click(within(form).getByTestId('depart-deceased'));
    fireEvent.change(within(screen.getByTestId('depart-date')).getByRole('textbox'), { target: { value: '20261120' } });
    fireEvent.click(within(form).getByTestId('depart-next'));
    const dialog = screen.getByTestId('depart-dialog');
    expect(dialog.textContent).toContain('任海军 将登记为已故');
    expect(dialog.textContent).toContain('职务随之结束');
    expect(sent).toEqual([]);
    fireEvent.click(within(dialog).getByText('确认登记'));

    const warning = await screen.findByTestId('depart-successor-needed');
    expect(warning.textContent).toContain('请同时指定新的户代表');
    expect(sent[0]).toEqual({ version: 1, status: 'deceased', date: '2026-11-20' });
    // Without a choice nothing is sent.
    fireEvent.click(within(form).getByTestId('depart-next'));
    expect(screen.getByTestId('depart-problem').textContent).toBe('请先选新的户代表。');

    fireEvent.click(screen.getByTestId('depart-successor-杨翠花'));
    fireEvent.click(within(form).getByTestId('depart-next'));
    expect(screen.getByTestId('depart-dialog').textContent).toContain('户代表改由 杨翠花 担任');
    fireEvent.click(within(screen.getByTestId('depart-dialog')).getByText('确认登记'));
    expect((await screen.findByTestId('household-done')).textContent).toBe('任海军 已登记为已故。');
    expect(sent[1]).toEqual({ version: 1, status: 'deceased', date: '2026-11-20', newRepresentativeResidentId: 'r-2' });
  });

  it("unbinds after a confirmation, and shows a refusal in the server's words", async () => {
    const sent: unknown[] = [];
    let refuse = true;
    setup({
      'POST /api/residents/r-2/unbind': (req) => {
        sent.push(req.data);
        if (refuse) return { statusCode: 404, data: { code: 'NOT_BOUND', message: '杨翠花还没有绑定微信，不需要解除。', correlationId: 'u' } };
        return { statusCode: 204, data: '' };
      },
    });
    fireEvent.click(await screen.findByTestId('member-unbind-杨翠花'));
    fireEvent.click(screen.getByTestId('unbind-next'));
    expect(screen.getByTestId('unbind-reason-error').textContent).toBe('请写明解除原因。');

    fireEvent.change(within(screen.getByTestId('unbind-reason')).getByRole('textbox'), { target: { value: '手机丢失' } });
    fireEvent.click(screen.getByTestId('unbind-next'));
    const dialog = screen.getByTestId('unbind-dialog');
    expect(dialog.textContent).toContain('杨翠花 原来的微信将不能再以 杨翠花 的身份登录、投票');
    fireEvent.click(within(dialog).getByText('确认解除'));
    expect((await screen.findByTestId('error-state')).textContent).toContain('杨翠花还没有绑定微信');

    refuse = false;
    fireEvent.click(screen.getByTestId('unbind-next'));
    fireEvent.click(within(screen.getByTestId('unbind-dialog')).getByText('确认解除'));
    expect((await screen.findByTestId('household-done')).textContent).toContain('已解除 杨翠花 的微信绑定');
    expect(sent).toEqual([{ reason: '手机丢失' }, { reason: '手机丢失' }]);
  });
});

describe('更正申请 (committee)', () => {
  it("answers after a confirmation; a stale answer is refused in the server's words", async () => {
    const sent: unknown[] = [];
    let stale = true;
    let items = [makeRequest()];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: secretary },
      'GET /api/roster/correction-requests': (req) => {
        const q = (req.data ?? {}) as Record<string, unknown>;
        const shown = q.status === 'open' ? items.filter((i) => i.status === 'open') : items;
        return { statusCode: 200, data: makePage(shown, shown.length) };
      },
      'POST /api/roster/correction-requests/cr-1/answer': (req) => {
        sent.push(req.data);
        if (stale) return { statusCode: 409, data: { code: 'VERSION_CONFLICT', message: '这条申请已被别人答复，请刷新。', correlationId: 'a' } };
        const answered = makeRequest({ status: 'answered', outcome: 'corrected', answer: '已按户口簿更正。', version: 2 });
        items = [answered];
        return { statusCode: 200, data: answered };
      },
    });
    renderPage(<CorrectionsPage />);
    const card = await screen.findByTestId('correction-request-cr-1');
    expect(card.textContent).toContain('李桂兰（0012 号户）');
    expect(card.textContent).toContain('有误的信息：出生日期');

    fireEvent.click(within(card).getByTestId('correction-answer-cr-1'));
    fireEvent.click(screen.getByTestId('answer-next'));
    expect(screen.getByTestId('answer-problem').textContent).toContain('请选答复结果');
    fireEvent.click(screen.getByTestId('answer-corrected'));
    fireEvent.change(within(screen.getByTestId('answer-text')).getByRole('textbox'), { target: { value: '已按户口簿更正。' } });
    fireEvent.click(screen.getByTestId('answer-next'));
    expect(screen.getByTestId('answer-dialog').textContent).toContain('告诉 李桂兰：已更正。');
    fireEvent.click(within(screen.getByTestId('answer-dialog')).getByText('发出答复'));
    expect((await screen.findByTestId('error-state')).textContent).toContain('这条申请已被别人答复');

    stale = false;
    fireEvent.click(screen.getByTestId('answer-next'));
    fireEvent.click(within(screen.getByTestId('answer-dialog')).getByText('发出答复'));
    expect((await screen.findByTestId('corrections-done')).textContent).toBe('已答复 李桂兰。');
    expect(sent[1]).toEqual({ version: 1, outcome: 'corrected', answer: '已按户口簿更正。' });
    expect((await screen.findByTestId('corrections-empty')).textContent).toBe('没有待答复的更正申请。');
    fireEvent.click(screen.getByTestId('corrections-filter-all'));
    expect((await screen.findByTestId('correction-request-cr-1')).textContent).toContain('已更正：已按户口簿更正。');
  });
});
