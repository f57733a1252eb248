/**
 * Browser test: the real H5 build served by the real API server, driven in Debian's Chromium
 * through playwright-core. Needs `pnpm --filter @village/shared build`, the server built
 * (server/dist/main.js), `pnpm --filter @village/miniapp build:h5`, and /usr/bin/chromium.
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testEnvironment: 'node',
  testTimeout: 120_000,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true, module: 'commonjs', esModuleInterop: true, target: 'ES2021' } }],
  },
};
