/**
 * Events for the operations dashboard: every step of `apply`, `status` and
 * `verify` emits one CloudEvents 1.0 event in the JSON format
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md),
 * built and validated by the `cloudevents` SDK. `type` names the step, `data`
 * says how it ended (`outcome`), for which blueprint and stack, and how long it
 * took (`durationMs`).
 *
 * Where they go: `--events -` (stdout, one event a line; the command's own
 * output moves to stderr), `--events FILE` (appended, one a line), or
 * `--events https://…` (POSTed one by one in structured mode, retried, through a
 * bounded queue: a slow or failing endpoint loses events, never the command).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { CloudEvent, HTTP } from 'cloudevents';
import { UserError } from '../core/errors';
import type { Io } from './io';
import { checkEventsFile } from './output-file';

/** Every event type, with the step it reports. The README's Events section lists the same. */
export const EVENT_TYPES = {
  'gov.hms-sys.apply.started': 'apply began for a blueprint',
  'gov.hms-sys.apply.synthesized': 'the blueprints were synthesized and passed (or failed) the policy gate',
  'gov.hms-sys.apply.stack.checked': 'the preflight checks of a stack ran',
  'gov.hms-sys.apply.stack.planned': 'a stack was planned and its plan checked (policy packs, stateful-resource guard)',
  'gov.hms-sys.apply.stack.applied': 'terraform apply of a stack ended',
  'gov.hms-sys.apply.finished': 'apply ended: every stack applied, or where it stopped and why',
  'gov.hms-sys.status.cluster.read': 'status tried to read one cluster',
  'gov.hms-sys.status.item.observed': 'an item (node pool, volume, network policy, workload) was observed, or changed while watching',
  'gov.hms-sys.status.finished': 'status ended: converged, not converged, or a cluster unreachable',
  'gov.hms-sys.verify.started': 'verify began for a blueprint',
  'gov.hms-sys.verify.probe.finished': 'one probe ended, passed or failed, with the control it supports',
  'gov.hms-sys.verify.finished': 'verify ended, with how many promises held',
} as const;

export type EventType = keyof typeof EVENT_TYPES;

/** How a step ended. */
export type Outcome = 'started' | 'succeeded' | 'failed' | 'refused' | 'not-confirmed' | 'converged' | 'not-converged' | 'unreachable' | 'passed' | 'error' | 'not-deployed';

export interface EventData {
  readonly outcome: Outcome;
  readonly stack?: string;
  readonly durationMs?: number;
  readonly [key: string]: unknown;
}

/** How many events may wait for a slow endpoint before the oldest are dropped. */
export const EVENT_QUEUE_LIMIT = 1000;
/** Attempts per event, and the wait before each retry (doubling). */
export const EVENT_POST_ATTEMPTS = 3;
export const EVENT_RETRY_DELAY_MS = 500;
/** How long one POST may take. */
export const EVENT_POST_TIMEOUT_MS = 5000;
/** How long a command waits at its end for queued events to be delivered. */
export const EVENT_FLUSH_TIMEOUT_MS = 10_000;

/** Delivery limits of an HTTP endpoint; tests shorten them. */
export interface DeliveryLimits {
  readonly queueLimit: number;
  readonly attempts: number;
  readonly retryDelayMs: number;
  readonly postTimeoutMs: number;
  readonly flushTimeoutMs: number;
}

export const DEFAULT_DELIVERY_LIMITS: DeliveryLimits = {
  queueLimit: EVENT_QUEUE_LIMIT,
  attempts: EVENT_POST_ATTEMPTS,
  retryDelayMs: EVENT_RETRY_DELAY_MS,
  postTimeoutMs: EVENT_POST_TIMEOUT_MS,
  flushTimeoutMs: EVENT_FLUSH_TIMEOUT_MS,
};

interface Sink {
  write(event: CloudEvent<Record<string, unknown>>): void;
  close(): Promise<void>;
}

/** POSTs events in order through a bounded queue, retrying each a few times. */
class HttpSink implements Sink {
  private readonly queue: CloudEvent<Record<string, unknown>>[] = [];
  private sending: Promise<void> | undefined;
  private dropped = 0;
  private lastError = '';
  private closing = false;
  /** Set when an event exhausted its retries: later events get one attempt each, so a dead endpoint cannot stall the command. */
  private down = false;

  constructor(
    private readonly url: string,
    private readonly warn: (line: string) => void,
    private readonly limits: DeliveryLimits,
  ) {}

  write(event: CloudEvent<Record<string, unknown>>): void {
    if (this.queue.length >= this.limits.queueLimit) {
      this.queue.shift();
      this.dropped += 1;
    }
    this.queue.push(event);
    this.sending ??= this.drain().finally(() => {
      this.sending = undefined;
    });
  }

  private async post(event: CloudEvent<Record<string, unknown>>): Promise<boolean> {
    const message = HTTP.structured(event);
    const attempts = this.down ? 1 : this.limits.attempts;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await fetch(this.url, { method: 'POST', headers: message.headers as Record<string, string>, body: String(message.body), signal: AbortSignal.timeout(this.limits.postTimeoutMs) });
        if (response.ok) {
          this.down = false;
          return true;
        }
        this.lastError = `HTTP ${response.status}`;
        // 4xx other than 408/429 will not get better by retrying.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) return false;
      } catch (e) {
        this.lastError = (e as Error).cause ? String(((e as Error).cause as Error).message ?? (e as Error).cause) : (e as Error).message;
      }
      if (attempt < attempts && !this.closing) await new Promise((r) => setTimeout(r, this.limits.retryDelayMs * 2 ** (attempt - 1)));
    }
    this.down = true;
    return false;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const event = this.queue.shift()!;
      if (!(await this.post(event))) this.dropped += 1;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((r) => {
      timer = setTimeout(() => r('late'), this.limits.flushTimeoutMs);
      timer.unref();
    });
    const late = (await Promise.race([this.sending ?? Promise.resolve(), deadline])) === 'late';
    clearTimeout(timer);
    const lost = this.dropped + (late ? this.queue.length : 0);
    if (lost > 0) this.warn(`events: ${lost} event(s) could not be delivered to ${displayUrl(this.url)} (${this.lastError || 'no answer in time'}); the command's result does not depend on them`);
  }
}

/** A URL as messages show it: no user, password or query (they may carry a secret). */
function displayUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}`;
}

/** Loopback hosts, where plain http never leaves the machine. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An endpoint URL events may be POSTed to: https, or http on this machine only
 * (events name blueprints, stacks and outcomes of a FedRAMP system: SC-8 wants
 * them protected in transit), and no user or password in the URL, which would be
 * echoed in messages (give the endpoint a token in its path or behind a proxy).
 */
function checkedEventsUrl(command: string, target: string): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new UserError(`hms-sys ${command}: --events ${JSON.stringify(target)} is not a valid URL; give -, a file, or an https:// URL`);
  }
  if (url.username || url.password) {
    throw new UserError(`hms-sys ${command}: --events: the URL carries a user or password, which would appear in logs; put the credential in the endpoint's path or behind an authenticating proxy`);
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new UserError(`hms-sys ${command}: --events ${displayUrl(target)}: events leave this machine only over https (NIST 800-53 SC-8); use https://${url.host}${url.pathname}`);
  }
  return target;
}

function sinkFor(command: string, target: string, io: Io, limits: DeliveryLimits): Sink {
  if (target === '-') return { write: (e) => io.out(JSON.stringify(e)), close: async () => undefined };
  if (/^https?:\/\//i.test(target)) return new HttpSink(checkedEventsUrl(command, target), io.err, limits);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new UserError(`hms-sys ${command}: --events ${JSON.stringify(target.split('//')[0] + '//…')} is not supported; give -, a file, or an https:// URL`);
  }
  const file = checkEventsFile(command, target, io.cwd, []);
  return { write: (e) => appendFileSync(file, `${JSON.stringify(e)}\n`), close: async () => undefined };
}

/**
 * The events of one command run. Every event carries the run's id in
 * `data.runId`, so a dashboard can group a run's steps.
 */
export class EventStream {
  public readonly runId = randomUUID();
  private readonly sink: Sink | undefined;

  /**
   * @param command `apply`, `status` or `verify`: the event source is `/hms-sys/<command>/<blueprint>`.
   * @param target `-`, a file, an http(s) URL, or undefined for no events.
   */
  constructor(
    private readonly command: 'apply' | 'status' | 'verify',
    private readonly blueprint: string,
    target: string | undefined,
    io: Io,
    limits: DeliveryLimits = DEFAULT_DELIVERY_LIMITS,
  ) {
    this.sink = target ? sinkFor(command, target, io, limits) : undefined;
    this.toStdout = target === '-';
  }

  /** True when events go to stdout: the command then writes its own output to stderr. */
  public readonly toStdout: boolean;

  emit(type: EventType, data: EventData): void {
    if (!this.sink) return;
    const event = new CloudEvent<Record<string, unknown>>({
      type,
      source: `/hms-sys/${this.command}/${encodeURIComponent(this.blueprint)}`,
      subject: data.stack,
      datacontenttype: 'application/json',
      data: { blueprint: this.blueprint, runId: this.runId, ...data },
    });
    this.sink.write(event);
  }

  /** Waits (boundedly) for queued events to reach an HTTP endpoint; reports what could not. */
  close(): Promise<void> {
    return this.sink?.close() ?? Promise.resolve();
  }
}

/**
 * The command's own output channel: stderr when events take stdout, so that
 * stdout stays one JSON event a line.
 */
export function humanIo(io: Io, events: EventStream): Io {
  return events.toStdout ? { ...io, out: io.err } : io;
}

/** `--json` and `--events -` both want stdout. */
export function refuseTwoStdoutStreams(command: string, json: unknown, events: unknown): void {
  if (json && events === '-') throw new UserError(`hms-sys ${command}: --json and --events - both write to stdout; send events to a file or an http(s) URL`);
}

/** Milliseconds since `start`. */
export const since = (start: number) => Date.now() - start;
