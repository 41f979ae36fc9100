#!/usr/bin/env node
/**
 * The test commands, each a set of parts run in two lanes side by side:
 *
 * - `npm test` (`node test/run-all.js`): the fast part, under 3 minutes on an
 *   idle 2-core machine: jest without the slow files in one lane; ESLint, then
 *   `tsc --noEmit` in the other.
 * - `npm run test:slow` (`node test/run-all.js slow`): the slow part: the jest
 *   files of test/support/slow-tests.js (property tests, processes killed at
 *   every step, tool-chain demos) in one lane; the Terraform stage in the other.
 * - `npm run test:all` (`node test/run-all.js all`): both.
 *
 * CI (`.ci/run`) runs `npm test` and then `npm run test:slow`: nothing that
 * protects a promise is left out, it only runs in the second command.
 *
 * Run one after another the parts leave a core idle most of the time (ESLint,
 * tsc and each Terraform command use about one core; jest's last files run
 * alone), hence the lanes. Each part's output is printed whole when it ends,
 * under its name, with its wall time; the command fails when any part fails,
 * and says which. `npm run lint`, `npm run typecheck`, `npm run test:unit`
 * (every jest file) and `npm run test:terraform` still run one part.
 */
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { existsSync } = require('node:fs');
const { SLOW_TEST_FILES, slowTestPatterns } = require('./support/slow-tests');

const ROOT = join(__dirname, '..');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

const lint = { name: 'lint', command: bin('eslint'), args: ['.'] };
const typecheck = { name: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', '.'] };
const terraformStage = { name: 'terraform stage', command: bin('tsx'), args: [join('test', 'terraform', 'run-stage.ts')] };
// Replacing jest's default ignore list: node_modules stays out (roots is test/ anyway).
const jestFast = { name: 'jest', command: bin('jest'), args: ['--testPathIgnorePatterns', '/node_modules/', ...slowTestPatterns()] };
const jestSlow = { name: 'jest (slow files)', command: bin('jest'), args: slowTestPatterns() };
const jestAll = { name: 'jest', command: bin('jest'), args: [] };

/** The lanes of each command: a lane runs its parts one after another. */
const COMMANDS = {
  fast: { title: 'npm test', lanes: [[jestFast], [lint, typecheck]] },
  slow: { title: 'npm run test:slow', lanes: [[jestSlow], [terraformStage]] },
  all: { title: 'npm run test:all', lanes: [[jestAll], [lint, typecheck, terraformStage]] },
};

function runPart(part) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(part.command, part.args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (e) => chunks.push(Buffer.from(`${part.name}: ${e.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      process.stdout.write(`\n===== ${part.name}: ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds}s =====\n`);
      process.stdout.write(Buffer.concat(chunks));
      done({ name: part.name, ok, seconds });
    });
  });
}

async function lane(parts) {
  const results = [];
  for (const part of parts) results.push(await runPart(part));
  return results;
}

async function main() {
  const which = process.argv[2] ?? 'fast';
  const command = COMMANDS[which];
  if (!command) {
    process.stderr.write(`test/run-all.js: unknown part '${which}'; use one of: ${Object.keys(COMMANDS).join(', ')}\n`);
    process.exitCode = 1;
    return;
  }
  // A slow file renamed or deleted would silently leave the slow part: say so instead.
  const missing = SLOW_TEST_FILES.filter((file) => !existsSync(join(ROOT, file)));
  if (missing.length > 0) {
    process.stderr.write(`test/support/slow-tests.js lists files that do not exist: ${missing.join(', ')}; update the list\n`);
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  const results = (await Promise.all(command.lanes.map(lane))).flat();
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  const total = ((Date.now() - started) / 1000).toFixed(1);
  const parts = results.map((r) => `${r.name} ${r.seconds}s`).join(', ');
  process.stdout.write(`\n${command.title}: ${failed.length === 0 ? 'passed' : `FAILED: ${failed.join(', ')}`} in ${total}s (${parts})\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main();
