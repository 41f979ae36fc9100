import { ClusterDnsAndProxy } from '../../lib/aws/cluster-dns-and-proxy';
import { FAKE_CLUSTER } from '../support/aws-fixtures';
import { resourcesOf, synthConstructs } from '../support/synth';

describe('ClusterDnsAndProxy', () => {
  const tf = synthConstructs((scope) => new ClusterDnsAndProxy(scope, 'core', { cluster: { ...FAKE_CLUSTER, kubernetesVersion: '1.34' } }));
  const addons = resourcesOf(tf, 'aws_eks_addon') as any[];
  const versions = Object.entries(tf.data?.aws_eks_addon_version ?? {}) as [string, any][];

  test('CoreDNS and kube-proxy become EKS add-ons, adopting the self-managed ones EKS installed', () => {
    expect(addons.map((a) => a.addon_name).sort()).toEqual(['coredns', 'kube-proxy']);
    for (const a of addons) expect(a).toMatchObject({ cluster_name: 'demo', resolve_conflicts_on_create: 'OVERWRITE', resolve_conflicts_on_update: 'OVERWRITE' });
  });

  test('deleting an add-on (a tainted create, a removed blueprint) leaves CoreDNS and kube-proxy running in the cluster', () => {
    for (const a of addons) expect(a.preserve).toBe(true);
  });

  test("each runs EKS's default version for the cluster's Kubernetes version, so a version change upgrades it", () => {
    for (const a of addons) {
      const [address, data] = versions.find(([, d]) => d.addon_name === a.addon_name)!;
      expect(data).toEqual({ addon_name: a.addon_name, kubernetes_version: '1.34' });
      expect(a.addon_version).toBe(`\${data.aws_eks_addon_version.${address}.version}`);
    }
  });
});
