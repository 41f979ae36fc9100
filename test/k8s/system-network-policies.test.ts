import { SystemNetworkPolicies } from '../../lib/k8s/system-network-policies';
import { eksSystemNetworkPolicies } from '../../lib/k8s/target';
import { resourcesOf, synthConstructs } from '../support/synth';

describe('SystemNetworkPolicies', () => {
  test('EKS: CoreDNS takes DNS from every pod; the CSI pods that are not host-networked get a policy each', () => {
    expect(eksSystemNetworkPolicies([]).map((p) => p.podLabels)).toEqual([{ 'k8s-app': 'kube-dns' }]);
    expect(eksSystemNetworkPolicies(['efs']).map((p) => p.name)).toEqual(['hms-sys-coredns', 'hms-sys-efs-csi-controller']);
    expect(eksSystemNetworkPolicies(['ebs']).map((p) => p.podLabels)).toEqual([{ 'k8s-app': 'kube-dns' }, { app: 'ebs-csi-controller' }, { app: 'ebs-csi-node' }]);
  });

  test('each becomes a NetworkPolicy in kube-system: open egress, ingress on the listed ports only', () => {
    const tf = synthConstructs((scope) => new SystemNetworkPolicies(scope, 'system', { policies: eksSystemNetworkPolicies(['efs']) }));
    const [dns, csi] = resourcesOf(tf, 'kubernetes_network_policy_v1') as any[];
    expect(dns.metadata).toMatchObject({ name: 'hms-sys-coredns', namespace: 'kube-system' });
    expect(dns.spec).toEqual({
      pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } },
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }] }],
      egress: [{}],
    });
    expect(csi.spec.ingress).toBeUndefined();
    expect(csi.spec.policy_types).toEqual(['Ingress', 'Egress']);
  });
});
