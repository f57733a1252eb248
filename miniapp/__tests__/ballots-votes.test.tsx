/** 投票明细 of a 记名 ballot: who chose what online, in the ballot's own words; secret ballots never link here. */
import { screen } from '@testing-library/react';
import * as taro from '../__mocks__/taro';
import BallotPage from '../src/packages/ballots/pages/detail/index';
import BallotVotesPage, { choiceWords } from '../src/packages/ballots/pages/votes/index';
import { resetServerClock } from '../src/services/ballotTime';
import { saveTokens } from '../src/services/session';
import { makeBallotDetail } from './factories/ballots';
import { makeMe } from './factories/me';
import { renderPage, routeRequests } from './render';

beforeEach(() => {
  taro.resetTaroMock();
  resetServerClock();
  saveTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  taro.setRouterParams({ id: 'b-1' });
});

const committee = () => makeMe({ roles: ['villager', 'village_committee'] });
const openBallot = () => makeBallotDetail({ secrecy: 'open', can: { ...makeBallotDetail().can, viewVotes: true, viewElectorate: true } });

describe('投票明细', () => {
  it('names the choices with the ballot’s labels, in the ballot’s order', () => {
    const choices = [
      { key: 'o1', label: '修村东桥' },
      { key: 'o2', label: '装路灯' },
      { key: 'o3', label: '建文化广场' },
    ];
    expect(choiceWords({ choices: ['o3', 'o1'] }, choices)).toBe('修村东桥、建文化广场');
  });

  it('lists each online vote with who cast it and when', async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: committee() },
      'GET /api/ballots/b-1': { statusCode: 200, data: openBallot() },
      'GET /api/ballots/b-1/votes': {
        statusCode: 200,
        data: {
          items: [{ voterKey: 'h-12', label: '0012 户（王建国家）', choices: ['for'], castBy: { id: 'r-1', name: '王建国' }, at: '2026-11-28T05:01:00.000Z' }],
          total: 1,
          page: 1,
          pageSize: 20,
        },
      },
    });
    renderPage(<BallotVotesPage />);
    const row = await screen.findByTestId('ballot-vote-h-12');
    expect(row.textContent).toContain('0012 户（王建国家）');
    expect(row.textContent).toContain('投了：同意 · 王建国');
  });

  it('is offered on a 记名 ballot to those who may see it, never on a secret one', async () => {
    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: committee() },
      'GET /api/ballots/b-1': { statusCode: 200, data: openBallot() },
    });
    const { unmount } = renderPage(<BallotPage />);
    expect(await screen.findByTestId('ballot-votes-link')).toBeTruthy();
    unmount();

    routeRequests(taro.request, {
      'GET /api/me': { statusCode: 200, data: committee() },
      'GET /api/ballots/b-1': { statusCode: 200, data: makeBallotDetail({ secrecy: 'secret', can: { ...makeBallotDetail().can, viewVotes: true } }) },
    });
    renderPage(<BallotPage />);
    await screen.findByTestId('ballot-title');
    expect(screen.queryByTestId('ballot-votes-link')).toBeNull();
  });
});
