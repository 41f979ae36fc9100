/**
 * Jest only transpiles (ts-jest with isolatedModules) and never type-checks:
 * `npm run typecheck` does that once for the whole tree, which is several times
 * faster than type-checking per test file. ts-jest is pure JavaScript; swc's
 * native packages are not all served by the registry these machines use.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
    '^.+\\.js$': '<rootDir>/test/support/esm-to-cjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!(@kubernetes/client-node|openid-client|oauth4webapi|jose|jsonpath-plus)/)'],
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  // Bundles the CLI once for the tests that spawn it (test/support/built-cli.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  // Jest's default is one worker fewer than the cores: one worker on the 2-core
  // machines CI and the developers use. Much of a CLI test is a child process, so
  // a worker per core keeps both cores busy.
  maxWorkers: '100%',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 60000,
};
