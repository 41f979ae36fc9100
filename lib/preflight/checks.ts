import { azureClusterAccessCheck } from './azure-cluster-access';
import { azureRunnerCheck } from './azure-runner';
import { awsClusterEndpointCheck } from './aws-cluster-endpoint';
import { awsRegistryCredentialCheck } from './aws-registry-credential';
import type { PreflightCheck } from './preflight';

/**
 * The preflight checks `hms-sys apply` runs, in order. Cloud modules add theirs
 * (e.g. the EKS API endpoint before a Kubernetes stack, the Key Vault's private
 * path before an Azure stack).
 */
export const PREFLIGHT_CHECKS: readonly PreflightCheck[] = [azureRunnerCheck(), azureClusterAccessCheck(), awsClusterEndpointCheck(), awsRegistryCredentialCheck()];
