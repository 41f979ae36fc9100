/**
 * Events for the operations dashboard: CloudEvents 1.0 with the attributes the
 * spec requires, to stdout, a file or an HTTP endpoint that may fail without
 * failing the command; and the governance gate, which stops apply before any
 * cloud call.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudEvent } from 'cloudevents';
import { EVENT_TYPES, EventStream, type DeliveryLimits } from '../../lib/cli/events';
import type { Io } from '../../lib/cli/io';
import { exampleProject, runCli } from '../support/cli';
import { listeningServer } from '../support/net';

/**
 * The context attributes CloudEvents 1.0 requires, and the constraints it puts on them.
 * @see https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md#required-attributes
 */
function expectSpecCompliant(e: Record<string, any>): void {
  expect(e.specversion).toBe('1.0');
  for (const attribute of ['id', 'source', 'type']) expect(typeof e[attribute] === 'string' && e[attribute].length > 0).toBe(true);
  // time, when present, is RFC 3339.
  expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  expect(e.datacontenttype).toBe('application/json');
  // The SDK parses it back with its own spec validation.
  expect(() => new CloudEvent(e, true)).not.toThrow();
  expect(Object.keys(EVENT_TYPES)).toContain(e.type);
  expect(e.data).toMatchObject({ blueprint: expect.any(String), runId: expect.any(String), outcome: expect.any(String) });
}

function memoryIo(cwd = tmpdir()): Io & { outLines: string[]; errLines: string[] } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { cwd, out: (l) => outLines.push(l), err: (l) => errLines.push(l), outLines, errLines };
}

/** Short waits, but not so short that a loaded machine misses an answer. */
const FAST: DeliveryLimits = { queueLimit: 5, attempts: 3, retryDelayMs: 10, postTimeoutMs: 2000, flushTimeoutMs: 1500 };

/** An HTTP endpoint on 127.0.0.1 that answers each POST with the next status of `statuses` (then 200), or never. */
async function endpoint(statuses: number[] | 'hang'): Promise<{ url: string; bodies: any[]; headers: string[]; posts: () => number; close: () => Promise<void> }> {
  let posts = 0;
  const bodies: any[] = [];
  const headers: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      posts += 1;
      if (statuses === 'hang') return;
      const status = statuses.shift() ?? 200;
      if (status === 200) {
        bodies.push(JSON.parse(body));
        headers.push(String(req.headers['content-type']));
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/events`,
    bodies,
    headers,
    posts: () => posts,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

describe('EventStream', () => {
  test('--events - writes one spec-compliant CloudEvent a line to stdout', async () => {
    const io = memoryIo();
    const events = new EventStream('apply', 'dcaa-audit', '-', io);
    events.emit('gov.hms-sys.apply.stack.applied', { outcome: 'succeeded', stack: 'dcaa-audit-aws', durationMs: 1234 });
    await events.close();
    const e = JSON.parse(io.outLines[0]);
    expectSpecCompliant(e);
    expect(e).toMatchObject({ type: 'gov.hms-sys.apply.stack.applied', source: '/hms-sys/apply/dcaa-audit', subject: 'dcaa-audit-aws', data: { outcome: 'succeeded', stack: 'dcaa-audit-aws', durationMs: 1234 } });
    expect(events.toStdout).toBe(true);
  });

  test('the SDK refuses an event that breaks the spec, so none is ever written', () => {
    const events = new EventStream('apply', 'dcaa-audit', '-', memoryIo());
    expect(() => events.emit('' as any, { outcome: 'succeeded' })).toThrow(/invalid payload/);
  });

  test('HTTP: structured mode, in order, retried through 503s', async () => {
    const ep = await endpoint([503, 503]);
    const io = memoryIo();
    const events = new EventStream('status', 'dcaa-audit', ep.url, io, { ...FAST, flushTimeoutMs: 20_000 });
    events.emit('gov.hms-sys.status.cluster.read', { outcome: 'succeeded', cloud: 'aws' });
    events.emit('gov.hms-sys.status.finished', { outcome: 'converged' });
    try {
      await events.close();
    } finally {
      await ep.close();
    }
    expect(ep.bodies.map((b) => b.type)).toEqual(['gov.hms-sys.status.cluster.read', 'gov.hms-sys.status.finished']);
    expect(ep.headers[0]).toBe('application/cloudevents+json; charset=utf-8');
    ep.bodies.forEach(expectSpecCompliant);
    expect(io.errLines).toEqual([]);
  });

  test('HTTP: an endpoint that never answers costs a bounded wait and a warning, never an exception', async () => {
    const ep = await endpoint('hang');
    const io = memoryIo();
    const events = new EventStream('apply', 'dcaa-audit', ep.url, io, FAST);
    for (let i = 0; i < 20; i++) events.emit('gov.hms-sys.apply.started', { outcome: 'started' });
    const started = Date.now();
    try {
      await events.close();
    } finally {
      await ep.close();
    }
    expect(Date.now() - started).toBeLessThan(FAST.flushTimeoutMs + 1000);
    expect(io.errLines).toHaveLength(1);
    expect(io.errLines[0]).toMatch(/^events: \d+ event\(s\) could not be delivered to http:\/\/127\.0\.0\.1:\d+\/events \(.+\); the command's result does not depend on them$/);
  });

  test('HTTP: once an event exhausts its retries, later events get one attempt each, so a dead endpoint cannot stall the command', async () => {
    const ep = await endpoint(Array(100).fill(503));
    const io = memoryIo();
    const events = new EventStream('apply', 'dcaa-audit', ep.url, io, { ...FAST, flushTimeoutMs: 20_000 });
    for (let i = 0; i < 4; i++) events.emit('gov.hms-sys.apply.started', { outcome: 'started' });
    try {
      await events.close();
    } finally {
      await ep.close();
    }
    expect(ep.posts()).toBe(FAST.attempts + 3);
    expect(io.errLines[0]).toMatch(/^events: 4 event\(s\) could not be delivered to .* \(HTTP 503\)/);
  });

  test('a file target appends, one event a line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'events-'));
    for (const blueprint of ['a', 'b']) {
      const events = new EventStream('verify', blueprint, 'events.jsonl', memoryIo(dir));
      events.emit('gov.hms-sys.verify.started', { outcome: 'started' });
      await events.close();
    }
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((e) => e.source)).toEqual(['/hms-sys/verify/a', '/hms-sys/verify/b']);
  });
});

const FAKE_TERRAFORM = join(__dirname, '..', 'support', 'fake-terraform');

// The EKS API endpoint the fake cluster stack reports: the preflight before the AWS Kubernetes stack connects to it.
let eksEndpoint: Awaited<ReturnType<typeof listeningServer>>;
beforeAll(async () => (eksEndpoint = await listeningServer()));
afterAll(() => eksEndpoint.close());

/** hms-sys apply in this process, with the fake terraform first on PATH; what it ran, from the fake's log. */
async function apply(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; calls: string[] }> {
  const log = join(dir, 'terraform.log');
  const saved = { PATH: process.env.PATH, FAKE_TF_LOG: process.env.FAKE_TF_LOG, FAKE_TF_OUTPUTS: process.env.FAKE_TF_OUTPUTS };
  process.env.PATH = `${FAKE_TERRAFORM}:${saved.PATH}`;
  process.env.FAKE_TF_LOG = log;
  process.env.FAKE_TF_OUTPUTS = JSON.stringify({ cluster_endpoint: { value: `https://127.0.0.1:${eksEndpoint.port}` } });
  try {
    const r = await runCli(['apply', ...args], dir);
    let calls: string[] = [];
    try {
      calls = readFileSync(log, 'utf8').trim().split('\n');
    } catch {
      calls = [];
    }
    return { ...r, calls };
  } finally {
    process.env.PATH = saved.PATH;
    if (saved.FAKE_TF_LOG === undefined) delete process.env.FAKE_TF_LOG;
    else process.env.FAKE_TF_LOG = saved.FAKE_TF_LOG;
    if (saved.FAKE_TF_OUTPUTS === undefined) delete process.env.FAKE_TF_OUTPUTS;
    else process.env.FAKE_TF_OUTPUTS = saved.FAKE_TF_OUTPUTS;
  }
}

describe('hms-sys apply events and governance', () => {
  test('--events - puts only events on stdout; a dead HTTP endpoint does not fail the apply', async () => {
    const aws = (y: string) => `${y}\nclouds: [aws]\n`;
    const toStdout = await apply(exampleProject(aws), ['dcaa-audit', '--yes', '--events', '-']);
    const toDeadEndpoint = await apply(exampleProject(aws), ['dcaa-audit', '--yes', '--events', 'http://127.0.0.1:9/events']);
    expect(toStdout.code).toBe(0);
    const events = toStdout.stdout.split('\n').map((l) => JSON.parse(l));
    events.forEach(expectSpecCompliant);
    expect(events.map((e) => e.type)).toEqual([
      'gov.hms-sys.apply.started',
      'gov.hms-sys.apply.synthesized',
      ...['dcaa-audit-aws', 'dcaa-audit-aws-k8s'].flatMap(() => ['gov.hms-sys.apply.stack.checked', 'gov.hms-sys.apply.stack.planned', 'gov.hms-sys.apply.stack.applied']),
      'gov.hms-sys.apply.finished',
    ]);
    expect(new Set(events.map((e) => e.data.runId)).size).toBe(1);
    expect(events.at(-1).data).toMatchObject({ outcome: 'succeeded', applied: ['dcaa-audit-aws', 'dcaa-audit-aws-k8s'], durationMs: expect.any(Number) });
    // The progress a person reads went to stderr.
    expect(toStdout.stderr).toMatch(/✔ dcaa-audit: 2 stack\(s\) applied/);

    expect(toDeadEndpoint.code).toBe(0);
    expect(toDeadEndpoint.stdout).toMatch(/✔ dcaa-audit: 2 stack\(s\) applied/);
    expect(toDeadEndpoint.stderr).toMatch(/events: 9 event\(s\) could not be delivered to http:\/\/127\.0\.0\.1:9\/events/);
  });

  test('governance stays in front: a non-FIPS runtime or an unpinned image is refused with its control and the fix, before any cloud call', async () => {
    const runtimeDir = exampleProject((y) => y.replace('runtime: fips-ubuntu-22.04', 'runtime: ubuntu-22.04'));
    const runtime = await apply(runtimeDir, ['dcaa-audit', '--yes', '--events', 'events.jsonl']);
    const image = await apply(exampleProject((y) => y.replace('dcaa-audit:v1.0', 'dcaa-audit:latest')), ['dcaa-audit', '--yes']);
    expect(runtime.code).toBe(1);
    expect(runtime.stderr).toBe(
      '1 problem in blueprint:\n  blueprints/dcaa-audit.yml:4:12  nodePool.runtime: "ubuntu-22.04" is not a FIPS 140 validated runtime (NIST 800-53 SC-13); allowed: fips-ubuntu-22.04, bottlerocket-fips',
    );
    expect(image.code).toBe(1);
    expect(image.stderr).toContain('workload.image: "ghcr.io/hms/dcaa-audit:latest" is tagged latest, so what runs is unknown (NIST 800-53 CM-2, CM-6, SI-7; rule HMS-K8S-9); pin a version tag or, better, a @sha256 digest');
    // Terraform never ran: no init, no plan, no apply.
    expect([...runtime.calls, ...image.calls]).toEqual([]);
    // The dashboard still hears that the run ended, and why.
    const events = readFileSync(join(runtimeDir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events).toHaveLength(1);
    expectSpecCompliant(events[0]);
    expect(events[0]).toMatchObject({ type: 'gov.hms-sys.apply.finished', source: '/hms-sys/apply/dcaa-audit', data: { outcome: 'refused', stoppedAt: 'validation', message: expect.stringContaining('SC-13') } });
  });
});
