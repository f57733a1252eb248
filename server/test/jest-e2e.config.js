/** End-to-end tests: the real app over HTTP against SQLite, and MySQL/MariaDB when TEST_MYSQL_URL is set. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
  // Test files each get their own database, but two MySQL schemas migrating at once on 2 cores is slow.
  maxWorkers: 2,
};
