import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { Construct } from 'constructs';
import { ingressCidrProblem } from '../core/cidr';
import { PropsValidator } from '../core/errors';
import type { InternalLoadBalancerSettings } from './target';

export interface InternalLoadBalancerProps {
  readonly namespaceName: string;
  /** Names the Service. */
  readonly serviceName: string;
  /** Labels of the pods behind it. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Port the pods listen on; the load balancer listens on the same port. */
  readonly port: number;
  /** The only networks allowed through the load balancer. */
  readonly sourceRanges: readonly string[];
  /** The cloud's way of keeping the load balancer internal. */
  readonly settings: InternalLoadBalancerSettings;
}

/**
 * A Service of type LoadBalancer on an internal load balancer that admits only
 * the agency ranges (`loadBalancerSourceRanges`; SC-7, AC-4), keeping the client's
 * address so that the namespace's NetworkPolicy can check it too.
 */
export class InternalLoadBalancer extends Construct {
  public readonly serviceName: string;

  constructor(scope: Construct, id: string, props: InternalLoadBalancerProps) {
    super(scope, id);
    new PropsValidator('k8s.InternalLoadBalancer', this.node.path)
      .check(props.sourceRanges.length > 0, 'sourceRanges must name the agency networks allowed in')
      .whenKnown([props.sourceRanges], () => !props.sourceRanges.some((r) => ingressCidrProblem(r)), () => `sourceRanges: ${props.sourceRanges.map(ingressCidrProblem).filter(Boolean).join('; ')}`)
      .check(Object.keys(props.settings.annotations).length > 0, 'settings.annotations must make the load balancer internal')
      .throwIfAny();
    const service = new ServiceV1(this, 'Resource', {
      metadata: { name: props.serviceName, namespace: props.namespaceName, annotations: { ...props.settings.annotations } },
      spec: {
        type: 'LoadBalancer',
        selector: { ...props.podLabels },
        port: [{ name: 'app', port: props.port, targetPort: String(props.port), protocol: 'TCP' }],
        loadBalancerSourceRanges: [...props.sourceRanges],
        externalTrafficPolicy: props.settings.externalTrafficPolicy ?? 'Local',
        loadBalancerClass: props.settings.loadBalancerClass,
      },
      // Apply waits for the load balancer to be provisioned, so a refused one fails the apply.
      waitForLoadBalancer: true,
    });
    this.serviceName = service.metadata.name;
  }
}
