import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import type { DatabaseKind } from '../../src/config/database-options';
import { FakeWechatServer } from '../../src/modules/wechat/fake/fake-wechat-server';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_WECHAT = { appId: 'wx-test-app', appSecret: 'test-secret' };

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  database: TestDatabase;
  h5Dir: string;
  /** The WeChat server the app talks to over HTTP; tests mint login codes and inject failures here. */
  wechat: FakeWechatServer;
  close(): Promise<void>;
}

/** A stand-in H5 build, so serving the mini-program is tested without building it. */
function fakeH5Build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'village-h5-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>村民议事</title><div id="app"></div>');
  writeFileSync(join(dir, 'app.js'), 'console.log("app")');
  return dir;
}

/** The real app (all migrations applied, demo village seeded unless told otherwise) on a fresh database. */
export async function startTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const h5Dir = fakeH5Build();
  const wechat = new FakeWechatServer(TEST_WECHAT);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    H5_DIR: h5Dir,
    KEYS_DIR: mkdtempSync(join(tmpdir(), 'village-keys-')),
    NOTICE_FILES_DIR: mkdtempSync(join(tmpdir(), 'village-notice-files-')),
    WECHAT_API_BASE: await wechat.listen(),
    WECHAT_APP_ID: TEST_WECHAT.appId,
    WECHAT_APP_SECRET: TEST_WECHAT.appSecret,
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    http: request(app.getHttpServer()),
    dataSource,
    database,
    h5Dir,
    wechat,
    close: async () => {
      await app.close();
      await wechat.close();
      await database.drop();
    },
  };
}
