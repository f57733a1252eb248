/** Unit tests: `*.spec.ts` beside the code, no database, no HTTP. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testRegex: '\\.spec\\.ts$',
};
