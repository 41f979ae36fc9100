/**
 * A Kubernetes API server for tests, on 127.0.0.1 over TLS with its own CA, that
 * answers the paths `hms-sys status` and `hms-sys verify` call in the shapes the
 * API documents (https://kubernetes.io/docs/reference/kubernetes-api/): lists with
 * `kind: NodeList` ..., objects by name, `Status` objects for 401, 403 and 404,
 * Job creation that starts pods, and deletes. It checks the bearer token that the
 * fake credential plugin hands out, so the client's exec path runs for real.
 *
 * It is a fixture, not an emulator: a test sets the objects and, for probe Jobs,
 * how their pods end.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Obj = Record<string, any>;

/** How a probe Job's pod ends, decided by the test from the Job. */
export type PodOutcome =
  | { readonly phase: 'Succeeded' | 'Failed'; readonly exitCode: number; readonly message: string }
  | { readonly phase: 'Pending'; readonly waitingReason: string; readonly waitingMessage: string };

export interface FakeCluster {
  nodes: Obj[];
  /** Pods by namespace. Job pods are added here when a Job is created. */
  pods: Record<string, Obj[]>;
  claims: Record<string, Obj[]>;
  storageClasses: Obj[];
  networkPolicies: Record<string, Obj[]>;
  deployments: Record<string, Obj[]>;
  daemonSets: Record<string, Obj[]>;
  namespaces: Obj[];
  jobs: Record<string, Obj[]>;
  /** Paths (method and path, e.g. `GET /api/v1/nodes`) answered with 403. */
  forbidden: string[];
  /** Requests to hold without an answer, to play a dropped packet. */
  hang: string[];
  /** How the pod of a created Job ends. @default - it stays Pending without a reason */
  probe?: (job: Obj, namespace: string) => PodOutcome;
  /** After how many reads of pods a Job's pod reports its outcome. @default 0 */
  podStartPolls?: number;
}

export function emptyCluster(): FakeCluster {
  return { nodes: [], pods: {}, claims: {}, storageClasses: [], networkPolicies: {}, deployments: {}, daemonSets: {}, namespaces: [], jobs: {}, forbidden: [], hang: [] };
}

export interface FakeKubeApi {
  readonly url: string;
  /** Base64 PEM of the CA that signed the server's certificate. */
  readonly caData: string;
  /** The token the fake credential plugin prints and the server accepts. */
  readonly token: string;
  /** A credential plugin (an executable) that prints an ExecCredential with the token. */
  readonly plugin: string;
  /**
   * Writes a credential plugin named `name` (e.g. `aws`, `kubelogin`) into `dir`,
   * to put on a spawned CLI's PATH; it records its arguments in `<dir>/<name>.args`.
   */
  installPlugin(dir: string, name: string): void;
  /** Every request, as `METHOD path?query`. */
  readonly requests: string[];
  /** Every Job created, as posted, also after it is deleted. */
  readonly createdJobs: Obj[];
  readonly cluster: FakeCluster;
  close(): Promise<void>;
}

interface Tls {
  readonly key: string;
  readonly cert: string;
  readonly ca: string;
}

let tls: Tls | undefined;
/** A CA and a server certificate for 127.0.0.1, made once per test process with openssl. */
function testTls(): Tls {
  if (tls) return tls;
  const dir = mkdtempSync(join(tmpdir(), 'fake-kube-tls-'));
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  };
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=fake-kube-ca']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.ext']);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  tls = { key: read('server.key'), cert: read('server.crt'), ca: read('ca.crt') };
  return tls;
}

/** A `Status` object as the API server returns it for a failure. */
export function statusObject(code: number, reason: string, message: string): Obj {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function matches(labels: Obj | undefined, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=');
    return labels?.[k] === v;
  });
}

function list(kind: string, apiVersion: string, items: Obj[]): Obj {
  return { kind, apiVersion, metadata: { resourceVersion: '1000' }, items };
}

/** The pod a Job's controller would start, ended as the test's `probe` says. */
function podForJob(cluster: FakeCluster, job: Obj, namespace: string, reads: number): Obj {
  const name = `${job.metadata.name}-x7k2p`;
  const spec = job.spec.template.spec;
  const labels = { ...job.spec.template.metadata?.labels, 'batch.kubernetes.io/job-name': job.metadata.name, 'job-name': job.metadata.name };
  const outcome = reads >= (cluster.podStartPolls ?? 0) ? cluster.probe?.(job, namespace) : undefined;
  const containerName = spec.containers[0].name;
  const base = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels, uid: `uid-${name}` }, spec: { ...spec, nodeName: spec.nodeName ?? 'ip-10-40-1-10.ec2.internal' } };
  if (!outcome) return { ...base, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] } };
  if (outcome.phase === 'Pending') {
    return { ...base, status: { phase: 'Pending', containerStatuses: [{ name: containerName, ready: false, restartCount: 0, image: spec.containers[0].image, imageID: '', state: { waiting: { reason: outcome.waitingReason, message: outcome.waitingMessage } } }] } };
  }
  return {
    ...base,
    status: {
      phase: outcome.phase,
      containerStatuses: [
        {
          name: containerName,
          ready: false,
          restartCount: 0,
          image: spec.containers[0].image,
          imageID: 'docker.io/library/busybox@sha256:7b3ccabffc97de872a30dfd234fd972a66d247c8cfc69b0550f276481852627c',
          state: { terminated: { exitCode: outcome.exitCode, reason: outcome.exitCode === 0 ? 'Completed' : 'Error', message: outcome.message } },
        },
      ],
    },
  };
}

/** Starts the fake API server on a free port of 127.0.0.1. */
export async function startFakeKubeApi(cluster: FakeCluster): Promise<FakeKubeApi> {
  const { key, cert, ca } = testTls();
  const token = `fake-token-${Math.random().toString(36).slice(2)}`;
  const requests: string[] = [];
  const createdJobs: Obj[] = [];
  const jobReads = new Map<string, number>();
  const held: ServerResponse[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    requests.push(`${route}${url.search}`);
    const send = (code: number, body: Obj) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (cluster.hang.some((h) => route === h)) {
      held.push(res);
      return;
    }
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, statusObject(401, 'Unauthorized', 'Unauthorized'));
    if (cluster.forbidden.includes(route)) {
      return send(403, statusObject(403, 'Forbidden', `${url.pathname.split('/').filter(Boolean).slice(-1)[0]} is forbidden: User "arn:aws-us-gov:iam::111122223333:role/ops" cannot ${req.method === 'GET' ? 'list' : 'create'} resource at the cluster scope`));
    }
    let body: Obj | undefined;
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    }
    const selector = url.searchParams.get('labelSelector');
    const p = url.pathname.split('/').filter(Boolean);
    const named = (items: Obj[] | undefined, name: string, resource: string) => {
      const found = (items ?? []).find((o) => o.metadata?.name === name);
      return found ? send(200, found) : send(404, statusObject(404, 'NotFound', `${resource} "${name}" not found`));
    };
    // Core API: /api/v1/...
    if (p[0] === 'api') {
      if (route === 'GET /api/v1/nodes') return send(200, list('NodeList', 'v1', cluster.nodes.filter((n) => matches(n.metadata?.labels, selector))));
      if (route === 'GET /api/v1/namespaces') return send(200, list('NamespaceList', 'v1', cluster.namespaces.filter((n) => matches(n.metadata?.labels, selector))));
      if (route === 'POST /api/v1/namespaces') {
        cluster.namespaces.push({ ...body, status: { phase: 'Active' } });
        return send(201, body!);
      }
      if (req.method === 'DELETE' && p.length === 4 && p[2] === 'namespaces') {
        const before = cluster.namespaces.length;
        cluster.namespaces = cluster.namespaces.filter((n) => n.metadata.name !== p[3]);
        delete cluster.pods[p[3]];
        delete cluster.jobs[p[3]];
        return before === cluster.namespaces.length ? send(404, statusObject(404, 'NotFound', `namespaces "${p[3]}" not found`)) : send(200, statusObject(200, 'Success', ''));
      }
      const [ns, resource, name] = [p[3], p[4], p[5]];
      if (resource === 'pods' && req.method === 'GET' && !name) {
        const pods = (cluster.pods[ns] ?? []).filter((pod) => matches(pod.metadata?.labels, selector));
        // Job pods report their outcome after `podStartPolls` reads.
        const refreshed = pods.map((pod) => {
          const job = (cluster.jobs[ns] ?? []).find((j) => j.metadata.name === pod.metadata.labels?.['batch.kubernetes.io/job-name']);
          if (!job) return pod;
          const reads = (jobReads.get(`${ns}/${job.metadata.name}`) ?? 0) + 1;
          jobReads.set(`${ns}/${job.metadata.name}`, reads);
          return podForJob(cluster, job, ns, reads);
        });
        return send(200, list('PodList', 'v1', refreshed));
      }
      if (resource === 'persistentvolumeclaims' && name) return named(cluster.claims[ns], name, 'persistentvolumeclaims');
    }
    if (p[0] === 'apis') {
      const group = `${p[1]}/${p[2]}`;
      if (group === 'storage.k8s.io/v1' && p[3] === 'storageclasses') return named(cluster.storageClasses, p[4], 'storageclasses.storage.k8s.io');
      const [ns, resource, name] = [p[4], p[5], p[6]];
      if (group === 'networking.k8s.io/v1' && resource === 'networkpolicies') return send(200, list('NetworkPolicyList', 'networking.k8s.io/v1', cluster.networkPolicies[ns] ?? []));
      if (group === 'apps/v1' && resource === 'deployments') return named(cluster.deployments[ns], name, 'deployments.apps');
      if (group === 'apps/v1' && resource === 'daemonsets') return named(cluster.daemonSets[ns], name, 'daemonsets.apps');
      if (group === 'batch/v1' && resource === 'jobs') {
        if (req.method === 'POST') {
          if (!cluster.namespaces.some((n) => n.metadata.name === ns)) return send(404, statusObject(404, 'NotFound', `namespaces "${ns}" not found`));
          const job = { ...body, metadata: { ...body!.metadata, namespace: ns, uid: `uid-${body!.metadata.name}` }, status: {} };
          (cluster.jobs[ns] ??= []).push(job);
          createdJobs.push(job);
          (cluster.pods[ns] ??= []).push(podForJob(cluster, job, ns, 0));
          return send(201, job);
        }
        if (req.method === 'DELETE') {
          const jobs = cluster.jobs[ns] ?? [];
          if (!jobs.some((j) => j.metadata.name === name)) return send(404, statusObject(404, 'NotFound', `jobs.batch "${name}" not found`));
          cluster.jobs[ns] = jobs.filter((j) => j.metadata.name !== name);
          cluster.pods[ns] = (cluster.pods[ns] ?? []).filter((pod) => pod.metadata.labels?.['batch.kubernetes.io/job-name'] !== name);
          return send(200, statusObject(200, 'Success', ''));
        }
      }
    }
    return send(404, statusObject(404, 'NotFound', `the server could not find the requested resource (${route})`));
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(statusObject(500, 'InternalError', String(e))));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;

  const credential = { apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token, expirationTimestamp: new Date(Date.now() + 3600_000).toISOString() } };
  const installPlugin = (dir: string, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\necho "$@" > "${file}.args"\necho '${JSON.stringify(credential)}'\n`);
    chmodSync(file, 0o755);
  };
  const pluginDir = mkdtempSync(join(tmpdir(), 'fake-kube-plugin-'));
  installPlugin(pluginDir, 'fake-get-token');
  const plugin = join(pluginDir, 'fake-get-token');

  return {
    url: `https://127.0.0.1:${port}`,
    caData: Buffer.from(ca).toString('base64'),
    token,
    plugin,
    installPlugin,
    requests,
    createdJobs,
    cluster,
    close: () =>
      new Promise<void>((done) => {
        for (const r of held) r.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
