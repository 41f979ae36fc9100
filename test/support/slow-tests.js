/**
 * The jest files that `npm run test:slow` runs instead of `npm test`.
 *
 * `npm test` must finish in under 3 minutes on an idle 2-core machine (the
 * README's promise); these files together cost about half of jest's CPU time.
 * They are not optional: `.ci/run` runs `npm run test:slow` after `npm test`,
 * and `npm run test:all` runs both. Each entry says why it is slow. Files
 * listed here still run alone with `npx jest <file>`.
 *
 * What stays in `npm test` still exercises every CLI exit code and the policy
 * gate at process level (test/cli/synth, plan, check, status, main); what moves
 * here repeats the same child-process path many more times.
 */
'use strict';

/** Paths relative to the repository root. */
const SLOW_TEST_FILES = [
  // Property tests with many runs: 2 x 2,000 generated blueprints, and 25 synthesized on both clouds.
  'test/blueprint/property.test.ts',
  // Process-level: SIGKILL of a synth midway and between its renames, concurrent synths.
  'test/cli/synth-concurrency.test.ts',
  // Process-level: a child killed at every step of the output swap, then recovery.
  'test/cli/output-folder.test.ts',
  // Tool-chain demos: the CLI with a fake terraform through plan, apply, guard refusal and events.
  'test/cli/apply.test.ts',
  'test/cli/events.test.ts',
  // The CLI against fake Terraform Cloud and fake clusters: drift and verify, many child processes each.
  'test/cli/drift.test.ts',
  'test/cli/verify.test.ts',
];

/** Jest path patterns (regular expressions) matching exactly those files. */
function slowTestPatterns() {
  return SLOW_TEST_FILES.map((file) => `/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

module.exports = { SLOW_TEST_FILES, slowTestPatterns };
