/** Two projects: pure unit tests beside the code, and API tests that boot the real app (see tests/README.md). */
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
  ],
};
