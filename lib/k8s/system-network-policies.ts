import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { Construct } from 'constructs';
import type { SystemNetworkPolicy } from './target';

export interface SystemNetworkPoliciesProps {
  readonly policies: readonly SystemNetworkPolicy[];
}

/**
 * Allow policies for the platform's own pods, on clusters that deny a pod everything
 * until a policy selects it (EKS VPC CNI strict mode): open egress, ingress only on the
 * listed ports. Without them CoreDNS and the CSI controllers never become ready there.
 */
export class SystemNetworkPolicies extends Construct {
  public readonly policyNames: string[];

  constructor(scope: Construct, id: string, props: SystemNetworkPoliciesProps) {
    super(scope, id);
    this.policyNames = props.policies.map((p) => {
      const policy = new NetworkPolicyV1(this, p.name, {
        metadata: { name: p.name, namespace: p.namespace, labels: { 'app.kubernetes.io/managed-by': 'hms-sys' } },
        spec: {
          podSelector: { matchLabels: { ...p.podLabels } },
          policyTypes: ['Ingress', 'Egress'],
          ingress: p.ingressPorts?.length ? [{ ports: p.ingressPorts.map((port) => ({ port: String(port.port), protocol: port.protocol })) }] : undefined,
          egress: [{}],
        },
      });
      return policy.metadata.name;
    });
  }
}
