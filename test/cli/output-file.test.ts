/**
 * Files written at the user's request (`--output`, `--events`): never an input of
 * the command, never through a link, never appended to a file that is not an
 * events log; reports replace the file whole. Checked before any work is done.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStream } from '../../lib/cli/events';
import { exampleProject, runCli } from '../support/cli';

const BUCKET = JSON.stringify({ resource: { aws_s3_bucket: { logs: { bucket: 'agency-logs' } } } });

describe('--output of check and verify', () => {
  const dir = exampleProject();
  const scanned = join(dir, 'main.tf.json');
  beforeAll(() => writeFileSync(scanned, BUCKET));

  test('check refuses to write its report over the file it scans, and leaves the file as it was', async () => {
    const r = await runCli(['check', 'main.tf.json', '--output', 'main.tf.json', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('will not write --output main.tf.json: it is an input of this command; name another file. Nothing was written.');
    expect(readFileSync(scanned, 'utf8')).toBe(BUCKET);
  });

  test('verify refuses to write its report over the blueprint, before it looks for a cluster', async () => {
    const blueprint = join(dir, 'blueprints', 'dcaa-audit.yml');
    const before = readFileSync(blueprint, 'utf8');
    const r = await runCli(['verify', 'blueprints/dcaa-audit.yml', '--output', 'blueprints/dcaa-audit.yml', '--format', 'junit'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it is an input of this command');
    expect(readFileSync(blueprint, 'utf8')).toBe(before);
  });

  test('a symbolic link is refused, and what it points to is untouched', async () => {
    writeFileSync(join(dir, 'precious.txt'), 'keep me\n');
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'report-link'));
    const r = await runCli(['check', 'main.tf.json', '--output', 'report-link'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it is a symbolic link; name the file itself');
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me\n');
  });

  test('a report replaces the file whole and leaves no temporary file; a missing folder is named', async () => {
    writeFileSync(join(dir, 'report.sarif'), 'an older, longer report '.repeat(1000));
    const r = await runCli(['check', 'main.tf.json', '--output', 'report.sarif', '--format', 'sarif'], dir);
    expect(r.code).toBe(1); // the bucket has blocking findings; the report is still written
    expect(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const missing = await runCli(['check', 'main.tf.json', '--output', 'no/such/report.json'], dir);
    expect(missing.stderr).toContain('the folder');
    expect(missing.stderr).toContain('does not exist; create it first');
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('--events', () => {
  const dir = exampleProject();
  const blueprint = join(dir, 'blueprints', 'dcaa-audit.yml');

  test('appending events to the blueprint (or any file that is not an events log) is refused, and the file is unchanged', async () => {
    const before = readFileSync(blueprint, 'utf8');
    const r = await runCli(['status', 'blueprints/dcaa-audit.yml', '--events', 'blueprints/dcaa-audit.yml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('will not append events to blueprints/dcaa-audit.yml: it exists and is not an hms-sys events log');
    expect(readFileSync(blueprint, 'utf8')).toBe(before);
  });

  test('an events log of ours is appended to, its earlier events kept', async () => {
    mkdirSync(join(dir, 'logs'));
    const earlier = JSON.stringify({ specversion: '1.0', id: '1', source: '/hms-sys/status/dcaa-audit', type: 'gov.hms-sys.status.finished', data: { outcome: 'converged' } });
    writeFileSync(join(dir, 'logs', 'events.jsonl'), `${earlier}\n`);
    const events = new EventStream('status', 'dcaa-audit', 'logs/events.jsonl', { out: () => undefined, err: () => undefined, cwd: dir });
    events.emit('gov.hms-sys.status.finished', { outcome: 'not-deployed' });
    await events.close();
    const lines = readFileSync(join(dir, 'logs', 'events.jsonl'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(earlier);
    expect(lines.length).toBe(2);
    expect(JSON.parse(lines[lines.length - 1]).type).toMatch(/^gov\.hms-sys\.status\./);
  });

  test.each([
    ['a user and password in the URL (they would be logged)', 'https://user:s3cr3t@127.0.0.1:9/x', 'carries a user or password'],
    ['plain http to another machine', 'http://dashboard.agency.gov/events', 'events leave this machine only over https'],
    ['a scheme hms-sys does not speak', 'ftp://dashboard.agency.gov/events', 'is not supported; give -, a file, or an https:// URL'],
  ])('%s is refused before any work, and no secret is echoed', async (_name, url, message) => {
    const r = await runCli(['status', 'dcaa-audit', '--events', url], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('s3cr3t');
    expect(existsSync(join(dir, 'ftp:'))).toBe(false);
  });
});

describe('verify --probe-image', () => {
  test.each(['busybox', 'busybox:latest'])('%s (what runs would be unknown) is refused like a workload image', async (image) => {
    const r = await runCli(['verify', 'dcaa-audit', '--probe-image', image], exampleProject());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--probe-image: .*(not tagged|tagged latest).*pin a version tag/);
  });
});
