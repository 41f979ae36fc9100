import { connectCluster, KubeError, type ClusterConnection } from '../../lib/live/kube-client';
import { emptyCluster, startFakeKubeApi, type FakeKubeApi } from '../support/fake-kube-api';

describe('connectCluster (against the fake API server)', () => {
  let api: FakeKubeApi;
  let connection: ClusterConnection;
  beforeAll(async () => {
    const cluster = emptyCluster();
    cluster.nodes.push(
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { 'hms-sys/node-pool': 'dcaa-secure' } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'sys', labels: { 'hms-sys/node-pool': 'system' } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    );
    cluster.forbidden.push('GET /apis/apps/v1/namespaces/kube-system/daemonsets/aws-node');
    cluster.hang.push('GET /apis/storage.k8s.io/v1/storageclasses/slow');
    api = await startFakeKubeApi(cluster);
    connection = { label: 'dcaa-audit on aws', server: api.url, caData: api.caData, exec: { command: api.plugin, args: [] } };
  });
  afterAll(() => api.close());

  test('authenticates through the credential plugin, verifies the CA, and filters by label', async () => {
    const nodes = await connectCluster(connection).listNodes('hms-sys/node-pool=dcaa-secure');
    expect(nodes.map((n) => n.metadata?.name)).toEqual(['n1']);
    expect(api.requests).toContain('GET /api/v1/nodes?labelSelector=hms-sys%2Fnode-pool%3Ddcaa-secure');
  });

  test('a missing object reads as undefined', async () => {
    expect(await connectCluster(connection).readClaim('dcaa-audit', 'nope')).toBeUndefined();
  });

  test('403 is forbidden, with the API server message', async () => {
    const e = await connectCluster(connection).readDaemonSet('kube-system', 'aws-node').catch((x) => x);
    expect(e).toBeInstanceOf(KubeError);
    expect(e).toMatchObject({ failure: 'forbidden', code: '403' });
    expect(e.message).toMatch(/^read daemonset kube-system\/aws-node on dcaa-audit on aws: forbidden \(403\): aws-node is forbidden: User "arn:aws-us-gov/);
  });

  test('a wrong token is a credentials failure (401)', async () => {
    const e = await connectCluster({ ...connection, exec: { command: 'sh', args: ['-c', `echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"wrong"}}'`] } })
      .listNodes('a=b')
      .catch((x) => x);
    expect(e).toMatchObject({ failure: 'credentials', code: '401' });
  });

  test('a credential plugin that is not installed says so', async () => {
    const e = await connectCluster({ ...connection, exec: { command: 'kubelogin-not-installed', args: [] } }).listNodes('a=b').catch((x) => x);
    expect(e.failure).toBe('credentials');
    expect(e.message).toMatch(/the credential plugin `kubelogin-not-installed` could not be run \(ENOENT\); install it and put it on PATH/);
  });

  test('a CA that did not sign the server certificate is unreachable, never trusted', async () => {
    const other = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');
    const e = await connectCluster({ ...connection, caData: other }).listNodes('a=b').catch((x) => x);
    expect(e.failure).toBe('unreachable');
  });

  test('a refused connection and a silent server are unreachable', async () => {
    const refused = await connectCluster({ ...connection, server: 'https://127.0.0.1:1' }).listNodes('a=b').catch((x) => x);
    expect(refused).toMatchObject({ failure: 'unreachable', code: 'ECONNREFUSED' });
    const silent = await connectCluster(connection, 300).readStorageClass('slow').catch((x) => x);
    expect(silent).toMatchObject({ failure: 'unreachable', code: 'ETIMEDOUT' });
  });
});
