/**
 * The stack classes, each loaded on first use after checking that its provider
 * bindings are installed: `addBlueprintStacks` for an AWS-only blueprint (or an
 * agency's `import { EksStack } from 'hms-sys/stacks'`) never loads
 * `@cdktf/provider-azurerm`, and a missing binding is one line naming the package.
 * Each name is both the (lazy) class and its instance type.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a static import would load every provider */
import { lazyClass } from '../lib/core/lazy';
import { requireProviderBinding, type ProviderBinding } from '../lib/core/providers';
import type * as Aks from './aks-stack';
import type * as Eks from './eks-stack';
import type * as Kubernetes from './kubernetes-stack';
import type * as StateBucket from './state-bucket-stack';
import type * as TerraformCloud from './terraform-cloud-stack';

function load<T>(bindings: readonly ProviderBinding[], usedBy: string, module: () => T): () => T {
  return () => {
    bindings.forEach((b) => requireProviderBinding(b, `hms-sys/stacks ${usedBy}`));
    return module();
  };
}

export const EksStack = lazyClass(load(['aws'], 'EksStack', () => (require('./eks-stack') as typeof Eks).EksStack));
export type EksStack = Eks.EksStack;
export const AksStack = lazyClass(load(['azure'], 'AksStack', () => (require('./aks-stack') as typeof Aks).AksStack));
export type AksStack = Aks.AksStack;
export const KubernetesStack = lazyClass(load(['k8s'], 'KubernetesStack', () => (require('./kubernetes-stack') as typeof Kubernetes).KubernetesStack));
export type KubernetesStack = Kubernetes.KubernetesStack;
export const StateBucketStack = lazyClass(load(['aws'], 'StateBucketStack', () => (require('./state-bucket-stack') as typeof StateBucket).StateBucketStack));
export type StateBucketStack = StateBucket.StateBucketStack;
export const TerraformCloudStack = lazyClass(load(['tfe'], 'TerraformCloudStack', () => (require('./terraform-cloud-stack') as typeof TerraformCloud).TerraformCloudStack));
export type TerraformCloudStack = TerraformCloud.TerraformCloudStack;
/* eslint-enable @typescript-eslint/no-require-imports */

export type { AksStackProps } from './aks-stack';
export type { EksStackProps } from './eks-stack';
export type { ClusterConnection, KubernetesStackProps } from './kubernetes-stack';
export type { TerraformCloudStackProps, WorkspaceSpec } from './terraform-cloud-stack';
