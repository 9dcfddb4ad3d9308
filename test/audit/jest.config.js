/** Second jest run, after the main suite: audits the log lines every test app wrote (see logs.audit.ts). */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/audit'],
  testMatch: ['**/*.audit.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
};
