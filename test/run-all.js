#!/usr/bin/env node
/**
 * `npm test`: lint, type-check, jest and the Terraform stage, on every core.
 *
 * Run one after another they leave a core idle most of the time (ESLint, tsc
 * and each Terraform command use about one core; jest's last files run alone).
 * So two lanes run side by side: jest (a worker per core) in one; ESLint,
 * `tsc --noEmit` and the Terraform stage in the other. Each part's output is
 * printed whole when it ends, under its name, with its time; the command fails
 * when any part fails, and says which. `npm run lint`, `npm run typecheck`,
 * `npm run test:unit` and `npm run test:terraform` still run one part.
 */
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/** The parts, in the two lanes. */
const LANES = [
  [{ name: 'jest', command: bin('jest'), args: [] }],
  [
    { name: 'lint', command: bin('eslint'), args: ['.'] },
    { name: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', '.'] },
    { name: 'terraform stage', command: bin('tsx'), args: [join('test', 'terraform', 'run-stage.ts')] },
  ],
];

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
  const started = Date.now();
  const results = (await Promise.all(LANES.map(lane))).flat();
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  const total = ((Date.now() - started) / 1000).toFixed(1);
  const parts = results.map((r) => `${r.name} ${r.seconds}s`).join(', ');
  process.stdout.write(`\nnpm test: ${failed.length === 0 ? 'passed' : `FAILED: ${failed.join(', ')}`} in ${total}s (${parts})\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main();
