import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'cdktf';
import type { Blueprint } from '../../blueprint/blueprint';
import type { Cloud } from '../../core/defaults';
import { UserError } from '../../core/errors';
import { ImageReferenceSchema } from '../../blueprint/schema';
import { mirroredImage } from '../../k8s/target';
import { connectCluster, DEFAULT_REQUEST_TIMEOUT_MS, KubeError } from '../../live/kube-client';
import { whereToRun } from '../../live/where-to-run';
import { DEFAULT_EGRESS_TARGET, DEFAULT_PROBE_IMAGES, DEFAULT_PROBE_TIMEOUT_S, PROMISES } from '../../live/verify/promises';
import { formatVerifyJson, formatVerifyJunit, formatVerifyText, VERIFY_FORMATS, verifyExitCode, type ClusterProblem, type VerifyFormat } from '../../live/verify/report';
import type * as RunProbeModule from '../../live/verify/run-probe';
import type * as VerifyPlatformModule from '../../live/verify/verify-platform';
import type { ProbeCleanup } from '../../live/verify/run-probe';
import type { PromiseResult } from '../../live/verify/verify-platform';
import { lazyNamespace } from '../../core/lazy';
import { LOCAL_STATE_DIR } from '../../../stacks/backend';
import { KubernetesStack } from '../../../stacks/cloud-stacks';
import { addBlueprintStacks } from '../../../stacks/app';
import { parseCommandArgs, secondsOption } from '../args';
import { selectOneBlueprint } from '../stack-selection';
import { withEnvironmentDefaults } from '../environment-defaults';
import { EventStream, humanIo, since } from '../events';
import { EXIT_OK, type Io } from '../io';
import { locateClusters } from '../live-targets';
import { checkOutputFile, writeOutputFile } from '../output-file';
import { VERIFY_HELP } from '../help/verify';

const VERIFY_USAGE = VERIFY_HELP.usage;

/* eslint-disable @typescript-eslint/no-require-imports -- loaded when a probe runs */
// The probe Jobs take their Pod Security labels from the k8s constructs, which load
// @cdktf/provider-kubernetes: `verify --help` and "nothing deployed" must not need it.
const runProbe: typeof RunProbeModule = lazyNamespace(() => require('../../live/verify/run-probe'));
const probes: typeof VerifyPlatformModule = lazyNamespace(() => require('../../live/verify/verify-platform'));
/* eslint-enable @typescript-eslint/no-require-imports */

/** Exit code after Ctrl-C: 128 + SIGINT, as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** `hms-sys verify --help`: each probe and the control it supports. */
export function verifyHelp(): string {
  return [
    `usage: ${VERIFY_USAGE}`,
    '',
    ...(VERIFY_HELP.details ?? []).flatMap((d) => [d, '']),
    'Proves, on the running platform, what the blueprint promises, with short-lived probe pods that',
    'themselves pass Pod Security `restricted` (non-root, no privilege escalation, no capabilities,',
    'RuntimeDefault seccomp, read-only root, no service account token). They are Jobs that Kubernetes',
    'stops after 5 minutes and deletes 10 minutes after they end, and hms-sys deletes them (and its',
    'probe namespace) as soon as it has their result, on failure, and on Ctrl-C.',
    '',
    'probes:',
    ...PROMISES.flatMap((p) => [`  ${p.title}  [NIST 800-53 ${p.controls.join(', ')}]`, `      ${p.probe}`]),
    '',
    'probe image: busybox (it needs sh, cat, nc, nslookup, timeout), pulled through the cluster\'s private',
    `mirrors like the workload: ${Object.entries(DEFAULT_PROBE_IMAGES).map(([c, i]) => `${c}: ${i}`).join('; ')}.`,
    'On a cluster with no mirror for it, name a copy in your private registry with --probe-image.',
    '',
    'exit: 0 every promise proven; 1 a promise is broken (named, with its control), or nothing is deployed yet; 3 a cluster could not',
    'be reached or a probe could not run (image not pullable, forbidden, timeout); 130 interrupted.',
  ].join('\n');
}

/** The probe image per cloud: the user's, or the default through the Kubernetes stack's image mirrors. */
/** `--probe-image`, pinned like a workload's image: these pods run in the production cluster. */
function checkedProbeImage(named: string): string {
  const parsed = ImageReferenceSchema.safeParse(named);
  if (!parsed.success) throw new UserError(`hms-sys verify: --probe-image: ${parsed.error.issues[0].message}`);
  return named;
}

function probeImages(bp: Blueprint, named: string | undefined): Record<Cloud, string> {
  if (named) return { aws: named, azure: named };
  // Built, not synthesized: only the targets' mirrors are needed; the folder CDKTF wants is removed at once.
  const outdir = mkdtempSync(join(tmpdir(), 'hms-sys-mirrors-'));
  try {
    const app = new App({ outdir });
    const { stacks } = addBlueprintStacks(app, withEnvironmentDefaults([bp]));
    const mirrorsOf = (cloud: Cloud) => stacks.map((s) => s.stack).find((s): s is KubernetesStack => s instanceof KubernetesStack && s.node.id === `${bp.name}-${cloud}-k8s`)?.imageMirrors ?? [];
    return { aws: mirroredImage(DEFAULT_PROBE_IMAGES.aws, mirrorsOf('aws')), azure: mirroredImage(DEFAULT_PROBE_IMAGES.azure, mirrorsOf('azure')) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}


/**
 * Post-apply acceptance: proves each promise of the blueprint on each of its
 * running clusters and reports it in text, JSON or JUnit.
 */
export async function verifyCommand(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values } = parseCommandArgs('verify', VERIFY_USAGE, args, {
    help: { type: 'boolean', short: 'h' },
    format: { type: 'string' },
    output: { type: 'string' },
    events: { type: 'string' },
    'probe-image': { type: 'string' },
    'egress-target': { type: 'string' },
    'probe-timeout': { type: 'string' },
    'request-timeout': { type: 'string' },
    blueprints: { type: 'string' },
    'state-dir': { type: 'string' },
  });
  if (values.help) {
    io.out(verifyHelp());
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UserError(`hms-sys verify: name one blueprint, stack, blueprint file or node pool\nusage: ${VERIFY_USAGE}`);
  const format = (typeof values.format === 'string' ? values.format : 'text') as VerifyFormat;
  if (!VERIFY_FORMATS.includes(format)) throw new UserError(`hms-sys verify: --format ${format} is not known; allowed: ${VERIFY_FORMATS.join(', ')}`);
  if (values.events === '-' && format !== 'text' && typeof values.output !== 'string') {
    throw new UserError(`hms-sys verify: --format ${format} and --events - both write to stdout; add --output FILE or send events elsewhere`);
  }
  const egressTarget = typeof values['egress-target'] === 'string' ? values['egress-target'] : DEFAULT_EGRESS_TARGET;
  if (!/^[A-Za-z0-9.:-]+:\d{1,5}$/.test(egressTarget)) throw new UserError(`hms-sys verify: --egress-target must be host:port, e.g. ${DEFAULT_EGRESS_TARGET}; got ${JSON.stringify(egressTarget)}`);
  const probeTimeoutMs = secondsOption('verify', '--probe-timeout', values['probe-timeout'], DEFAULT_PROBE_TIMEOUT_S) * 1000;
  const requestTimeoutMs = secondsOption('verify', '--request-timeout', values['request-timeout'], DEFAULT_REQUEST_TIMEOUT_MS / 1000) * 1000;
  const named = selectOneBlueprint('verify', positionals[0], typeof values.blueprints === 'string' ? values.blueprints : 'blueprints', io);
  // A stack name verifies its own cloud only.
  const bp: Blueprint = { ...named.blueprint, clouds: [...named.clouds] };
  const stateDir = resolve(io.cwd, typeof values['state-dir'] === 'string' ? values['state-dir'] : LOCAL_STATE_DIR);
  const outputFile = typeof values.output === 'string' ? checkOutputFile('verify', values.output, io.cwd, [bp.sourceFile]) : undefined;
  const probeImage = typeof values['probe-image'] === 'string' ? checkedProbeImage(values['probe-image']) : undefined;
  const events = new EventStream('verify', bp.name, typeof values.events === 'string' ? values.events : undefined, io);
  const out = humanIo(io, events);
  const work = mkdtempSync(join(tmpdir(), 'hms-sys-verify-'));
  const cleanups: ProbeCleanup[] = [];
  // Ctrl-C removes the probes before leaving; a second Ctrl-C leaves at once.
  const interrupted = (signal: NodeJS.Signals) => {
    out.err(`hms-sys verify: ${signal}: removing probe pods and namespaces...`);
    void Promise.all(cleanups.map((c) => c.run())).finally(() => {
      rmSync(work, { recursive: true, force: true });
      process.exit(EXIT_INTERRUPTED);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const started = Date.now();
  try {
    events.emit('gov.hms-sys.verify.started', { outcome: 'started' });
    const located = locateClusters(bp, stateDir, work);
    const images = probeImages(bp, probeImage);
    const runId = randomBytes(3).toString('hex');
    const results: PromiseResult[] = [];
    const problems: ClusterProblem[] = [];
    const leftovers: string[] = [];
    for (const target of located.targets) {
      if (!target.connection) {
        problems.push({ cloud: target.cloud, message: `${bp.name}-${target.cloud} has no cluster in its state: apply it first (hms-sys apply ${bp.name})`, notDeployed: true });
        continue;
      }
      const client = connectCluster(target.connection, requestTimeoutMs);
      const cleanup = new runProbe.ProbeCleanup(client);
      cleanups.push(cleanup);
      try {
        await probes.removeExpiredProbes(client);
        results.push(
          ...(await probes.verifyPlatform(client, cleanup, target.desired, { runId, image: images[target.cloud], egressTarget, timeoutMs: probeTimeoutMs, pollMs: 1000 }, (r) =>
            events.emit('gov.hms-sys.verify.probe.finished', { outcome: r.outcome, cloud: r.cloud, promise: r.id, title: r.title, controls: r.controls, reason: r.reason, durationMs: r.durationMs }),
          )),
        );
      } catch (e) {
        if (!(e instanceof KubeError)) throw e;
        problems.push({ cloud: target.cloud, message: `${e.message}. ${whereToRun(bp, target.cloud, e)}` });
      } finally {
        leftovers.push(...(await cleanup.run()));
      }
    }
    const report = { blueprint: bp.name, results, problems, leftovers };
    const text = format === 'json' ? formatVerifyJson(report) : format === 'junit' ? formatVerifyJunit(report) : formatVerifyText(report);
    if (outputFile) writeOutputFile('verify', outputFile, text);
    else out.out(text);
    if (outputFile || format !== 'text') out.err(formatVerifyText(report).split('\n').at(-1) ?? '');
    const code = verifyExitCode(report);
    events.emit('gov.hms-sys.verify.finished', { outcome: code === 0 ? 'passed' : code === 1 ? 'failed' : 'error', durationMs: since(started), proven: results.filter((r) => r.outcome === 'passed').length, promises: results.length });
    return code;
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    rmSync(work, { recursive: true, force: true });
    await events.close();
  }
}
