/**
 * Jest only transpiles (esbuild, test/support/esbuild-transform.js) and never
 * type-checks: `npm run typecheck` does that once for the whole tree, which is
 * several times faster than type-checking per test file.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(ts|js)$': '<rootDir>/test/support/esbuild-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!(@kubernetes/client-node|openid-client|oauth4webapi|jose|jsonpath-plus)/)'],
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  // Bundles the CLI once for the tests that spawn it (test/support/built-cli.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  // Jest's default is one worker fewer than the cores: one worker on the 2-core
  // machines CI and the developers use. Much of a CLI test is a child process, so
  // a worker per core keeps both cores busy.
  maxWorkers: '100%',
  // The transform cache lives with the checkout: a fresh clone (CI) starts cold,
  // as `npm test`'s measured time assumes, and worktrees that link one
  // node_modules do not share one (.gitignore lists .cache/).
  cacheDirectory: '<rootDir>/.cache/jest',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // A hang detector, not a speed check (speed targets live in `npm run bench`):
  // on a shared machine at load 25 to 30, CLI tests that pass in 10 to 40 s
  // idle took over 60 s of wall clock and failed on time alone.
  testTimeout: 180000,
};
