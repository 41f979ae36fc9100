/**
 * The public API of hms-sys. The cloud namespaces load their provider bindings on
 * first use, so an AWS-only agency that never touches `azure` need not install
 * `@cdktf/provider-azurerm` (and the reverse); a missing one fails with one line
 * naming the package. Types: `import type { SecureNodePoolProps } from 'hms-sys/aws'`.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a static import would load every provider on `import 'hms-sys'` */
import type * as AwsApi from './aws';
import type * as AzureApi from './azure';
import type * as K8sApi from './k8s';
import { lazyNamespace } from './core/lazy';

export const aws: typeof AwsApi = lazyNamespace(() => require('./aws'));
export const azure: typeof AzureApi = lazyNamespace(() => require('./azure'));
export const k8s: typeof K8sApi = lazyNamespace(() => require('./k8s'));
/* eslint-enable @typescript-eslint/no-require-imports */
export * as blueprint from './blueprint';
export * as core from './core';
export * as policy from './policy';
