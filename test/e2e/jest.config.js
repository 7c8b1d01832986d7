/* global module */
/**
 * Browser scenarios: one Chromium and one Stageflow server (npm start on a temporary embedded
 * database, or E2E_BASE_URL) for the whole run. Run through `npm run test:e2e`, which builds
 * the web application first.
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  // Starting the server builds the backend, migrates and seeds the demo: minutes, not seconds.
  testTimeout: 600000,
};
