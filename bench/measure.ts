import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, spread } from './stats';

export const ROOT = join(__dirname, '..');

export interface ProcessRun {
  readonly seconds: number;
  readonly peakRssBytes: number;
}

/** Runs `node <args>` to completion, from process start to exit, with its peak memory. */
export function runNode(args: readonly string[], cwd = ROOT): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'hms-bench-rss-'));
  const rssFile = join(dir, 'rss');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', join(__dirname, 'report-rss.js'), ...args], {
    cwd,
    env: { ...process.env, HMS_BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const peakRssBytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : 0;
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peakRssBytes };
}

/** Runs a shell command once and returns its wall time in seconds. */
export function runCommand(command: string, args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export interface Summary {
  readonly medianSeconds: number;
  readonly spreadSeconds: number;
  readonly peakRssMiB: number;
}

export function summarize(runs: readonly ProcessRun[]): Summary {
  const seconds = runs.map((r) => r.seconds);
  return { medianSeconds: median(seconds), spreadSeconds: spread(seconds), peakRssMiB: Math.round(Math.max(...runs.map((r) => r.peakRssBytes)) / 2 ** 20) };
}
