import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Construct } from 'constructs';
import { PropsValidator } from '../core/errors';
import { SYSTEM_NAMESPACES } from '../core/namespaces';

/**
 * Pod Security Admission labels: `restricted` enforced, audited and warned,
 * at the latest policy version the cluster knows.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-admission/
 */
export const POD_SECURITY_LABELS: Readonly<Record<string, string>> = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': 'latest',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/audit-version': 'latest',
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/warn-version': 'latest',
};

export interface IsolatedNamespaceProps {
  readonly namespaceName: string;
  /**
   * Extra labels.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Refuse any plan that destroys the namespace. Deleting a namespace deletes every
   * object in it, its persistent volume claims included, and with a `Delete`
   * reclaim policy their disks.
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * A namespace where Kubernetes refuses any pod that is not `restricted` (AC-6,
 * CM-6, CM-7), protected from destroy because its claims go with it.
 */
export class IsolatedNamespace extends Construct {
  public readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: IsolatedNamespaceProps) {
    super(scope, id);
    new PropsValidator('k8s.IsolatedNamespace', this.node.path)
      .check(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(props.namespaceName) && props.namespaceName.length <= 63, `namespaceName (${props.namespaceName}) must be a DNS label`)
      .check(!SYSTEM_NAMESPACES.includes(props.namespaceName), `namespaceName (${props.namespaceName}) is a system namespace; use the workload's own`)
      .throwIfAny();
    const ns = new NamespaceV1(this, 'Resource', {
      metadata: { name: props.namespaceName, labels: { ...props.labels, ...POD_SECURITY_LABELS, 'app.kubernetes.io/managed-by': 'hms-sys' } },
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.namespaceName = ns.metadata.name;
  }
}
