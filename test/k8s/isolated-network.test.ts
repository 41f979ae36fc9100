import { IsolatedNetwork, type IsolatedNetworkProps } from '../../lib/k8s/isolated-network';
import { EKS_TARGET, UNENFORCED_TARGET } from '../support/k8s-fixtures';
import { resourcesOf, synthConstructs } from '../support/synth';

const BASE: IsolatedNetworkProps = { target: EKS_TARGET, namespaceName: 'dcaa', policyName: 'dcaa-isolated', ingressCidr: '192.168.15.0/24', podLabels: { app: 'audit' }, ports: [8080] };
const policies = (props: Partial<IsolatedNetworkProps> = {}) =>
  Object.fromEntries(resourcesOf(synthConstructs((s) => new IsolatedNetwork(s, 'np', { ...BASE, ...props })), 'kubernetes_network_policy_v1').map((p: any) => [p.metadata.name, p.spec]));

describe('k8s.IsolatedNetwork', () => {
  test('denies all ingress and egress for every pod of the namespace by default', () => {
    expect(policies()['dcaa-isolated-default-deny']).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
  });

  test('the blueprint ingress CIDR is the only allowed source, to the workload port only', () => {
    const all = Object.values(policies()) as any[];
    const sources = all.flatMap((spec) => (spec.ingress ?? []).flatMap((rule: any) => rule.from));
    expect(sources).toEqual([{ ip_block: { cidr: '192.168.15.0/24' } }]);
    expect(policies()['dcaa-isolated-allow-ingress']).toMatchObject({ pod_selector: { match_labels: { app: 'audit' } }, policy_types: ['Ingress'], ingress: [{ ports: [{ port: '8080', protocol: 'TCP' }] }] });
  });

  test('egress deny-all means no egress rule at all', () => {
    expect((Object.values(policies()) as any[]).flatMap((spec) => spec.egress ?? [])).toEqual([]);
  });

  test('allowDns opens only kube-dns on port 53, explicitly', () => {
    const dns = policies({ allowDns: true })['dcaa-isolated-allow-dns'];
    expect(dns.egress).toEqual([
      {
        to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } }, pod_selector: { match_labels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
      },
    ]);
  });

  test('synthesis fails when the cluster does not enforce NetworkPolicy', () => {
    expect(() => synthConstructs((s) => new IsolatedNetwork(s, 'np', { ...BASE, target: UNENFORCED_TARGET }))).toThrow(
      /k8s.IsolatedNetwork.target does not enforce NetworkPolicy: these policies would be accepted and ignored/,
    );
  });

  test('refuses an ingress open to the world', () => {
    expect(() => synthConstructs((s) => new IsolatedNetwork(s, 'np', { ...BASE, ingressCidr: '0.0.0.0/0' }))).toThrow(/ingressCidr: "0.0.0.0\/0" opens the workload to the whole internet \(NIST 800-53 SC-7/);
  });
});
