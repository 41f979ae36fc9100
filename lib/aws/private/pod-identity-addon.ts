import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { ISecureCluster } from '../secure-cluster';
import { AwsContext } from './aws-context';
import { policyDocument, serviceTrustPolicy, type PolicyStatement } from './policy-document';

export interface PodIdentityAddonOptions {
  readonly cluster: ISecureCluster;
  readonly addonName: string;
  /** Names the role: `<cluster>-<roleSuffix>`. */
  readonly roleSuffix: string;
  /** The controller's service account, which EKS Pod Identity gives the role's credentials. */
  readonly serviceAccount: string;
  /** The AWS managed policy the add-on's documentation names, e.g. `service-role/AmazonEBSCSIDriverPolicy`. */
  readonly managedPolicy: string;
  /** Extra permissions the managed policy lacks (e.g. customer keys). */
  readonly inlinePolicy?: { readonly name: string; readonly statements: readonly PolicyStatement[] };
  /** Created first: the add-on's controller needs nodes to become ACTIVE. */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * An EKS add-on whose controller authenticates through EKS Pod Identity: no node
 * credentials, no OIDC provider or thumbprints. Returns the add-on and its role's ARN.
 * @see https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html
 */
export function podIdentityAddon(scope: Construct, options: PodIdentityAddonOptions): { addon: EksAddon; roleArn: string } {
  const ctx = AwsContext.of(scope);
  const role = new IamRole(scope, 'Role', {
    name: `${options.cluster.clusterName}-${options.roleSuffix}`,
    assumeRolePolicy: serviceTrustPolicy('pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
  });
  const grants: ITerraformDependable[] = [
    new IamRolePolicyAttachment(scope, 'DriverPolicy', { role: role.name, policyArn: ctx.managedPolicyArn(options.managedPolicy) }),
  ];
  if (options.inlinePolicy) {
    grants.push(new IamRolePolicy(scope, 'KeyPolicy', { role: role.id, name: options.inlinePolicy.name, policy: policyDocument(options.inlinePolicy.statements) }));
  }
  const addon = new EksAddon(scope, 'Resource', {
    clusterName: options.cluster.clusterName,
    addonName: options.addonName,
    resolveConflictsOnCreate: 'OVERWRITE',
    resolveConflictsOnUpdate: 'OVERWRITE',
    podIdentityAssociation: [{ roleArn: role.arn, serviceAccount: options.serviceAccount }],
    dependsOn: [...grants, ...(options.dependsOn ?? [])],
  });
  return { addon, roleArn: role.arn };
}
