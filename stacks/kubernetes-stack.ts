import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { Fn, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Blueprint } from '../lib/blueprint/blueprint';
import type { Cloud } from '../lib/core/defaults';
import { EncryptedVolume, type ExistingVolume } from '../lib/k8s/encrypted-volume';
import { HardenedWorkload } from '../lib/k8s/hardened-workload';
import { IsolatedNamespace } from '../lib/k8s/isolated-namespace';
import { IsolatedNetwork } from '../lib/k8s/isolated-network';
import { InternalLoadBalancer } from '../lib/k8s/internal-load-balancer';
import { SystemNetworkPolicies } from '../lib/k8s/system-network-policies';
import { mirroredImage, type IKubernetesTarget, type ImageMirror } from '../lib/k8s/target';
import { FedRampBaseline, type FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import { localBackend, type BackendFactory } from './backend';

/** How Terraform reaches the API server: endpoint, CA, and a credential plugin. */
export interface ClusterConnection {
  readonly host: string;
  /** Base64 PEM, as EKS and AKS return it. */
  readonly clusterCaCertificateBase64: string;
  /** A client-go credential plugin, so no token or kubeconfig is ever written down. */
  readonly exec: { readonly command: string; readonly args: readonly string[] };
}

export interface KubernetesStackProps {
  readonly blueprint: Blueprint;
  readonly cloud: Cloud;
  readonly connection: ClusterConnection;
  readonly target: IKubernetesTarget;
  /**
   * The disk or file system the cloud stack created for the blueprint's volume.
   * @default - none: a block volume is provisioned by its storage class on first use
   */
  readonly existingVolume?: ExistingVolume;
  /** @default localBackend */
  readonly backend?: BackendFactory;
  /** @default both packs, not strict */
  readonly policy?: FedRampBaselineProps;
}

/**
 * The Kubernetes objects of one blueprint on one cluster: a restricted namespace,
 * default-deny network policies with the agency range allowed in, an encrypted
 * storage class and claim, and the hardened workload. Kept apart from the cloud
 * stack so that one can be planned without a cluster, and so that the kubernetes
 * provider is configured from the cluster's outputs.
 */
export class KubernetesStack extends TerraformStack {
  /** What the user should know, e.g. why a claim is not mounted. */
  public readonly notices: string[] = [];
  /** The private mirrors pods pull through; `hms-sys verify` pulls its probe image through them too. */
  public readonly imageMirrors: readonly ImageMirror[];

  constructor(scope: Construct, id: string, props: KubernetesStackProps) {
    super(scope, id);
    const bp = props.blueprint;
    this.imageMirrors = props.target.imageMirrors ?? [];
    (props.backend ?? localBackend)(this, id);
    FedRampBaseline.of(this, props.policy);
    new KubernetesProvider(this, 'kubernetes', {
      host: props.connection.host,
      clusterCaCertificate: Fn.base64decode(props.connection.clusterCaCertificateBase64),
      exec: [{ apiVersion: 'client.authentication.k8s.io/v1beta1', command: props.connection.exec.command, args: [...props.connection.exec.args] }],
    });

    // The cloud's own pods first: under strict enforcement they wait for these to run at all.
    const systemPolicies = props.target.systemNetworkPolicies?.length
      ? new SystemNetworkPolicies(this, 'system-network-policies', { policies: props.target.systemNetworkPolicies })
      : undefined;
    const namespace = new IsolatedNamespace(this, 'namespace', { namespaceName: bp.name, labels: { 'hms-sys/blueprint': bp.name } });
    const workloadName = bp.nodePool.name;
    const podLabels = { 'app.kubernetes.io/name': workloadName };
    const network = new IsolatedNetwork(this, 'network-policy', {
      target: props.target,
      namespaceName: namespace.namespaceName,
      policyName: bp.network.policy.name,
      ingressCidr: bp.network.policy.ingressCIDR,
      podLabels,
      ports: bp.workload ? [bp.workload.port] : undefined,
      allowDns: bp.network.policy.allowDns,
    });
    const declared = bp.storage?.volume;
    // Shared file storage comes from the cloud stack; until a cloud provides it, the
    // volume is a block volume that one replica at most can mount.
    const kind = declared?.kind === 'file' && props.target.fileStorage ? 'file' : 'block';
    const volume =
      declared &&
      new EncryptedVolume(this, 'volume', {
        target: props.target,
        namespaceName: namespace.namespaceName,
        volumeName: declared.name,
        sizeGiB: declared.sizeGiB,
        kind,
        existingVolume: props.existingVolume,
      });
    const mounted = volume && bp.workload && (volume.accessMode === 'ReadWriteMany' || bp.workload.replicas === 1);
    if (volume && bp.workload && !mounted) {
      this.notices.push(
        `the claim ${declared?.name} is encrypted and ready but not mounted by the workload: a block volume attaches to one node, and ${bp.workload.replicas} replicas cannot share it; ${props.cloud} provides no shared file storage in this release`,
      );
    }
    const workload =
      bp.workload &&
      new HardenedWorkload(this, 'workload', {
        namespaceName: namespace.namespaceName,
        workloadName,
        // The user names the upstream image; pods pull it through the cloud's private mirror.
        image: mirroredImage(bp.workload.image, props.target.imageMirrors),
        replicas: bp.workload.replicas,
        port: bp.workload.port,
        volume: mounted && volume && declared ? { claimName: volume.claimName, mountPath: declared.mountPath, readOnly: declared.readOnly, accessMode: volume.accessMode } : undefined,
      });

    const loadBalancer =
      workload &&
      bp.workload &&
      props.target.internalLoadBalancer &&
      new InternalLoadBalancer(this, 'load-balancer', {
        namespaceName: namespace.namespaceName,
        serviceName: workloadName,
        podLabels,
        port: bp.workload.port,
        sourceRanges: [bp.network.policy.ingressCIDR],
        settings: props.target.internalLoadBalancer,
      });

    // Read by `hms-sys status`. Names only, nothing secret.
    new TerraformOutput(this, 'namespace_name', { value: namespace.namespaceName });
    new TerraformOutput(this, 'network_policy_name', { value: network.defaultDenyPolicyName });
    new TerraformOutput(this, 'egress', { value: bp.network.policy.egress });
    if (systemPolicies) new TerraformOutput(this, 'system_network_policies', { value: systemPolicies.policyNames });
    if (workload) {
      new TerraformOutput(this, 'deployment_name', { value: workload.deploymentName });
      new TerraformOutput(this, 'replicas', { value: bp.workload?.replicas });
      new TerraformOutput(this, 'image', { value: mirroredImage(bp.workload?.image ?? '', props.target.imageMirrors) });
      if (loadBalancer) new TerraformOutput(this, 'service_name', { value: loadBalancer.serviceName });
    }
    if (volume) {
      new TerraformOutput(this, 'claim_name', { value: volume.claimName });
      new TerraformOutput(this, 'claim_mount_path', { value: mounted ? declared?.mountPath : '' });
      new TerraformOutput(this, 'claim_access_mode', { value: volume.accessMode });
    }
  }
}
