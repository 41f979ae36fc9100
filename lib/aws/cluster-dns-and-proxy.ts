import { DataAwsEksAddonVersion } from '@cdktf/provider-aws/lib/data-aws-eks-addon-version';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { ISecureCluster } from './secure-cluster';

/** The add-ons EKS installs self-managed with every cluster that this construct takes over. */
export const CLUSTER_DNS_AND_PROXY_ADDONS = ['coredns', 'kube-proxy'] as const;

export interface ClusterDnsAndProxyProps {
  readonly cluster: ISecureCluster;
  /**
   * Created first: CoreDNS runs on nodes, and its add-on stays DEGRADED (the provider waits
   * until its timeout) while no node can run its pods.
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * CoreDNS and kube-proxy as EKS add-ons, at EKS's default version for the cluster's
 * Kubernetes version, so that an upgrade of the blueprint's version upgrades them too.
 *
 * EKS installs both self-managed with every cluster created through its API
 * (`bootstrap_self_managed_addons` defaults to true), and nothing upgrades a self-managed
 * add-on: after a control plane upgrade (the blueprint's, or EKS's own at the end of
 * support) kube-proxy would run a version older than the control plane, and CoreDNS one
 * that EKS no longer lists for it. EKS recommends the add-on type
 * (https://docs.aws.amazon.com/eks/latest/userguide/coredns-add-on-self-managed-update.html,
 * kube-proxy-add-on-self-managed-update.html). `OVERWRITE` on create adopts the running
 * self-managed objects, replacing fields that differ with EKS's defaults (CreateAddon
 * `resolveConflicts`); on update it keeps them EKS's. Images come from the same EKS ECR
 * account in the region as the self-managed ones and the VPC CNI add-on, through the VPC's
 * `ecr.api`/`ecr.dkr` endpoints and the S3 gateway.
 *
 * The version is EKS's default for the cluster version (`aws_eks_addon_version`, not
 * `most_recent`), read at plan: the add-on resources reference the cluster, so Terraform
 * updates them after the control plane, as EKS's upgrade guide orders
 * (https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html).
 */
export class ClusterDnsAndProxy extends Construct {
  /** The CoreDNS add-on, for dependsOn: strict NetworkPolicy waits for it. */
  public readonly coreDns: EksAddon;
  /** The kube-proxy add-on (host-networked: NetworkPolicy does not apply to it). */
  public readonly kubeProxy: EksAddon;

  constructor(scope: Construct, id: string, props: ClusterDnsAndProxyProps) {
    super(scope, id);
    [this.coreDns, this.kubeProxy] = CLUSTER_DNS_AND_PROXY_ADDONS.map((addonName) => {
      const version = new DataAwsEksAddonVersion(this, `${addonName}-version`, { addonName, kubernetesVersion: props.cluster.kubernetesVersion });
      return new EksAddon(this, addonName, {
        clusterName: props.cluster.clusterName,
        addonName,
        addonVersion: version.version,
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
        // Deleting the add-on (a failed create the provider taints and re-creates, a renamed
        // construct, a removed blueprint) would otherwise delete CoreDNS and kube-proxy from the
        // running cluster: a DNS and Service outage. `preserve` keeps them running.
        // @see https://docs.aws.amazon.com/eks/latest/APIReference/API_DeleteAddon.html (preserve)
        preserve: true,
        dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
      });
    });
  }
}
