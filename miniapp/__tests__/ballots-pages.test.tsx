/**
 * The 表决 pages rendered in jsdom (Taro mocked, the real http client underneath): voting with the
 * confirmation in words and one Idempotency-Key across every try, the receipt kept on the phone,
 * the result with ring, bars and receipts, the 议事 tab's order, 首页's 待我办, and the committee's
 * 发布表决 confirmation.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import * as taro from '../__mocks__/taro';
import BallotPage from '../src/packages/ballots/pages/detail/index';
import BallotResultPage from '../src/packages/ballots/pages/result/index';
import { readPendingVote, readReceipt, savePendingVote, saveReceipt } from '../src/packages/ballots/utils/receipts';
import CouncilPage from '../src/pages/council/index';
import HomePage from '../src/pages/index/index';
import { resetServerClock } from '../src/services/ballotTime';
import { saveTokens } from '../src/services/session';
import { makeBallotDetail, makeBallotItem, makeBallotPage, makeResult } from './factories/ballots';
import { makeMe } from './factories/me';
import { makeNoticePage } from './factories/notices';
import { makeVillageSummary } from './factories/village';
import { renderPage, routeRequests } from './render';

type Sent = { url: string; method: string; data?: unknown; header: Record<string, string> };

beforeEach(() => {
  taro.resetTaroMock();
  resetServerClock();
});

function signIn(roles: ReturnType<typeof makeMe>['roles'] = ['villager', 'household_rep']) {
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  return makeMe({ roles });
}

const RECEIPT = 'K7QX-3MZP-9DTA';

describe('voting on a ballot', () => {
  it('asks to confirm in words, sends one Idempotency-Key on every try, and shows and keeps the receipt', async () => {
    const me = signIn();
    taro.setRouterParams({ id: 'b-1' });
    const votes: Sent[] = [];
    let voted = false;
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots/b-1': () => ({
        statusCode: 200,
        data: voted
          ? makeBallotDetail({ myParticipation: { channel: 'online', at: '2026-11-28T05:01:00.000Z', choices: null, castBy: { id: 'r-2', name: '李桂兰' } }, can: { ...makeBallotDetail().can, vote: false } })
          : makeBallotDetail(),
      }),
      'POST /api/ballots/b-1/votes': (req) => {
        votes.push(req);
        // The first tap's three tries get no usable answer (the signal drops); the person's 重试 gets through.
        if (votes.length <= 3) return { statusCode: 503, data: 'busy' };
        voted = true;
        return {
          statusCode: 201,
          data: { ballotId: 'b-1', channel: 'online', at: '2026-11-28T05:01:00.000Z', choices: null, receiptCode: RECEIPT, message: `投票成功。您的回执码是 ${RECEIPT}` },
        };
      },
    });
    renderPage(<BallotPage />);

    expect((await screen.findByTestId('ballot-title')).textContent).toBe('村道硬化工程筹资筹劳方案');
    expect(screen.getByTestId('ballot-voter').textContent).toBe('您代表 0012 户（王建国家）投票');
    expect(screen.getByTestId('ballot-vote').textContent).toContain('无记名投票：谁也查不到您投了什么');
    expect(screen.getByTestId('ballot-countdown').textContent).toMatch(/^还剩 \d+ (天|小时|分钟)/);
    expect(screen.getByTestId('ballot-quorum').textContent).toContain('还差 14 户');
    // each choice says its word and has a sign (never colour alone)
    expect(screen.getByTestId('ballot-choice-for').textContent).toBe('✓同意');
    expect(screen.getByTestId('ballot-choice-against').textContent).toBe('✗反对');
    expect(screen.getByTestId('ballot-choice-abstain').textContent).toBe('—弃权');

    fireEvent.click(screen.getByTestId('ballot-choice-for'));
    expect(screen.getByTestId('ballot-confirm-text').textContent).toBe('您选择：同意。投票后不能更改。');
    expect(votes).toHaveLength(0);
    fireEvent.click(within(screen.getByTestId('ballot-confirm')).getByText('确认投票'));

    const unknown = await screen.findByTestId('ballot-cast-unknown', undefined, { timeout: 5000 });
    expect(unknown.textContent).toContain('没有收到服务器的回答');
    expect(unknown.textContent).toContain('您的票（同意）可能已经送到了');
    expect(votes).toHaveLength(3);
    // while the outcome is unknown, the choice cannot be changed: only 重试 (same choice, same key)
    expect(screen.getByTestId('ballot-choice-against').getAttribute('aria-disabled')).toBe('true');
    expect(readPendingVote('b-1')?.choices).toEqual(['for']);

    fireEvent.click(within(unknown).getByText('重试'));
    expect((await screen.findByTestId('ballot-receipt-code')).textContent).toBe(RECEIPT);
    expect(screen.getByTestId('ballot-voted').textContent).toContain('已投票');

    const keys = new Set(votes.map((v) => v.header['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(votes.map((v) => v.data)).toEqual(Array(4).fill({ choices: ['for'] }));
    expect(readReceipt('b-1')).toEqual({ code: RECEIPT, at: '2026-11-28T05:01:00.000Z' });
    expect(readPendingVote('b-1')).toBeNull();

    fireEvent.click(screen.getByTestId('ballot-receipt-copy'));
    await screen.findByTestId('ballot-receipt-copied');
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: RECEIPT });
  }, 15_000);

  it('a definite refusal forgets the key and shows the server’s words; the page reloads to the truth', async () => {
    const me = signIn();
    taro.setRouterParams({ id: 'b-1' });
    let gets = 0;
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots/b-1': () => {
        gets += 1;
        return { statusCode: 200, data: makeBallotDetail() };
      },
      'POST /api/ballots/b-1/votes': { statusCode: 409, data: { code: 'BALLOT_ALREADY_VOTED', message: '本户已投票（11月28日 13:00），每户只能投一次，投票后不能更改', correlationId: 'c-9' } },
    });
    renderPage(<BallotPage />);
    fireEvent.click(await screen.findByTestId('ballot-choice-against'));
    fireEvent.click(within(screen.getByTestId('ballot-confirm')).getByText('确认投票'));
    const failed = await screen.findByTestId('ballot-cast-failed');
    expect(failed.textContent).toContain('本户已投票（11月28日 13:00）');
    expect(failed.textContent).not.toContain('重试');
    expect(readPendingVote('b-1')).toBeNull();
    await waitFor(() => expect(gets).toBe(2));
  });

  it('says why voting is not possible, in the server’s words', async () => {
    const me = signIn(['villager']);
    taro.setRouterParams({ id: 'b-1' });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots/b-1': {
        statusCode: 200,
        data: makeBallotDetail({ eligible: false, myVoterLabel: null, can: { ...makeBallotDetail().can, vote: false }, reasons: { vote: '本户由户代表王建国投票', open: null, close: null } }),
      },
    });
    renderPage(<BallotPage />);
    const why = await screen.findByTestId('ballot-cant-vote');
    expect(screen.getByTestId('ballot-who-votes').textContent).toBe('一户一票，由户代表投票');
    expect(why.textContent).toBe('现在不能投票本户由户代表王建国投票');
    expect(screen.queryByTestId('ballot-vote')).toBeNull();
  });

  it('fetches a lost receipt again with the key kept on the phone (the server repeats its first answer)', async () => {
    const me = signIn();
    taro.setRouterParams({ id: 'b-1' });
    savePendingVote('b-1', { key: 'kept-key-123', choices: ['abstain'], at: new Date().toISOString() });
    const votes: Sent[] = [];
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots/b-1': {
        statusCode: 200,
        data: makeBallotDetail({ myParticipation: { channel: 'online', at: '2026-11-28T05:01:00.000Z', choices: null, castBy: { id: 'r-2', name: '李桂兰' } }, can: { ...makeBallotDetail().can, vote: false } }),
      },
      'POST /api/ballots/b-1/votes': (req) => {
        votes.push(req);
        return { statusCode: 201, data: { ballotId: 'b-1', channel: 'online', at: '2026-11-28T05:01:00.000Z', choices: null, receiptCode: RECEIPT, message: 'ok' } };
      },
    });
    renderPage(<BallotPage />);
    expect((await screen.findByTestId('ballot-receipt-missing')).textContent).toContain('这部手机上没有保存回执码');
    fireEvent.click(screen.getByTestId('ballot-receipt-recover'));
    expect((await screen.findByTestId('ballot-receipt-code')).textContent).toBe(RECEIPT);
    expect(votes.map((v) => [v.header['idempotency-key'], v.data])).toEqual([['kept-key-123', { choices: ['abstain'] }]]);
  });

  it('multiple choice: ticks up to the maximum, says so beyond it, and confirms all chosen in words', async () => {
    const me = signIn();
    taro.setRouterParams({ id: 'b-1' });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots/b-1': {
        statusCode: 200,
        data: makeBallotDetail({
          choiceKind: 'multiple',
          rule: { body: 'poll', override: null },
          maxSelections: 2,
          choices: [
            { key: 'o1', label: '修路' },
            { key: 'o2', label: '装路灯' },
            { key: 'o3', label: '建广场' },
          ],
        }),
      },
    });
    renderPage(<BallotPage />);
    fireEvent.click(await screen.findByTestId('ballot-choice-o3'));
    fireEvent.click(screen.getByTestId('ballot-choice-o1'));
    fireEvent.click(screen.getByTestId('ballot-choice-o2'));
    expect(screen.getByTestId('ballot-refusal').textContent).toBe('最多只能选 2 项。要换一项，先点已选的一项取消。');
    expect(screen.getByTestId('ballot-choice-o1').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('ballot-chosen-count').textContent).toBe('已选 2 项，最多 2 项');
    fireEvent.click(screen.getByTestId('ballot-submit-many'));
    expect(screen.getByTestId('ballot-confirm-text').textContent).toBe('您选择：修路、建广场。投票后不能更改。');
  });

  it('the committee’s 发布表决 says the list is fixed, and sends the version read', async () => {
    const me = signIn(['villager', 'secretary']);
    taro.setRouterParams({ id: 'b-1' });
    const sent: Sent[] = [];
    const draft = makeBallotDetail({ status: 'draft', phase: 'draft', participation: null, quorum: null, can: { ...makeBallotDetail().can, vote: false, edit: true, open: true, cancel: true } });
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots/b-1': { statusCode: 200, data: draft },
      'POST /api/ballots/b-1/open': (req) => {
        sent.push(req);
        return { statusCode: 200, data: makeBallotDetail({ version: 4, can: { ...draft.can, edit: false, open: false, cancel: false, close: true } }) };
      },
    });
    renderPage(<BallotPage />);
    expect((await screen.findByTestId('ballot-draft-note')).textContent).toContain('这是草稿，村民还看不到');
    fireEvent.click(screen.getByTestId('ballot-open'));
    const dialog = screen.getByTestId('ballot-open-dialog');
    expect(dialog.textContent).toContain('开始后名单固定，不能再修改。');
    expect(dialog.textContent).toContain('表决人：全村各户（一户一票，由户代表投）。');
    fireEvent.click(within(dialog).getByText('确认发布'));
    expect((await screen.findByTestId('ballot-flash')).textContent).toBe('已发布，表决名单已经固定。');
    expect(sent.map((r) => r.data)).toEqual([{ version: 3 }]);
    expect(screen.getByTestId('ballot-close')).toBeTruthy();
  });
});

describe('the result', () => {
  it('shows the outcome in big words with the server’s explanation, the ring, the bars, and finds my receipt', async () => {
    const me = signIn();
    taro.setRouterParams({ id: 'b-1' });
    saveReceipt('b-1', { code: RECEIPT, at: '2026-11-28T05:01:00.000Z' });
    const result = makeResult();
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/ballots/b-1': {
        statusCode: 200,
        data: makeBallotDetail({ status: 'closed', phase: 'closed', outcome: 'passed', result, can: { ...makeBallotDetail().can, vote: false, viewReceipts: true } }),
      },
      'GET /api/ballots/b-1/receipts': {
        statusCode: 200,
        data: {
          ballotId: 'b-1',
          receipts: [
            { code: '0AAA-BBBB-CCCC', choices: ['against'] },
            { code: RECEIPT, choices: ['for'] },
          ],
          onlineCounts: { for: 41, against: 12, abstain: 5 },
          paperCounts: { for: 0, against: 0, abstain: 0 },
        },
      },
    });
    renderPage(<BallotResultPage />);
    expect((await screen.findByTestId('ballot-outcome-word')).textContent).toBe('通过');
    expect(screen.getByTestId('ballot-outcome').getAttribute('data-outcome')).toBe('passed');
    expect(screen.getByTestId('ballot-outcome-explanation').textContent).toBe(result.explanation);
    expect(screen.getByTestId('ballot-ring-percent').textContent).toBe('71%');
    expect(screen.getByTestId('ballot-ring').textContent).toContain('法定人数：达到三分之二，即 57 户');
    expect(screen.getByTestId('ballot-quorum-verdict').textContent).toBe('✓ 参与人数够了');
    expect(screen.getByTestId('ballot-bar-for').textContent).toContain('41 户（68%）');
    expect(screen.getByTestId('ballot-pass-line').textContent).toBe('图中竖线是通过线：超过半数，即至少 31 户同意');
    expect(screen.getByTestId('ballot-steps').textContent).toContain('结论：通过');

    const found = await screen.findByTestId('ballot-receipt-found');
    expect(found.textContent).toBe(`✓ 您的选票已计入${RECEIPT}　所投：同意`);
    expect(screen.getByTestId('ballot-receipt-row-mine').textContent).toContain(RECEIPT);
    expect(screen.getByTestId('ballot-recount').textContent).toContain('两项相加：同意 41，反对 12，弃权 5，和上面的结果一致');

    fireEvent.change(screen.getByTestId('ballot-receipt-search'), { target: { value: 'zzzz zzzz zzzz' } });
    fireEvent.click(screen.getByTestId('ballot-receipt-search-button'));
    expect((await screen.findByTestId('ballot-receipt-missing-code')).textContent).toContain('没有找到回执码 ZZZZ-ZZZZ-ZZZZ');
    fireEvent.change(screen.getByTestId('ballot-receipt-search'), { target: { value: '0aaa bbbb cccc' } });
    fireEvent.click(screen.getByTestId('ballot-receipt-search-button'));
    expect((await screen.findByTestId('ballot-receipt-found')).textContent).toContain('所投：反对');
  });
});

describe('议事 tab and 首页', () => {
  const awaiting = makeBallotItem({ id: 'b-1', title: '村道硬化' });
  const votedOpen = makeBallotItem({ id: 'b-2', title: '路灯', myParticipation: { channel: 'online', at: '2026-11-26T01:00:00.000Z', choices: null, castBy: null } });
  const closed = makeBallotItem({ id: 'b-3', title: '水渠', status: 'closed', phase: 'closed', outcome: 'rejected' });
  const draft = makeBallotItem({ id: 'b-4', title: '广场', status: 'draft', phase: 'draft', participation: null });

  function routes(me: ReturnType<typeof makeMe>) {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: me },
      'GET /api/villages/current': { statusCode: 200, data: makeVillageSummary() },
      'GET /api/notices': { statusCode: 200, data: makeNoticePage([]) },
      'GET /api/ballots': (req) => {
        const q = req.data as { awaitingMe?: boolean; status?: string };
        if (q.awaitingMe) return { statusCode: 200, data: makeBallotPage([awaiting]) };
        if (q.status === 'open') return { statusCode: 200, data: makeBallotPage([votedOpen, awaiting]) };
        if (q.status === 'draft') return { statusCode: 200, data: makeBallotPage([draft]) };
        return { statusCode: 200, data: makeBallotPage([closed]) };
      },
    });
  }

  it('lists 待我投票 first, then the other open ballots, then the closed ones, with my status in words', async () => {
    routes(signIn());
    renderPage(<CouncilPage />);
    const awaitingGroup = await screen.findByTestId('council-awaiting');
    expect(awaitingGroup.textContent).toContain('村道硬化');
    expect(awaitingGroup.textContent).toContain('○ 本户未投票');
    expect(screen.getByTestId('council-open').textContent).toContain('✓ 本户已投票');
    expect(screen.getByTestId('council-open').textContent).not.toContain('村道硬化');
    expect(screen.getByTestId('council-closed').textContent).toContain('结果：未通过');
    const order = Array.from(document.querySelectorAll('[data-testid^="ballot-row-"]')).map((el) => el.getAttribute('data-testid'));
    expect(order).toEqual(['ballot-row-b-1', 'ballot-row-b-2', 'ballot-row-b-3']);
    expect(screen.queryByTestId('council-create')).toBeNull();
    expect(screen.queryByTestId('council-drafts')).toBeNull();
    expect(screen.getByTestId('council-proposals').textContent).toContain('＋ 我要提议');
    fireEvent.click(screen.getByTestId('ballot-row-b-3'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ballots/pages/result/index?id=b-3' });
  });

  it('the committee also sees 发起表决 and its drafts', async () => {
    routes(signIn(['villager', 'village_committee']));
    renderPage(<CouncilPage />);
    expect((await screen.findByTestId('council-drafts')).textContent).toContain('广场');
    fireEvent.click(screen.getByTestId('council-create'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ballots/pages/edit/index' });
  });

  it('首页 puts "有 1 项表决等您投票" first in 待我办, and does not also say there is nothing to do', async () => {
    routes(signIn());
    renderPage(<HomePage />);
    const row = await screen.findByTestId('home-ballots-awaiting');
    expect(row.textContent).toContain('有 1 项表决等您投票');
    expect(row.textContent).toContain('村道硬化，还剩');
    await waitFor(() => expect(screen.getByTestId('home-notices').textContent).toBe(''));
    expect(screen.getByTestId('home-todo').textContent).not.toContain('现在没有要您办的事');
    fireEvent.click(row);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/ballots/pages/detail/index?id=b-1' });
  });
});
