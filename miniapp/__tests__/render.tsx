import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { CareModeProvider } from '../src/hooks/useCareMode';
import { MeProvider } from '../src/hooks/useMe';

/** Renders a page the way app.tsx does: inside the 长辈版 and useMe providers. */
export function renderPage(ui: ReactElement) {
  return render(
    <CareModeProvider>
      <MeProvider>{ui}</MeProvider>
    </CareModeProvider>,
  );
}

/** Queues answers for Taro.request (the real http client underneath), in order. */
export function answerRequests(taroRequest: jest.Mock, ...responses: Array<{ statusCode: number; data: unknown }>): void {
  for (const r of responses) taroRequest.mockResolvedValueOnce({ ...r, header: {} });
}

type Handler = (req: { url: string; method: string; data?: unknown; header: Record<string, string> }) => { statusCode: number; data: unknown };

/**
 * Answers Taro.request by path (without the query): `{ 'GET /api/roster/households': handler }`.
 * Unknown calls fail the test with a 599 so they are easy to spot.
 */
export function routeRequests(taroRequest: jest.Mock, routes: Record<string, Handler | { statusCode: number; data: unknown }>): void {
  taroRequest.mockImplementation(async (req: { url: string; method: string; data?: unknown; header: Record<string, string> }) => {
    const path = req.url.split('?')[0];
    const route = routes[`${req.method} ${path}`];
    if (!route) return { statusCode: 599, data: { code: 'TEST_UNROUTED', message: `${req.method} ${path}`, correlationId: 't' }, header: {} };
    const answer = typeof route === 'function' ? route(req) : route;
    return { ...answer, header: {} };
  });
}
