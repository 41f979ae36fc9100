import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Blueprint } from '../../blueprint/blueprint';
import { UserError } from '../../core/errors';
import { connectCluster, DEFAULT_REQUEST_TIMEOUT_MS } from '../../live/kube-client';
import { cloudStatus, statusExitCode } from '../../live/platform-status';
import { formatStatus, type StatusLine } from '../../status/summarize';
import { LOCAL_STATE_DIR } from '../../../stacks/backend';
import { parseCommandArgs, secondsOption } from '../args';
import { selectOneBlueprint } from '../stack-selection';
import { EventStream, humanIo, refuseTwoStdoutStreams, since, type Outcome } from '../events';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { locateClusters, type LiveTargets } from '../live-targets';
import { STATUS_HELP } from '../help/status';

const STATUS_USAGE = STATUS_HELP.usage;

/** How long --watch follows a platform before giving up: the Deployment's rollout timeout. */
export const DEFAULT_WATCH_TIMEOUT_S = 900;
/** Seconds between two readings while watching. */
export const DEFAULT_WATCH_INTERVAL_S = 10;


/**
 * What is running for a blueprint: node pool, volume, network policy and
 * workload, read from each cluster through the Kubernetes API with the
 * credentials the Kubernetes stacks use, and from Terraform state for what is
 * not deployed yet. Exit 0 only when everything converged, 1 when not, 3 when a
 * cluster cannot be reached or refuses the credentials.
 */
export async function statusCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandArgs('status', STATUS_USAGE, args, {
    json: { type: 'boolean' },
    watch: { type: 'boolean', short: 'w' },
    timeout: { type: 'string' },
    interval: { type: 'string' },
    'request-timeout': { type: 'string' },
    events: { type: 'string' },
    blueprints: { type: 'string' },
    'state-dir': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UserError(`hms-sys status: name one blueprint, stack, blueprint file or node pool\nusage: ${STATUS_USAGE}`);
  refuseTwoStdoutStreams('status', values.json, values.events);
  const watchTimeoutS = secondsOption('status', '--timeout', values.timeout, DEFAULT_WATCH_TIMEOUT_S);
  const intervalS = secondsOption('status', '--interval', values.interval, DEFAULT_WATCH_INTERVAL_S);
  const requestTimeoutMs = secondsOption('status', '--request-timeout', values['request-timeout'], DEFAULT_REQUEST_TIMEOUT_MS / 1000) * 1000;
  const named = selectOneBlueprint('status', positionals[0], typeof values.blueprints === 'string' ? values.blueprints : 'blueprints', io);
  // A stack name reads its own cloud only.
  const blueprint: Blueprint = { ...named.blueprint, clouds: [...named.clouds] };
  const stateDir = resolve(io.cwd, typeof values['state-dir'] === 'string' ? values['state-dir'] : LOCAL_STATE_DIR);
  const events = new EventStream('status', blueprint.name, typeof values.events === 'string' ? values.events : undefined, io);
  const work = mkdtempSync(join(tmpdir(), 'hms-sys-status-'));
  try {
    const located = locateClusters(blueprint, stateDir, work);
    const out = humanIo(io, events);
    if (!located.anyDeployed) return nothingDeployed(blueprint, located, stateDir, values.json === true, out, events);
    return await follow(blueprint, located, { watch: values.watch === true, watchTimeoutS, intervalS, requestTimeoutMs, json: values.json === true }, out, events);
  } finally {
    rmSync(work, { recursive: true, force: true });
    await events.close();
  }
}

function nothingDeployed(bp: Blueprint, located: LiveTargets, stateDir: string, json: boolean, io: Io, events: EventStream): number {
  const message = `nothing is deployed for ${bp.name} yet: no state in ${relative(io.cwd, stateDir) || '.'}/ for ${located.stackNames.join(', ')}. Deploy with \`hms-sys apply ${bp.name}\`.`;
  events.emit('gov.hms-sys.status.finished', { outcome: 'not-deployed', durationMs: 0 });
  if (json) io.out(JSON.stringify({ blueprint: bp.name, deployed: false, converged: false, lines: [], message }, null, 2));
  else io.err(message);
  return EXIT_USER_ERROR;
}

interface FollowOptions {
  readonly watch: boolean;
  readonly watchTimeoutS: number;
  readonly intervalS: number;
  readonly requestTimeoutMs: number;
  readonly json: boolean;
}

/** Reads every cloud once, or until converged with --watch, printing each reading that differs from the last. */
async function follow(bp: Blueprint, located: LiveTargets, o: FollowOptions, io: Io, events: EventStream): Promise<number> {
  const started = Date.now();
  const deadline = started + o.watchTimeoutS * 1000;
  const connect = (c: Parameters<typeof connectCluster>[0]) => connectCluster(c, o.requestTimeoutMs);
  let previous = new Map<string, string>();
  for (;;) {
    const lines: StatusLine[] = [];
    for (const target of located.targets) {
      const cloudLines = await cloudStatus(bp, target, connect);
      const cluster = cloudLines.find((l) => l.item === 'cluster');
      events.emit('gov.hms-sys.status.cluster.read', {
        outcome: !target.connection ? 'not-deployed' : cluster ? (cluster.failure === 'unreachable' ? 'unreachable' : 'failed') : 'succeeded',
        cloud: target.cloud,
        stack: `${bp.name}-${target.cloud}`,
        ...(cluster ? { reason: cluster.reason } : {}),
      });
      lines.push(...cloudLines);
    }
    const code = statusExitCode(lines);
    const current = new Map(lines.map((l) => [`${l.cloud}/${l.item}/${l.text.split(' (')[0]}`, `${l.ok} ${l.text} ${l.reason ?? ''}`]));
    const changed = lines.filter((l) => previous.get(`${l.cloud}/${l.item}/${l.text.split(' (')[0]}`) !== `${l.ok} ${l.text} ${l.reason ?? ''}`);
    for (const l of changed) {
      events.emit('gov.hms-sys.status.item.observed', { outcome: l.ok ? 'converged' : 'not-converged', cloud: l.cloud, item: l.item, text: l.text, reason: l.reason, source: l.source });
    }
    const done = !o.watch || code !== EXIT_USER_ERROR || Date.now() + o.intervalS * 1000 > deadline;
    if (o.json) {
      if (done) io.out(JSON.stringify({ blueprint: bp.name, deployed: true, converged: code === EXIT_OK, lines }, null, 2));
    } else if (changed.length > 0 || done) {
      if (o.watch) io.out(`-- ${new Date().toISOString()} (${Math.round(since(started) / 1000)}s)`);
      io.out(formatStatus(lines));
    }
    if (done) {
      if (o.watch && code === EXIT_USER_ERROR) io.err(`hms-sys status: not converged after ${o.watchTimeoutS}s`);
      const outcome: Outcome = code === EXIT_OK ? 'converged' : code === EXIT_USER_ERROR ? 'not-converged' : 'unreachable';
      events.emit('gov.hms-sys.status.finished', { outcome, durationMs: since(started), converged: lines.filter((l) => l.ok).length, items: lines.length });
      return code;
    }
    previous = current;
    await new Promise((r) => setTimeout(r, o.intervalS * 1000));
  }
}
