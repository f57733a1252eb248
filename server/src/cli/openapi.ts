import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from '../openapi';
import { runCli } from './data-source';

const OPENAPI_FILE = resolve(__dirname, '..', '..', '..', 'docs', 'openapi.json');

/** Writes docs/openapi.json from the code; an e2e test fails when the committed file is stale. */
runCli(async () => {
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', DEMO_SEED: 'false', LOG_LEVEL: 'silent', H5_DIR: '/nonexistent' });
  const app = await createApp(config);
  await app.init();
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  await app.close();
  process.stdout.write(`已写入 ${OPENAPI_FILE}\n`);
});
