/**
 * The one door to a live cluster. Everything `hms-sys status` and `hms-sys verify`
 * read or create goes through `KubeClient`, so a real EKS or AKS API server and the
 * test fixture on 127.0.0.1 are interchangeable.
 *
 * The implementation is the official @kubernetes/client-node (1.x: 2.x needs
 * undici 8, which needs Node 22.19, and hms-sys runs on Node 20). The package is
 * ESM-only; our CommonJS build loads it with require(esm), which Node 20.19 and
 * later do without a flag, and only when a command first talks to a cluster, so
 * that other commands never pay for loading it.
 */
import type {
  KubeConfig as KubeConfigType,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1Namespace,
  V1NetworkPolicy,
  V1Node,
  V1PersistentVolumeClaim,
  V1Pod,
  V1StorageClass,
} from '@kubernetes/client-node';

/** How to reach one cluster's API server: what the Kubernetes stacks give their provider. */
export interface ClusterConnection {
  /** The cluster, for messages: `dcaa-audit on aws`. */
  readonly label: string;
  /** https://… of the API server. */
  readonly server: string;
  /** Base64 PEM of the cluster CA, as EKS and AKS return it. */
  readonly caData: string;
  /** A client-go credential plugin: the token is fetched per run, never written down. */
  readonly exec: { readonly command: string; readonly args: readonly string[] };
}

/** What the live commands read and create. Each read of a named object is `undefined` when it does not exist. */
export interface KubeClient {
  readonly connection: ClusterConnection;
  listNodes(labelSelector: string): Promise<V1Node[]>;
  listPods(namespace: string, labelSelector: string): Promise<V1Pod[]>;
  readClaim(namespace: string, name: string): Promise<V1PersistentVolumeClaim | undefined>;
  readStorageClass(name: string): Promise<V1StorageClass | undefined>;
  listNetworkPolicies(namespace: string): Promise<V1NetworkPolicy[]>;
  readDeployment(namespace: string, name: string): Promise<V1Deployment | undefined>;
  readDaemonSet(namespace: string, name: string): Promise<V1DaemonSet | undefined>;
  listNamespaces(labelSelector: string): Promise<V1Namespace[]>;
  createNamespace(namespace: V1Namespace): Promise<void>;
  /** Deletes a namespace and everything in it; a namespace already gone is not an error. */
  deleteNamespace(name: string): Promise<void>;
  createJob(namespace: string, job: V1Job): Promise<void>;
  /** Deletes a Job and its pods; a Job already gone is not an error. */
  deleteJob(namespace: string, name: string): Promise<void>;
}

/** Why a call to the cluster failed, in the categories an operator acts on. */
export type KubeFailure =
  /** No TCP/TLS conversation with the API server: DNS, routing, firewall, a timeout, a wrong CA. */
  | 'unreachable'
  /** The credential plugin could not produce a token, or the API server refused it (401). */
  | 'credentials'
  /** The identity is known but may not do this (403, RBAC). */
  | 'forbidden'
  /** Any other answer of the API server. */
  | 'api';

/** A failed call, with a message that names the cluster, what failed and why. */
export class KubeError extends Error {
  constructor(
    public readonly failure: KubeFailure,
    message: string,
    /** The system or HTTP code behind it: ENOTFOUND, ETIMEDOUT, 403 ... */
    public readonly code?: string,
  ) {
    super(message);
    this.name = 'KubeError';
  }
}

/** How long one request may take before the cluster counts as unreachable. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Codes of node's socket and TLS layers that mean "never got an answer from the API server". */
const UNREACHABLE_CODES = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The message of a Kubernetes `Status` object, from whatever shape the client hands the body in. */
function statusMessage(body: unknown): string | undefined {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return body.trim() || undefined;
    }
  }
  const message = (value as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Turns whatever client-node, node-fetch or the credential plugin threw into a `KubeError`. */
export function classifyKubeError(e: unknown, connection: ClusterConnection, what: string): KubeError {
  const err = e as { code?: unknown; name?: string; message?: string; body?: unknown; syscall?: string; path?: string; type?: string };
  const where = `${what} on ${connection.label}`;
  if (typeof err.code === 'number') {
    const message = statusMessage(err.body);
    if (err.code === 401) return new KubeError('credentials', `${where}: the API server refused the token from \`${connection.exec.command}\` (401 Unauthorized)`, '401');
    if (err.code === 403) return new KubeError('forbidden', `${where}: forbidden (403): ${message ?? 'the identity may not do this'}`, '403');
    return new KubeError('api', `${where}: the API server answered ${err.code}${message ? `: ${message}` : ''}`, String(err.code));
  }
  if (err.name === 'AbortError' || err.type === 'aborted') {
    return new KubeError('unreachable', `${where}: no answer from ${connection.server} within ${DEFAULT_REQUEST_TIMEOUT_MS / 1000} s`, 'ETIMEDOUT');
  }
  if (err.syscall?.startsWith('spawn') || (err.code === 'ENOENT' && err.path === connection.exec.command)) {
    return new KubeError('credentials', `${where}: the credential plugin \`${connection.exec.command}\` could not be run (${String(err.code)}); install it and put it on PATH`, String(err.code));
  }
  // node-fetch wraps socket errors in a FetchError whose `code` is the system error's.
  const code = typeof err.code === 'string' ? err.code : undefined;
  if (code && UNREACHABLE_CODES.has(code)) {
    return new KubeError('unreachable', `${where}: cannot reach ${connection.server} (${code})`, code);
  }
  if (err.name === 'FetchError') return new KubeError('unreachable', `${where}: cannot reach ${connection.server}: ${err.message}`, code);
  // ExecAuth rejects with the plugin's stderr when it exits non-zero.
  const firstLine = String(err.message ?? e).trim().split('\n')[0];
  return new KubeError('credentials', `${where}: \`${connection.exec.command}\` did not produce a token: ${firstLine || 'no message'}`);
}

type ClientNode = typeof import('@kubernetes/client-node');

let clientNode: ClientNode | undefined;
/** Loads @kubernetes/client-node on first use (about a second). */
function loadClientNode(): ClientNode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  clientNode ??= require('@kubernetes/client-node') as ClientNode;
  return clientNode;
}

/**
 * A client for one cluster, authenticated by its credential plugin exactly as the
 * Kubernetes stacks' provider is (EKS: `aws eks get-token`; AKS: `kubelogin
 * get-token`). Nothing is written to disk: the kubeconfig lives in memory.
 */
export function connectCluster(connection: ClusterConnection, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): KubeClient {
  const k8s = loadClientNode();
  const kc: KubeConfigType = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'hms-sys', server: connection.server, caData: connection.caData, skipTLSVerify: false }],
    users: [
      {
        name: 'hms-sys',
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          command: connection.exec.command,
          args: [...connection.exec.args],
          interactiveMode: 'Never',
          // The plugin is looked up on this module's PATH, which is the process's
          // except where a host (a test runner, an embedding tool) gives modules their own environment.
          env: [{ name: 'PATH', value: process.env.PATH ?? '' }],
        },
      },
    ],
    contexts: [{ name: 'hms-sys', cluster: 'hms-sys', user: 'hms-sys' }],
    currentContext: 'hms-sys',
  });
  // Every request carries its own deadline: a private endpoint seen from the wrong
  // network drops packets, and the kernel would otherwise wait minutes.
  const configuration = k8s.createConfiguration({
    baseServer: new k8s.ServerConfiguration(connection.server, {}),
    authMethods: { default: kc },
    promiseMiddleware: [
      {
        pre: async (context) => {
          context.setSignal(AbortSignal.timeout(timeoutMs));
          return context;
        },
        post: async (context) => context,
      },
    ],
  });
  const core = new k8s.CoreV1Api(configuration);
  const apps = new k8s.AppsV1Api(configuration);
  const batch = new k8s.BatchV1Api(configuration);
  const storage = new k8s.StorageV1Api(configuration);
  const networking = new k8s.NetworkingV1Api(configuration);

  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (e) {
      throw classifyKubeError(e, connection, what);
    }
  };
  const read = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await request();
    } catch (e) {
      if ((e as { code?: unknown }).code === 404) return undefined;
      throw classifyKubeError(e, connection, what);
    }
  };
  const remove = async (what: string, request: () => Promise<unknown>): Promise<void> => {
    await read(what, request);
  };

  return {
    connection,
    listNodes: (labelSelector) => call('list nodes', async () => (await core.listNode({ labelSelector })).items),
    listPods: (namespace, labelSelector) => call(`list pods in ${namespace}`, async () => (await core.listNamespacedPod({ namespace, labelSelector })).items),
    readClaim: (namespace, name) => read(`read claim ${namespace}/${name}`, () => core.readNamespacedPersistentVolumeClaim({ namespace, name })),
    readStorageClass: (name) => read(`read storage class ${name}`, () => storage.readStorageClass({ name })),
    listNetworkPolicies: (namespace) => call(`list network policies in ${namespace}`, async () => (await networking.listNamespacedNetworkPolicy({ namespace })).items),
    readDeployment: (namespace, name) => read(`read deployment ${namespace}/${name}`, () => apps.readNamespacedDeployment({ namespace, name })),
    readDaemonSet: (namespace, name) => read(`read daemonset ${namespace}/${name}`, () => apps.readNamespacedDaemonSet({ namespace, name })),
    listNamespaces: (labelSelector) => call('list namespaces', async () => (await core.listNamespace({ labelSelector })).items),
    createNamespace: (body) => call(`create namespace ${body.metadata?.name}`, async () => void (await core.createNamespace({ body }))),
    deleteNamespace: (name) => remove(`delete namespace ${name}`, () => core.deleteNamespace({ name })),
    createJob: (namespace, body) => call(`create job ${namespace}/${body.metadata?.name}`, async () => void (await batch.createNamespacedJob({ namespace, body }))),
    // Background propagation deletes the Job's pods too; the default for Jobs (orphan) would leave them.
    deleteJob: (namespace, name) => remove(`delete job ${namespace}/${name}`, () => batch.deleteNamespacedJob({ namespace, name, propagationPolicy: 'Background' })),
  };
}
