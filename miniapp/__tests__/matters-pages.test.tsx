/**
 * 村里大事（四议两公开） rendered in jsdom (Taro mocked, the real http client underneath): the 议事
 * tab's section by stage, the matter page's stepper with reasons in words, actions disabled with
 * the server's reasons, revision changes marked with 【＋】【－】, money from fen, and the forms
 * (objection, opinion, amendment, meeting) with refusals shown inline.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as taro from '../__mocks__/taro';
import MatterActPage, { checkActForm } from '../src/packages/matters/pages/act/index';
import MatterPage, { actionUrl } from '../src/packages/matters/pages/detail/index';
import MatterEditPage from '../src/packages/matters/pages/edit/index';
import MatterMeetingPage, { buildRecord } from '../src/packages/matters/pages/meeting/index';
import { diffParts, money, parseBeijingTime, parseYuan, yuanInput } from '../src/packages/matters/utils/format';
import CouncilPage from '../src/pages/council/index';
import { saveTokens } from '../src/services/session';
import { makeBallotPage } from './factories/ballots';
import { action, makeMatterDetail, makeMatterItem, makeMatterPage, makeSteps } from './factories/matters';
import { makeMe } from './factories/me';
import { renderPage, routeRequests } from './render';

type Sent = { url: string; method: string; data?: unknown; header: Record<string, string> };

beforeEach(() => {
  taro.resetTaroMock();
});

function signIn(roles: ReturnType<typeof makeMe>['roles'] = ['villager']) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return makeMe({ roles });
}

describe('money and text helpers', () => {
  it('formats fen as yuan with thousands and two decimals, and reads typed yuan exactly', () => {
    expect(money(123450)).toBe('1,234.50 元');
    expect(money(0)).toBe('0.00 元');
    expect(money(null)).toBe('—');
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('19.99')).toBe(1999);
    expect(parseYuan('30元')).toBe(3000);
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('1.234')).toBe('invalid');
    expect(parseYuan('-5')).toBe('invalid');
    expect(yuanInput(12345050)).toBe('123450.50');
    expect(parseBeijingTime('2026-12-05 09:00')).toBe('2026-12-05T01:00:00.000Z');
    expect(parseBeijingTime('2026-02-30 09:00')).toBeNull();
  });

  it('marks additions and deletions with words and signs, not colour only', () => {
    const parts = diffParts({ segments: [{ op: 'equal', text: '每人 ' }, { op: 'delete', text: '5' }, { op: 'insert', text: '3' }, { op: 'equal', text: '0 元' }], inserted: 1, deleted: 1 });
    expect(parts.map((p) => p.shown).join('')).toBe('每人 【－5】【＋3】0 元');
    expect(parts[1].label).toBe('删去：5');
    expect(parts[2].label).toBe('加上：3');
  });
});

describe('议事 tab: 村里大事', () => {
  it('lists what waits for me first, then open matters by stage, with 暂停 and its reasons in words', async () => {
    const me = signIn(['villager', 'secretary']);
    const waiting = makeMatterItem({ id: 'mt-2', title: '村集体果园承包方案', stage: 'resolution_disclosure', stageLabel: '决议公开', nextStep: '决议公示中，12月4日起可开始实施' });
    const blocked = makeMatterItem({
      id: 'mt-3',
      title: '村委会办公楼维修',
      stage: 'committees_deliberation',
      stageLabel: '两委商议',
      blocked: true,
      blockedReasons: ['监委会要求纠正：预算没有列明细'],
      blockingOpinions: 1,
    });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots': { statusCode: 200, data: makeBallotPage([]) },
      'GET /api/matters': (req) => {
        const q = req.data as { awaitingMe?: boolean; stage?: string };
        if (q.stage === 'archived') return { statusCode: 200, data: makeMatterPage([makeMatterItem({ id: 'mt-0', title: '2025 年村务公开栏更换', stage: 'archived', stageLabel: '归档', nextStep: '已归档' })]) };
        return { statusCode: 200, data: makeMatterPage(q.awaitingMe ? [waiting] : [makeMatterItem(), waiting, blocked]) };
      },
    });
    renderPage(<CouncilPage />);
    const awaiting = await screen.findByTestId('council-matters-awaiting');
    expect(awaiting.textContent).toContain('有 1 件大事等您办理');
    expect(awaiting.textContent).toContain('决议公示中，12月4日起可开始实施');
    const groups = Array.from(document.querySelectorAll('[data-testid^="council-matters-"]')).map((el) => el.getAttribute('data-testid'));
    expect(groups).toEqual(['council-matters-awaiting', 'council-matters-committees_deliberation', 'council-matters-party_review']);
    const row = screen.getByTestId('matter-row-mt-3');
    expect(row.textContent).toContain('⚠ 暂停');
    expect(row.textContent).toContain('1 条要求纠正');
    expect(row.textContent).toContain('⚠ 监委会要求纠正：预算没有列明细');
    fireEvent.click(row);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/detail/index?id=mt-3' });
    fireEvent.click(screen.getByTestId('council-matter-create'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/edit/index' });
    // archived ones only when asked for
    expect(screen.queryByTestId('council-matters-archived')).toBeNull();
    fireEvent.click(screen.getByTestId('council-show-archived-matters'));
    expect((await screen.findByTestId('council-matters-archived')).textContent).toContain('2025 年村务公开栏更换');
  });

  it('a villager does not see 提出新的大事', async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn() },
      'GET /api/ballots': { statusCode: 200, data: makeBallotPage([]) },
      'GET /api/matters': { statusCode: 200, data: makeMatterPage([]) },
    });
    renderPage(<CouncilPage />);
    expect((await screen.findByTestId('council-matters-empty')).textContent).toContain('现在没有正在办的大事');
    expect(screen.queryByTestId('council-matter-create')).toBeNull();
  });
});

describe('the matter page', () => {
  function open(detail = makeMatterDetail(), roles: ReturnType<typeof makeMe>['roles'] = ['villager']) {
    taro.setRouterParams({ id: 'mt-1' });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(roles) },
      'GET /api/matters/mt-1': { statusCode: 200, data: detail },
    });
    renderPage(<MatterPage />);
  }

  it('a running 公示期 reads as waiting, not as a stop', async () => {
    const stepper = makeSteps(4, ['决议公示期到 12月3日 才满 7 天']).map((s) => (s.status === 'blocked' ? { ...s, status: 'waiting' as const } : s));
    open(makeMatterDetail({ stage: 'resolution_disclosure', stepper, blocked: false, blockedReasons: [] }));
    const step = await screen.findByTestId('matter-step-resolution_disclosure');
    expect(step.textContent).toContain('●5. 决议公开（公示中）');
    expect(screen.getByTestId('matter-step-resolution_disclosure-reasons').textContent).toBe('还要等：决议公示期到 12月3日 才满 7 天');
    expect(screen.getByTestId('matter-header').textContent).not.toContain('⚠ 暂停');
  });

  it('shows the eight steps with a sign and a word each, and a blocked step with its reasons', async () => {
    open(makeMatterDetail({ stepper: makeSteps(2, ['监委会要求纠正：党员大会通知没有张贴', '还有 1 条异议没有答复']), blocked: true }));
    const stepper = await screen.findByTestId('matter-stepper');
    expect(within(stepper).getAllByRole('listitem')).toHaveLength(8);
    expect(screen.getByTestId('matter-step-branch_proposal').textContent).toContain('✓1. 党组织提议（已完成）');
    expect(screen.getByTestId('matter-step-branch_proposal').textContent).toContain('11月20日 会议通过');
    const blocked = screen.getByTestId('matter-step-party_review');
    expect(blocked.textContent).toContain('⚠3. 党员大会审议（暂停）');
    expect(screen.getByTestId('matter-step-party_review-reasons').textContent).toBe('为什么停下：⚠ 监委会要求纠正：党员大会通知没有张贴⚠ 还有 1 条异议没有答复');
    expect(screen.getByTestId('matter-step-archived').textContent).toContain('○8. 归档（未开始）');
    expect(screen.getByTestId('matter-header').textContent).toContain('⚠ 暂停');
    // the stage's meeting record under its step
    expect(screen.getByTestId('matter-meeting-mtg-1-counts').textContent).toBe('同意 5　反对 1　弃权 0');
    expect(screen.queryByTestId('matter-meeting-mtg-1-attendance')).toBeNull();
    fireEvent.click(screen.getByTestId('matter-meeting-mtg-1-open'));
    expect(screen.getByTestId('matter-meeting-mtg-1-attendance').textContent).toBe('到会 6/7 人');
    expect(screen.getByTestId('matter-meeting-mtg-1').textContent).toContain('签字：郭建平、闫保平');
    expect(screen.getByTestId('matter-meeting-mtg-1').textContent).toContain('11月10日 发出通知（提前 2 天）');
    expect(screen.getByTestId('matter-meeting-mtg-1-counts').textContent).toBe('同意 5　反对 1　弃权 0');
    expect(screen.getByTestId('matter-budget').textContent).toBe('预算（筹资）金额：123,450.50 元');
  });

  it('lists the server\'s actions; a disabled one says exactly why, under it; an allowed one opens its page', async () => {
    open(
      makeMatterDetail({
        actions: [
          action('record_party_review', '登记党员大会审议'),
          action('withdraw', '撤回事项', ['监委会提出了要求纠正的意见，答复并解除前不能继续']),
          action('add_opinion', '提出监督意见', [], false),
          action('answer_objection', '答复异议'),
        ],
      }),
      ['villager', 'secretary'],
    );
    await screen.findByTestId('matter-actions');
    expect(screen.queryByTestId('matter-actions-add_opinion-button')).toBeNull();
    expect(screen.queryByTestId('matter-actions-answer_objection-button')).toBeNull();
    const withdraw = screen.getByTestId('matter-actions-withdraw-button') as HTMLButtonElement;
    expect(withdraw.disabled).toBe(true);
    expect(withdraw.textContent).toBe('撤回事项（现在不能办）');
    expect(screen.getByTestId('matter-actions-withdraw-why').textContent).toBe('现在不能办，因为：⚠ 监委会提出了要求纠正的意见，答复并解除前不能继续');
    fireEvent.click(screen.getByTestId('matter-actions-record_party_review-button'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/meeting/index?id=mt-1&event=record_party_review' });
    expect(actionUrl('mt-1', { event: 'amend' })).toBe('/packages/matters/pages/edit/index?id=mt-1&mode=amend');
    expect(actionUrl('mt-1', { event: 'file_objection' })).toBe('/packages/matters/pages/act/index?id=mt-1&event=file_objection');
  });

  it('shows each revision with why it changed and, on request, what changed in words', async () => {
    open();
    const rev = await screen.findByTestId('matter-revision-2');
    expect(rev.textContent).toContain('第 2 稿（现在用的）');
    expect(rev.textContent).toContain('为什么改：根据党员意见，将筹资标准由每人 50 元改为 30 元');
    expect(screen.queryByTestId('matter-diff-2')).toBeNull();
    fireEvent.click(screen.getByTestId('matter-revision-2-toggle'));
    expect(screen.getByTestId('matter-diff-2-body').textContent).toBe('内容的改动：每人筹资 【－5】【＋3】0 元。\n由村委会负责施工。\n');
    expect(screen.getByTestId('matter-diff-2-budget').textContent).toBe('金额：由 123,450.00 元 改为 123,450.50 元');
    expect(screen.queryByTestId('matter-diff-2-title')).toBeNull();
    expect(screen.getByTestId('matter-revision-1').textContent).toContain('第一稿');
  });

  it('shows disclosures linking to the notice, objections with answers, 要求纠正 in words, and spending in yuan', async () => {
    open(
      makeMatterDetail({
        stage: 'implementation',
        stageLabel: '组织实施',
        stepper: makeSteps(5),
        disclosures: [
          { kind: 'resolution', noticeId: 'n-7', noticeTitle: '【决议公示】村道硬化工程筹资方案', window: { startsOn: '2026-11-27', endsOn: '2026-12-03' } as never, status: 'ended', revision: 2, objections: 1, unansweredObjections: 0 },
        ],
        objections: [
          {
            id: 'ob-1',
            disclosure: 'resolution',
            text: '五保户也要交钱吗？',
            status: 'answered',
            filedBy: { id: 'r-5', name: '张*明' },
            filedAt: '2026-11-28T02:00:00.000Z',
            answer: { text: '五保户免交。', by: { id: 'r-9', name: '郭建平' }, at: '2026-11-29T02:00:00.000Z' },
            review: null,
            mine: false,
          },
        ],
        opinions: [
          {
            id: 'op-1',
            stage: 'implementation',
            stageLabel: '组织实施',
            text: '请公布施工队的报价。',
            blocking: true,
            by: { id: 'r-7', name: '王秀英' },
            at: '2026-12-06T02:00:00.000Z',
            answer: null,
            lifted: null,
            status: 'open',
          },
        ],
        implementation: {
          responsible: { id: 'r-8', name: '闫保平' },
          plannedStartOn: '2026-12-05',
          plannedEndOn: '2027-03-31',
          budgetFen: 12345050,
          startedOn: '2026-12-05',
          spentFen: 500000,
          overdue: false,
          progress: [{ id: 'p-1', text: '路基已完成', spentFen: 500000, photos: [], reportedBy: { id: 'r-8', name: '闫保平' }, reportedOn: '2026-12-20' }],
          result: null,
        },
        actions: [action('answer_opinion', '答复监督意见')],
      }),
      ['villager', 'village_committee'],
    );
    await screen.findByTestId('matter-disclosures');
    expect(screen.getByTestId('matter-disclosures').textContent).toContain('公示期已满');
    fireEvent.click(screen.getByTestId('matter-notice-n-7'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/detail/index?id=n-7' });
    const ob = screen.getByTestId('matter-objection-ob-1');
    expect(ob.textContent).toContain('✓ 已答复');
    expect(ob.textContent).toContain('五保户免交。');
    const op = screen.getByTestId('matter-opinion-op-1');
    expect(op.textContent).toContain('⚠ 要求纠正（事项暂停）');
    fireEvent.click(screen.getByTestId('matter-answer-opinion-op-1'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/act/index?id=mt-1&event=answer_opinion&target=op-1' });
    expect(screen.getByTestId('matter-spent').textContent).toBe('已花 5,000.00 元（预算 123,450.50 元）');
    expect(screen.getByTestId('matter-progress-p-1').textContent).toContain('本次花费 5,000.00 元');
  });
});

describe('the forms', () => {
  it('a villager files an objection: asks first, sends it, and shows a 409 refusal inline in the server\'s words', async () => {
    taro.setRouterParams({ id: 'mt-1', event: 'file_objection' });
    const sent: Sent[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn() },
      'GET /api/matters/mt-1': { statusCode: 200, data: makeMatterDetail({ stage: 'resolution_disclosure', stageLabel: '决议公开' }) },
      'POST /api/matters/mt-1/objections': (req) => {
        sent.push(req);
        return { statusCode: 409, data: { code: 'MATTER_TRANSITION_REFUSED', message: '决议公示期已过（11月27日至12月3日），不能再提异议', correlationId: 'c-9' } };
      },
    });
    renderPage(<MatterActPage />);
    await screen.findByTestId('matter-act-title');
    fireEvent.click(screen.getByTestId('matter-act-submit'));
    expect(screen.getByTestId('matter-act-text-error').textContent).toBe('请填写您的异议');
    fireEvent.change(screen.getByTestId('matter-act-text-input'), { target: { value: '五保户也要交钱吗？' } });
    fireEvent.click(screen.getByTestId('matter-act-submit'));
    expect(screen.getByTestId('matter-act-confirm-text').textContent).toBe('提交后，异议会公开，两委要答复。');
    expect(sent).toHaveLength(0);
    fireEvent.click(within(screen.getByTestId('matter-act-confirm')).getByText('确认'));
    const err = await screen.findByTestId('error-state');
    expect(err.textContent).toContain('没有办成');
    expect(err.textContent).toContain('决议公示期已过（11月27日至12月3日），不能再提异议');
    expect(sent[0].data).toEqual({ text: '五保户也要交钱吗？' });
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });

  it('a supervisor must say whether an opinion stops the matter, and is told so before sending', async () => {
    taro.setRouterParams({ id: 'mt-1', event: 'add_opinion' });
    const sent: Sent[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'supervisor']) },
      'GET /api/matters/mt-1': { statusCode: 200, data: makeMatterDetail() },
      'POST /api/matters/mt-1/opinions': (req) => {
        sent.push(req);
        return { statusCode: 201, data: makeMatterDetail() };
      },
    });
    renderPage(<MatterActPage />);
    await screen.findByTestId('matter-act-title');
    fireEvent.change(screen.getByTestId('matter-act-text-input'), { target: { value: '请公布施工队的报价。' } });
    fireEvent.click(screen.getByTestId('matter-act-submit'));
    expect(screen.getByTestId('matter-act-blocking').textContent).toContain('请填写“这条意见是否要求纠正？”');
    fireEvent.click(screen.getByTestId('matter-act-block'));
    fireEvent.click(screen.getByTestId('matter-act-submit'));
    expect(screen.getByTestId('matter-act-confirm-text').textContent).toContain('要求纠正：事项暂停，两委答复、监委会解除后才能继续');
    fireEvent.click(within(screen.getByTestId('matter-act-confirm')).getByText('确认'));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(sent[0].data).toEqual({ text: '请公布施工队的报价。', blocking: true });
  });

  it('a supervisor sends a matter back to a stage it has passed, with the reason and the opinion it answers', async () => {
    taro.setRouterParams({ id: 'mt-1', event: 'send_back', target: 'op-1' });
    const sent: Sent[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'supervisor']) },
      'GET /api/matters/mt-1': { statusCode: 200, data: makeMatterDetail() },
      'POST /api/matters/mt-1/send-back': (req) => {
        sent.push(req);
        return { statusCode: 200, data: makeMatterDetail() };
      },
    });
    renderPage(<MatterActPage />);
    const targets = await screen.findByTestId('matter-act-target');
    // at 党员大会审议: back to 1–3 only
    expect(targets.textContent).toContain('党组织提议');
    expect(targets.textContent).toContain('党员大会审议');
    expect(targets.textContent).not.toContain('决议公开');
    fireEvent.click(screen.getByTestId('matter-act-target-committees_deliberation'));
    fireEvent.change(screen.getByTestId('matter-act-text-input'), { target: { value: '两委会议签到表与纪要人数不符' } });
    fireEvent.click(screen.getByTestId('matter-act-submit'));
    expect(screen.getByTestId('matter-act-confirm-text').textContent).toContain('退回到“两委商议”。退回后，这一步以后的会议不再算数');
    fireEvent.click(within(screen.getByTestId('matter-act-confirm')).getByText('确认'));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(sent[0].data).toEqual({ toStage: 'committees_deliberation', reason: '两委会议签到表与纪要人数不符', opinionId: 'op-1', version: 4 });
  });

  it('checks the other acts\' fields in words', () => {
    const base = { text: '', blocking: null, target: null, people: [], start: '2026-12-05', end: '', amount: '', day: '2026-12-05', photos: [] };
    expect(checkActForm('send_back', base)).toEqual({ target: '请填写退回到哪一步重新办', text: '请填写原因' });
    expect(checkActForm('start_implementation', { ...base, amount: '1.234' })).toEqual({ people: '请选实施负责人', end: '请选择日期', amount: '金额请写数字，最多两位小数，例如 12345.50' });
    expect(checkActForm('report_progress', { ...base, text: '路基完成', amount: '0' })).toEqual({});
    expect(checkActForm('archive', base)).toEqual({});
  });

  it('amending shows the changes before sending, and sends the revision it was based on with exact fen', async () => {
    taro.setRouterParams({ id: 'mt-1', mode: 'amend' });
    const sent: Sent[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'secretary']) },
      'GET /api/matters/mt-1': { statusCode: 200, data: makeMatterDetail({ stage: 'committees_deliberation' }) },
      'POST /api/matters/mt-1/revisions': (req) => {
        sent.push(req);
        return { statusCode: 201, data: makeMatterDetail() };
      },
    });
    renderPage(<MatterEditPage />);
    const body = await screen.findByTestId('matter-form-body-input');
    expect((screen.getByTestId('matter-form-budget').querySelector('input') as HTMLInputElement).value).toBe('123450.50');
    fireEvent.change(body, { target: { value: '每人筹资 20 元。\n由村委会负责施工。\n' } });
    fireEvent.change(screen.getByTestId('matter-form-budget').querySelector('input')!, { target: { value: '100,000.10' } });
    expect(screen.getByTestId('matter-preview-body').textContent).toBe('内容的改动：每人筹资 【－3】【＋2】0 元。\n由村委会负责施工。\n');
    expect(screen.getByTestId('matter-preview-budget').textContent).toBe('金额：由 123,450.50 元 改为 100,000.10 元');
    fireEvent.click(screen.getByTestId('matter-form-submit'));
    expect(screen.getByTestId('matter-form-note-error').textContent).toBe('请填写为什么改');
    fireEvent.change(screen.getByTestId('matter-form-note-input'), { target: { value: '党员大会要求降低标准' } });
    fireEvent.click(screen.getByTestId('matter-form-submit'));
    expect(screen.getByTestId('matter-form-confirm').textContent).toContain('提交后成为第 3 稿');
    fireEvent.click(within(screen.getByTestId('matter-form-confirm')).getByText('确认'));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(sent[0].data).toEqual({
      basedOn: 2,
      title: '村道硬化工程筹资方案',
      body: '每人筹资 20 元。\n由村委会负责施工。\n',
      budgetFen: 10000010,
      changeNote: '党员大会要求降低标准',
      version: 4,
    });
  });

  it('announcing a 村民会议 less than 10 days ahead warns at once', async () => {
    taro.setRouterParams({ id: 'mt-1', event: 'record_assembly_resolution' });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'secretary']) },
      'GET /api/matters/mt-1': { statusCode: 200, data: makeMatterDetail({ stage: 'assembly_resolution' }) },
    });
    renderPage(<MatterMeetingPage />);
    await screen.findByTestId('matter-schedule');
    // The system pickers answer with a day (and the time stays at 09:00).
    const pick = (field: string, value: string) => fireEvent.change(within(screen.getByTestId(field)).getByTestId('picker-date'), { target: { value } });
    pick('matter-schedule-notice', '2026-11-25');
    pick('matter-schedule-when', '2026-12-01');
    expect(screen.getByTestId('matter-schedule-warning').textContent).toMatch(/^⚠ 村民会议应提前 10 天通知/);
    pick('matter-schedule-when', '2026-12-06');
    expect(screen.queryByTestId('matter-schedule-warning')).toBeNull();
  });

  it('builds a meeting record from a paper count, or refuses in words', () => {
    const f = {
      heldOn: '2026-12-06',
      minutes: '',
      kind: 'paper' as const,
      ballotId: null,
      present: '60',
      eligible: '85',
      for: '50',
      against: 'x',
      abstain: '2',
      attendees: [],
      signers: [],
      teller: [{ id: 'r-3', name: '王小明' }],
      scrutineer: [],
      photos: [] as Array<{ id: string; fileName: string; contentType: 'image/jpeg'; url: string }>,
    };
    expect(buildRecord(f, 2).errors).toEqual({ minutes: '请填写会议纪要', signers: '请填写在纪要上签字的人', photos: '请上传签到表照片', against: '请写 0 或正整数' });
    const photos = [{ id: 'f-1', fileName: '签到表.jpg', contentType: 'image/jpeg' as const, url: 'u' }];
    const ok = buildRecord({ ...f, minutes: '同意方案', against: '8', signers: [{ id: 'r-9', name: '郭建平' }], photos }, 2);
    expect(ok.input).toEqual({
      heldOn: '2026-12-06',
      revision: 2,
      attendeeResidentIds: [],
      minutes: '同意方案',
      signInSheetPhotoIds: ['f-1'],
      signerResidentIds: ['r-9'],
      count: { kind: 'paper', turnout: { eligible: 85, participated: 60 }, counts: { for: 50, against: 8, abstain: 2 }, tellerResidentId: 'r-3', scrutineerResidentId: null },
    });
    expect(buildRecord({ ...f, kind: 'ballot', minutes: 'x', signers: [{ id: 'r-9', name: '郭建平' }], photos }, 2).errors).toEqual({ ballot: '请填写选一个已结束的表决' });
  });
});
