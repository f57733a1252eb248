import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { DatabaseKind } from '../../src/config/database-options';
import { startTestApp, type TestApp } from './test-app';

export const TEST_PUSH_TOKEN = 'e2ePushToken';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The test app listening on a real port that is also its PUBLIC_BASE_URL, with the fake WeChat server
 * pushing media check verdicts to its /api/wechat/push (signed with TEST_PUSH_TOKEN) — only when the
 * test calls `t.wechat.flushMediaChecks()`, so nothing happens behind a test's back. The fake
 * downloads each image from the signed URL it was given, as WeChat would.
 */
export async function startTestAppWithPush(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp & { baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await startTestApp(kind, { PUBLIC_BASE_URL: baseUrl, WECHAT_PUSH_TOKEN: TEST_PUSH_TOKEN, ...env });
  await t.app.listen(port, '127.0.0.1');
  t.wechat.configurePush({ url: `${baseUrl}/api/wechat/push`, token: TEST_PUSH_TOKEN, delayMs: null });
  return { ...t, baseUrl };
}
