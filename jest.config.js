/**
 * Three projects: pure unit tests beside the code, API tests that boot the real app in-process, and
 * e2e tests that run our launch scripts (build + start, develop) as processes and drive the admin in
 * Chromium (see README, Tests).
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  // Boot of a real Strapi per API test file takes a few seconds on a busy 2-core machine.
  testTimeout: 60000,
  slowTestThreshold: 30,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      // Only tests/: the compiled app (with its plugin package.json copies) lives elsewhere.
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.api.test.ts'],
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/tests/e2e/setup/global-setup.mjs',
    },
  ],
};
