/**
 * 村民提议 rendered in jsdom (Taro mocked, the real http client underneath): the 议事 tab's section
 * (热门 / 最新 / 我的, badges in words, 加载更多), the proposal page (内容审核中 / 未公开, 附议 with its
 * confirmation, the bar with the 1/10 line, the six steps, the linked matter, the committee's
 * actions with reasons), 我要提议 (checks, photos with progress, the body sent), the committee's
 * forms (the exact bodies), the triage queue's order, the township's oversight (sorting, export)
 * and 首页's "N 件提议待答复（M 件已超期）".
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, type Role } from '@village/shared';
import * as taro from '../__mocks__/taro';
import { barGeometry } from '../src/packages/proposals/components/CosignProgress';
import ProposalActPage, { actBody, confirmText } from '../src/packages/proposals/pages/act/index';
import ProposalCreatePage from '../src/packages/proposals/pages/create/index';
import ProposalPage, { actUrl, committeeActions } from '../src/packages/proposals/pages/detail/index';
import TownshipOversightPage from '../src/packages/proposals/pages/oversight/index';
import ProposalQueuePage from '../src/packages/proposals/pages/queue/index';
import { checkActForm, checkCreateForm, groupQueue, parseYuan, sortOversight, type ActForm } from '../src/packages/proposals/utils/form';
import { deadlineBadge } from '../src/pages/council/ProposalRow';
import CouncilPage from '../src/pages/council/index';
import HomePage from '../src/pages/index/index';
import { proposalsOwed } from '../src/pages/index/ProposalsTodo';
import { beijingToday } from '../src/services/dates';
import { noteReplySeen, unseenReplies } from '../src/services/proposalReplies';
import { saveTokens } from '../src/services/session';
import { makeBallotPage } from './factories/ballots';
import { makeMatterPage } from './factories/matters';
import { makeMe } from './factories/me';
import { makeOversightRow, makeProposalDetail, makeProposalItem, makeProposalPage, makeReply, pAction } from './factories/proposals';
import { makeVillageSummary } from './factories/village';
import { renderPage, routeRequests } from './render';

type Sent = { url: string; method: string; data?: unknown; header: Record<string, string> };

beforeEach(() => {
  taro.resetTaroMock();
});

function signIn(roles: Role[] = ['villager']) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return makeMe({ roles });
}

const today = beijingToday();
const overdueBy2 = makeReply({ dueBy: addDays(today, -2), overdue: true, daysLeft: -2, text: '已超期 2 天未答复' });

const emptyForm: ActForm = { text: '', mergeInto: null, typeCode: null, title: '', budget: '', decision: null };

describe('rules in words', () => {
  it('reply badges say the days, with ⚠ when overdue and ✓ when answered', () => {
    expect(deadlineBadge(makeReply({ daysLeft: 3 }), today)).toEqual({ text: '还剩 3 天', tone: 'due' });
    expect(deadlineBadge(makeReply({ daysLeft: 0 }), today)).toEqual({ text: '今天到期', tone: 'due' });
    expect(deadlineBadge(overdueBy2, today)).toEqual({ text: '⚠ 已超期 2 天', tone: 'overdue' });
    expect(deadlineBadge(makeReply({ answeredOn: '2026-11-22' }), today)).toEqual({ text: '✓ 已答复', tone: 'answered' });
    expect(deadlineBadge(null, today)).toBeNull();
  });

  it('the bar puts the 1/10 line at 80 % and stops at 1.25 times the persons needed', () => {
    expect(barGeometry(0.6)).toEqual({ fill: 48, marker: 80 });
    expect(barGeometry(1)).toEqual({ fill: 80, marker: 80 });
    expect(barGeometry(3)).toEqual({ fill: 100, marker: 80 });
    expect(barGeometry(-1).fill).toBe(0);
  });

  it('reads typed yuan exactly', () => {
    expect(parseYuan('12,345.5')).toBe(1234550);
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('1.234')).toBe('invalid');
  });

  it('checks the 我要提议 form and the committee forms in words', () => {
    expect(checkCreateForm({ title: ' ', body: '', categoryCode: null }, true)).toEqual({
      title: '请填写标题',
      body: '请填写具体内容',
      categoryCode: '请选属于哪一类',
      photos: '照片还在上传，请等传完再提交',
    });
    expect(checkCreateForm({ title: '路'.repeat(41), body: '好', categoryCode: 'road' }, false)).toEqual({ title: '标题最多 40 个字' });
    expect(checkActForm('merge', emptyForm)).toEqual({ mergeInto: '请选合并到哪条提议', text: '请填写为什么合并' });
    expect(checkActForm('convert', { ...emptyForm, budget: 'abc' })).toEqual({
      typeCode: '请选事项类别',
      title: '请填写大事的标题',
      text: '请填写方案内容',
      budget: '金额请写数字，最多两位小数，例如 12345.50',
    });
    expect(checkActForm('review', { ...emptyForm, decision: 'release' })).toEqual({});
    expect(checkActForm('review', { ...emptyForm, decision: 'reject' })).toEqual({ text: '请填写不公开的理由' });
  });

  it('the committee actions keep a fixed order, label the next step, and carry the reason of a disabled one', () => {
    const { items, note } = committeeActions(
      [
        pAction('cosign'),
        pAction('review', '提议不在内容审核中，不需要审核'),
        pAction('convert', '只有书记和村党组织委员可以转为村里大事'),
        pAction('advance', null, 'accepted'),
        pAction('reply'),
        pAction('share'),
      ],
      'raised',
    );
    expect(note).toBeNull();
    expect(items).toEqual([
      { key: 'reply', label: '答复提议', allowed: true, reasons: [] },
      { key: 'advance', label: '进入下一步：确定议题', allowed: true, reasons: [] },
      { key: 'convert', label: '转为村里大事（四议两公开）', allowed: false, reasons: [{ text: '只有书记和村党组织委员可以转为村里大事' }] },
    ]);
    expect(actUrl('p-1', { action: 'advance', to: 'accepted' })).toBe('/packages/proposals/pages/act/index?id=p-1&kind=advance&to=accepted');
    expect(committeeActions([pAction('advance', null, 'completed')], 'implementing').items[0].label).toBe('办结：研究落实已完成');
    // waiting for content review: only 内容审核
    expect(committeeActions([pAction('review'), pAction('reply', '提议还在内容审核中，审核公开后才能办理')], 'pending_review').items.map((i) => i.key)).toEqual(['review']);
    // nothing possible: one sentence instead of a wall of grey buttons
    expect(committeeActions([pAction('reply', '提议已转为村里大事，不能再办理'), pAction('decline', '提议已转为村里大事，不能再办理')], 'converted')).toEqual({ items: [], note: '提议已转为村里大事，不能再办理' });
  });
});

describe('议事 tab: 村民提议', () => {
  function route(handler: (q: Record<string, unknown>) => unknown, roles: Role[] = ['villager']) {
    const asked: Array<Record<string, unknown>> = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(roles) },
      'GET /api/ballots': { statusCode: 200, data: makeBallotPage([]) },
      'GET /api/matters': { statusCode: 200, data: makeMatterPage([]) },
      'GET /api/proposals': (req) => {
        const q = req.data as Record<string, unknown>;
        asked.push(q);
        return { statusCode: 200, data: handler(q) };
      },
    });
    renderPage(<CouncilPage />);
    return asked;
  }

  it('lists 热门 with category, status, co-signs and the reply badge in words, then pages on with 加载更多', async () => {
    const first = [
      makeProposalItem({ id: 'p-1', cosigns: 30, cosignedByMe: true }),
      makeProposalItem({ id: 'p-2', title: '村口垃圾池每周清两次', category: { code: 'environment', label: '环境' }, status: 'accepted', statusLabel: '确定议题', cosigns: 8, reply: overdueBy2 }),
    ];
    const asked = route((q) => (q.page === 2 ? makeProposalPage([makeProposalItem({ id: 'p-3', title: '修水渠', cosigns: 2 })], 3, 2) : makeProposalPage(first, 3)));
    const row = await screen.findByTestId('proposal-row-p-2');
    expect(row.textContent).toContain('环境');
    expect(row.textContent).toContain('确定议题');
    expect(row.textContent).toContain('8 人附议');
    expect(screen.getByTestId('proposal-row-p-2-deadline').textContent).toBe('⚠ 已超期 2 天');
    expect(screen.getByTestId('proposal-row-p-1').textContent).toContain('30 人附议　✓ 我已附议');
    expect(screen.getByTestId('proposal-row-p-1-deadline').textContent).toBe('还剩 3 天');
    expect(asked[0]).toMatchObject({ sort: 'hot', page: 1, pageSize: 20 });
    expect(screen.getByTestId('council-proposal-tab-hot').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('council-proposal-tab-hot').textContent).toBe('✓ 热门');

    fireEvent.click(screen.getByTestId('council-proposals-more'));
    await screen.findByTestId('proposal-row-p-3');
    expect(asked[1]).toMatchObject({ sort: 'hot', page: 2 });
    const rows = Array.from(document.querySelectorAll('[data-testid^="proposal-row-p-"]')).map((el) => el.getAttribute('data-testid')!);
    expect(rows.filter((t) => !t.endsWith('-deadline'))).toEqual([
      'proposal-row-p-1',
      'proposal-row-p-2',
      'proposal-row-p-3',
    ]);
    expect(screen.queryByTestId('council-proposals-more')).toBeNull();
    expect(screen.getByTestId('council-proposals-end').textContent).toBe('已经全部显示，共 3 条提议');

    fireEvent.click(screen.getByTestId('proposal-row-p-2'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposals/pages/detail/index?id=p-2' });
    fireEvent.click(screen.getByTestId('council-proposal-create'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposals/pages/create/index' });
  });

  it('我的 asks for mine only and says so when there are none; 最新 sorts by new', async () => {
    const asked = route(() => makeProposalPage([]));
    expect((await screen.findByTestId('council-proposals-empty')).textContent).toContain('还没有人提议');
    fireEvent.click(screen.getByTestId('council-proposal-tab-mine'));
    expect((await screen.findByTestId('council-proposals-mine')).textContent).toContain('您还没有提过建议');
    expect(asked[asked.length - 1]).toMatchObject({ mine: true, page: 1 });
    fireEvent.click(screen.getByTestId('council-proposal-tab-new'));
    await screen.findByTestId('council-proposals-new');
    expect(asked[asked.length - 1]).toMatchObject({ sort: 'new', page: 1 });
    expect(asked[asked.length - 1].mine).toBeUndefined();
  });

  it('a failed page keeps the rows and offers 重试 in the server\'s words', async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn() },
      'GET /api/ballots': { statusCode: 200, data: makeBallotPage([]) },
      'GET /api/matters': { statusCode: 200, data: makeMatterPage([]) },
      'GET /api/proposals': (req) =>
        (req.data as { page: number }).page === 2
          ? { statusCode: 403, data: { code: 'NOT_ALLOWED', message: '您还没有绑定村民身份，不能看提议。', correlationId: 'c-1' } }
          : { statusCode: 200, data: makeProposalPage([makeProposalItem()], 5) },
    });
    renderPage(<CouncilPage />);
    fireEvent.click(await screen.findByTestId('council-proposals-more'));
    const section = screen.getByTestId('council-proposals');
    await waitFor(() => expect(section.textContent).toContain('您还没有绑定村民身份，不能看提议。'));
    expect(section.textContent).toContain('没有加载出更多');
    expect(screen.getByTestId('proposal-row-p-1')).toBeTruthy();
  });
});

describe('the proposal page', () => {
  function open(detail = makeProposalDetail(), extra: Parameters<typeof routeRequests>[1] = {}, roles: Role[] = ['villager']) {
    taro.setRouterParams({ id: 'p-1' });
    const sent: Sent[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(roles) },
      'GET /api/proposals/p-1': { statusCode: 200, data: detail },
      ...extra,
    });
    renderPage(<ProposalPage />);
    return sent;
  }

  it('co-signs after asking, then says "✓ 您已附议" and the bar moves', async () => {
    const sent: Sent[] = [];
    const after = makeProposalDetail({
      cosignedByMe: true,
      cosigns: 13,
      actions: [pAction('cosign', '您已经附议过了'), pAction('share')],
      progress: { ...makeProposalDetail().progress, persons: 13, share: 0.65, text: '已有 13 人附议（10 户），还差 7 人达到十分之一' },
    });
    open(makeProposalDetail(), {
      'POST /api/proposals/p-1/cosign': (req) => {
        sent.push(req);
        return { statusCode: 200, data: after };
      },
    });
    expect((await screen.findByTestId('proposal-progress-text')).textContent).toBe('已有 12 人附议（9 户），还差 8 人达到十分之一');
    expect(screen.getByTestId('proposal-progress-marker').textContent).toBe('1/10（20 人）');
    expect(screen.getByTestId('proposal-progress-bar').getAttribute('aria-label')).toBe('已有 12 人附议，达到十分之一要 20 人');
    expect(screen.getByTestId('proposal-title').textContent).toBe('南坪组路口装一盏路灯');
    expect(screen.getByTestId('proposal-text').textContent).toContain('建议装一盏太阳能路灯');
    expect(screen.getByTestId('proposal-photos-ph-1').getAttribute('aria-label')).toBe('提议照片第 1 张（共 1 张），点开看大图');
    // villagers see no committee actions
    expect(screen.queryByTestId('proposal-actions')).toBeNull();

    fireEvent.click(screen.getByTestId('proposal-cosign-button'));
    const dialog = screen.getByTestId('proposal-cosign-confirm');
    expect(dialog.textContent).toContain('附议后会记上您的名字，不能撤回');
    expect(sent).toHaveLength(0);
    fireEvent.click(within(dialog).getByText('确认附议'));
    expect((await screen.findByTestId('proposal-cosigned')).textContent).toBe('✓ 您已附议');
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toEqual({});
    expect(screen.queryByTestId('proposal-cosign-button')).toBeNull();
    expect(screen.getByTestId('proposal-flash').textContent).toBe('✓ 附议成功，谢谢您');
    expect(screen.getByTestId('proposal-progress-text').textContent).toBe('已有 13 人附议（10 户），还差 7 人达到十分之一');
  });

  it('a refused co-sign is shown in the server\'s words and the button stays', async () => {
    open(makeProposalDetail(), {
      'POST /api/proposals/p-1/cosign': { statusCode: 409, data: { code: 'PROPOSAL_CLOSED', message: '这条提议已经办结，不能再附议。', correlationId: 'c-9' } },
    });
    fireEvent.click(await screen.findByTestId('proposal-cosign-button'));
    fireEvent.click(within(screen.getByTestId('proposal-cosign-confirm')).getByText('确认附议'));
    await waitFor(() => expect(screen.getByTestId('proposal-cosign').textContent).toContain('这条提议已经办结，不能再附议。'));
    expect(screen.getByTestId('proposal-cosign').textContent).toContain('没有附议成功');
    expect(screen.getByTestId('proposal-cosign-button')).toBeTruthy();
  });

  it('says plainly when it is 内容审核中, and 未公开 with the reason', async () => {
    open(makeProposalDetail({ status: 'pending_review', statusLabel: '内容审核中', mine: true, heldReason: '照片正在检查，通过后自动公开', actions: [], reply: null, photos: [{ id: 'ph-1', url: 'u', check: 'pending' }] }));
    expect((await screen.findByTestId('proposal-pending-review')).textContent).toContain('内容审核中：别人还看不到这条提议');
    expect(screen.getByTestId('proposal-pending-review').textContent).toContain('为什么：照片正在检查，通过后自动公开');
    expect(screen.getByTestId('proposal-status').textContent).toBe('内容审核中');
    expect(screen.getByTestId('proposal-body').textContent).toContain('还有 1 张照片在审核，通过后别人才能看到');
    expect(screen.queryByTestId('proposal-progress')).toBeNull();
    expect(screen.queryByTestId('proposal-share-copy')).toBeNull();
  });

  it('a held proposal tells its author why', async () => {
    open(makeProposalDetail({ status: 'held', statusLabel: '未公开', mine: true, heldReason: '照片含有不适宜公开的内容', actions: [], reply: null }));
    const held = await screen.findByTestId('proposal-held');
    expect(held.textContent).toContain('✗ 未公开：这条提议没有通过内容审核');
    expect(held.textContent).toContain('原因：照片含有不适宜公开的内容');
  });

  it('shows the six steps in words and signs, the replies, the linked matter with its stage, and the committee actions', async () => {
    const steps = makeProposalDetail().steps.map((s, i) => ({ ...s, state: (i < 2 ? 'done' : i === 2 ? 'current' : 'upcoming') as 'done' | 'current' | 'upcoming', on: i < 2 ? '2026-11-22' : null }));
    open(
      makeProposalDetail({
        status: 'content_reviewed',
        statusLabel: '内容审定',
        steps,
        reply: makeReply({ answeredOn: '2026-11-22' }),
        replies: [{ text: '两委已研究，列入 12 月议题。', by: { id: 'r-9', name: '郭建平' }, at: '2026-11-22T02:00:00.000Z' }],
        matter: { id: 'mt-7', title: '南坪组路灯安装', stageLabel: '两委商议' },
        actions: [pAction('reply'), pAction('advance', null, 'deliberating'), pAction('convert', '已经转为村里大事'), pAction('share')],
      }),
      {},
      ['villager', 'secretary'],
    );
    expect((await screen.findByTestId('proposal-step-raised')).textContent).toContain('✓1. 提出议题（已完成）');
    expect(screen.getByTestId('proposal-step-raised').textContent).toContain('11月22日 完成');
    expect(screen.getByTestId('proposal-step-content_reviewed').textContent).toContain('●3. 内容审定（正在办）');
    expect(screen.getByTestId('proposal-step-implementing').textContent).toContain('○6. 研究落实（未开始）');
    expect(screen.getByTestId('proposal-deadline').textContent).toBe('✓ 已答复');
    expect(screen.getByTestId('proposal-reply-1').textContent).toContain('郭建平 11月22日 答复：两委已研究，列入 12 月议题。');
    expect(screen.getByTestId('proposal-matter-stage').textContent).toBe('现在走到：两委商议');
    fireEvent.click(screen.getByTestId('proposal-matter-link'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/matters/pages/detail/index?id=mt-7' });
    expect(screen.getByTestId('proposal-actions-convert-button').textContent).toBe('转为村里大事（四议两公开）（现在不能办）');
    expect(screen.getByTestId('proposal-actions-convert-why').textContent).toBe('现在不能办，因为：⚠ 已经转为村里大事');
    fireEvent.click(screen.getByTestId('proposal-actions-advance-button'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposals/pages/act/index?id=p-1&kind=advance&to=deliberating' });
  });

  it('on H5 the share button copies the link to paste into the village group; WeChat gets the share card', async () => {
    process.env.TARO_ENV = 'h5';
    try {
      open();
      fireEvent.click(await screen.findByTestId('proposal-share-copy'));
      await screen.findByTestId('proposal-share-copied');
      expect(taro.setClipboardData).toHaveBeenCalledWith({ data: `${window.location.origin}/packages/proposals/pages/detail/index?id=p-1` });
      const share = taro.useShareAppMessage.mock.calls[taro.useShareAppMessage.mock.calls.length - 1][0] as () => { title: string; path: string };
      expect(share()).toEqual({ title: '请附议：南坪组路口装一盏路灯', path: '/packages/proposals/pages/detail/index?id=p-1' });
    } finally {
      Reflect.deleteProperty(process.env, 'TARO_ENV');
    }
  });

  it('a declined proposal shows the public reason; a merged one links to where it went', async () => {
    open(makeProposalDetail({ status: 'merged', statusLabel: '已合并', declinedReason: null, mergedInto: { id: 'p-8', title: '南坪组道路照明' }, actions: [] }));
    fireEvent.click(await screen.findByTestId('proposal-merged-into'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposals/pages/detail/index?id=p-8' });
  });
});

describe('我要提议', () => {
  function open(extra: Parameters<typeof routeRequests>[1] = {}) {
    const sent: Sent[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn() },
      'GET /api/proposal-settings': {
        statusCode: 200,
        data: {
          replyDays: 7,
          categories: [
            { code: 'road', label: '道路', builtin: true, enabled: true },
            { code: 'water', label: '水利', builtin: true, enabled: false },
            { code: 'other', label: '其他', builtin: true, enabled: true },
          ],
        },
      },
      'POST /api/proposals': (req) => {
        sent.push(req);
        return { statusCode: 201, data: makeProposalDetail({ id: 'p-new', status: 'pending_review' }) };
      },
      ...extra,
    });
    renderPage(<ProposalCreatePage />);
    return sent;
  }

  it('says what is missing, uploads photos with progress, asks first, then sends exactly the form', async () => {
    const sent = open();
    await screen.findByTestId('proposal-category-road');
    expect(screen.queryByTestId('proposal-category-water')).toBeNull();
    expect(screen.getByTestId('proposal-create-page').textContent).toContain('村两委要在 7 天内答复');

    fireEvent.click(screen.getByTestId('proposal-form-submit'));
    expect(screen.getByTestId('proposal-form-title-error').textContent).toBe('请填写标题');
    expect(screen.getByTestId('proposal-form-body-error').textContent).toBe('请填写具体内容');
    expect(screen.getByTestId('proposal-form-category-error').textContent).toBe('请选属于哪一类');
    expect(screen.queryByTestId('proposal-form-confirm')).toBeNull();

    fireEvent.change(screen.getByTestId('proposal-form-title').querySelector('input')!, { target: { value: '南坪组路口装一盏路灯' } });
    fireEvent.change(screen.getByTestId('proposal-form-body-input'), { target: { value: '晚上太黑，老人容易摔倒。' } });
    fireEvent.click(screen.getByTestId('proposal-category-road'));
    expect(screen.getByTestId('proposal-category-road').textContent).toContain('已选');

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
    taro.chooseImage.mockResolvedValueOnce({ tempFilePaths: ['wxfile://tmp/lamp.jpg'], tempFiles: [{ path: 'wxfile://tmp/lamp.jpg', size: 1000 }] });
    fireEvent.click(screen.getByTestId('proposal-form-photos-pick'));
    await waitFor(() => expect(taro.uploadFile).toHaveBeenCalledTimes(1));
    expect(taro.chooseImage.mock.calls[0][0]).toMatchObject({ count: 9, sizeType: ['compressed'] });
    expect(taro.uploadFile.mock.calls[0][0]).toMatchObject({ url: '/api/proposal-files', name: 'file', filePath: 'wxfile://tmp/lamp.jpg', fileName: 'lamp.jpg' });
    act(() => progress?.({ progress: 45 }));
    expect(screen.getByTestId('proposal-form-photos-progress').textContent).toBe('正在上传第 1 张（共 1 张）：45%');
    // Submitting while a photo goes up says to wait.
    fireEvent.click(screen.getByTestId('proposal-form-submit'));
    expect(screen.getByTestId('proposal-form-photos').textContent).toContain('照片还在上传，请等传完再提交');
    await act(async () => {
      finish?.({ statusCode: 201, data: JSON.stringify({ id: 'f-1', fileName: 'lamp.jpg', url: 'https://files.test/f-1.jpg' }) });
    });
    await waitFor(() => expect(screen.getByTestId('proposal-form-photos-count').textContent).toBe('已传 1 张，还能传 8 张'));
    expect(screen.queryByTestId('proposal-form-photos-progress')).toBeNull();

    fireEvent.click(screen.getByTestId('proposal-form-submit'));
    const dialog = screen.getByTestId('proposal-form-confirm');
    expect(dialog.textContent).toContain('《南坪组路口装一盏路灯》');
    expect(dialog.textContent).toContain('先经过内容审核');
    fireEvent.click(within(dialog).getByText('确认'));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/proposals/pages/detail/index?id=p-new' }));
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toEqual({ title: '南坪组路口装一盏路灯', body: '晚上太黑，老人容易摔倒。', categoryCode: 'road', photoIds: ['f-1'] });
    expect(sent[0].header['idempotency-key']).toBeTruthy();
    // the draft is gone once sent
    expect(taro.getStorageSync('village.proposals.newForm')).toBe('');
  });

  it('keeps the refusal on the page in the server\'s words, and what was typed', async () => {
    open({ 'POST /api/proposals': { statusCode: 422, data: { code: 'CONTENT_RISKY', message: '标题含有不适宜公开的内容，请修改后再提交。', correlationId: 'c-3' } } });
    await screen.findByTestId('proposal-category-other');
    fireEvent.change(screen.getByTestId('proposal-form-title').querySelector('input')!, { target: { value: '某某标题' } });
    fireEvent.change(screen.getByTestId('proposal-form-body-input'), { target: { value: '内容' } });
    fireEvent.click(screen.getByTestId('proposal-category-other'));
    fireEvent.click(screen.getByTestId('proposal-form-submit'));
    fireEvent.click(within(screen.getByTestId('proposal-form-confirm')).getByText('确认'));
    await waitFor(() => expect(screen.getByTestId('proposal-create-page').textContent).toContain('标题含有不适宜公开的内容，请修改后再提交。'));
    expect((screen.getByTestId('proposal-form-title').querySelector('input') as HTMLInputElement).value).toBe('某某标题');
    expect(taro.redirectTo).not.toHaveBeenCalled();
    expect(JSON.parse(String(taro.getStorageSync('village.proposals.newForm')))).toMatchObject({ title: '某某标题', categoryCode: 'other' });
  });
});

describe('the committee\'s forms send the contract\'s bodies', () => {
  it('builds each body from the form, with the proposal\'s version where the contract asks for it', () => {
    const p = { version: 4, body: '原文' };
    const f = { ...emptyForm, text: '  两委同意列为议题  ' };
    expect(actBody('advance', p, f, 'accepted')).toEqual({ to: 'accepted', note: '两委同意列为议题', version: 4 });
    expect(actBody('reply', p, f, null)).toEqual({ text: '两委同意列为议题' });
    expect(actBody('decline', p, f, null)).toEqual({ reason: '两委同意列为议题', version: 4 });
    expect(actBody('merge', p, { ...f, mergeInto: 'p-8' }, null)).toEqual({ intoProposalId: 'p-8', reason: '两委同意列为议题', version: 4 });
    expect(actBody('convert', p, { ...f, typeCode: 'public_works', title: '路灯', budget: '3,000.5' }, null)).toEqual({
      typeCode: 'public_works',
      title: '路灯',
      body: '两委同意列为议题',
      budgetFen: 300050,
      version: 4,
    });
    expect(actBody('convert', p, { ...f, typeCode: 'general', title: '路灯', budget: '' }, null)).toMatchObject({ budgetFen: null });
    expect(actBody('review', p, { ...f, decision: 'release' }, null)).toEqual({ decision: 'release' });
    expect(actBody('review', p, { ...f, decision: 'reject' }, null)).toEqual({ decision: 'reject', reason: '两委同意列为议题' });
    expect(confirmText('merge', f, null, '南坪组道路照明', null)).toContain('合并到《南坪组道路照明》');
    expect(confirmText('convert', { ...f, budget: '3000' }, null, null, '公益事业')).toContain('按“公益事业”办理，预算 3,000.00 元');
  });

  function openAct(params: Record<string, string>, extra: Parameters<typeof routeRequests>[1] = {}) {
    taro.setRouterParams({ id: 'p-1', ...params });
    const sent: Sent[] = [];
    const record = (answer: unknown) => (req: Sent) => {
      sent.push(req);
      return { statusCode: 200, data: answer };
    };
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'secretary']) },
      'GET /api/proposals/p-1': { statusCode: 200, data: makeProposalDetail({ actions: [pAction('reply'), pAction('advance', null, 'accepted'), pAction('decline'), pAction('merge'), pAction('convert')] }) },
      'POST /api/proposals/p-1/steps': record(makeProposalDetail()),
      'POST /api/proposals/p-1/reply': record(makeProposalDetail()),
      'POST /api/proposals/p-1/decline': record(makeProposalDetail()),
      'POST /api/proposals/p-1/merge': record(makeProposalDetail()),
      'POST /api/proposals/p-1/convert': record(makeProposalDetail()),
      'POST /api/proposals/p-1/review': record(makeProposalDetail()),
      ...extra,
    });
    renderPage(<ProposalActPage />);
    return sent;
  }

  async function confirmAndGoBack(): Promise<void> {
    fireEvent.click(screen.getByTestId('proposal-act-submit'));
    fireEvent.click(within(screen.getByTestId('proposal-act-confirm')).getByText('确认'));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
  }

  it('进入下一步 sends the step and the note', async () => {
    const sent = openAct({ kind: 'advance', to: 'accepted' });
    await screen.findByTestId('proposal-act-advance');
    expect(screen.getByTestId('proposal-act-page').textContent).toContain('进入下一步：确定议题');
    fireEvent.click(screen.getByTestId('proposal-act-submit'));
    expect(screen.getByTestId('proposal-act-text-error').textContent).toBe('请填写这一步定了什么');
    fireEvent.change(screen.getByTestId('proposal-act-text-input'), { target: { value: '两委会议同意列为议题' } });
    fireEvent.click(screen.getByTestId('proposal-act-submit'));
    expect(screen.getByTestId('proposal-act-confirm-text').textContent).toBe('下一步：确定议题。进入下一步后不能退回，这一步定的内容全村都能看到。');
    fireEvent.click(within(screen.getByTestId('proposal-act-confirm')).getByText('确认'));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(sent.map((s) => [s.url, s.data])).toEqual([['/api/proposals/p-1/steps', { to: 'accepted', note: '两委会议同意列为议题', version: 3 }]]);
  });

  it('答复 sends the text', async () => {
    const sent = openAct({ kind: 'reply' });
    fireEvent.change(await screen.findByTestId('proposal-act-text-input'), { target: { value: '已列入 12 月议题。' } });
    await confirmAndGoBack();
    expect(sent[0].data).toEqual({ text: '已列入 12 月议题。' });
  });

  it('不予采纳 sends the public reason with the version', async () => {
    const sent = openAct({ kind: 'decline' });
    fireEvent.change(await screen.findByTestId('proposal-act-text-input'), { target: { value: '该路段属县道，由交通局负责。' } });
    await confirmAndGoBack();
    expect(sent[0]).toMatchObject({ url: '/api/proposals/p-1/decline', data: { reason: '该路段属县道，由交通局负责。', version: 3 } });
  });

  it('合并 lists open proposals other than this one and sends the chosen one', async () => {
    const sent = openAct(
      { kind: 'merge' },
      {
        'GET /api/proposals': {
          statusCode: 200,
          data: makeProposalPage([
            makeProposalItem({ id: 'p-1' }),
            makeProposalItem({ id: 'p-8', title: '南坪组道路照明', status: 'accepted', statusLabel: '确定议题' }),
            makeProposalItem({ id: 'p-9', title: '已办结的', status: 'completed', statusLabel: '已办结' }),
          ]),
        },
      },
    );
    const targets = await screen.findByTestId('proposal-act-targets');
    expect(within(targets).queryByTestId('proposal-act-target-p-1')).toBeNull();
    expect(within(targets).queryByTestId('proposal-act-target-p-9')).toBeNull();
    fireEvent.click(screen.getByTestId('proposal-act-target-p-8'));
    fireEvent.change(screen.getByTestId('proposal-act-text-input'), { target: { value: '两条说的都是南坪组路灯' } });
    await confirmAndGoBack();
    expect(sent[0]).toMatchObject({ url: '/api/proposals/p-1/merge', data: { intoProposalId: 'p-8', reason: '两条说的都是南坪组路灯', version: 3 } });
  });

  it('转为村里大事 starts from the proposal\'s text and sends the type, title, body and budget in fen', async () => {
    const sent = openAct(
      { kind: 'convert' },
      {
        'GET /api/matter-types': {
          statusCode: 200,
          data: [
            { code: 'general', label: '其他村务', description: '', legalBasis: null, statutory: false, decisionMode: 'assembly', decisionModeLabel: '由村民会议决定', override: null, ruleLabels: [] },
            { code: 'public_works', label: '公益事业', description: '', legalBasis: null, statutory: true, decisionMode: 'assembly', decisionModeLabel: '由村民会议决定', override: null, ruleLabels: [] },
          ],
        },
      },
    );
    await screen.findByTestId('proposal-act-type-public_works');
    expect((screen.getByTestId('proposal-act-matter-title').querySelector('input') as HTMLInputElement).value).toBe('南坪组路口装一盏路灯');
    expect((screen.getByTestId('proposal-act-text-input') as HTMLTextAreaElement).value).toContain('建议装一盏太阳能路灯');
    fireEvent.click(screen.getByTestId('proposal-act-type-public_works'));
    fireEvent.change(screen.getByTestId('proposal-act-budget').querySelector('input')!, { target: { value: '3000' } });
    fireEvent.click(screen.getByTestId('proposal-act-submit'));
    expect(screen.getByTestId('proposal-act-confirm-text').textContent).toContain('按“公益事业”办理，预算 3,000.00 元');
    fireEvent.click(within(screen.getByTestId('proposal-act-confirm')).getByText('确认'));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({
      url: '/api/proposals/p-1/convert',
      data: { typeCode: 'public_works', title: '南坪组路口装一盏路灯', body: makeProposalDetail().body, budgetFen: 300000, version: 3 },
    });
  });

  it('内容审核 sends release, or reject with the reason', async () => {
    const sent = openAct({ kind: 'review' });
    fireEvent.click(await screen.findByTestId('proposal-act-reject'));
    fireEvent.change(screen.getByTestId('proposal-act-text-input'), { target: { value: '含有他人电话号码' } });
    await confirmAndGoBack();
    expect(sent[0]).toMatchObject({ url: '/api/proposals/p-1/review', data: { decision: 'reject', reason: '含有他人电话号码' } });
  });

  it('a refusal stays on the form in the server\'s words', async () => {
    openAct({ kind: 'reply' }, { 'POST /api/proposals/p-1/reply': { statusCode: 409, data: { code: 'VERSION_CONFLICT', message: '别人刚刚改过这条提议，请返回重新打开再办。', correlationId: 'c-5' } } });
    fireEvent.change(await screen.findByTestId('proposal-act-text-input'), { target: { value: '答复' } });
    fireEvent.click(screen.getByTestId('proposal-act-submit'));
    fireEvent.click(within(screen.getByTestId('proposal-act-confirm')).getByText('确认'));
    await waitFor(() => expect(screen.getByTestId('proposal-act-page').textContent).toContain('别人刚刚改过这条提议，请返回重新打开再办。'));
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });
});

describe('the committee\'s queue', () => {
  const review = makeProposalItem({ id: 'q-review', status: 'pending_review', statusLabel: '内容审核中', reply: null });
  const due5 = makeProposalItem({ id: 'q-due5', reply: makeReply({ dueBy: addDays(today, 5), daysLeft: 5, text: '还剩 5 天答复' }) });
  const due1 = makeProposalItem({ id: 'q-due1', reply: makeReply({ dueBy: addDays(today, 1), daysLeft: 1, text: '还剩 1 天答复' }) });
  const late4 = makeProposalItem({ id: 'q-late4', reply: makeReply({ dueBy: addDays(today, -4), overdue: true, daysLeft: -4, text: '已超期 4 天未答复' }) });
  const late1 = makeProposalItem({ id: 'q-late1', reply: makeReply({ dueBy: addDays(today, -1), overdue: true, daysLeft: -1, text: '已超期 1 天未答复' }) });
  const answered = makeProposalItem({ id: 'q-answered', status: 'deliberating', statusLabel: '协商议事', reply: makeReply({ answeredOn: '2026-11-21' }) });

  it('puts content review first, then the longest overdue, then the soonest due, then the answered ones', () => {
    const groups = groupQueue([answered, due5, late1, review, due1, late4]);
    expect(groups.map((g) => [g.group, g.items.map((i) => i.id)])).toEqual([
      ['review', ['q-review']],
      ['overdue', ['q-late4', 'q-late1']],
      ['due', ['q-due1', 'q-due5']],
      ['answered', ['q-answered']],
    ]);
    expect(proposalsOwed([answered, due5, late1, review, due1, late4])).toEqual({ unanswered: 4, overdue: 2, review: 1 });
  });

  it('renders the groups with deadline badges in words', async () => {
    const asked: unknown[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'village_committee']) },
      'GET /api/proposals': (req) => {
        asked.push(req.data);
        return { statusCode: 200, data: makeProposalPage([answered, due5, late1, review, due1, late4]) };
      },
    });
    renderPage(<ProposalQueuePage />);
    expect((await screen.findByTestId('proposal-queue-review')).textContent).toContain('内容待审核（1 条）');
    expect(asked[0]).toMatchObject({ queue: true, page: 1 });
    expect(screen.getByTestId('proposal-queue-overdue').textContent).toContain('⚠ 已超期未答复（2 条）');
    expect(screen.getByTestId('proposal-row-q-late4-deadline').textContent).toBe('⚠ 已超期 4 天');
    expect(screen.getByTestId('proposal-row-q-due1-deadline').textContent).toBe('还剩 1 天');
    const order = Array.from(document.querySelectorAll('[data-testid^="proposal-row-"]'))
      .map((el) => el.getAttribute('data-testid')!)
      .filter((t) => !t.endsWith('-deadline'));
    expect(order).toEqual(['proposal-row-q-review', 'proposal-row-q-late4', 'proposal-row-q-late1', 'proposal-row-q-due1', 'proposal-row-q-due5', 'proposal-row-q-answered']);
  });

  it('is for the 两委 only', async () => {
    routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: signIn(['villager']) } });
    renderPage(<ProposalQueuePage />);
    expect((await screen.findByTestId('proposal-queue-not-allowed')).textContent).toBe('这一页只对村两委开放。');
  });

  it('首页 tells the committee "N 件提议待答复（M 件已超期）" and opens the queue', async () => {
    routeRequests(taro.request, {
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/me': { statusCode: 200, data: signIn(['villager', 'village_committee']) },
      'GET /api/ballots': { statusCode: 200, data: makeBallotPage([]) },
      'GET /api/notices': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 20 } },
      'GET /api/notices/cadence': { statusCode: 200, data: { village: { id: 'v-1', name: '土岭底村' }, overdueCount: 0, categories: [] } },
      'GET /api/notice-queries': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 1 } },
      'GET /api/proposals': { statusCode: 200, data: makeProposalPage([answered, due5, late1, review, due1, late4]) },
    });
    renderPage(<HomePage />);
    const row = await screen.findByTestId('home-proposals-queue');
    expect(row.textContent).toContain('4 件提议待答复（2 件已超期）');
    expect(row.textContent).toContain('还有 1 件等内容审核');
    fireEvent.click(row);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/proposals/pages/queue/index' });
  });
});

describe('首页 for the author', () => {
  it('lists replies to my proposals until I open them, and a held one so I learn why', async () => {
    const answeredMine = makeProposalItem({ id: 'm-1', title: '修水渠', mine: true, reply: makeReply({ answeredOn: '2026-11-24' }) });
    const heldMine = makeProposalItem({ id: 'm-2', title: '换路灯', mine: true, status: 'held', statusLabel: '未公开', reply: null });
    const waitingMine = makeProposalItem({ id: 'm-3', mine: true });
    routeRequests(taro.request, {
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/me': { statusCode: 200, data: signIn(['villager']) },
      'GET /api/ballots': { statusCode: 200, data: makeBallotPage([]) },
      'GET /api/notices': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 20 } },
      'GET /api/proposals': (req) => {
        expect(req.data).toMatchObject({ mine: true });
        return { statusCode: 200, data: makeProposalPage([answeredMine, heldMine, waitingMine]) };
      },
    });
    noteReplySeen({ ...heldMine });
    renderPage(<HomePage />);
    const row = await screen.findByTestId('home-my-proposal-m-1');
    expect(row.textContent).toContain('村两委答复了您的提议《修水渠》');
    // the held one was opened already; the unanswered one is not a reply
    expect(screen.queryByTestId('home-my-proposal-m-2')).toBeNull();
    expect(screen.queryByTestId('home-my-proposal-m-3')).toBeNull();
    expect(screen.getByTestId('home-todo').textContent).not.toContain('现在没有要您办的事');
    expect(unseenReplies([answeredMine, heldMine, waitingMine]).map((i) => i.id)).toEqual(['m-1']);
    noteReplySeen(answeredMine);
    expect(unseenReplies([answeredMine])).toEqual([]);
    // a later reply shows again
    expect(unseenReplies([{ ...answeredMine, reply: makeReply({ answeredOn: '2026-11-26' }) }])).toHaveLength(1);
  });
});

describe('township oversight', () => {
  const rows = [
    makeOversightRow('v-1', '土岭底村', { overdueProposalReplies: 1, averageAwareness: 0.9 }),
    makeOversightRow('v-2', '南坪村', { overdueDisclosures: 2, openBlockingOpinions: 1, openConveningObligations: 1, overdueConveningObligations: 1, averageAwareness: 0.42 }),
    makeOversightRow('v-3', '北沟村', { averageAwareness: null }),
  ];

  it('sorts by the chosen figure, most problems first; 知晓率 lowest first, villages without notices last', () => {
    expect(sortOversight(rows, 'problems').map((r) => r.village.id)).toEqual(['v-2', 'v-1', 'v-3']);
    // ties by the village's name (北沟村 before 南坪村)
    expect(sortOversight(rows, 'overdueProposalReplies').map((r) => r.village.id)).toEqual(['v-1', 'v-3', 'v-2']);
    expect(sortOversight(rows, 'awareness').map((r) => r.village.id)).toEqual(['v-2', 'v-1', 'v-3']);
    expect(sortOversight(rows, 'convening').map((r) => r.village.id)[0]).toBe('v-2');
  });

  function openOversight() {
    const township = makeMe({ resident: null, household: null, village: null, roles: ['township_admin'], township: { id: 't-1', name: '聪子峪乡', county: '沁源县', staffName: '赵主任', staffTitle: null } });
    saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: township },
      'GET /api/township/oversight': { statusCode: 200, data: rows },
    });
    renderPage(<TownshipOversightPage />);
  }

  it('shows one card per village with the five figures in words, ⚠ on problems, and re-sorts on a tap', async () => {
    openOversight();
    const south = await screen.findByTestId('township-oversight-village-v-2');
    expect(south.textContent).toContain('⚠ 南坪村：4 项问题');
    expect(screen.getByTestId('township-oversight-v-2-disclosures').textContent).toBe('⚠ 逾期未公开：2 项');
    expect(screen.getByTestId('township-oversight-v-2-convening').textContent).toBe('⚠ 召集村民会议义务：1 项未办（1 项已逾期）');
    expect(screen.getByTestId('township-oversight-v-2-awareness').textContent).toBe('公告知晓率：42%');
    expect(screen.getByTestId('township-oversight-v-3-awareness').textContent).toBe('公告知晓率：近 90 天没有公告');
    expect(screen.getByTestId('township-oversight-village-v-3').textContent).toContain('✓ 北沟村：没有逾期');
    const order = () => Array.from(document.querySelectorAll('[data-testid^="township-oversight-village-"]')).map((el) => el.getAttribute('data-testid'));
    expect(order()).toEqual(['township-oversight-village-v-2', 'township-oversight-village-v-1', 'township-oversight-village-v-3']);
    fireEvent.click(screen.getByTestId('township-oversight-sort-overdueProposalReplies'));
    expect(order()[0]).toBe('township-oversight-village-v-1');
  });

  it('导出表格 downloads the CSV with the token and hands it to WeChat', async () => {
    taro.downloadFile.mockResolvedValueOnce({ statusCode: 200, tempFilePath: 'wxfile://tmp/o.csv' });
    openOversight();
    await screen.findByTestId('township-oversight-village-v-1');
    fireEvent.click(screen.getByTestId('township-oversight-export'));
    await screen.findByTestId('township-oversight-exported');
    expect(taro.downloadFile.mock.calls[0][0]).toMatchObject({ url: '/api/township/oversight.csv', header: expect.objectContaining({ Authorization: 'Bearer access-1' }) });
    expect(taro.shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/o.csv', fileName: '各村议事监督.csv' });
  });

  it('is for township staff only', async () => {
    routeRequests(taro.request, { 'GET /api/me': { statusCode: 200, data: signIn(['villager']) } });
    renderPage(<TownshipOversightPage />);
    expect((await screen.findByTestId('township-oversight-not-allowed')).textContent).toBe('这一页只对乡镇干部开放。');
  });
});
