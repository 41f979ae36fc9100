import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { Construct } from 'constructs';
import { ingressCidrProblem } from '../core/cidr';
import { PropsValidator } from '../core/errors';
import type { IKubernetesTarget } from './target';

export interface IsolatedNetworkProps {
  readonly target: IKubernetesTarget;
  readonly namespaceName: string;
  /** Prefix of the policy names, the blueprint's network.policy.name. */
  readonly policyName: string;
  /** The only network allowed in. */
  readonly ingressCidr: string;
  /** Labels of the pods the allow policy opens. */
  readonly podLabels: Readonly<Record<string, string>>;
  /**
   * Ports the allowed ingress may reach.
   * @default - every port of the selected pods
   */
  readonly ports?: readonly number[];
  /**
   * Lets pods query cluster DNS (kube-dns, port 53). Off, `deny-all` means no egress at all.
   * @default false
   */
  readonly allowDns?: boolean;
}

/**
 * The Kubernetes half of an isolated network: a default-deny policy for every pod
 * of the namespace, ingress and egress (SC-7, SC-7(5), AC-4), then one allow
 * policy for ingress from the agency range only. Refuses a cluster that does not
 * enforce NetworkPolicy.
 */
export class IsolatedNetwork extends Construct {
  public readonly defaultDenyPolicyName: string;
  public readonly allowIngressPolicyName: string;

  constructor(scope: Construct, id: string, props: IsolatedNetworkProps) {
    super(scope, id);
    new PropsValidator('k8s.IsolatedNetwork', this.node.path)
      .check(
        props.target.networkPolicyEnforced,
        'target does not enforce NetworkPolicy: these policies would be accepted and ignored. Enable enforcement (EKS: VPC CNI enableNetworkPolicy; AKS: network_policy = azure, calico or cilium)',
      )
      .whenKnown([props.ingressCidr], () => !ingressCidrProblem(props.ingressCidr), () => `ingressCidr: ${ingressCidrProblem(props.ingressCidr)}`)
      .throwIfAny();
    const deny = new NetworkPolicyV1(this, 'DefaultDeny', {
      metadata: { name: `${props.policyName}-default-deny`, namespace: props.namespaceName },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    const allow = new NetworkPolicyV1(this, 'AllowIngress', {
      metadata: { name: `${props.policyName}-allow-ingress`, namespace: props.namespaceName },
      spec: {
        podSelector: { matchLabels: { ...props.podLabels } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [{ ipBlock: { cidr: props.ingressCidr } }],
            ports: props.ports?.map((port) => ({ port: String(port), protocol: 'TCP' })),
          },
        ],
      },
    });
    if (props.allowDns) {
      new NetworkPolicyV1(this, 'AllowDns', {
        metadata: { name: `${props.policyName}-allow-dns`, namespace: props.namespaceName },
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
              ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
            },
          ],
        },
      });
    }
    this.defaultDenyPolicyName = deny.metadata.name;
    this.allowIngressPolicyName = allow.metadata.name;
  }
}
