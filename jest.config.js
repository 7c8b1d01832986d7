/**
 * One jest run covers the backend unit specs (beside their files) and the integration,
 * scenario and regression suites under test/. PGlite loads Node built-ins with dynamic
 * import(), hence the --experimental-vm-modules flag in the npm script.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/backend/src', '<rootDir>/test', '<rootDir>/plugins', '<rootDir>/db'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/e2e/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  // Each worker boots its own embedded database (about 1 s and several hundred MB), so two
  // workers suit the two-core CI machines.
  maxWorkers: 2,
  testTimeout: 60000,
};
